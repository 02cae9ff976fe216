#pragma once
// Reminders that fire by themselves: follow-up rules, reminder items, the
// business calendar and the scheduler. See docs/reminders.md.
//
// Every mutation is validated first (nothing written on error), runs in one
// write transaction with its journal entries and publishes their events
// after commit: FollowUpRuleCreated, FollowUpRuleUpdated,
// FollowUpRuleDeleted, CalendarDayChanged, CalendarDayRemoved,
// BusinessHoursChanged, ReminderCreated, ReminderCompleted, ReminderSnoozed,
// ReminderCancelled, ReminderExpired, and from the scheduler ReminderDue and
// ReminderOverdue (what front ends pop up).
#include <relais/export.h>
#include <relais/reminders/business_calendar.h>
#include <relais/reminders/follow_up_rule.h>
#include <relais/reminders/reminder.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

namespace detail { class WorkspaceCore; }

// Thread-safe; obtained from Workspace::reminders() and valid while the
// Workspace lives. Every call passes the workspace's authorization point.
// Mutating calls on existing records take the version they expect and throw
// ConflictError (nothing written) when it is stale.
class RELAIS_API ReminderService {
 public:
  explicit ReminderService(detail::WorkspaceCore& core) : core_(core) {}

  // ---- Follow-up rules

  // Every rule, by name.
  std::vector<FollowUpRule> rules() const;
  // Throws NotFoundError.
  FollowUpRule rule(std::string_view name) const;
  // Stores a new rule at version 1 (event FollowUpRuleCreated). It applies to the
  // events committed after the scheduler's cursor. Throws InvalidInputError
  // listing every bad field ("steps[1].offset": steps out of order, a
  // negative delay, an unknown trigger...), ConflictError (name taken).
  FollowUpRule create_rule(const FollowUpRule& rule);
  // Replaces the definition of rule `name` (rule.name must be `name`; event
  // FollowUpRuleUpdated). Follow-ups already started keep their reminders. Throws
  // NotFoundError, ConflictError, InvalidInputError.
  FollowUpRule update_rule(std::string_view name, std::int64_t expected_version, const FollowUpRule& rule);
  // Deletes the rule and cancels its open reminders (events FollowUpRuleDeleted,
  // ReminderCancelled). Throws NotFoundError, ConflictError.
  void delete_rule(std::string_view name, std::int64_t expected_version);

  // ---- Business calendar

  // The workspace's calendar: public holidays, its overrides and business
  // hours.
  BusinessCalendar calendar() const;
  // Marks `day` worked or closed against the rule (event CalendarDayChanged),
  // replacing an earlier override of that day. Follow-ups already scheduled
  // keep their due times. Throws InvalidInputError (an invalid date, a year
  // outside 2000-2100, an oversized note).
  CalendarDay set_calendar_day(const CalendarDay& day);
  // Back to the rule for `day` (event CalendarDayRemoved). Throws
  // NotFoundError when the day has no override.
  void remove_calendar_day(std::chrono::year_month_day day);
  // The Paris time business hours start (event BusinessHoursChanged). Throws
  // InvalidInputError naming "business_start" outside 00:00-23:59.
  void set_business_start(std::chrono::minutes business_start);

  // ---- Reminder items

  // A reminder typed in by hand (event ReminderCreated). Throws
  // InvalidInputError (no reason, a due time before 2000 or more than ten
  // years ahead, an unknown target kind, an inactive assignee), NotFoundError
  // (a target of a known kind that does not exist).
  Reminder add(const ReminderDraft& draft);
  // Many reminders at once (an Outlook agenda's, a spreadsheet of
  // relaunches), each checked as add() checks it, all stored in one write
  // transaction or none: InvalidInputError lists every bad field of every
  // draft as "drafts[<index>].<field>" ("drafts[3].due_at"), NotFoundError
  // names the first target missing. One ReminderCreated per reminder, in the
  // order given; returns them in that order. At most 10,000 drafts a call
  // (InvalidInputError naming "drafts"); an empty list stores nothing.
  std::vector<Reminder> add_many(const std::vector<ReminderDraft>& drafts);
  // Throws NotFoundError.
  Reminder get(const Uuid& id) const;
  // Throws InvalidInputError for a bad limit or cursor.
  ReminderPage list(const ReminderQuery& query = {}) const;
  // The acting user's reminders in `window`.
  ReminderPage mine(ReminderWindow window = ReminderWindow::open, std::size_t limit = 50) const;
  // Marks an open reminder done, with an optional note (event ReminderCompleted).
  // Later steps of its follow-up still fall due. Throws NotFoundError,
  // ConflictError, InvalidInputError (already done or cancelled).
  Reminder done(const Uuid& id, std::int64_t expected_version, std::string_view note = {});
  // Puts an open reminder off until `until`, which must be in the future
  // (event ReminderSnoozed); the scheduler announces it again then.
  Reminder snooze(const Uuid& id, std::int64_t expected_version, Timestamp until);
  // Cancels an open reminder (event ReminderCancelled).
  Reminder cancel(const Uuid& id, std::int64_t expected_version, std::string_view note = {});

  // ---- Scheduler

  // Reads the events committed since the stored cursor (any process's),
  // starts and stops follow-ups by the rules, expires what has expired,
  // wakes snoozed reminders, and announces what fell due or overdue at
  // `now` (events ReminderDue, ReminderOverdue, each once per reminder and
  // due time). Due times are counted from the events' own times, so a tick
  // after downtime catches up exactly.
  //
  // Idempotent: ticking again at the same instant changes nothing; a
  // follow-up step exists at most once (a unique key in the database), so a
  // restart or a crash between transactions duplicates nothing. Safe with
  // several processes: the work is serialized on the scheduler's row (a row
  // lock on PostgreSQL, the write lock on SQLite): one tick does it, the
  // other then finds it done. Runs in several short transactions of at
  // most a few hundred events each. Throws StorageError.
  TickReport tick(Timestamp now);
  // tick() at the workspace clock's time.
  TickReport tick();

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
