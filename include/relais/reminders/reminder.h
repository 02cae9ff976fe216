#pragma once
// Reminder items: what someone has to do by a given time, made by a
// follow-up rule or by hand ("rappeler Mme X jeudi"). Plain value types.
#include <relais/clock.h>
#include <relais/export.h>
#include <relais/ids.h>
#include <relais/journal.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

//   pending -> done | snoozed | cancelled
//   snoozed -> pending (the scheduler, when the snooze ends) | done | cancelled
// done and cancelled are final.
enum class ReminderState { pending, done, snoozed, cancelled };

RELAIS_API std::string_view to_string(ReminderState state) noexcept;
// Throws InvalidInputError naming `field` and the value.
RELAIS_API ReminderState parse_reminder_state(std::string_view text, std::string_view field = "state");

// What a reminder is about: any record, by kind and id ("ticket" + its id).
// Both empty for a reminder about nothing in the base.
struct ReminderTarget {
  std::string kind;
  std::string id;
  bool operator==(const ReminderTarget&) const = default;
};

struct Reminder {
  Uuid id;
  std::string rule;                   // the follow-up rule's name; "" for a manual reminder
  std::int64_t step = 0;              // 0-based step of the rule; 0 for a manual reminder
  ReminderTarget target;
  std::string reason;                 // "Relancer le client (1re relance)"
  std::string assignee;               // login, or "" for the whole office
  ReminderState state = ReminderState::pending;
  // When it falls due. A snooze moves it to the end of the snooze.
  Timestamp due_at{};
  std::optional<Timestamp> expires_at;  // cancelled as expired then, when still open
  std::string note;                   // free text: the outcome, why it was cancelled
  std::string created_by;             // login; "system" for the scheduler
  Timestamp created_at{};
  Timestamp updated_at{};
  std::optional<Timestamp> closed_at;  // done or cancelled
  std::int64_t version = 0;
  bool operator==(const Reminder&) const = default;

  bool open() const noexcept { return state == ReminderState::pending || state == ReminderState::snoozed; }
  // Open and its due time has come.
  bool due(Timestamp now) const noexcept { return open() && due_at <= now; }
  // Open and due before the Paris day of `now` began: derived from the due
  // time and the clock, never stored.
  RELAIS_API bool overdue(Timestamp now) const;
};

// A reminder typed in by hand.
struct ReminderDraft {
  std::string reason;                 // required: "Rappeler Mme Martin pour le devis"
  Timestamp due_at{};                 // required; not before 2000, at most ten years ahead
  std::string assignee;               // "" = the acting user
  ReminderTarget target;              // optional; a known kind must name an existing record
  std::string note;
};

// Which reminders a list shows.
enum class ReminderWindow {
  open,       // every pending or snoozed one
  due_today,  // open, due during today (Paris), the snoozed ones included
  overdue,    // open, due before today
  upcoming,   // open, due after today
  closed,     // done or cancelled
};

RELAIS_API std::string_view to_string(ReminderWindow window) noexcept;
RELAIS_API ReminderWindow parse_reminder_window(std::string_view text, std::string_view field = "window");

struct ReminderQuery {
  ReminderWindow window = ReminderWindow::open;
  // A login ("" = the reminders for nobody in particular); not set = everyone's.
  std::optional<std::string> assignee;
  std::optional<ReminderTarget> target;
  std::size_t limit = 50;             // 1..500
  std::string after;                  // next_cursor of the previous page
};

// By due time, then id.
struct ReminderPage {
  std::vector<Reminder> reminders;
  std::string next_cursor;            // "" on the last page
};

// What one tick did.
struct TickReport {
  std::size_t events_read = 0;        // from the feed, since the stored cursor
  std::size_t created = 0;            // reminders made by rules
  std::size_t cancelled = 0;          // by a stop condition, a restart of the follow-up, or a deleted rule
  std::size_t expired = 0;
  // Announced by this tick (ReminderDue, ReminderOverdue), in the order
  // announced: by due time.
  std::vector<Reminder> became_due;
  std::vector<Reminder> became_overdue;
  JournalCursor cursor = 0;           // the feed position now stored
};

}  // namespace v1
}  // namespace relais
