#pragma once
// The reminders' rules without a database: checking follow-up rules and
// manual reminders (every bad field reported at once), matching events of
// the feed, computing due times, and the field lists journaled.
#include <relais/events.h>
#include <relais/journal.h>
#include <relais/reminders/business_calendar.h>
#include <relais/reminders/follow_up_rule.h>
#include <relais/reminders/reminder.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

inline constexpr std::string_view kReminderEntity = "reminder";
inline constexpr std::string_view kRuleEntity = "follow_up_rule";

// The rule, trimmed, or InvalidInputError listing every bad field
// ("steps[1].offset", "triggers[0].event"...). Logins are checked against
// the base by the service.
FollowUpRule checked_rule(const FollowUpRule& rule);
// The definition (every member but name and version) as JSON text, and
// back. Throws StorageError for a stored text that is not a definition.
std::string rule_definition(const FollowUpRule& rule);
FollowUpRule rule_from_definition(const std::string& name, std::string_view definition, std::int64_t version);
std::vector<FieldChange> rule_changes(const FollowUpRule* before, const FollowUpRule& after);

// Whether `event` is what `match` describes (its type, and the field's new
// value when asked).
bool matches(const EventMatch& match, const Event& event);
// The id of the target that `match` points to in `event`: the event's
// record, or the id held by match.target_field ("" when absent).
std::string matched_target_id(const EventMatch& match, const Event& event);
// The new value of `field` in the event's changes, a JSON string unquoted
// and null as ""; nullopt when the event did not change it.
std::optional<std::string> changed_value(const Event& event, std::string_view field);

// When a step `offset` units after `anchor` falls due.
Timestamp step_due(const BusinessCalendar& calendar, DelayUnit unit, Timestamp anchor, int offset);

// A manual reminder checked (InvalidInputError listing every bad field);
// the target's existence and the assignee are checked by the service.
Reminder reminder_from_draft(const ReminderDraft& draft, Timestamp now);
// A snooze must end in the future and not more than ten years ahead.
void check_snooze(Timestamp until, Timestamp now);
// A calendar override: a valid date in 2000-2100, a note of at most 500 bytes.
CalendarDay checked_calendar_day(const CalendarDay& day);
// Throws InvalidInputError naming "state" unless the reminder is open.
void check_open(const Reminder& reminder);

std::vector<FieldChange> reminder_changes(const Reminder* before, const Reminder& after);

// "2026-05-14", the form days are stored and journaled in.
std::string day_text(std::chrono::year_month_day day);

}  // namespace relais::inline v1::detail
