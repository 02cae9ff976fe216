#pragma once
// Follow-up rules: declarative, per workspace, stored and journaled. A rule
// watches the durable event feed: an event matching one of its triggers
// starts a follow-up of the event's target (a ticket, later a quote, an
// intervention...), which falls due in steps; an event matching a stop
// condition on that target ends it. docs/reminders.md shows how to write one.
// Plain value types.
#include <relais/export.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

// A pattern over one event of the feed (relais::Event).
struct EventMatch {
  // The event type: "TicketOpened", "TicketStatusChanged", "EmailLogged"...
  // Must be one the rule's target kind knows (reminder_target_kinds()).
  std::string event;
  // "" matches the event whatever it changed. Otherwise a field of the
  // event's changes ("status", "callback_at"):
  std::string field;
  // - with no value: the event must have changed `field`;
  // - with values: the field's new value must be one of them ("" stands for
  //   a field absent, null or empty). JSON strings are compared unquoted.
  std::vector<std::string> values;
  // Where the target's id is: "" = the event's own record; else a field of
  // the changes holding it ("ticket" for an email logged on a ticket).
  std::string target_field;
  bool operator==(const EventMatch&) const = default;
};

enum class DelayUnit { calendar_days, working_days };

// One step of a follow-up: it falls due `offset` units after the anchor.
struct EscalationStep {
  int offset = 0;                     // >= 0, strictly increasing along the steps
  std::string reason;                 // what the person should do, shown to them (required)
  // Who is told at this step: "" = the rule's assignee; else a login (a
  // manager, for a last step that escalates).
  std::string assignee;
  bool operator==(const EscalationStep&) const = default;
};

// Who a rule's reminders go to.
enum class AssigneeRule {
  target_assignee,  // the target's assignee when the follow-up starts (a ticket's), else `fallback_assignee`
  fixed,            // always `fallback_assignee` ("" = the whole office)
  event_actor,      // the user whose change started the follow-up
};

struct FollowUpRule {
  // The rule's key: 1 to 64 of a-z, 0-9, '.', '_', '-' ("desk.waiting_customer").
  std::string name;
  std::string description;            // for the people configuring rules
  bool enabled = true;
  // The kind of record followed: "ticket" (more kinds as areas land; see
  // reminder_target_kinds()).
  std::string target_kind = "ticket";
  // Any one of these starts (or restarts) a follow-up of the target. At
  // least one.
  std::vector<EventMatch> triggers;
  // The instant the delays count from: "" = the triggering event's time;
  // else a field of its changes holding a time ("callback_at"). When that
  // field is empty, the trigger only ends the previous follow-up.
  std::string anchor_field;
  DelayUnit unit = DelayUnit::working_days;
  // At least one, offsets increasing.
  std::vector<EscalationStep> steps;
  // The follow-up's open reminders are cancelled (expired) this many units
  // after the anchor; must be after the last step. None: they stay open.
  std::optional<int> expire_after;
  // Any one of these, on the target, ends the follow-up: its open reminders
  // are cancelled.
  std::vector<EventMatch> stop_when;
  AssigneeRule assignee = AssigneeRule::target_assignee;
  std::string fallback_assignee;      // a login, or "" (nobody in particular)

  // Set by the service.
  std::int64_t version = 0;
  bool operator==(const FollowUpRule&) const = default;
};

RELAIS_API std::string_view to_string(DelayUnit unit) noexcept;
RELAIS_API std::string_view to_string(AssigneeRule rule) noexcept;
// Each throws InvalidInputError naming `field` and the value.
RELAIS_API DelayUnit parse_delay_unit(std::string_view text, std::string_view field = "unit");
RELAIS_API AssigneeRule parse_assignee_rule(std::string_view text, std::string_view field = "assignee");

// A kind of record reminders can follow, and the events that concern it.
struct ReminderTargetKind {
  std::string kind;                   // "ticket"
  std::vector<std::string> events;    // the event types rules may name for it
  bool operator==(const ReminderTargetKind&) const = default;
};

// The kinds known to this library, by kind. Areas that land later (quotes,
// interventions, surveys, maintenance) add theirs.
RELAIS_API std::vector<ReminderTargetKind> reminder_target_kinds();

// The rules a new workspace starts with (docs/reminders.md):
//   desk.waiting_customer: a ticket waiting for the customer is relaunched
//     after 7, then 14 working days, until its status moves or the customer
//     calls, writes or visits (an inbound interaction logged on it);
//   desk.callback: a promised callback (callback_at) is due at its time,
//     until the ticket is resolved or closed;
//   desk.unassigned: a ticket opened without an assignee is signalled after
//     1 working day, until it is assigned, resolved or closed.
RELAIS_API std::vector<FollowUpRule> default_follow_up_rules();

}  // namespace v1
}  // namespace relais
