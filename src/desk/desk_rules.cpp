#include "desk/desk_rules.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "core/field_checks.h"
#include "storage/timestamps.h"

#include <chrono>

namespace relais::inline v1::detail {
namespace {

using namespace std::chrono_literals;

// Nothing the desk traces happened before 2000 (a date typed as 1900 or
// 0001 is a mistake) nor more than a day ahead (clocks differ a little).
constexpr Timestamp kEarliest = std::chrono::sys_days{std::chrono::year{2000} / 1 / 1};
constexpr auto kLongestCall = std::chrono::seconds(24h);

Timestamp checked_time(FieldErrors& errors, std::optional<Timestamp> time, const std::string& field, Timestamp now) {
  if (!time) return now;
  if (*time < kEarliest || *time > now + 24h) {
    errors.add(field, format_timestamp(*time), "expected a time between 2000 and tomorrow");
  }
  return *time;
}

// Due and callback times: from 2000 on, at most ten years ahead.
void check_deadline(FieldErrors& errors, const std::optional<Timestamp>& time, const std::string& field,
                    Timestamp now) {
  if (time && (*time < kEarliest || *time > now + 24h * 3660)) {
    errors.add(field, format_timestamp(*time), "expected a time between 2000 and ten years from now");
  }
}

void check_duration(FieldErrors& errors, std::chrono::seconds duration) {
  if (duration < 0s || duration > kLongestCall) {
    errors.add("duration", std::to_string(duration.count()), "expected 0 to 86400 seconds");
  }
}

std::string checked_phone(FieldErrors& errors, std::string_view phone, bool required) {
  if (phone.empty() && !required) return {};
  return checked(errors, phone, "phone", normalize_phone);
}

// Fields every interaction shares, checked the same way for each kind.
void check_common(FieldErrors& errors, Interaction& interaction) {
  interaction.subject = optional_text(errors, interaction.subject, "subject", kMaxSubjectBytes);
  interaction.notes = optional_text(errors, interaction.notes, "notes", kMaxTextBytes);
}

std::string id_text(const std::optional<Uuid>& id) { return id ? id->to_string() : std::string(); }
std::string time_text(const std::optional<Timestamp>& time) { return time ? format_timestamp(*time) : std::string(); }

nlohmann::json source_json(const std::optional<CallSource>& source) {
  if (!source) return nullptr;
  return {{"system", source->system}, {"call_id", source->call_id}, {"extension", source->extension},
          {"answered", source->answered}};
}

void list_interaction(ChangeList& list, const Interaction* before, const Interaction& after) {
  auto field = [&](std::string_view name, auto get) { list.field(name, before, after, get); };
  field("kind", [](const Interaction& i) { return std::string(to_string(i.kind)); });
  field("customer", [](const Interaction& i) { return id_text(i.customer); });
  field("contact", [](const Interaction& i) { return id_text(i.contact); });
  field("site", [](const Interaction& i) { return id_text(i.site); });
  field("ticket", [](const Interaction& i) { return id_text(i.ticket); });
  field("occurred_at", [](const Interaction& i) { return format_timestamp(i.occurred_at); });
  field("user", [](const Interaction& i) { return i.user; });
  field("subject", [](const Interaction& i) { return i.subject; });
  field("notes", [](const Interaction& i) { return i.notes; });
  field("direction", [](const Interaction& i) { return std::string(to_string(i.direction)); });
  field("phone", [](const Interaction& i) { return i.phone; });
  field("duration", [](const Interaction& i) { return static_cast<std::int64_t>(i.duration.count()); });
  field("outcome", [](const Interaction& i) { return i.outcome ? std::string(to_string(*i.outcome)) : std::string(); });
  field("source", [](const Interaction& i) { return source_json(i.source); });
}

void list_ticket(ChangeList& list, const Ticket* before, const Ticket& after) {
  auto field = [&](std::string_view name, auto get) { list.field(name, before, after, get); };
  field("number", [](const Ticket& t) { return t.number; });
  field("kind", [](const Ticket& t) { return std::string(to_string(t.kind)); });
  field("source", [](const Ticket& t) { return std::string(to_string(t.source)); });
  field("status", [](const Ticket& t) { return std::string(to_string(t.status)); });
  field("priority", [](const Ticket& t) { return std::string(to_string(t.priority)); });
  field("customer", [](const Ticket& t) { return t.customer.to_string(); });
  field("contact", [](const Ticket& t) { return id_text(t.contact); });
  field("site", [](const Ticket& t) { return id_text(t.site); });
  field("subject", [](const Ticket& t) { return t.subject; });
  field("description", [](const Ticket& t) { return t.description; });
  field("queue", [](const Ticket& t) { return t.queue; });
  field("assignee", [](const Ticket& t) { return t.assignee; });
  field("due_at", [](const Ticket& t) { return time_text(t.due_at); });
  field("callback_at", [](const Ticket& t) { return time_text(t.callback_at); });
  field("stage", [](const Ticket& t) { return std::string(to_string(t.stage)); });
  field("requested_by", [](const Ticket& t) { return t.requested_by; });
  field("quote_ids", [](const Ticket& t) { return t.quote_ids; });
  field("intervention_ids", [](const Ticket& t) { return t.intervention_ids; });
}

template <typename Optional, typename Value>
void apply(const Optional& change, Value& target) {
  if (change) target = *change;
}

}  // namespace

Interaction interaction_from_call(const CallDraft& draft, Timestamp now) {
  FieldErrors errors;
  Interaction call;
  call.kind = InteractionKind::call;
  call.customer = draft.customer;
  call.contact = draft.contact;
  call.site = draft.site;
  call.ticket = draft.ticket;
  call.direction = draft.direction;
  call.phone = checked_phone(errors, draft.phone, true);
  call.occurred_at = checked_time(errors, draft.started_at, "started_at", now);
  check_duration(errors, draft.duration);
  call.duration = draft.duration;
  call.user = draft.user;
  call.subject = draft.subject;
  call.notes = draft.notes;
  call.outcome = draft.outcome;
  check_common(errors, call);
  if (!draft.customer && draft.outcome != CallOutcome::to_qualify) {
    errors.add("customer", "", "required unless the outcome is to_qualify");
  }
  errors.throw_if_any();
  return call;
}

Interaction interaction_from_draft(const InteractionDraft& draft, Timestamp now) {
  FieldErrors errors;
  if (draft.kind == InteractionKind::call) errors.add("kind", "call", "calls are logged with log_call");
  Interaction interaction;
  interaction.kind = draft.kind;
  interaction.customer = draft.customer;
  if (draft.customer.is_nil()) errors.add("customer", "", "required");
  interaction.contact = draft.contact;
  interaction.site = draft.site;
  interaction.ticket = draft.ticket;
  interaction.occurred_at = checked_time(errors, draft.occurred_at, "occurred_at", now);
  interaction.user = draft.user;
  interaction.subject = draft.subject;
  interaction.notes = draft.notes;
  interaction.direction = draft.direction;
  interaction.phone = checked_phone(errors, draft.phone, draft.kind == InteractionKind::sms);
  check_common(errors, interaction);
  errors.throw_if_any();
  return interaction;
}

Interaction changed_interaction(const Interaction& stored, const InteractionChanges& changes, Timestamp now) {
  FieldErrors errors;
  Interaction changed = stored;
  if (changes.customer) changed.customer = *changes.customer;
  apply(changes.contact, changed.contact);
  apply(changes.site, changed.site);
  apply(changes.ticket, changed.ticket);
  apply(changes.subject, changed.subject);
  apply(changes.notes, changed.notes);
  if (changes.outcome) changed.outcome = *changes.outcome;
  if (changes.duration) {
    check_duration(errors, *changes.duration);
    changed.duration = *changes.duration;
  }
  if (changes.duration && changed.kind != InteractionKind::call) {
    errors.add("duration", std::string(to_string(changed.kind)), "only calls have a duration");
  }
  // An email or SMS dealt with on the spot is closed as no_follow_up: the
  // one outcome that is not about how a call went.
  const bool written = changed.kind == InteractionKind::email || changed.kind == InteractionKind::sms;
  if (changes.outcome && changed.kind != InteractionKind::call &&
      !(written && *changes.outcome == CallOutcome::no_follow_up)) {
    errors.add("outcome", std::string(to_string(*changes.outcome)),
               "only calls have an outcome; an email or SMS may only be closed as no_follow_up");
  }
  if (!changed.customer && changed.outcome != CallOutcome::to_qualify) {
    errors.add("customer", "", "required unless the outcome is to_qualify");
  }
  check_common(errors, changed);
  errors.throw_if_any();
  changed.updated_at = now;
  return changed;
}

Ticket ticket_from_draft(const TicketDraft& draft, Timestamp now) {
  FieldErrors errors;
  Ticket ticket;
  ticket.kind = draft.kind;
  ticket.source = draft.source;
  ticket.priority = draft.priority;
  ticket.customer = draft.customer;
  if (draft.customer.is_nil()) errors.add("customer", "", "required");
  ticket.contact = draft.contact;
  ticket.site = draft.site;
  ticket.subject = required_text(errors, draft.subject, "subject", kMaxSubjectBytes);
  ticket.description = optional_text(errors, draft.description, "description", kMaxTextBytes);
  ticket.queue = optional_text(errors, draft.queue, "queue", kMaxSubjectBytes);
  ticket.assignee = std::string(trim(draft.assignee));
  check_deadline(errors, draft.due_at, "due_at", now);
  check_deadline(errors, draft.callback_at, "callback_at", now);
  ticket.due_at = draft.due_at;
  ticket.callback_at = draft.callback_at;
  if (draft.kind == TicketKind::technician_request) {
    ticket.stage = TechnicianStage::quote_to_prepare;
    ticket.requested_by = std::string(trim(draft.requested_by));
  } else if (!draft.requested_by.empty()) {
    errors.add("requested_by", draft.requested_by, "only technician requests have a requester");
  }
  errors.throw_if_any();
  return ticket;
}

Ticket changed_ticket(const Ticket& stored, const TicketChanges& changes, Timestamp now) {
  FieldErrors errors;
  Ticket changed = stored;
  if (changes.kind && (*changes.kind == TicketKind::technician_request) != (stored.kind == TicketKind::technician_request)) {
    errors.add("kind", std::string(to_string(*changes.kind)),
               "a ticket cannot become or stop being a technician request");
  }
  apply(changes.kind, changed.kind);
  apply(changes.priority, changed.priority);
  apply(changes.contact, changed.contact);
  apply(changes.site, changed.site);
  if (changes.subject) changed.subject = required_text(errors, *changes.subject, "subject", kMaxSubjectBytes);
  if (changes.description) {
    changed.description = optional_text(errors, *changes.description, "description", kMaxTextBytes);
  }
  if (changes.queue) changed.queue = optional_text(errors, *changes.queue, "queue", kMaxSubjectBytes);
  apply(changes.due_at, changed.due_at);
  apply(changes.callback_at, changed.callback_at);
  if (changes.due_at) check_deadline(errors, changed.due_at, "due_at", now);
  if (changes.callback_at) check_deadline(errors, changed.callback_at, "callback_at", now);
  apply(changes.quote_ids, changed.quote_ids);
  apply(changes.intervention_ids, changed.intervention_ids);
  errors.throw_if_any();
  changed.updated_at = now;
  return changed;
}

Ticket ticket_with_status(const Ticket& stored, TicketStatus status, std::string_view reason, Timestamp now) {
  const std::string move = std::string(to_string(stored.status)) + " -> " + std::string(to_string(status));
  if (!can_transition(stored.status, status)) {
    throw InvalidInputError("status", move, "this transition is not allowed");
  }
  if (stored.status == TicketStatus::closed && trim(reason).empty()) {
    throw InvalidInputError("reason", "", "reopening a closed ticket needs a reason");
  }
  if (reason.size() > kMaxTextBytes) {
    throw InvalidInputError("reason", reason, "longer than " + std::to_string(kMaxTextBytes) + " bytes");
  }
  Ticket changed = stored;
  changed.status = status;
  changed.updated_at = now;
  if (status == TicketStatus::resolved) changed.resolved_at = now;
  if (status == TicketStatus::closed) changed.closed_at = now;
  if (status == TicketStatus::open) {
    changed.resolved_at.reset();
    changed.closed_at.reset();
  }
  return changed;
}

Ticket ticket_with_stage(const Ticket& stored, TechnicianStage stage) {
  if (stored.kind != TicketKind::technician_request) {
    throw InvalidInputError("stage", std::string(to_string(stage)),
                            "only technician requests have a stage; ticket " + stored.number + " is " +
                                std::string(to_string(stored.kind)));
  }
  if (!can_advance(stored.stage, stage)) {
    throw InvalidInputError("stage", std::string(to_string(stored.stage)) + " -> " + std::string(to_string(stage)),
                            "this stage change is not allowed");
  }
  Ticket changed = stored;
  changed.stage = stage;
  return changed;
}

std::vector<FieldChange> interaction_changes(const Interaction* before, const Interaction& after) {
  ChangeList list;
  list_interaction(list, before, after);
  return list.take();
}

std::vector<FieldChange> ticket_changes(const Ticket* before, const Ticket& after) {
  ChangeList list;
  list_ticket(list, before, after);
  return list.take();
}

}  // namespace relais::inline v1::detail
