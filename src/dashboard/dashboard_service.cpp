// The daily dashboard: one read transaction of indexed counts and short
// pages. Each count below names the index it runs on (the desk's migration
// 5 added those of the tickets and interactions); none scans a table.
#include <relais/dashboard/dashboard_service.h>

#include <relais/errors.h>

#include "core/civil_time.h"
#include "core/timestamp_text.h"
#include "dashboard/dashboard_sections.h"
#include "desk/desk_store.h"
#include "inbox/inbox_store.h"
#include "reminders/reminder_store.h"
#include "storage/timestamps.h"
#include "users/user_store.h"
#include "workspace/workspace_core.h"

#include <algorithm>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {
namespace {

using detail::micros;
using detail::timestamp_of;

constexpr std::size_t kMaxItems = 50;
// Statuses of a ticket still being worked on.
constexpr std::string_view kOpenStatuses = "('new', 'open', 'waiting_customer', 'waiting_internal', 'scheduled')";

void check_range(FieldErrors& errors, std::string_view field, long long value, long long low, long long high) {
  if (value < low || value > high) {
    errors.add(std::string(field), std::to_string(value),
               "expected " + std::to_string(low) + " to " + std::to_string(high));
  }
}

void check_query(const DashboardQuery& query, Timestamp at) {
  FieldErrors errors;
  check_range(errors, "waiting_days", query.waiting_days, 0, 365);
  check_range(errors, "upcoming_days", query.upcoming_days, 1, 90);
  check_range(errors, "traceability_days", query.traceability_days, 1, 365);
  if (query.items > kMaxItems) errors.add("items", std::to_string(query.items), "expected 0 to 50");
  if (at < Timestamp(std::chrono::sys_days(std::chrono::year{2000} / 1 / 1))) {
    errors.add("at", format_timestamp(at), "expected a time after 2000");
  }
  errors.throw_if_any();
}

// A WHERE clause under construction, with its parameters.
struct Where {
  std::string sql;
  std::vector<spi::Value> params;
  Where& operator()(std::string_view condition, spi::Value value) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += condition;
    params.push_back(std::move(value));
    return *this;
  }
  Where& operator()(std::string_view condition) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += condition;
    return *this;
  }
};

std::int64_t count(spi::Connection& connection, std::string_view table, const Where& where) {
  return connection.query("SELECT COUNT(*) FROM " + std::string(table) + where.sql, where.params).front().integer(0);
}

std::vector<Ticket> first_tickets(spi::Connection& connection, const Where& where, std::string_view order,
                                  std::size_t limit) {
  if (limit == 0) return {};
  std::vector<spi::Value> params = where.params;
  params.emplace_back(static_cast<std::int64_t>(limit));
  return detail::select_tickets(connection, where.sql + " ORDER BY " + std::string(order) + " LIMIT ?", params);
}

std::optional<std::chrono::seconds> median(std::vector<std::int64_t> micros_values) {
  if (micros_values.empty()) return std::nullopt;
  std::sort(micros_values.begin(), micros_values.end());
  const std::size_t middle = micros_values.size() / 2;
  std::int64_t value = micros_values[middle];
  if (micros_values.size() % 2 == 0) value = (micros_values[middle - 1] + micros_values[middle]) / 2;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::microseconds(value));
}

class Builder {
 public:
  Builder(spi::Connection& connection, Dashboard& dashboard)
      : connection_(connection), dashboard_(dashboard), query_(dashboard.query), user_(dashboard.user) {}

  void reminders(Timestamp upcoming_end) {
    // reminders_by_assignee (assignee, state, due_at) for a person,
    // reminders_by_state (state, due_at) for the office.
    auto window = [&](std::optional<Timestamp> from, std::optional<Timestamp> to) {
      Where where;
      if (!user_.empty()) where("assignee = ?", user_);
      where("state IN ('pending', 'snoozed')");
      if (from) where("due_at >= ?", micros(*from));
      if (to) where("due_at < ?", micros(*to));
      return count(connection_, "reminders", where);
    };
    auto& out = dashboard_.reminders;
    out.due_today = window(dashboard_.day_start, dashboard_.day_end);
    out.overdue = window(std::nullopt, dashboard_.day_start);
    out.upcoming = window(dashboard_.day_end, upcoming_end);
    if (query_.items == 0) return;
    auto first = [&](ReminderWindow which) {
      ReminderQuery list;
      list.window = which;
      if (!user_.empty()) list.assignee = user_;
      list.limit = query_.items;
      return detail::reminder_page(connection_, list, dashboard_.at).reminders;
    };
    out.first_due_today = first(ReminderWindow::due_today);
    out.first_overdue = first(ReminderWindow::overdue);
    out.first_upcoming = first(ReminderWindow::upcoming);
    std::erase_if(out.first_upcoming, [&](const Reminder& reminder) { return reminder.due_at >= upcoming_end; });
  }

  void waiting() {
    // tickets_by_assignee_status_since / tickets_by_status_since.
    auto& out = dashboard_.waiting;
    out.threshold = dashboard_.at - std::chrono::days(query_.waiting_days);
    auto of_status = [&](std::string_view status) {
      Where where;
      if (!user_.empty()) where("assignee = ?", user_);
      where("status = ?", std::string(status));
      where("status_changed_at < ?", micros(out.threshold));
      return where;
    };
    const Where waiting = of_status("waiting_customer");
    // "new" is only ever entered at opening, so its status time is the
    // opening; a ticket stored new by an import may have been answered.
    const Where unanswered = of_status("new")("first_answer_at IS NULL");
    out.waiting_customer = count(connection_, "tickets", waiting);
    out.unanswered = count(connection_, "tickets", unanswered);
    out.first_waiting_customer = first_tickets(connection_, waiting, "status_changed_at, number", query_.items);
    out.first_unanswered = first_tickets(connection_, unanswered, "status_changed_at, number", query_.items);
  }

  void callbacks() {
    // tickets_by_assignee_status_callback / tickets_by_status_callback.
    Where where;
    if (!user_.empty()) where("assignee = ?", user_);
    where("status IN " + std::string(kOpenStatuses));
    where("callback_at < ?", micros(dashboard_.day_end));
    std::vector<spi::Value> params{micros(dashboard_.day_start)};
    params.insert(params.end(), where.params.begin(), where.params.end());
    const auto row = connection_.query(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN callback_at < ? THEN 1 ELSE 0 END), 0) FROM tickets" + where.sql,
        params).front();
    auto& out = dashboard_.callbacks;
    out.overdue = row.integer(1);
    out.due_today = row.integer(0) - out.overdue;
    out.first = first_tickets(connection_, where, "callback_at, number", query_.items);
  }

  void new_requests() {
    // tickets_by_created (created_at).
    auto& out = dashboard_.new_requests;
    out.since = detail::paris_start_of_day(detail::paris_add_days(dashboard_.at, -1));
    Where where;
    where("created_at >= ?", micros(out.since))("created_at < ?", micros(dashboard_.at));
    if (!user_.empty()) where("assignee = ?", user_);
    for (const auto& row :
         connection_.query("SELECT source, COUNT(*) FROM tickets" + where.sql + " GROUP BY source", where.params)) {
      out.by_source[row.text(0)] = row.integer(1);
      out.total += row.integer(1);
    }
    out.first = first_tickets(connection_, where, "created_at DESC, number DESC", query_.items);
  }

  void traceability() {
    auto& out = dashboard_.traceability;
    out.to = dashboard_.at;
    out.from = detail::paris_start_of_day(detail::paris_add_days(dashboard_.at, -(query_.traceability_days - 1)));
    // Calls, and emails typed in by hand: interactions_by_kind_time. The
    // inbox's mails are counted from the inbox below; the interactions it
    // logged for them (on their ticket) are left out here. It logs them at
    // intake, within a day of the mail's reception.
    const std::int64_t margin = micros(out.from - std::chrono::days(1));
    Where where;
    where("kind IN ('call', 'email')")("direction = 'inbound'");
    where("occurred_at >= ?", micros(out.from))("occurred_at < ?", micros(out.to));
    if (!user_.empty()) where("user_login = ?", user_);
    for (const auto& row : connection_.query(
             "SELECT kind, COUNT(*), COALESCE(SUM(CASE WHEN ticket_id IS NOT NULL THEN 1 ELSE 0 END), 0),"
             " COALESCE(SUM(CASE WHEN ticket_id IS NULL AND outcome = 'no_follow_up' THEN 1 ELSE 0 END), 0)"
             " FROM interactions" + where.sql +
             " AND id NOT IN (SELECT interaction_id FROM inbox_mails WHERE state IN ('ticket_opened', 'joined_ticket')"
             "  AND received_at >= ? AND interaction_id IS NOT NULL) GROUP BY kind",
             // The subquery's parameter binds after the WHERE clause's.
             [&] {
               std::vector<spi::Value> ordered = where.params;
               ordered.push_back(margin);
               return ordered;
             }())) {
      (row.text(0) == "call" ? out.inbound_calls : out.inbound_emails) += row.integer(1);
      out.linked_to_ticket += row.integer(2);
      out.no_follow_up += row.integer(3);
    }
    // The inbox's own mails (the whole office's: a mail belongs to nobody
    // before it is dispatched), on inbox_mails_by_state (state, received_at):
    // traced when on a ticket or filed on purpose; one in triage is not yet.
    if (!user_.empty()) return;
    spi::Value mail_params[] = {micros(out.from), micros(out.to)};
    const auto row = connection_.query(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN ticket_id IS NOT NULL THEN 1 ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN ticket_id IS NULL AND state = 'filed' THEN 1 ELSE 0 END), 0)"
        " FROM inbox_mails WHERE state IN ('triage', 'ticket_opened', 'joined_ticket', 'filed')"
        " AND received_at >= ? AND received_at < ? AND direction = 'inbound' AND automatic = 0",
        mail_params).front();
    out.inbound_emails += row.integer(0);
    out.linked_to_ticket += row.integer(1);
    out.no_follow_up += row.integer(2);
  }

  void triage() {
    // inbox_mails_by_state (state, received_at, id).
    auto& out = dashboard_.triage;
    const auto row =
        connection_.query("SELECT COUNT(*), MIN(received_at) FROM inbox_mails WHERE state = 'triage'").front();
    out.count = row.integer(0);
    if (auto oldest = row.optional_integer(1)) out.oldest = timestamp_of(*oldest);
    if (query_.items > 0) out.first = detail::triage_page(connection_, query_.items, "").mails;
  }

  void response_times() {
    // The week starts on Monday 00:00 in Paris.
    const auto today = std::chrono::sys_days(detail::paris_date(dashboard_.at));
    const unsigned from_monday = (std::chrono::weekday(today).c_encoding() + 6) % 7;
    const Timestamp monday = detail::paris_instant(today - std::chrono::days(from_monday), std::chrono::seconds(0));
    const Timestamp last_monday =
        detail::paris_instant(today - std::chrono::days(from_monday + 7), std::chrono::seconds(0));
    dashboard_.response_times.this_week = week(monday, dashboard_.at);
    dashboard_.response_times.last_week = week(last_monday, monday);
  }

 private:
  // tickets_by_first_answer (first_answer_at), tickets_by_resolution
  // (resolved_at): a week's tickets.
  DashboardWeek week(Timestamp from, Timestamp to) {
    DashboardWeek out;
    out.from = from;
    out.to = to;
    auto durations = [&](std::string_view column) {
      Where where;
      where(std::string(column) + " >= ?", micros(from))(std::string(column) + " < ?", micros(to));
      if (!user_.empty()) where("assignee = ?", user_);
      std::vector<std::int64_t> values;
      for (const auto& row : connection_.query(
               "SELECT " + std::string(column) + " - created_at FROM tickets" + where.sql, where.params)) {
        values.push_back(std::max<std::int64_t>(row.integer(0), 0));
      }
      return values;
    };
    const auto answers = durations("first_answer_at");
    out.answered = static_cast<std::int64_t>(answers.size());
    out.median_first_answer = median(answers);
    const auto resolutions = durations("resolved_at");
    out.resolved = static_cast<std::int64_t>(resolutions.size());
    out.median_resolution = median(resolutions);
    return out;
  }

  spi::Connection& connection_;
  Dashboard& dashboard_;
  const DashboardQuery& query_;
  const std::string& user_;
};

}  // namespace

Dashboard DashboardService::build(const DashboardQuery& query) const {
  Dashboard dashboard;
  dashboard.query = query;
  dashboard.at = query.at.value_or(core_.clock().now());
  dashboard.query.at = dashboard.at;
  check_query(query, dashboard.at);
  dashboard.user = query.user;
  dashboard.day_start = detail::paris_start_of_day(dashboard.at);
  dashboard.day_end = detail::paris_end_of_day(dashboard.at);
  const Timestamp upcoming_end = detail::paris_start_of_day(
      detail::paris_add_days(dashboard.day_start + std::chrono::hours(12), query.upcoming_days + 1));
  return core_.read([&](spi::Connection& connection) {
    if (!query.user.empty() && !detail::find_user(connection, query.user)) {
      throw InvalidInputError("user", query.user, "not a known user");
    }
    Builder builder(connection, dashboard);
    builder.reminders(upcoming_end);
    builder.waiting();
    builder.callbacks();
    builder.new_requests();
    builder.traceability();
    builder.triage();
    builder.response_times();
    const detail::DashboardContext context{dashboard.query, dashboard.at, dashboard.day_start, dashboard.day_end};
    for (const auto& source : detail::dashboard_sections()) {
      dashboard.sections.push_back(source.build(connection, context));
    }
    return dashboard;
  });
}

Dashboard DashboardService::mine() const {
  DashboardQuery query;
  query.user = core_.actor().login;
  return build(query);
}

std::string DashboardService::html(const DashboardQuery& query, const DashboardHtmlOptions& options) const {
  return render_dashboard_html(build(query), options);
}

}  // namespace v1
}  // namespace relais
