// The daily dashboard (Workspace.dashboard): the data, and the HTML page
// drawn from it; docs/dashboard.md.
#include "binding.h"

#include <relais/dashboard/dashboard_service.h>
#include <relais/workspace.h>

namespace relais::python {
namespace {

using Release = py::call_guard<py::gil_scoped_release>;

// A duration as a datetime.timedelta, or None.
py::object timedelta_of(const std::optional<std::chrono::seconds>& value) {
  if (!value) return py::none();
  return py::module_::import("datetime").attr("timedelta")(py::arg("seconds") = value->count());
}

DashboardQuery query_of(const std::string& user, std::optional<Timestamp> at, int waiting_days, int upcoming_days,
                        int traceability_days, long long items) {
  if (items < 0) throw InvalidInputError("items", std::to_string(items), "expected 0 to 50");
  return {user, at, waiting_days, upcoming_days, traceability_days, static_cast<std::size_t>(items)};
}

void bind_parts(py::module_& m) {
  py::class_<DashboardReminders>(m, "DashboardReminders", "Open reminders of the person (of everyone for the office).")
      .def_readonly("due_today", &DashboardReminders::due_today, "Due during today (Paris), snoozed ones included.")
      .def_readonly("overdue", &DashboardReminders::overdue, "Due before today.")
      .def_readonly("upcoming", &DashboardReminders::upcoming, "Due after today, within upcoming_days.")
      .def_readonly("first_due_today", &DashboardReminders::first_due_today, "The first ones, by due time.")
      .def_readonly("first_overdue", &DashboardReminders::first_overdue, "The oldest ones first.")
      .def_readonly("first_upcoming", &DashboardReminders::first_upcoming, "The first ones, by due time.");
  py::class_<DashboardWaiting>(m, "DashboardWaiting", "Tickets waiting for an answer for more than waiting_days.")
      .def_readonly("threshold", &DashboardWaiting::threshold, "`at` minus waiting_days (a UTC datetime).")
      .def_readonly("waiting_customer", &DashboardWaiting::waiting_customer,
                    "In status waiting_customer since before the threshold.")
      .def_readonly("unanswered", &DashboardWaiting::unanswered, "Still new, never answered, opened before the threshold.")
      .def_readonly("first_waiting_customer", &DashboardWaiting::first_waiting_customer, "Longest waiting first.")
      .def_readonly("first_unanswered", &DashboardWaiting::first_unanswered, "Oldest first.");
  py::class_<DashboardCallbacks>(m, "DashboardCallbacks", "Callbacks promised on tickets not resolved nor closed.")
      .def_readonly("due_today", &DashboardCallbacks::due_today, "Promised for today.")
      .def_readonly("overdue", &DashboardCallbacks::overdue, "Promised before today.")
      .def_readonly("first", &DashboardCallbacks::first, "Overdue then today's, by promised time.");
  py::class_<DashboardNewRequests>(m, "DashboardNewRequests", "Tickets opened since the start of yesterday (Paris).")
      .def_readonly("since", &DashboardNewRequests::since, "The start of yesterday, a UTC datetime.")
      .def_readonly("total", &DashboardNewRequests::total, "How many.")
      .def_readonly("by_source", &DashboardNewRequests::by_source, "Tickets per source, for the sources seen ('phone', 'email'...).")
      .def_readonly("first", &DashboardNewRequests::first, "Most recent first.");
  py::class_<DashboardTraceability>(m, "DashboardTraceability",
                                    "Inbound calls and mails of the period, and how many are traced.")
      .def_readonly("from_", &DashboardTraceability::from, "The period's start (the Paris day traceability_days - 1 before).")
      .def_readonly("to", &DashboardTraceability::to, "The period's end, `at`.")
      .def_readonly("inbound_calls", &DashboardTraceability::inbound_calls, "Inbound calls.")
      .def_readonly("inbound_emails", &DashboardTraceability::inbound_emails, "Inbound mails (the inbox's and typed in).")
      .def_readonly("linked_to_ticket", &DashboardTraceability::linked_to_ticket, "Linked to a ticket.")
      .def_readonly("no_follow_up", &DashboardTraceability::no_follow_up,
                    "Not linked, closed on purpose (outcome no_follow_up, or filed by the inbox).")
      .def_property_readonly("inbound", &DashboardTraceability::inbound, "Calls and mails together.")
      .def_property_readonly("traced", &DashboardTraceability::traced, "linked_to_ticket + no_follow_up.")
      .def_property_readonly("untraced", &DashboardTraceability::untraced, "inbound - traced.")
      .def_property_readonly("share", &DashboardTraceability::share, "traced / inbound, 0 to 1; None when nothing came in.");
  py::class_<DashboardTriage>(m, "DashboardTriage", "Mails waiting in the inbox's triage (the whole office's).")
      .def_readonly("count", &DashboardTriage::count, "How many.")
      .def_readonly("oldest", &DashboardTriage::oldest, "Received time of the oldest, or None.")
      .def_readonly("first", &DashboardTriage::first, "Oldest first (relais.Mail).");
  py::class_<DashboardWeek>(m, "DashboardWeek", "Response times of one week (Monday 00:00 Paris).")
      .def_readonly("from_", &DashboardWeek::from, "The week's start.")
      .def_readonly("to", &DashboardWeek::to, "Its end, or `at` for the current week.")
      .def_readonly("answered", &DashboardWeek::answered, "Tickets first answered in the week.")
      .def_property_readonly("median_first_answer", [](const DashboardWeek& w) { return timedelta_of(w.median_first_answer); },
                             "Median opening -> first answer of those, a timedelta or None.")
      .def_readonly("resolved", &DashboardWeek::resolved, "Tickets resolved in the week.")
      .def_property_readonly("median_resolution", [](const DashboardWeek& w) { return timedelta_of(w.median_resolution); },
                             "Median opening -> resolution of those, a timedelta or None.");
  py::class_<DashboardResponseTimes>(m, "DashboardResponseTimes", "This week against last.")
      .def_readonly("this_week", &DashboardResponseTimes::this_week, "A DashboardWeek.")
      .def_readonly("last_week", &DashboardResponseTimes::last_week, "A DashboardWeek.");
  py::class_<DashboardItem>(m, "DashboardItem", "One line of an extension section.")
      .def_readonly("kind", &DashboardItem::kind, "The record's kind ('interaction', 'survey'...).")
      .def_readonly("id", &DashboardItem::id, "The record's id.")
      .def_readonly("label", &DashboardItem::label, "What a screen shows.")
      .def_readonly("time", &DashboardItem::time, "Its date, or None.");
  py::class_<DashboardSection>(m, "DashboardSection",
                               "A section another area adds (the extension point): name, titles, counts, items.")
      .def_readonly("name", &DashboardSection::name, "Stable key ('calls_to_qualify').")
      .def_readonly("title", &DashboardSection::title, "The titles by language ('fr', 'en').")
      .def_readonly("counts", &DashboardSection::counts, "Each count by its stable key ('count'...).")
      .def_readonly("items", &DashboardSection::items, "The first items (DashboardItem).")
      .def("__repr__", [](const DashboardSection& s) { return "relais.DashboardSection(" + quoted(s.name) + ")"; });
}

}  // namespace

void bind_dashboard(py::module_& m) {
  bind_parts(m);
  py::class_<Dashboard>(m, "Dashboard", "The daily dashboard of one person or of the whole office, at an instant.")
      .def_readonly("user", &Dashboard::user, "The login, '' for the whole office.")
      .def_readonly("at", &Dashboard::at, "The instant it was computed at (UTC datetime).")
      .def_readonly("day_start", &Dashboard::day_start, "Today in Paris starts here...")
      .def_readonly("day_end", &Dashboard::day_end, "...and ends here.")
      .def_readonly("reminders", &Dashboard::reminders, "A DashboardReminders.")
      .def_readonly("waiting", &Dashboard::waiting, "A DashboardWaiting.")
      .def_readonly("callbacks", &Dashboard::callbacks, "A DashboardCallbacks.")
      .def_readonly("new_requests", &Dashboard::new_requests, "A DashboardNewRequests.")
      .def_readonly("traceability", &Dashboard::traceability, "A DashboardTraceability.")
      .def_readonly("triage", &Dashboard::triage, "A DashboardTriage.")
      .def_readonly("response_times", &Dashboard::response_times, "A DashboardResponseTimes.")
      .def_readonly("sections", &Dashboard::sections, "The extension sections (DashboardSection), in order.")
      .def("counts", &dashboard_counts,
           "Every count by its stable key '<section>.<name>' ('reminders.overdue'): what the HTML page's "
           "data-count attributes carry.")
      .def("html", [](const Dashboard& d, const std::string& language, const std::string& title) {
        return render_dashboard_html(d, {language, title});
      }, py::kw_only(), py::arg("language") = "fr", py::arg("title") = "",
           "The self-contained HTML page (inline CSS and SVG, no script). Raises InvalidInputError naming "
           "'language' (fr or en).")
      .def("__repr__", [](const Dashboard& d) {
        return "relais.Dashboard(user=" + quoted(d.user) + ", overdue=" + std::to_string(d.reminders.overdue) +
               ", due_today=" + std::to_string(d.reminders.due_today) + ")";
      });
  m.def("render_dashboard_html", [](const Dashboard& d, const std::string& language, const std::string& title) {
    return render_dashboard_html(d, {language, title});
  }, py::arg("dashboard"), py::kw_only(), py::arg("language") = "fr", py::arg("title") = "",
        "The dashboard as a self-contained HTML page (inline CSS and SVG, no script, nothing fetched); every "
        "count carries data-count='<section>.<name>'. Raises InvalidInputError naming 'language'.");

  py::class_<DashboardService>(m, "DashboardService", "The daily dashboard (Workspace.dashboard).")
      .def("build", [](const DashboardService& service, const std::string& user, std::optional<Timestamp> at,
                       int waiting_days, int upcoming_days, int traceability_days, long long items) {
        const DashboardQuery query = query_of(user, at, waiting_days, upcoming_days, traceability_days, items);
        py::gil_scoped_release release;
        return service.build(query);
      }, py::kw_only(), py::arg("user") = "", py::arg("at") = py::none(), py::arg("waiting_days") = 3,
           py::arg("upcoming_days") = 7, py::arg("traceability_days") = 7, py::arg("items") = 5,
           "The dashboard of `user` (a login; '' = the whole office) at `at` (default: the workspace clock's now). "
           "Raises InvalidInputError naming user, waiting_days (0-365), upcoming_days (1-90), traceability_days "
           "(1-365), items (0-50) or at. Read only. Releases the GIL.")
      .def("mine", &DashboardService::mine, Release(), "The acting user's dashboard now. Releases the GIL.")
      .def("html", [](const DashboardService& service, const std::string& user, std::optional<Timestamp> at,
                      int waiting_days, int upcoming_days, int traceability_days, long long items,
                      const std::string& language, const std::string& title) {
        const DashboardQuery query = query_of(user, at, waiting_days, upcoming_days, traceability_days, items);
        py::gil_scoped_release release;
        return service.html(query, {language, title});
      }, py::kw_only(), py::arg("user") = "", py::arg("at") = py::none(), py::arg("waiting_days") = 3,
           py::arg("upcoming_days") = 7, py::arg("traceability_days") = 7, py::arg("items") = 5,
           py::arg("language") = "fr", py::arg("title") = "",
           "build() then the HTML page (see relais.render_dashboard_html). Releases the GIL.");

  auto workspace = py::reinterpret_borrow<py::class_<Workspace>>(m.attr("Workspace"));
  workspace.def_property_readonly("dashboard", &Workspace::dashboard, py::return_value_policy::reference_internal,
                                  "The DashboardService (keeps this workspace alive).");
}

}  // namespace relais::python
