#pragma once
// The desk's steps inside a transaction, shared by the service's calls and
// by the imports (call logs, follow-up sheets), so that an imported call or
// ticket is checked, numbered and journaled exactly like one typed in.
#include <relais/clock.h>
#include <relais/desk/desk_service.h>
#include <relais/spi/storage.h>

#include "workspace/workspace_core.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

inline constexpr std::string_view kTicketEntity = "ticket";

// Throws NotFoundError.
Customer existing_customer(spi::Connection& connection, const Uuid& id);
// The customer exists, and the contact, site and ticket are its own. Throws
// NotFoundError, or InvalidInputError for a contact, site or ticket without
// a customer.
void check_references(spi::Connection& connection, const std::optional<Uuid>& customer_id,
                      const std::optional<Uuid>& contact, const std::optional<Uuid>& site,
                      const std::optional<Uuid>& ticket);
// Throws InvalidInputError naming `field` unless `login` is an active user.
void check_active_user(spi::Connection& connection, std::string_view login, std::string_view field);

// Unarchived customers and contacts owning `phone`, by name. Throws
// InvalidInputError when it is not a phone number.
CallerLookup find_callers(spi::Connection& connection, std::string_view phone);

// Stores a checked new interaction (from interaction_from_call/draft): its
// references and user are checked (an empty user is `actor`), id, times and
// version set, and the entry journaled ("log").
Interaction store_interaction(WriteScope& scope, Interaction interaction, const Clock& clock,
                              const std::string& actor);
// Stores a checked new ticket (from ticket_from_draft), with its status as
// set: references, assignee and requester checked, the next number of the
// year (Paris time) given, journaled ("open").
Ticket store_ticket(WriteScope& scope, Ticket ticket, const Clock& clock);

// Writes `changed` over `stored` (read in this transaction) under optimistic
// concurrency: updated_at set, version + 1, journaled as `action` with the
// fields that differ plus `extra`. Throws ConflictError when the stored
// version is no longer stored.version.
Ticket store_ticket_change(WriteScope& scope, const Ticket& stored, Ticket changed, std::string_view action,
                           std::vector<FieldChange> extra = {});

}  // namespace relais::inline v1::detail
