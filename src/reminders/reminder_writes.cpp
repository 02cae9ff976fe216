#include "reminders/reminder_writes.h"

#include "core/stale_version.h"
#include "desk/desk_writes.h"
#include "reminders/reminder_rules.h"

namespace relais::inline v1::detail {

Reminder write_reminder(WriteScope& scope, const Reminder& stored, Reminder changed, std::string_view action,
                        std::optional<Announced> announced) {
  changed.updated_at = scope.now();
  if (!update_reminder(scope.connection(), changed, stored.version, announced)) {
    auto current = find_reminder(scope.connection(), stored.id);
    throw stale_version(kReminderEntity, stored.id.to_string(), current ? current->version : 0, stored.version);
  }
  changed.version = stored.version + 1;
  scope.record({std::string(kReminderEntity), stored.id.to_string(), std::string(action),
                reminder_changes(&stored, changed)});
  return changed;
}

Reminder close_reminder(WriteScope& scope, const Reminder& stored, ReminderState state, std::string note,
                        std::string_view action) {
  Reminder closed = stored;
  closed.state = state;
  closed.note = std::move(note);
  closed.closed_at = scope.now();
  return write_reminder(scope, stored, std::move(closed), action);
}

void check_rule_logins(spi::Connection& connection, const FollowUpRule& rule) {
  if (!rule.fallback_assignee.empty()) check_active_user(connection, rule.fallback_assignee, "fallback_assignee");
  for (std::size_t i = 0; i < rule.steps.size(); ++i) {
    if (rule.steps[i].assignee.empty()) continue;
    check_active_user(connection, rule.steps[i].assignee, "steps[" + std::to_string(i) + "].assignee");
  }
}

FollowUpRule store_rule(WriteScope& scope, FollowUpRule rule) {
  auto& connection = scope.connection();
  check_rule_logins(connection, rule);
  if (find_rule(connection, rule.name)) {
    throw ConflictError("the follow-up rule '" + rule.name + "' already exists",
                        {{"entity", std::string(kRuleEntity)}, {"id", rule.name}});
  }
  rule.version = 1;
  insert_rule(connection, rule);
  scope.record({std::string(kRuleEntity), rule.name, "create", rule_changes(nullptr, rule)});
  return rule;
}

}  // namespace relais::inline v1::detail
