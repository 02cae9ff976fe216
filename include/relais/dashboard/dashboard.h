#pragma once
// The daily dashboard as data: what one person (or the whole office) has to
// look at this morning, computed at an instant with Paris day boundaries.
// Plain value types; DashboardService builds them, render_dashboard_html()
// draws them. See docs/dashboard.md.
#include <relais/clock.h>
#include <relais/desk/ticket.h>
#include <relais/export.h>
#include <relais/inbox/mail.h>
#include <relais/reminders/reminder.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

// What a dashboard is asked for. Every member is checked by
// DashboardService::build(), which throws InvalidInputError naming the
// member and its value.
struct DashboardQuery {
  std::string user;                   // a user's login; "" = the whole office
  std::optional<Timestamp> at;        // the instant it is computed at; unset: the workspace clock's now
  int waiting_days = 3;               // tickets waiting more than this many days count (0 to 365)
  int upcoming_days = 7;              // upcoming reminders: due in the days after today (1 to 90)
  int traceability_days = 7;          // the traceability period: the days up to `at` (1 to 365)
  std::size_t items = 5;              // first items kept per list (0 to 50)
};

// Reminders of the person (every reminder for the office), open ones only.
struct DashboardReminders {
  std::int64_t due_today = 0;         // due during today (Paris), snoozed ones included
  std::int64_t overdue = 0;           // due before today
  std::int64_t upcoming = 0;          // due after today, within upcoming_days
  std::vector<Reminder> first_due_today;   // by due time
  std::vector<Reminder> first_overdue;     // oldest first
  std::vector<Reminder> first_upcoming;    // by due time
};

// Tickets waiting for an answer for more than waiting_days: the office is
// waiting for the customer (status waiting_customer, entered before the
// threshold), or the customer for the office (status new, never answered,
// opened before the threshold; "first answer" in docs/dashboard.md).
struct DashboardWaiting {
  Timestamp threshold{};              // `at` minus waiting_days
  std::int64_t waiting_customer = 0;
  std::int64_t unanswered = 0;
  std::vector<Ticket> first_waiting_customer;  // longest waiting first
  std::vector<Ticket> first_unanswered;        // oldest first
};

// Callbacks promised (Ticket::callback_at) on tickets not resolved nor closed.
struct DashboardCallbacks {
  std::int64_t due_today = 0;         // promised for today
  std::int64_t overdue = 0;           // promised before today
  std::vector<Ticket> first;          // overdue then today's, by promised time
};

// Tickets opened since the start of yesterday (Paris).
struct DashboardNewRequests {
  Timestamp since{};
  std::int64_t total = 0;
  std::map<std::string, std::int64_t> by_source;  // "phone", "email", "web_form"...: only sources seen
  std::vector<Ticket> first;          // most recent first
};

// Inbound calls and emails of the period and how many are traced: linked to
// a ticket, or closed on purpose (outcome no_follow_up, or the inbox filed
// the mail). The audit measured about 30 %.
struct DashboardTraceability {
  Timestamp from{};
  Timestamp to{};                     // = `at`
  std::int64_t inbound_calls = 0;
  std::int64_t inbound_emails = 0;
  std::int64_t linked_to_ticket = 0;  // calls and emails together
  std::int64_t no_follow_up = 0;      // not linked, closed as no_follow_up or filed
  std::int64_t inbound() const noexcept { return inbound_calls + inbound_emails; }
  std::int64_t traced() const noexcept { return linked_to_ticket + no_follow_up; }
  std::int64_t untraced() const noexcept { return inbound() - traced(); }
  // traced / inbound, 0 to 1; nullopt when nothing came in.
  std::optional<double> share() const noexcept {
    if (inbound() == 0) return std::nullopt;
    return static_cast<double>(traced()) / static_cast<double>(inbound());
  }
};

// Mails waiting in the inbox's triage: the whole office's, even in one
// person's dashboard (mails are not assigned before triage).
struct DashboardTriage {
  std::int64_t count = 0;
  std::optional<Timestamp> oldest;    // received time of the oldest one
  std::vector<Mail> first;            // oldest first
};

// Response times of one week (Monday 00:00 to Monday 00:00, Paris).
struct DashboardWeek {
  Timestamp from{};
  Timestamp to{};                     // the end of the week, or `at` for the current one
  std::int64_t answered = 0;          // tickets first answered in the week
  std::optional<std::chrono::seconds> median_first_answer;  // opening -> first answer, of those
  std::int64_t resolved = 0;          // tickets resolved in the week
  std::optional<std::chrono::seconds> median_resolution;    // opening -> resolution, of those
};

struct DashboardResponseTimes {
  DashboardWeek this_week;
  DashboardWeek last_week;
};

// One line of an extension section.
struct DashboardItem {
  std::string kind;                   // the record's kind: "interaction", "survey", "quote"...
  std::string id;
  std::string label;                  // what a screen shows: "06 12 34 56 78, 14:02"
  std::optional<Timestamp> time;      // its date, when it has one
  bool operator==(const DashboardItem&) const = default;
};

// A section contributed by another area through the extension point
// (docs/dashboard.md, "Adding a section"): surveys to relaunch, quotes to
// follow, today's interventions, stock shortages...
struct DashboardSection {
  std::string name;                   // stable key, [a-z0-9_]: "calls_to_qualify"
  // The title by language ("fr", "en"); a screen falls back to "fr".
  std::map<std::string, std::string> title;
  std::map<std::string, std::int64_t> counts;  // stable keys: {"count": 3}
  std::vector<DashboardItem> items;   // the first ones, at most DashboardQuery::items
  bool operator==(const DashboardSection&) const = default;
};

struct Dashboard {
  std::string user;                   // the login, "" for the whole office
  Timestamp at{};
  Timestamp day_start{};              // today in Paris: [day_start, day_end)
  Timestamp day_end{};
  DashboardQuery query;               // as asked, `at` filled in
  DashboardReminders reminders;
  DashboardWaiting waiting;
  DashboardCallbacks callbacks;
  DashboardNewRequests new_requests;
  DashboardTraceability traceability;
  DashboardTriage triage;
  DashboardResponseTimes response_times;
  std::vector<DashboardSection> sections;  // the extensions, in registration order
};

// Every count of a dashboard by its stable key "<section>.<name>"
// ("reminders.overdue", "traceability.inbound", "calls_to_qualify.count"):
// the keys the HTML page's data-count attributes carry. Pure.
RELAIS_API std::map<std::string, std::int64_t> dashboard_counts(const Dashboard& dashboard);

struct DashboardHtmlOptions {
  std::string language = "fr";        // "fr" or "en"
  std::string title;                  // the page title; "" = a default naming the person and the day
};

// A self-contained HTML page: inline CSS and SVG charts (traceability gauge,
// reminders by state, response times this week against last), no script, no
// network. Every count carries data-count="<section>.<name>" (the keys of
// dashboard_counts()) and every median data-seconds="<key>". All text from
// the data is escaped. Times are shown in Paris time. Pure; throws
// InvalidInputError naming "language" for a language other than fr or en.
RELAIS_API std::string render_dashboard_html(const Dashboard& dashboard, const DashboardHtmlOptions& options = {});

}  // namespace v1
}  // namespace relais
