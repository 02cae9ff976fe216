#pragma once
// SQL for the desk: interactions, tickets, their comments and the yearly
// ticket counters. Every write of an interaction, a ticket or a comment also
// rewrites the record's search document (search/search_index.h).
#include <relais/desk/desk_service.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea desk_schema();

std::optional<Interaction> find_interaction(spi::Connection& connection, const Uuid& id);
void insert_interaction(spi::Connection& connection, const Interaction& interaction);
// Writes every field and version + 1 when the stored version is
// `expected_version`; returns false (writing nothing) otherwise.
bool update_interaction(spi::Connection& connection, const Interaction& interaction, std::int64_t expected_version);
// Most recent first, keyset-paged on (occurred_at, id).
InteractionPage interaction_page(spi::Connection& connection, const Uuid& customer, const TimelineQuery& query);
InteractionPage calls_to_qualify_page(spi::Connection& connection, std::size_t limit, std::string_view after);
// Whether an imported call (with its source) is already traced: a call of
// its system with the same call id, or a call of the same number from
// `margin` before its start to `margin` after its end (one typed in during
// or after the call). A call with an id is never taken for another call of
// its system that has one.
bool call_already_logged(spi::Connection& connection, const Interaction& call, std::chrono::seconds margin);
// Interactions per kind of one customer.
std::map<std::string, std::int64_t> interaction_counts(spi::Connection& connection, const Uuid& customer);

std::optional<Ticket> find_ticket(spi::Connection& connection, const Uuid& id);
std::optional<Ticket> find_ticket_by_number(spi::Connection& connection, std::string_view number);
void insert_ticket(spi::Connection& connection, const Ticket& ticket);
bool update_ticket(spi::Connection& connection, const Ticket& ticket, std::int64_t expected_version);
// The next number of `year` (1, 2, ...), counted in the write transaction.
std::int64_t next_ticket_number(spi::Connection& connection, int year);
TicketPage ticket_page(spi::Connection& connection, const TicketQuery& query);
// The tickets of "SELECT <ticket columns> FROM tickets " + `where` (a WHERE
// clause, its ORDER BY and LIMIT), for the readers of other areas (the
// dashboard) that choose their own index.
std::vector<Ticket> select_tickets(spi::Connection& connection, std::string_view where,
                                   std::span<const spi::Value> params);
// Open-or-closed totals of one customer: {not resolved nor closed, all}.
std::pair<std::int64_t, std::int64_t> ticket_counts(spi::Connection& connection, const Uuid& customer);

// The rows of follow-up sheets already imported, by (system, row key).
bool follow_up_row_imported(spi::Connection& connection, const std::string& system, const std::string& row_key);
void record_follow_up_row(spi::Connection& connection, const std::string& system, const std::string& row_key,
                          const Uuid& ticket, const Uuid& interaction, Timestamp imported_at);

// Stores a comment of `ticket` (comment.ticket is not read).
void insert_comment(spi::Connection& connection, const Ticket& ticket, const TicketComment& comment);
std::vector<TicketComment> ticket_comments(spi::Connection& connection, const Uuid& ticket);

}  // namespace relais::inline v1::detail
