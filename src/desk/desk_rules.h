#pragma once
// The desk's record rules, without a database: checking drafts and changes
// (every bad field reported at once) and the field lists journaled for
// interactions and tickets.
#include <relais/desk/desk_service.h>
#include <relais/journal.h>

#include <optional>
#include <string>
#include <vector>

namespace relais::inline v1::detail {

// Bounds on what a person can type: far above real use, far below what
// would hurt the base (a pasted 5 MB document).
inline constexpr std::size_t kMaxSubjectBytes = 500;
inline constexpr std::size_t kMaxTextBytes = 100'000;

// A new interaction from a call draft: number in E.164, start defaulted to
// `now`. Throws InvalidInputError listing every bad field. References
// (customer, contact...) are checked against the base by the service.
Interaction interaction_from_call(const CallDraft& draft, Timestamp now);
Interaction interaction_from_draft(const InteractionDraft& draft, Timestamp now);
// `stored` with `changes` applied and checked.
Interaction changed_interaction(const Interaction& stored, const InteractionChanges& changes, Timestamp now);

// A new ticket (number, id and times left to the service). Throws
// InvalidInputError listing every bad field.
Ticket ticket_from_draft(const TicketDraft& draft, Timestamp now);
Ticket changed_ticket(const Ticket& stored, const TicketChanges& changes, Timestamp now);
// The ticket moved to `status`, with resolved_at / closed_at kept in step.
// Throws InvalidInputError naming the transition ("closed -> scheduled"),
// or a missing reason for reopening a closed ticket.
Ticket ticket_with_status(const Ticket& stored, TicketStatus status, std::string_view reason, Timestamp now);
Ticket ticket_with_stage(const Ticket& stored, TechnicianStage stage);

// Journal field lists: every field of a new record (`before` null), or the
// fields that differ.
std::vector<FieldChange> interaction_changes(const Interaction* before, const Interaction& after);
std::vector<FieldChange> ticket_changes(const Ticket* before, const Ticket& after);

}  // namespace relais::inline v1::detail
