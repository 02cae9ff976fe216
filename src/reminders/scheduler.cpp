// The reminder scheduler: ReminderService::tick().
//
// Why it is idempotent and safe with several processes: every transaction
// of a tick starts by locking the scheduler's row, so ticks run one after
// the other; the feed cursor is saved in the transaction that acts on the
// events read, so no event is acted on twice; a follow-up step is a row
// with a unique origin key, so even a rule run twice over one event cannot
// make a second one; and an announcement moves the reminder's alert time in
// the transaction that journals it, so it is made once.
//
// Why due times come from the events' own times and not from the tick's: a
// tick after a weekend off then finds exactly what a tick every minute would
// have found, only later.
#include <relais/reminders/reminder_service.h>

#include "core/civil_time.h"
#include "core/timestamp_text.h"
#include "journal/journal.h"
#include "reminders/reminder_rules.h"
#include "reminders/reminder_store.h"
#include "reminders/reminder_targets.h"
#include "reminders/reminder_writes.h"
#include "workspace/workspace_core.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace relais {
inline namespace v1 {
namespace {

// Short transactions: the write lock is never held for long (a thousand
// announcements take some 20 ms; fewer commits make a large tick cheaper).
constexpr std::size_t kEventsPerTransaction = 200;
constexpr std::size_t kAlertsPerTransaction = 1000;

// Acts on the events of one page of the feed by the enabled rules.
class FollowUps {
 public:
  FollowUps(detail::WriteScope& scope, const Clock& clock, const std::string& actor, TickReport& report)
      : scope_(scope), connection_(scope.connection()), clock_(clock), actor_(actor), report_(report),
        calendar_(detail::load_calendar(connection_)) {
    for (auto& rule : detail::all_rules(connection_)) {
      if (rule.enabled) rules_.push_back(std::move(rule));
    }
  }

  void apply(const Event& event) {
    // No rule follows reminders: their own entries would feed back.
    if (event.entity == detail::kReminderEntity) return;
    for (const auto& rule : rules_) {
      stop(rule, event);
      start(rule, event);
    }
  }

 private:
  void stop(const FollowUpRule& rule, const Event& event) {
    for (const auto& match : rule.stop_when) {
      if (!detail::matches(match, event)) continue;
      const ReminderTarget target{rule.target_kind, detail::matched_target_id(match, event)};
      if (target.id.empty()) continue;
      for (const auto& open : detail::open_reminders_of(connection_, rule.name, target)) {
        cancel(open.reminder, "stopped by " + event.type);
      }
      return;
    }
  }

  void start(const FollowUpRule& rule, const Event& event) {
    auto trigger = std::find_if(rule.triggers.begin(), rule.triggers.end(),
                                [&](const EventMatch& match) { return detail::matches(match, event); });
    if (trigger == rule.triggers.end()) return;
    const ReminderTarget target{rule.target_kind, detail::matched_target_id(*trigger, event)};
    if (target.id.empty()) return;
    // A new start replaces the follow-up under way for that target.
    for (const auto& open : detail::open_reminders_of(connection_, rule.name, target)) {
      if (open.occurrence != event.sequence) cancel(open.reminder, "follow-up restarted by " + event.type);
    }
    const auto anchor = anchor_of(rule, event);
    if (!anchor) return;
    const std::string assignee = assignee_of(rule, target, event);
    std::optional<Timestamp> expires_at;
    if (rule.expire_after) expires_at = detail::step_due(calendar_, rule.unit, *anchor, *rule.expire_after);
    for (std::size_t step = 0; step < rule.steps.size(); ++step) {
      create_step(rule, target, event.sequence, step, *anchor, assignee, expires_at);
    }
  }

  std::optional<Timestamp> anchor_of(const FollowUpRule& rule, const Event& event) const {
    if (rule.anchor_field.empty()) return event.time;
    return detail::parse_timestamp(detail::changed_value(event, rule.anchor_field).value_or(""));
  }

  std::string assignee_of(const FollowUpRule& rule, const ReminderTarget& target, const Event& event) const {
    switch (rule.assignee) {
      case AssigneeRule::event_actor:
        return event.actor;
      case AssigneeRule::target_assignee: {
        const auto facts = detail::find_target_kind(target.kind)->read(connection_, target.id);
        return facts && !facts->assignee.empty() ? facts->assignee : rule.fallback_assignee;
      }
      case AssigneeRule::fixed:
        break;
    }
    return rule.fallback_assignee;
  }

  void create_step(const FollowUpRule& rule, const ReminderTarget& target, std::int64_t occurrence,
                   std::size_t step, Timestamp anchor, const std::string& assignee,
                   const std::optional<Timestamp>& expires_at) {
    const EscalationStep& definition = rule.steps[step];
    Reminder reminder;
    reminder.id = Uuid::generate(clock_);
    reminder.rule = rule.name;
    reminder.step = static_cast<std::int64_t>(step);
    reminder.target = target;
    reminder.reason = definition.reason;
    reminder.assignee = definition.assignee.empty() ? assignee : definition.assignee;
    reminder.due_at = detail::step_due(calendar_, rule.unit, anchor, definition.offset);
    reminder.expires_at = expires_at;
    reminder.created_by = actor_;
    reminder.created_at = reminder.updated_at = scope_.now();
    reminder.version = 1;
    const std::string origin = rule.name + "|" + target.kind + "|" + target.id + "|" + std::to_string(occurrence) +
                               "|" + std::to_string(step);
    if (!detail::insert_reminder(connection_, reminder, origin, occurrence)) return;
    scope_.record({std::string(detail::kReminderEntity), reminder.id.to_string(), "create",
                   detail::reminder_changes(nullptr, reminder)});
    ++report_.created;
  }

  void cancel(const Reminder& reminder, std::string note) {
    detail::close_reminder(scope_, reminder, ReminderState::cancelled, std::move(note), "cancel");
    ++report_.cancelled;
  }

  detail::WriteScope& scope_;
  spi::Connection& connection_;
  const Clock& clock_;
  const std::string& actor_;
  TickReport& report_;
  BusinessCalendar calendar_;
  std::vector<FollowUpRule> rules_;
};

// One page of the feed after the stored cursor, in the caller's
// transaction. Returns how many events it read.
//
// The reminders' own entries (every announcement of the last tick among
// them) are skipped in the query rather than decoded and ignored: no rule
// follows them. The head is read first: every entry up to it is committed
// (an append holds the head's lock until it commits), so when the page is
// not full the cursor may move to the head without passing over an entry
// committed between the two reads.
std::size_t follow_feed_page(detail::WriteScope& scope, const Clock& clock, const std::string& actor,
                             TickReport& report) {
  auto& connection = scope.connection();
  report.cursor = detail::lock_scheduler(connection);
  const JournalCursor head = detail::read_head(connection).sequence;
  if (head <= report.cursor) return 0;
  const auto entries = detail::read_journal_except(connection, report.cursor, head, detail::kReminderEntity,
                                                   kEventsPerTransaction);
  if (!entries.empty()) {
    FollowUps follow_ups(scope, clock, actor, report);
    for (const auto& entry : entries) follow_ups.apply(detail::event_from_entry(entry));
  }
  report.cursor = entries.size() == kEventsPerTransaction ? entries.back().sequence : head;
  detail::save_cursor(connection, report.cursor);
  return entries.size();
}

// What a pop-up shows, so that a front end need not read the reminder.
// Like a creation's entry, it leaves out the facts without a value (a
// manual reminder has no target and no rule).
std::vector<FieldChange> announcement_changes(ReminderState before, const Reminder& after) {
  // The same texts as nlohmann::json(value).dump(), without a json value each.
  using detail::json_string;
  std::vector<FieldChange> changes;
  changes.reserve(8);
  auto fact = [&](const char* field, const std::string& value) {
    if (!value.empty()) changes.push_back({field, "null", json_string(value)});
  };
  fact("reason", after.reason);
  fact("assignee", after.assignee);
  fact("target_kind", after.target.kind);
  fact("target_id", after.target.id);
  fact("rule", after.rule);
  changes.push_back({"step", "null", std::to_string(after.step)});
  changes.push_back({"due_at", "null", json_string(format_timestamp(after.due_at))});
  if (before != after.state) {
    changes.push_back({"state", json_string(to_string(before)), json_string(to_string(after.state))});
  }
  return changes;
}

// Announces the alerts of one batch, in alert-time order. An announcement
// whose next alert (overdue) falls before the batch's horizon is taken in
// the same batch, so that the order holds across both kinds.
class Announcer {
 public:
  Announcer(detail::WriteScope& scope, Timestamp now, TickReport& report)
      : scope_(scope), now_(now), report_(report) {}

  // Returns whether the batch was full (more may be waiting).
  bool run() {
    auto alerts = detail::alerts_due(scope_.connection(), now_, kAlertsPerTransaction);
    const bool full = alerts.size() == kAlertsPerTransaction;
    // A full batch stops where it was cut: later alerts wait for the next one.
    horizon_ = full ? alerts.back().alert_at : now_;
    // The batch comes in order; the overdue alerts it gives rise to wait in
    // a heap, usually small, and the two are merged. (A heap of the whole
    // batch would move each reminder some ten times.)
    for (auto& alert : alerts) {
      while (!follow_ups_.empty() && Later{}(alert, follow_ups_.front())) announce(pop_follow_up());
      announce(std::move(alert));
    }
    while (!follow_ups_.empty()) announce(pop_follow_up());
    write_deferred();
    scope_.record_all(std::move(records_));
    return full;
  }

 private:
  struct Later {
    bool operator()(const detail::Alert& a, const detail::Alert& b) const {
      return std::tie(a.alert_at, a.reminder.id) > std::tie(b.alert_at, b.reminder.id);
    }
  };

  void announce(detail::Alert alert) {
    const ReminderState before = alert.reminder.state;
    const std::int64_t version = alert.reminder.version;
    Reminder announced = std::move(alert.reminder);
    announced.updated_at = scope_.now();
    if (alert.announced == detail::Announced::none) {
      if (announced.state == ReminderState::snoozed) {
        // The snooze is over: the reminder is pending again.
        announced.state = ReminderState::pending;
        ++announced.version;
      }
      const Timestamp overdue_at = detail::paris_end_of_day(announced.due_at);
      record(before, version, announced, detail::Announced::due, overdue_at, "due");
      if (overdue_at <= now_ && overdue_at < horizon_) push_follow_up({announced, detail::Announced::due, overdue_at});
      report_.became_due.push_back(std::move(announced));
    } else {
      record(before, version, announced, detail::Announced::overdue, std::nullopt, "overdue");
      report_.became_overdue.push_back(std::move(announced));
    }
  }

  void push_follow_up(detail::Alert alert) {
    follow_ups_.push_back(std::move(alert));
    std::push_heap(follow_ups_.begin(), follow_ups_.end(), Later{});
  }

  detail::Alert pop_follow_up() {
    std::pop_heap(follow_ups_.begin(), follow_ups_.end(), Later{});
    detail::Alert alert = std::move(follow_ups_.back());
    follow_ups_.pop_back();
    return alert;
  }

  void record(ReminderState before, std::int64_t version, const Reminder& after, detail::Announced announced,
              std::optional<Timestamp> next_alert, std::string_view action) {
    std::string id = after.id.to_string();
    if (after.state != before || after.version != version) {
      detail::record_announcement(scope_.connection(), after, announced, next_alert, true);
    } else {
      deferred_[{announced, next_alert}].push_back(id);
    }
    // Journaled together at the end of the batch, in this order.
    records_.push_back({std::string(detail::kReminderEntity), std::move(id), std::string(action),
                        announcement_changes(before, after)});
  }

  // The announcements that change no state, one statement per group of
  // reminders with the same announcement and next alert (set-based: most
  // of a tick's reminders share both). Groups go in announcement order, so
  // a reminder announced due then overdue in one batch ends overdue.
  void write_deferred() {
    for (const auto& [announcement, ids] : deferred_) {
      detail::record_announcements(scope_.connection(), ids, announcement.first, announcement.second, scope_.now());
    }
    deferred_.clear();
  }

  detail::WriteScope& scope_;
  Timestamp now_;
  TickReport& report_;
  Timestamp horizon_{};
  std::vector<detail::Alert> follow_ups_;  // a heap by Later: the earliest alert on top
  // The ids whose announcement changes no state, by announcement and next alert.
  std::map<std::pair<detail::Announced, std::optional<Timestamp>>, std::vector<std::string>> deferred_;
  std::vector<detail::JournalRecord> records_;
};

// The entries a tick appends are all reminders' own, which the feed skips.
// When the feed had read everything before them, the cursor moves past
// them: the next tick's feed then does not read through thousands of
// announcements to find nothing. The scheduler's row and the journal's head
// are both locked, so no other entry can sit among them.
void pass_own_entries(detail::WriteScope& scope, JournalCursor cursor, TickReport& report) {
  const auto& entries = scope.entries();
  if (entries.empty() || entries.front().sequence != cursor + 1) return;
  report.cursor = entries.back().sequence;
  detail::save_cursor(scope.connection(), report.cursor);
}

// Expires one batch of reminders, then announces one batch of alerts.
// Returns whether either batch was full.
bool expire_and_announce(detail::WorkspaceCore& core, Timestamp now, TickReport& report) {
  return core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    const JournalCursor cursor = detail::lock_scheduler(scope.connection());
    const auto expired = detail::expired_reminders(scope.connection(), now, kAlertsPerTransaction);
    for (const auto& reminder : expired) {
      detail::close_reminder(scope, reminder, ReminderState::cancelled, "expired", "expire");
      ++report.expired;
    }
    const bool more_alerts = Announcer(scope, now, report).run();
    pass_own_entries(scope, cursor, report);
    return more_alerts || expired.size() == kAlertsPerTransaction;
  });
}

}  // namespace

TickReport ReminderService::tick(Timestamp now) {
  TickReport report;
  const std::string& actor = core_.actor().login;
  for (;;) {
    const std::size_t read = core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
      return follow_feed_page(scope, core_.clock(), actor, report);
    });
    report.events_read += read;
    if (read < kEventsPerTransaction) break;
  }
  while (expire_and_announce(core_, now, report)) {
  }
  return report;
}

}  // namespace v1
}  // namespace relais
