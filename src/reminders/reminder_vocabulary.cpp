// The words of the reminders area (states, windows, units, assignee rules),
// the kinds of record they can follow, and the rules a workspace starts with.
#include <relais/reminders/follow_up_rule.h>
#include <relais/reminders/reminder.h>

#include "core/civil_time.h"
#include "core/enum_names.h"
#include "reminders/reminder_targets.h"

namespace relais {
inline namespace v1 {
namespace {

constexpr detail::EnumNames kStates{std::array<std::pair<ReminderState, std::string_view>, 4>{{
    {ReminderState::pending, "pending"},
    {ReminderState::done, "done"},
    {ReminderState::snoozed, "snoozed"},
    {ReminderState::cancelled, "cancelled"}}}};

constexpr detail::EnumNames kWindows{std::array<std::pair<ReminderWindow, std::string_view>, 5>{{
    {ReminderWindow::open, "open"},
    {ReminderWindow::due_today, "due_today"},
    {ReminderWindow::overdue, "overdue"},
    {ReminderWindow::upcoming, "upcoming"},
    {ReminderWindow::closed, "closed"}}}};

constexpr detail::EnumNames kUnits{std::array<std::pair<DelayUnit, std::string_view>, 2>{{
    {DelayUnit::calendar_days, "calendar_days"},
    {DelayUnit::working_days, "working_days"}}}};

constexpr detail::EnumNames kAssigneeRules{std::array<std::pair<AssigneeRule, std::string_view>, 3>{{
    {AssigneeRule::target_assignee, "target_assignee"},
    {AssigneeRule::fixed, "fixed"},
    {AssigneeRule::event_actor, "event_actor"}}}};

// A ticket that stops waiting for the customer: its status moved, or the
// customer got in touch (an inbound interaction logged on the ticket).
std::vector<EventMatch> customer_answered() {
  std::vector<EventMatch> stops = {{"TicketStatusChanged", "", {}, ""}};
  for (const char* event : {"CallLogged", "EmailLogged", "VisitLogged", "SmsLogged"}) {
    stops.push_back({event, "direction", {"inbound"}, "ticket"});
  }
  return stops;
}

const EventMatch kTicketFinished{"TicketStatusChanged", "status", {"resolved", "closed"}, ""};

}  // namespace

std::string_view to_string(ReminderState state) noexcept { return kStates.name(state); }
ReminderState parse_reminder_state(std::string_view text, std::string_view field) { return kStates.parse(text, field); }
std::string_view to_string(ReminderWindow window) noexcept { return kWindows.name(window); }
ReminderWindow parse_reminder_window(std::string_view text, std::string_view field) {
  return kWindows.parse(text, field);
}
std::string_view to_string(DelayUnit unit) noexcept { return kUnits.name(unit); }
DelayUnit parse_delay_unit(std::string_view text, std::string_view field) { return kUnits.parse(text, field); }
std::string_view to_string(AssigneeRule rule) noexcept { return kAssigneeRules.name(rule); }
AssigneeRule parse_assignee_rule(std::string_view text, std::string_view field) {
  return kAssigneeRules.parse(text, field);
}

bool Reminder::overdue(Timestamp now) const { return open() && due_at < detail::paris_start_of_day(now); }

std::vector<ReminderTargetKind> reminder_target_kinds() {
  std::vector<ReminderTargetKind> kinds;
  for (const auto& source : detail::target_kind_sources()) {
    kinds.push_back({std::string(source.kind), {source.events.begin(), source.events.end()}});
  }
  return kinds;
}

std::vector<FollowUpRule> default_follow_up_rules() {
  FollowUpRule waiting;
  waiting.name = "desk.waiting_customer";
  waiting.description = "Relancer le client d'un ticket en attente de sa réponse.";
  waiting.triggers = {{"TicketStatusChanged", "status", {"waiting_customer"}, ""}};
  waiting.unit = DelayUnit::working_days;
  waiting.steps = {{7, "Relancer le client (1re relance)", ""}, {14, "Relancer le client (2e relance)", ""}};
  waiting.stop_when = customer_answered();

  FollowUpRule callback;
  callback.name = "desk.callback";
  callback.description = "Rappeler le client à l'heure promise.";
  callback.triggers = {{"TicketOpened", "callback_at", {}, ""}, {"TicketUpdated", "callback_at", {}, ""}};
  callback.anchor_field = "callback_at";
  callback.unit = DelayUnit::calendar_days;
  callback.steps = {{0, "Rappel promis au client", ""}};
  callback.stop_when = {kTicketFinished};

  FollowUpRule unassigned;
  unassigned.name = "desk.unassigned";
  unassigned.description = "Signaler une nouvelle demande restée sans responsable.";
  unassigned.triggers = {{"TicketOpened", "assignee", {""}, ""}};
  unassigned.unit = DelayUnit::working_days;
  unassigned.steps = {{1, "Nouvelle demande sans responsable : l'attribuer", ""}};
  unassigned.stop_when = {{"TicketAssigned", "", {}, ""}, kTicketFinished};
  unassigned.assignee = AssigneeRule::fixed;

  return {callback, unassigned, waiting};
}

}  // namespace v1
}  // namespace relais
