#pragma once
// SQL for the reminders: follow-up rules, reminder items, the scheduler's
// row (feed cursor) and the business calendar's overrides and hours.
#include <relais/reminders/business_calendar.h>
#include <relais/reminders/follow_up_rule.h>
#include <relais/journal.h>
#include <relais/reminders/reminder.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <string>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea reminders_schema();

// ---- The scheduler's row. Every transaction that changes reminder items
// locks it first (lock_scheduler), the scheduler's and the users' alike: one
// lock order (scheduler row, items, journal head), so that two of them never
// wait on each other in a cycle on PostgreSQL.

// Reads the row, locked until commit (a row lock on PostgreSQL; on SQLite
// the write transaction already holds the database), and returns the feed
// cursor: the last journal entry the scheduler has acted on.
JournalCursor lock_scheduler(spi::Connection& connection);
void save_cursor(spi::Connection& connection, JournalCursor cursor);

// ---- Rules

std::vector<FollowUpRule> all_rules(spi::Connection& connection);
std::optional<FollowUpRule> find_rule(spi::Connection& connection, std::string_view name);
// Throws ConflictError when the name is taken.
void insert_rule(spi::Connection& connection, const FollowUpRule& rule);
// Writes the rule with version + 1 when the stored version is
// `expected_version`; false (nothing written) otherwise.
bool update_rule(spi::Connection& connection, const FollowUpRule& rule, std::int64_t expected_version);
bool delete_rule(spi::Connection& connection, std::string_view name, std::int64_t expected_version);

// ---- Calendar

BusinessCalendar load_calendar(spi::Connection& connection);
void upsert_calendar_day(spi::Connection& connection, const CalendarDay& day, Timestamp now);
std::optional<CalendarDay> find_calendar_day(spi::Connection& connection, std::chrono::year_month_day day);
void delete_calendar_day(spi::Connection& connection, std::chrono::year_month_day day);
void save_business_start(spi::Connection& connection, std::chrono::minutes business_start);

// ---- Reminder items

// A reminder and when the scheduler must next announce something about it.
enum class Announced { none, due, overdue };

// Inserts the reminder unless one with the same origin key exists (a rule's
// step for one follow-up: "rule|kind|id|occurrence|step"; a manual
// reminder's own id). Returns whether it was inserted. The database's
// unique key is what makes the scheduler idempotent across processes.
bool insert_reminder(spi::Connection& connection, const Reminder& reminder, const std::string& origin_key,
                     std::int64_t occurrence);
std::optional<Reminder> find_reminder(spi::Connection& connection, const Uuid& id);
// Writes state, due time, note, assignee, times and version + 1 when the
// stored version is `expected_version`; false otherwise. `announced`
// restarts the announcements (a snooze); nullopt keeps them.
bool update_reminder(spi::Connection& connection, const Reminder& reminder, std::int64_t expected_version,
                     std::optional<Announced> announced);
ReminderPage reminder_page(spi::Connection& connection, const ReminderQuery& query, Timestamp now);

// The open reminders of one follow-up target under `rule`, with the
// follow-up occurrence each belongs to.
struct OpenReminder {
  Reminder reminder;
  std::int64_t occurrence = 0;
};
std::vector<OpenReminder> open_reminders_of(spi::Connection& connection, const std::string& rule,
                                            const ReminderTarget& target);
std::vector<Reminder> open_reminders_of_rule(spi::Connection& connection, const std::string& rule,
                                             std::size_t limit);
// Open reminders whose expiry has passed, by expiry.
std::vector<Reminder> expired_reminders(spi::Connection& connection, Timestamp now, std::size_t limit);

// A reminder waiting for an announcement at `alert_at`.
struct Alert {
  Reminder reminder;
  Announced announced = Announced::none;
  Timestamp alert_at{};
};
// Alerts with alert_at <= now, by alert_at then id.
std::vector<Alert> alerts_due(spi::Connection& connection, Timestamp now, std::size_t limit);
// Records an announcement: what has been announced and the next alert time
// (none after overdue), and with `woke` the state and version too (a
// snoozed reminder wakes up as pending, with version + 1). Without `woke`
// the state is not written: writing it, even unchanged, would rewrite the
// five indexes that hold it, the bulk of a tick's cost.
void record_announcement(spi::Connection& connection, const Reminder& reminder, Announced announced,
                         std::optional<Timestamp> next_alert, bool woke);
// record_announcement() without `woke` for many reminders at once, one
// statement per few hundred ids: the same announcement and next alert,
// written at `updated_at`.
void record_announcements(spi::Connection& connection, const std::vector<std::string>& ids, Announced announced,
                          std::optional<Timestamp> next_alert, Timestamp updated_at);

}  // namespace relais::inline v1::detail
