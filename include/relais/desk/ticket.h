#pragma once
// Tickets: the customer requests the desk follows until they are done. The
// kinds and sources are the one vocabulary shared with the mail categories
// (docs/desk.md). Plain value types.
#include <relais/clock.h>
#include <relais/export.h>
#include <relais/ids.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

enum class TicketKind {
  quote_request,
  breakdown,                // breakdown or urgent repair
  after_sales,              // after-sales or complaint
  maintenance_appointment,
  information,
  administrative,
  technician_request,       // a technician asks for a quote for a customer
};

enum class TicketSource { phone, email, web_form, technician, portal };

// The lifecycle (can_transition() gives the allowed moves):
//   new -> open | resolved
//   open -> waiting_customer | waiting_internal | scheduled | resolved
//   waiting_customer | waiting_internal | scheduled -> open | resolved
//   resolved -> closed | open
//   closed -> open (a reason is required)
// `new_` is spelled "new" in text, Python and the journal.
enum class TicketStatus { new_, open, waiting_customer, waiting_internal, scheduled, resolved, closed };

enum class TicketPriority { low, normal, high, urgent };

// Where a technician's quote request stands, kept apart from the status:
//   none -> quote_to_prepare -> quote_sent -> follow_up -> accepted | refused
// (quote_sent may also go straight to accepted or refused).
enum class TechnicianStage { none, quote_to_prepare, quote_sent, follow_up, accepted, refused };

RELAIS_API std::string_view to_string(TicketKind kind) noexcept;
RELAIS_API std::string_view to_string(TicketSource source) noexcept;
RELAIS_API std::string_view to_string(TicketStatus status) noexcept;
RELAIS_API std::string_view to_string(TicketPriority priority) noexcept;
RELAIS_API std::string_view to_string(TechnicianStage stage) noexcept;
// Each throws InvalidInputError naming `field` and the value.
RELAIS_API TicketKind parse_ticket_kind(std::string_view text, std::string_view field = "kind");
RELAIS_API TicketSource parse_ticket_source(std::string_view text, std::string_view field = "source");
RELAIS_API TicketStatus parse_ticket_status(std::string_view text, std::string_view field = "status");
RELAIS_API TicketPriority parse_ticket_priority(std::string_view text, std::string_view field = "priority");
RELAIS_API TechnicianStage parse_technician_stage(std::string_view text, std::string_view field = "stage");

// Whether the lifecycle allows `from` -> `to` (a status to itself is not a
// move). Pure.
RELAIS_API bool can_transition(TicketStatus from, TicketStatus to) noexcept;
RELAIS_API bool can_advance(TechnicianStage from, TechnicianStage to) noexcept;

struct Ticket {
  Uuid id;
  std::string number;                 // "T-2026-000042": year in Paris time, then a yearly counter
  TicketKind kind = TicketKind::information;
  TicketSource source = TicketSource::phone;
  TicketStatus status = TicketStatus::new_;
  TicketPriority priority = TicketPriority::normal;
  Uuid customer;
  std::optional<Uuid> contact;
  std::optional<Uuid> site;
  std::string subject;
  std::string description;
  std::string queue;                  // "sav", "devis"...: free team names
  std::string assignee;               // login, or "" when unassigned
  std::optional<Timestamp> due_at;
  std::optional<Timestamp> callback_at;  // promised callback
  TechnicianStage stage = TechnicianStage::none;
  std::string requested_by;           // technician_request: the technician's login
  // Links to records of later areas (quotes, interventions), by id.
  std::vector<std::string> quote_ids;
  std::vector<std::string> intervention_ids;
  Timestamp created_at{};
  Timestamp updated_at{};
  std::optional<Timestamp> resolved_at;
  std::optional<Timestamp> closed_at;
  std::int64_t version = 0;
  bool operator==(const Ticket&) const = default;
};

struct TicketDraft {
  TicketKind kind = TicketKind::information;
  TicketSource source = TicketSource::phone;
  TicketPriority priority = TicketPriority::normal;
  Uuid customer;
  std::optional<Uuid> contact;
  std::optional<Uuid> site;
  std::string subject;                // required
  std::string description;
  std::string queue;
  std::string assignee;               // "" = unassigned; else an active user
  std::optional<Timestamp> due_at;
  std::optional<Timestamp> callback_at;
  // technician_request: the technician; "" = the acting user. The stage
  // starts at quote_to_prepare.
  std::string requested_by;
};

// A change to a ticket's description fields (status, assignee and stage have
// their own calls). Only the set members change.
struct TicketChanges {
  std::optional<TicketKind> kind;
  std::optional<TicketPriority> priority;
  std::optional<std::optional<Uuid>> contact;
  std::optional<std::optional<Uuid>> site;
  std::optional<std::string> subject;
  std::optional<std::string> description;
  std::optional<std::string> queue;
  std::optional<std::optional<Timestamp>> due_at;
  std::optional<std::optional<Timestamp>> callback_at;
  std::optional<std::vector<std::string>> quote_ids;
  std::optional<std::vector<std::string>> intervention_ids;
};

struct TicketComment {
  Uuid id;
  Uuid ticket;
  std::string author;                 // login
  std::string text;
  bool internal = false;              // internal note, never shown to the customer
  Timestamp created_at{};
  bool operator==(const TicketComment&) const = default;
};

}  // namespace v1
}  // namespace relais
