#pragma once
// The reminders' steps inside a write transaction, shared by the service's
// calls and the scheduler, so that a reminder closed by a person, a stop
// condition or an expiry is written and journaled the same way.
#include <relais/reminders/follow_up_rule.h>
#include <relais/reminders/reminder.h>

#include "reminders/reminder_store.h"
#include "workspace/workspace_core.h"

#include <optional>
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

// Writes `changed` (the same reminder as `stored`) under stored.version and
// journals the difference as `action`; returns it at version + 1. Throws
// ConflictError when the stored version moved. `announced`: see
// update_reminder().
Reminder write_reminder(WriteScope& scope, const Reminder& stored, Reminder changed, std::string_view action,
                        std::optional<Announced> announced = std::nullopt);
// Closes an open reminder as `state` (done or cancelled) with `note`.
Reminder close_reminder(WriteScope& scope, const Reminder& stored, ReminderState state, std::string note,
                        std::string_view action);

// Stores a checked new rule at version 1, journaled ("create"). Throws
// ConflictError when the name is taken, InvalidInputError naming a login
// that is not an active user.
FollowUpRule store_rule(WriteScope& scope, FollowUpRule rule);
// Throws InvalidInputError unless every login the rule names is an active user.
void check_rule_logins(spi::Connection& connection, const FollowUpRule& rule);

}  // namespace relais::inline v1::detail
