#include "reminders/reminder_store.h"

#include "core/civil_time.h"
#include "core/enum_names.h"
#include "core/paging.h"
#include "reminders/reminder_rules.h"
#include "storage/time_values.h"

#include <relais/errors.h>

#include <algorithm>
#include <cstdio>

namespace relais::inline v1::detail {
namespace {

void create_reminder_tables(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE reminder_rules (name TEXT PRIMARY KEY, definition TEXT NOT NULL, version BIGINT NOT NULL);"
      "CREATE TABLE reminders ("
      " id TEXT PRIMARY KEY,"
      // One row per follow-up step ("rule|kind|id|occurrence|step"), or the
      // id of a manual reminder: what keeps ticks from ever duplicating.
      " origin_key TEXT NOT NULL UNIQUE,"
      " rule TEXT NOT NULL, occurrence BIGINT NOT NULL, step BIGINT NOT NULL,"
      " target_kind TEXT NOT NULL, target_id TEXT NOT NULL,"
      " reason TEXT NOT NULL, assignee TEXT NOT NULL, state TEXT NOT NULL,"
      " due_at BIGINT NOT NULL, expires_at BIGINT,"
      // The next announcement the scheduler owes (the due time, then the
      // instant it becomes overdue); NULL when none is left.
      " alert_at BIGINT, announced TEXT NOT NULL,"
      " note TEXT NOT NULL, created_by TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, closed_at BIGINT, version BIGINT NOT NULL);"
      "CREATE INDEX reminders_by_alert ON reminders (alert_at, id);"
      "CREATE INDEX reminders_by_expiry ON reminders (state, expires_at);"
      "CREATE INDEX reminders_by_state ON reminders (state, due_at, id);"
      "CREATE INDEX reminders_by_assignee ON reminders (assignee, state, due_at, id);"
      "CREATE INDEX reminders_by_target ON reminders (target_kind, target_id, rule, state);"
      "CREATE INDEX reminders_by_rule ON reminders (rule, state);"
      "CREATE TABLE reminder_scheduler ("
      " id INTEGER PRIMARY KEY CHECK (id = 1), feed_cursor BIGINT NOT NULL);"
      // Rules apply to what happens from now on, not to a whole past
      // journal of an existing workspace.
      "INSERT INTO reminder_scheduler (id, feed_cursor) SELECT 1, sequence FROM journal_head WHERE id = 1;"
      "CREATE TABLE calendar_days ("
      " day TEXT PRIMARY KEY, working INTEGER NOT NULL, note TEXT NOT NULL, updated_at BIGINT NOT NULL);"
      "CREATE TABLE business_hours (id INTEGER PRIMARY KEY CHECK (id = 1), start_minutes INTEGER NOT NULL);"
      "INSERT INTO business_hours (id, start_minutes) VALUES (1, 480)");
}

// Part of the schema rather than a journaled change: like a table, they
// come with the version of the library that brings them, once (a rule
// deleted later stays deleted), and a new workspace's journal still starts
// with its first admin.
void install_default_rules(spi::Connection& connection) {
  for (auto rule : default_follow_up_rules()) {
    rule.version = 1;
    insert_rule(connection, rule);
  }
}

const Migration kReminderMigrations[] = {
    {1, "follow-up rules, reminders, scheduler cursor, business calendar", create_reminder_tables},
    {2, "the desk's default follow-up rules", install_default_rules},
};

constexpr EnumNames kAnnounced{std::array<std::pair<Announced, std::string_view>, 3>{{
    {Announced::none, "none"}, {Announced::due, "due"}, {Announced::overdue, "overdue"}}}};

constexpr std::string_view kReminderColumns =
    "id, rule, step, target_kind, target_id, reason, assignee, state, due_at, expires_at, note, created_by,"
    " created_at, updated_at, closed_at, version, occurrence, announced, alert_at";

Reminder reminder_from_row(const spi::Row& row) {
  Reminder reminder;
  reminder.id = Uuid::parse(row.text(0));
  reminder.rule = row.text(1);
  reminder.step = row.integer(2);
  reminder.target = {row.text(3), row.text(4)};
  reminder.reason = row.text(5);
  reminder.assignee = row.text(6);
  reminder.state = parse_reminder_state(row.text(7));
  reminder.due_at = timestamp_of(row.integer(8));
  reminder.expires_at = time_column(row, 9);
  reminder.note = row.text(10);
  reminder.created_by = row.text(11);
  reminder.created_at = timestamp_of(row.integer(12));
  reminder.updated_at = timestamp_of(row.integer(13));
  reminder.closed_at = time_column(row, 14);
  reminder.version = row.integer(15);
  return reminder;
}

std::vector<Reminder> reminders_from(const std::vector<spi::Row>& rows) {
  std::vector<Reminder> reminders;
  for (const auto& row : rows) reminders.push_back(reminder_from_row(row));
  return reminders;
}

std::string select_reminders(std::string_view where) {
  return "SELECT " + std::string(kReminderColumns) + " FROM reminders WHERE " + std::string(where);
}

// The next alert of a reminder written by a user: none once closed; its due
// time when the announcements restart.
spi::Value next_alert(const Reminder& reminder) {
  if (!reminder.open()) return nullptr;
  return micros(reminder.due_at);
}

std::chrono::year_month_day parse_day(const std::string& text) {
  int year = 0;
  unsigned month = 0, day = 0;
  std::sscanf(text.c_str(), "%d-%u-%u", &year, &month, &day);
  return std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day};
}

// Narrows a list to its window: "today" is the Paris day of `now`.
void add_window(ReminderWindow window, Timestamp now, std::string& sql, std::vector<spi::Value>& params) {
  if (window == ReminderWindow::closed) {
    sql += " AND state IN ('done', 'cancelled')";
    return;
  }
  sql += " AND state IN ('pending', 'snoozed')";
  const std::int64_t start = micros(paris_start_of_day(now));
  const std::int64_t end = micros(paris_end_of_day(now));
  switch (window) {
    case ReminderWindow::due_today:
      sql += " AND due_at >= ? AND due_at < ?";
      params.insert(params.end(), {start, end});
      break;
    case ReminderWindow::overdue:
      sql += " AND due_at < ?";
      params.emplace_back(start);
      break;
    case ReminderWindow::upcoming:
      sql += " AND due_at >= ?";
      params.emplace_back(end);
      break;
    case ReminderWindow::open:
    case ReminderWindow::closed:
      break;
  }
}

}  // namespace

SchemaArea reminders_schema() { return {"reminders", kReminderMigrations}; }

JournalCursor lock_scheduler(spi::Connection& connection) {
  const std::string sql =
      "SELECT feed_cursor FROM reminder_scheduler WHERE id = 1" + std::string(connection.dialect().lock_rows_suffix());
  const auto rows = connection.query(sql);
  if (rows.empty()) throw StorageError("the reminder scheduler's row is missing", {{"operation", "lock scheduler"}});
  return rows.front().integer(0);
}

void save_cursor(spi::Connection& connection, JournalCursor cursor) {
  spi::Value params[] = {cursor};
  connection.execute("UPDATE reminder_scheduler SET feed_cursor = ? WHERE id = 1", params);
}

std::vector<FollowUpRule> all_rules(spi::Connection& connection) {
  std::vector<FollowUpRule> rules;
  for (const auto& row : connection.query("SELECT name, definition, version FROM reminder_rules ORDER BY name")) {
    rules.push_back(rule_from_definition(row.text(0), row.text(1), row.integer(2)));
  }
  return rules;
}

std::optional<FollowUpRule> find_rule(spi::Connection& connection, std::string_view name) {
  spi::Value params[] = {std::string(name)};
  auto rows = connection.query("SELECT name, definition, version FROM reminder_rules WHERE name = ?", params);
  if (rows.empty()) return std::nullopt;
  return rule_from_definition(rows.front().text(0), rows.front().text(1), rows.front().integer(2));
}

void insert_rule(spi::Connection& connection, const FollowUpRule& rule) {
  spi::Value params[] = {rule.name, rule_definition(rule), rule.version};
  connection.execute("INSERT INTO reminder_rules (name, definition, version) VALUES (?, ?, ?)", params);
}

bool update_rule(spi::Connection& connection, const FollowUpRule& rule, std::int64_t expected_version) {
  spi::Value params[] = {rule_definition(rule), expected_version + 1, rule.name, expected_version};
  return connection.execute("UPDATE reminder_rules SET definition = ?, version = ? WHERE name = ? AND version = ?",
                            params) == 1;
}

bool delete_rule(spi::Connection& connection, std::string_view name, std::int64_t expected_version) {
  spi::Value params[] = {std::string(name), expected_version};
  return connection.execute("DELETE FROM reminder_rules WHERE name = ? AND version = ?", params) == 1;
}

BusinessCalendar load_calendar(spi::Connection& connection) {
  std::vector<CalendarDay> days;
  for (const auto& row : connection.query("SELECT day, working, note FROM calendar_days ORDER BY day")) {
    days.push_back({parse_day(row.text(0)), row.integer(1) != 0, row.text(2)});
  }
  auto hours = connection.query("SELECT start_minutes FROM business_hours WHERE id = 1");
  return BusinessCalendar(std::move(days), std::chrono::minutes(hours.front().integer(0)));
}

void upsert_calendar_day(spi::Connection& connection, const CalendarDay& day, Timestamp now) {
  spi::Value params[] = {day_text(day.day), std::int64_t{day.working}, day.note, micros(now)};
  connection.execute(connection.dialect().upsert("calendar_days", {"day", "working", "note", "updated_at"}, {"day"}),
                     params);
}

std::optional<CalendarDay> find_calendar_day(spi::Connection& connection, std::chrono::year_month_day day) {
  spi::Value params[] = {day_text(day)};
  auto rows = connection.query("SELECT working, note FROM calendar_days WHERE day = ?", params);
  if (rows.empty()) return std::nullopt;
  return CalendarDay{day, rows.front().integer(0) != 0, rows.front().text(1)};
}

void delete_calendar_day(spi::Connection& connection, std::chrono::year_month_day day) {
  spi::Value params[] = {day_text(day)};
  connection.execute("DELETE FROM calendar_days WHERE day = ?", params);
}

void save_business_start(spi::Connection& connection, std::chrono::minutes business_start) {
  spi::Value params[] = {static_cast<std::int64_t>(business_start.count())};
  connection.execute("UPDATE business_hours SET start_minutes = ? WHERE id = 1", params);
}

bool insert_reminder(spi::Connection& connection, const Reminder& reminder, const std::string& origin_key,
                     std::int64_t occurrence) {
  spi::Value params[] = {reminder.id.to_string(), origin_key, reminder.rule, occurrence, reminder.step,
                         reminder.target.kind, reminder.target.id, reminder.reason, reminder.assignee,
                         std::string(to_string(reminder.state)), micros(reminder.due_at),
                         optional_time(reminder.expires_at), next_alert(reminder),
                         std::string(kAnnounced.name(Announced::none)), reminder.note, reminder.created_by,
                         micros(reminder.created_at), micros(reminder.updated_at), optional_time(reminder.closed_at),
                         reminder.version};
  // ON CONFLICT DO NOTHING has the same syntax on both engines.
  return connection.execute(
             "INSERT INTO reminders (id, origin_key, rule, occurrence, step, target_kind, target_id, reason, assignee,"
             " state, due_at, expires_at, alert_at, announced, note, created_by, created_at, updated_at, closed_at,"
             " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
             " ON CONFLICT (origin_key) DO NOTHING",
             params) == 1;
}

std::optional<Reminder> find_reminder(spi::Connection& connection, const Uuid& id) {
  spi::Value params[] = {id.to_string()};
  auto rows = connection.query(select_reminders("id = ?"), params);
  if (rows.empty()) return std::nullopt;
  return reminder_from_row(rows.front());
}

bool update_reminder(spi::Connection& connection, const Reminder& reminder, std::int64_t expected_version,
                     std::optional<Announced> announced) {
  std::string sql =
      "UPDATE reminders SET state = ?, due_at = ?, assignee = ?, note = ?, updated_at = ?, closed_at = ?, version = ?";
  std::vector<spi::Value> params{std::string(to_string(reminder.state)), micros(reminder.due_at), reminder.assignee,
                                 reminder.note, micros(reminder.updated_at), optional_time(reminder.closed_at),
                                 expected_version + 1};
  if (!reminder.open()) {
    sql += ", alert_at = NULL";
  } else if (announced) {
    sql += ", alert_at = ?, announced = ?";
    params.insert(params.end(), {next_alert(reminder), std::string(kAnnounced.name(*announced))});
  }
  sql += " WHERE id = ? AND version = ?";
  params.insert(params.end(), {reminder.id.to_string(), expected_version});
  return connection.execute(sql, params) == 1;
}

ReminderPage reminder_page(spi::Connection& connection, const ReminderQuery& query, Timestamp now) {
  const std::size_t limit = checked_page_limit(query.limit);
  std::string sql = select_reminders("1 = 1");
  std::vector<spi::Value> params;
  if (query.assignee) {
    sql += " AND assignee = ?";
    params.emplace_back(*query.assignee);
  }
  if (query.target) {
    sql += " AND target_kind = ? AND target_id = ?";
    params.insert(params.end(), {query.target->kind, query.target->id});
  }
  add_window(query.window, now, sql, params);
  if (!query.after.empty()) {
    auto [due, id] = parse_keyset_cursor(query.after);
    sql += " AND (due_at > ? OR (due_at = ? AND id > ?))";
    params.insert(params.end(), {due, due, id});
  }
  sql += " ORDER BY due_at, id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit + 1));
  ReminderPage page;
  page.reminders = reminders_from(connection.query(sql, params));
  if (page.reminders.size() > limit) {
    page.reminders.resize(limit);
    const auto& last = page.reminders.back();
    page.next_cursor = keyset_cursor(micros(last.due_at), last.id.to_string());
  }
  return page;
}

std::vector<OpenReminder> open_reminders_of(spi::Connection& connection, const std::string& rule,
                                            const ReminderTarget& target) {
  spi::Value params[] = {target.kind, target.id, rule};
  std::vector<OpenReminder> open;
  for (const auto& row : connection.query(
           select_reminders("target_kind = ? AND target_id = ? AND rule = ? AND state IN ('pending', 'snoozed')"
                            " ORDER BY due_at, id"),
           params)) {
    open.push_back({reminder_from_row(row), row.integer(16)});
  }
  return open;
}

std::vector<Reminder> open_reminders_of_rule(spi::Connection& connection, const std::string& rule,
                                             std::size_t limit) {
  spi::Value params[] = {rule, static_cast<std::int64_t>(limit)};
  return reminders_from(connection.query(
      select_reminders("rule = ? AND state IN ('pending', 'snoozed') ORDER BY due_at, id LIMIT ?"), params));
}

std::vector<Reminder> expired_reminders(spi::Connection& connection, Timestamp now, std::size_t limit) {
  spi::Value params[] = {micros(now), static_cast<std::int64_t>(limit)};
  return reminders_from(connection.query(
      select_reminders("state IN ('pending', 'snoozed') AND expires_at <= ? ORDER BY expires_at, id LIMIT ?"),
      params));
}

std::vector<Alert> alerts_due(spi::Connection& connection, Timestamp now, std::size_t limit) {
  spi::Value params[] = {micros(now), static_cast<std::int64_t>(limit)};
  std::vector<Alert> alerts;
  for (const auto& row : connection.query(select_reminders("alert_at <= ? ORDER BY alert_at, id LIMIT ?"), params)) {
    alerts.push_back({reminder_from_row(row), kAnnounced.parse(row.text(17), "announced"),
                      timestamp_of(row.integer(18))});
  }
  return alerts;
}

void record_announcement(spi::Connection& connection, const Reminder& reminder, Announced announced,
                         std::optional<Timestamp> next_alert, bool woke) {
  if (woke) {
    spi::Value params[] = {std::string(to_string(reminder.state)), std::string(kAnnounced.name(announced)),
                           optional_time(next_alert), micros(reminder.updated_at), reminder.version,
                           reminder.id.to_string()};
    connection.execute(
        "UPDATE reminders SET state = ?, announced = ?, alert_at = ?, updated_at = ?, version = ? WHERE id = ?",
        params);
    return;
  }
  spi::Value params[] = {std::string(kAnnounced.name(announced)), optional_time(next_alert),
                         micros(reminder.updated_at), reminder.id.to_string()};
  connection.execute("UPDATE reminders SET announced = ?, alert_at = ?, updated_at = ? WHERE id = ?", params);
}

void record_announcements(spi::Connection& connection, const std::vector<std::string>& ids, Announced announced,
                          std::optional<Timestamp> next_alert, Timestamp updated_at) {
  constexpr std::size_t kIdsPerStatement = 250;
  for (std::size_t first = 0; first < ids.size(); first += kIdsPerStatement) {
    const std::size_t count = std::min(kIdsPerStatement, ids.size() - first);
    std::vector<spi::Value> params{std::string(kAnnounced.name(announced)), optional_time(next_alert),
                                   micros(updated_at)};
    std::string sql = "UPDATE reminders SET announced = ?, alert_at = ?, updated_at = ? WHERE id IN (?";
    params.emplace_back(ids[first]);
    for (std::size_t i = 1; i < count; ++i) {
      sql += ", ?";
      params.emplace_back(ids[first + i]);
    }
    connection.execute(sql + ")", params);
  }
}

}  // namespace relais::inline v1::detail
