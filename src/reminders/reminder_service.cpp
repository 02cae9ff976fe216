#include <relais/reminders/reminder_service.h>

#include <relais/errors.h>

#include "core/field_checks.h"
#include "core/stale_version.h"
#include "desk/desk_writes.h"
#include "reminders/reminder_rules.h"
#include "reminders/reminder_store.h"
#include "reminders/reminder_targets.h"
#include "reminders/reminder_writes.h"
#include "workspace/workspace_core.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <set>

namespace relais {
inline namespace v1 {
namespace {

constexpr std::size_t kMaxNoteBytes = 500;
// Open reminders of a deleted rule are cancelled this many per statement.
constexpr std::size_t kCancelBatch = 500;
// add_many(): one transaction's worth, its events held until commit.
constexpr std::size_t kMaxDraftsPerCall = 10'000;

// A reminder's target must exist when it names a known kind.
void check_target(spi::Connection& connection, const Reminder& reminder) {
  if (!reminder.target.kind.empty() &&
      !detail::find_target_kind(reminder.target.kind)->read(connection, reminder.target.id)) {
    throw NotFoundError(reminder.target.kind, reminder.target.id);
  }
}

// Stores a reminder typed in by hand (add(), add_many()): its id, author and
// times, version 1, journaled as "create".
void store_manual_reminder(detail::WorkspaceCore& core, detail::WriteScope& scope, Reminder& reminder) {
  reminder.id = Uuid::generate(core.clock());
  reminder.created_by = core.actor().login;
  reminder.created_at = reminder.updated_at = scope.now();
  reminder.version = 1;
  detail::insert_reminder(scope.connection(), reminder, reminder.id.to_string(), 0);
  scope.record({std::string(detail::kReminderEntity), reminder.id.to_string(), "create",
                detail::reminder_changes(nullptr, reminder)});
}

// Reads the stored reminder (with the scheduler's row locked first: see
// lock_scheduler), checks the version, applies `change` and writes it.
template <typename Change>
Reminder change_reminder(detail::WorkspaceCore& core, const Uuid& id, std::int64_t expected_version, Change&& change) {
  return core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    detail::lock_scheduler(connection);
    auto stored = detail::find_reminder(connection, id);
    if (!stored) throw NotFoundError(std::string(detail::kReminderEntity), id.to_string());
    if (stored->version != expected_version) {
      throw detail::stale_version(detail::kReminderEntity, id.to_string(), stored->version, expected_version);
    }
    detail::check_open(*stored);
    return change(scope, *stored);
  });
}

std::string checked_note(std::string_view note) {
  FieldErrors errors;
  std::string text = detail::optional_text(errors, note, "note", kMaxNoteBytes);
  errors.throw_if_any();
  return text;
}

std::string clock_text(std::chrono::minutes time) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(time.count() / 60), static_cast<int>(time.count() % 60));
  return text;
}

}  // namespace

std::vector<FollowUpRule> ReminderService::rules() const {
  return core_.read([](spi::Connection& connection) { return detail::all_rules(connection); });
}

FollowUpRule ReminderService::rule(std::string_view name) const {
  return core_.read([&](spi::Connection& connection) {
    auto found = detail::find_rule(connection, name);
    if (!found) throw NotFoundError(std::string(detail::kRuleEntity), std::string(name));
    return std::move(*found);
  });
}

FollowUpRule ReminderService::create_rule(const FollowUpRule& rule) {
  FollowUpRule checked = detail::checked_rule(rule);
  return core_.write(detail::Action::write,
                     [&](detail::WriteScope& scope) { return detail::store_rule(scope, checked); });
}

FollowUpRule ReminderService::update_rule(std::string_view name, std::int64_t expected_version,
                                          const FollowUpRule& rule) {
  FollowUpRule checked = detail::checked_rule(rule);
  if (checked.name != name) throw InvalidInputError("name", checked.name, "a rule keeps its name: expected '" + std::string(name) + "'");
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    auto stored = detail::find_rule(connection, name);
    if (!stored) throw NotFoundError(std::string(detail::kRuleEntity), std::string(name));
    auto stale = [&] { return detail::stale_version(detail::kRuleEntity, checked.name, stored->version, expected_version); };
    if (stored->version != expected_version) throw stale();
    detail::check_rule_logins(connection, checked);
    if (!detail::update_rule(connection, checked, expected_version)) throw stale();
    checked.version = expected_version + 1;
    scope.record({std::string(detail::kRuleEntity), checked.name, "update", detail::rule_changes(&*stored, checked)});
    return checked;
  });
}

void ReminderService::delete_rule(std::string_view name, std::int64_t expected_version) {
  core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    detail::lock_scheduler(connection);
    auto stored = detail::find_rule(connection, name);
    if (!stored) throw NotFoundError(std::string(detail::kRuleEntity), std::string(name));
    if (stored->version != expected_version || !detail::delete_rule(connection, name, expected_version)) {
      throw detail::stale_version(detail::kRuleEntity, stored->name, stored->version, expected_version);
    }
    for (auto open = detail::open_reminders_of_rule(connection, stored->name, kCancelBatch); !open.empty();
         open = detail::open_reminders_of_rule(connection, stored->name, kCancelBatch)) {
      for (const auto& reminder : open) {
        detail::close_reminder(scope, reminder, ReminderState::cancelled, "rule deleted", "cancel");
      }
    }
    scope.record({std::string(detail::kRuleEntity), stored->name, "delete", {}});
  });
}

BusinessCalendar ReminderService::calendar() const {
  return core_.read([](spi::Connection& connection) { return detail::load_calendar(connection); });
}

CalendarDay ReminderService::set_calendar_day(const CalendarDay& day) {
  const CalendarDay checked = detail::checked_calendar_day(day);
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    const auto before = detail::find_calendar_day(connection, checked.day);
    detail::upsert_calendar_day(connection, checked, scope.now());
    std::vector<FieldChange> changes;
    auto json = [](const auto& value) { return nlohmann::json(value).dump(); };
    changes.push_back({"working", before ? json(before->working) : "null", json(checked.working)});
    changes.push_back({"note", before ? json(before->note) : "null", json(checked.note)});
    scope.record({"calendar_day", detail::day_text(checked.day), "change", std::move(changes)});
    return checked;
  });
}

void ReminderService::remove_calendar_day(std::chrono::year_month_day day) {
  core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    const auto before = detail::find_calendar_day(connection, day);
    if (!before) throw NotFoundError("calendar_day", detail::day_text(day));
    detail::delete_calendar_day(connection, day);
    scope.record({"calendar_day", detail::day_text(day), "remove",
                  {{"working", nlohmann::json(before->working).dump(), "null"},
                   {"note", nlohmann::json(before->note).dump(), "null"}}});
  });
}

void ReminderService::set_business_start(std::chrono::minutes business_start) {
  BusinessCalendar({}, business_start);  // the calendar's own check: InvalidInputError naming business_start
  core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    const auto before = detail::load_calendar(connection).business_start();
    detail::save_business_start(connection, business_start);
    scope.record({"business_hours", "start", "change",
                  {{"start", nlohmann::json(clock_text(before)).dump(), nlohmann::json(clock_text(business_start)).dump()}}});
  });
}

Reminder ReminderService::add(const ReminderDraft& draft) {
  Reminder reminder = detail::reminder_from_draft(draft, core_.clock().now());
  if (reminder.assignee.empty()) reminder.assignee = core_.actor().login;
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    detail::lock_scheduler(scope.connection());
    detail::check_active_user(scope.connection(), reminder.assignee, "assignee");
    check_target(scope.connection(), reminder);
    store_manual_reminder(core_, scope, reminder);
    return reminder;
  });
}

std::vector<Reminder> ReminderService::add_many(const std::vector<ReminderDraft>& drafts) {
  if (drafts.size() > kMaxDraftsPerCall) {
    throw InvalidInputError("drafts", std::to_string(drafts.size()) + " drafts",
                            "at most " + std::to_string(kMaxDraftsPerCall) + " a call");
  }
  std::vector<Reminder> reminders;
  reminders.reserve(drafts.size());
  std::vector<FieldError> errors;
  const Timestamp now = core_.clock().now();
  for (std::size_t index = 0; index < drafts.size(); ++index) {
    try {
      reminders.push_back(detail::reminder_from_draft(drafts[index], now));
      if (reminders.back().assignee.empty()) reminders.back().assignee = core_.actor().login;
    } catch (const InvalidInputError& error) {
      for (auto field : error.field_errors()) {
        field.field = "drafts[" + std::to_string(index) + "]." + field.field;
        errors.push_back(std::move(field));
      }
    }
  }
  if (!errors.empty()) throw InvalidInputError(std::move(errors));
  if (reminders.empty()) return reminders;
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    detail::lock_scheduler(connection);
    // An import names few people and few records many times over.
    std::set<std::string> active;
    std::set<std::pair<std::string, std::string>> existing;
    for (std::size_t index = 0; index < reminders.size(); ++index) {
      Reminder& reminder = reminders[index];
      if (active.insert(reminder.assignee).second) {
        detail::check_active_user(connection, reminder.assignee,
                                  "drafts[" + std::to_string(index) + "].assignee");
      }
      if (existing.emplace(reminder.target.kind, reminder.target.id).second) check_target(connection, reminder);
      store_manual_reminder(core_, scope, reminder);
    }
    return reminders;
  });
}

Reminder ReminderService::get(const Uuid& id) const {
  return core_.read([&](spi::Connection& connection) {
    auto found = detail::find_reminder(connection, id);
    if (!found) throw NotFoundError(std::string(detail::kReminderEntity), id.to_string());
    return std::move(*found);
  });
}

ReminderPage ReminderService::list(const ReminderQuery& query) const {
  const Timestamp now = core_.clock().now();
  return core_.read([&](spi::Connection& connection) { return detail::reminder_page(connection, query, now); });
}

ReminderPage ReminderService::mine(ReminderWindow window, std::size_t limit) const {
  ReminderQuery query;
  query.window = window;
  query.assignee = core_.actor().login;
  query.limit = limit;
  return list(query);
}

Reminder ReminderService::done(const Uuid& id, std::int64_t expected_version, std::string_view note) {
  std::string text = checked_note(note);
  return change_reminder(core_, id, expected_version, [&](detail::WriteScope& scope, const Reminder& stored) {
    return detail::close_reminder(scope, stored, ReminderState::done, text.empty() ? stored.note : text, "complete");
  });
}

Reminder ReminderService::snooze(const Uuid& id, std::int64_t expected_version, Timestamp until) {
  return change_reminder(core_, id, expected_version, [&](detail::WriteScope& scope, const Reminder& stored) {
    detail::check_snooze(until, scope.now());
    Reminder snoozed = stored;
    snoozed.state = ReminderState::snoozed;
    snoozed.due_at = until;
    return detail::write_reminder(scope, stored, std::move(snoozed), "snooze", detail::Announced::none);
  });
}

Reminder ReminderService::cancel(const Uuid& id, std::int64_t expected_version, std::string_view note) {
  std::string text = checked_note(note);
  return change_reminder(core_, id, expected_version, [&](detail::WriteScope& scope, const Reminder& stored) {
    return detail::close_reminder(scope, stored, ReminderState::cancelled, text.empty() ? stored.note : text, "cancel");
  });
}

TickReport ReminderService::tick() { return tick(core_.clock().now()); }

}  // namespace v1
}  // namespace relais
