// Reminders (Workspace.reminders): follow-up rules, reminder items, the
// business calendar and the scheduler's tick; docs/reminders.md.
#include "binding.h"

#include <relais/reminders/reminder_service.h>

namespace relais::python {

template <>
struct EnumMembers<ReminderState> {
  static constexpr std::array members{
      std::pair{ReminderState::pending, "pending"}, std::pair{ReminderState::done, "done"},
      std::pair{ReminderState::snoozed, "snoozed"}, std::pair{ReminderState::cancelled, "cancelled"}};
};
template <>
struct EnumMembers<ReminderWindow> {
  static constexpr std::array members{
      std::pair{ReminderWindow::open, "open"}, std::pair{ReminderWindow::due_today, "due_today"},
      std::pair{ReminderWindow::overdue, "overdue"}, std::pair{ReminderWindow::upcoming, "upcoming"},
      std::pair{ReminderWindow::closed, "closed"}};
};
template <>
struct EnumMembers<DelayUnit> {
  static constexpr std::array members{std::pair{DelayUnit::calendar_days, "calendar_days"},
                                      std::pair{DelayUnit::working_days, "working_days"}};
};
template <>
struct EnumMembers<AssigneeRule> {
  static constexpr std::array members{std::pair{AssigneeRule::target_assignee, "target_assignee"},
                                      std::pair{AssigneeRule::fixed, "fixed"},
                                      std::pair{AssigneeRule::event_actor, "event_actor"}};
};

namespace {

using Release = py::call_guard<py::gil_scoped_release>;

// A target argument: a relais.ReminderTarget or a (kind, id) pair.
using TargetArg = std::variant<ReminderTarget, std::pair<std::string, std::string>>;

ReminderTarget to_target(const TargetArg& target) {
  if (const auto* value = std::get_if<ReminderTarget>(&target)) return *value;
  const auto& [kind, id] = std::get<std::pair<std::string, std::string>>(target);
  return {kind, id};
}

// Business hours as a datetime.time in Python, minutes after midnight in C++.
std::chrono::minutes minutes_of(const py::object& time) {
  return std::chrono::minutes(time.attr("hour").cast<int>() * 60 + time.attr("minute").cast<int>());
}
py::object time_of(std::chrono::minutes minutes) {
  return py::module_::import("datetime").attr("time")(minutes.count() / 60, minutes.count() % 60);
}

void bind_rule_types(py::module_& m) {
  bind_enum<DelayUnit>(m, "DelayUnit", "How a rule's offsets count: CALENDAR_DAYS or WORKING_DAYS (Paris calendar).");
  bind_enum<AssigneeRule>(m, "AssigneeRule",
                          "Who a rule's reminders go to: TARGET_ASSIGNEE (else fallback_assignee), FIXED "
                          "(fallback_assignee) or EVENT_ACTOR (who made the triggering change).");
  py::class_<EventMatch>(m, "EventMatch", "A pattern over one event of the feed: a trigger or a stop condition.")
      .def(py::init([](std::string event, std::string field, std::vector<std::string> values, std::string target_field) {
             return EventMatch{std::move(event), std::move(field), std::move(values), std::move(target_field)};
           }),
           py::arg("event"), py::arg("field") = "", py::arg("values") = std::vector<std::string>{},
           py::arg("target_field") = "",
           "event: 'TicketStatusChanged'...; field: a changed field to look at ('' = any event of that type); "
           "values: its accepted new values ('' = absent or empty; none = any change); target_field: the field "
           "holding the target's id ('' = the event's own record).")
      .def_readwrite("event", &EventMatch::event, "The event type.")
      .def_readwrite("field", &EventMatch::field, "A field of the event's changes, or ''.")
      .def_readwrite("values", &EventMatch::values, "Accepted new values of `field` (empty for any change).")
      .def_readwrite("target_field", &EventMatch::target_field, "The field holding the target's id ('' for the event's own record).")
      .def("__eq__", [](const EventMatch& a, const EventMatch& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const EventMatch& match) {
        return "relais.EventMatch(" + quoted(match.event) + ", field=" + quoted(match.field) + ")";
      });
  py::class_<EscalationStep>(m, "EscalationStep", "One step of a follow-up, `offset` units after its anchor.")
      .def(py::init([](int offset, std::string reason, std::string assignee) {
             return EscalationStep{offset, std::move(reason), std::move(assignee)};
           }),
           py::arg("offset"), py::arg("reason"), py::arg("assignee") = "",
           "offset: >= 0, increasing along the steps; reason: what to do (required); assignee: a login that "
           "replaces the rule's assignee at this step (a manager), '' otherwise.")
      .def_readwrite("offset", &EscalationStep::offset, "Units after the anchor.")
      .def_readwrite("reason", &EscalationStep::reason, "Shown to the person reminded.")
      .def_readwrite("assignee", &EscalationStep::assignee, "'' = the rule's assignee.")
      .def("__eq__", [](const EscalationStep& a, const EscalationStep& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const EscalationStep& step) {
        return "relais.EscalationStep(" + std::to_string(step.offset) + ", " + quoted(step.reason) + ")";
      });
  py::class_<FollowUpRule>(m, "FollowUpRule", "A declarative follow-up rule (docs/reminders.md).")
      .def(py::init([](std::string name, std::vector<EventMatch> triggers, std::vector<EscalationStep> steps,
                       std::vector<EventMatch> stop_when, const EnumArg<DelayUnit>& unit, std::string anchor_field,
                       std::optional<int> expire_after, const EnumArg<AssigneeRule>& assignee,
                       std::string fallback_assignee, std::string target_kind, std::string description, bool enabled) {
             FollowUpRule rule;
             rule.name = std::move(name);
             rule.triggers = std::move(triggers);
             rule.steps = std::move(steps);
             rule.stop_when = std::move(stop_when);
             rule.unit = to_enum(unit, "unit");
             rule.anchor_field = std::move(anchor_field);
             rule.expire_after = expire_after;
             rule.assignee = to_enum(assignee, "assignee");
             rule.fallback_assignee = std::move(fallback_assignee);
             rule.target_kind = std::move(target_kind);
             rule.description = std::move(description);
             rule.enabled = enabled;
             return rule;
           }),
           py::arg("name"), py::arg("triggers"), py::arg("steps"), py::kw_only(),
           py::arg("stop_when") = std::vector<EventMatch>{}, py::arg("unit") = DelayUnit::working_days,
           py::arg("anchor_field") = "", py::arg("expire_after") = py::none(),
           py::arg("assignee") = AssigneeRule::target_assignee, py::arg("fallback_assignee") = "",
           py::arg("target_kind") = "ticket", py::arg("description") = "", py::arg("enabled") = true,
           "A rule as FollowUpRule in relais/reminders/follow_up_rule.h; checked when stored.")
      .def_readwrite("name", &FollowUpRule::name, "The rule's key, 1 to 64 of [a-z0-9._-].")
      .def_readwrite("description", &FollowUpRule::description, "For the people configuring rules.")
      .def_readwrite("enabled", &FollowUpRule::enabled, "A disabled rule starts and stops nothing.")
      .def_readwrite("target_kind", &FollowUpRule::target_kind, "The kind of record followed ('ticket').")
      .def_readwrite("triggers", &FollowUpRule::triggers, "relais.EventMatch list; any one starts a follow-up.")
      .def_readwrite("anchor_field", &FollowUpRule::anchor_field, "'' = the event's time; else a time field.")
      .def_readwrite("unit", &FollowUpRule::unit, "A relais.DelayUnit.")
      .def_readwrite("steps", &FollowUpRule::steps, "relais.EscalationStep list, offsets increasing.")
      .def_readwrite("expire_after", &FollowUpRule::expire_after, "Units after the anchor the follow-up expires; None.")
      .def_readwrite("stop_when", &FollowUpRule::stop_when, "relais.EventMatch list; any one on the target ends it.")
      .def_readwrite("assignee", &FollowUpRule::assignee, "A relais.AssigneeRule.")
      .def_readwrite("fallback_assignee", &FollowUpRule::fallback_assignee, "A login, or '' (the whole office).")
      .def_readonly("version", &FollowUpRule::version, "The stored version, to pass back to update_rule().")
      .def("__eq__", [](const FollowUpRule& a, const FollowUpRule& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const FollowUpRule& rule) {
        return "relais.FollowUpRule(" + quoted(rule.name) + ", steps=" + std::to_string(rule.steps.size()) +
               ", version=" + std::to_string(rule.version) + ")";
      });
  m.def("default_follow_up_rules", &default_follow_up_rules, "The rules a new workspace starts with.");
}

void bind_calendar(py::module_& m) {
  py::class_<PublicHoliday>(m, "PublicHoliday", "A French public holiday.")
      .def_readonly("day", &PublicHoliday::day, "A datetime.date.")
      .def_readonly("name", &PublicHoliday::name, "The French name printed on calendars ('Lundi de Pâques').")
      .def("__repr__", [](const PublicHoliday& holiday) { return "relais.PublicHoliday(" + quoted(holiday.name) + ")"; });
  m.def("easter_sunday", [](int year) { return easter_sunday(std::chrono::year(year)); }, py::arg("year"),
        "Easter Sunday of a Gregorian year, a datetime.date.");
  m.def("french_public_holidays", [](int year) { return french_public_holidays(std::chrono::year(year)); },
        py::arg("year"), "The eleven public holidays of metropolitan France in `year`, by date.");
  py::class_<CalendarDay>(m, "CalendarDay", "A day the company works or closes against the rule.")
      .def(py::init([](std::chrono::year_month_day day, bool working, std::string note) {
             return CalendarDay{day, working, std::move(note)};
           }),
           py::arg("day"), py::arg("working"), py::arg("note") = "")
      .def_readonly("day", &CalendarDay::day, "A datetime.date.")
      .def_readonly("working", &CalendarDay::working, "True when worked, False when closed.")
      .def_readonly("note", &CalendarDay::note, "Why.")
      .def("__eq__", [](const CalendarDay& a, const CalendarDay& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const CalendarDay& day) {
        return std::string("relais.CalendarDay(working=") + (day.working ? "True" : "False") + ", note=" +
               quoted(day.note) + ")";
      });
  py::class_<BusinessCalendar>(m, "BusinessCalendar",
                               "The business calendar in Europe/Paris: weekends, French public holidays, the "
                               "workspace's overrides and business hours. Pure; no database.")
      .def(py::init([](std::vector<CalendarDay> overrides, const py::object& business_start) {
             return BusinessCalendar(std::move(overrides), minutes_of(business_start));
           }),
           py::arg("overrides") = std::vector<CalendarDay>{},
           py::arg("business_start") = py::module_::import("datetime").attr("time")(8, 0),
           "overrides: relais.CalendarDay list (the last of a day wins); business_start: a datetime.time.")
      .def("is_public_holiday", &BusinessCalendar::is_public_holiday, py::arg("day"), "For a datetime.date.")
      .def("is_working_day", &BusinessCalendar::is_working_day, py::arg("day"),
           "Monday to Friday and not a holiday, unless overridden.")
      .def("add_working_days", &BusinessCalendar::add_working_days, py::arg("start"), py::arg("days"),
           "When a delay of `days` working days from `start` falls due: the start of business hours on that "
           "day. Raises InvalidInputError naming 'days' when negative.")
      .def("add_calendar_days", &BusinessCalendar::add_calendar_days, py::arg("start"), py::arg("days"),
           "`days` later at the same Paris wall-clock time.")
      .def_property_readonly("business_start", [](const BusinessCalendar& calendar) {
        return time_of(calendar.business_start());
      }, "A datetime.time, Paris.")
      .def_property_readonly("overrides", &BusinessCalendar::overrides, "relais.CalendarDay list, by day.");
}

void bind_items(py::module_& m) {
  bind_enum<ReminderState>(m, "ReminderState", "PENDING, DONE, SNOOZED or CANCELLED.");
  bind_enum<ReminderWindow>(m, "ReminderWindow", "Which reminders a list shows: OPEN, DUE_TODAY, OVERDUE, UPCOMING, CLOSED.");
  py::class_<ReminderTarget>(m, "ReminderTarget", "What a reminder is about: a record's kind and id.")
      .def(py::init([](std::string kind, std::string id) { return ReminderTarget{std::move(kind), std::move(id)}; }),
           py::arg("kind"), py::arg("id"))
      .def_readonly("kind", &ReminderTarget::kind, "'ticket', 'customer'..., or ''.")
      .def_readonly("id", &ReminderTarget::id, "The record's id, or ''.")
      .def("__eq__", [](const ReminderTarget& a, const ReminderTarget& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const ReminderTarget& t) {
        return "relais.ReminderTarget(" + quoted(t.kind) + ", " + quoted(t.id) + ")";
      });
  py::class_<Reminder>(m, "Reminder", "Something someone has to do by a given time.")
      .def_readonly("id", &Reminder::id, "Its relais.Uuid.")
      .def_readonly("rule", &Reminder::rule, "The rule's name; '' for a manual reminder.")
      .def_readonly("step", &Reminder::step, "0-based step of the rule.")
      .def_readonly("target", &Reminder::target, "A relais.ReminderTarget.")
      .def_readonly("reason", &Reminder::reason, "What to do.")
      .def_readonly("assignee", &Reminder::assignee, "A login, or '' for the whole office.")
      .def_readonly("state", &Reminder::state, "A relais.ReminderState.")
      .def_readonly("due_at", &Reminder::due_at, "Aware datetime, UTC.")
      .def_readonly("expires_at", &Reminder::expires_at, "Aware datetime or None.")
      .def_readonly("note", &Reminder::note, "The outcome, or why it was cancelled.")
      .def_readonly("created_by", &Reminder::created_by, "Login.")
      .def_readonly("created_at", &Reminder::created_at, "Aware datetime, UTC.")
      .def_readonly("updated_at", &Reminder::updated_at, "Aware datetime, UTC.")
      .def_readonly("closed_at", &Reminder::closed_at, "Aware datetime or None.")
      .def_readonly("version", &Reminder::version, "Pass it back to done(), snooze() or cancel().")
      .def_property_readonly("open", &Reminder::open, "Pending or snoozed.")
      .def("due", &Reminder::due, py::arg("now"), "Open and due at `now`.")
      .def("overdue", &Reminder::overdue, py::arg("now"), "Open and due before the Paris day of `now` began.")
      .def("__eq__", [](const Reminder& a, const Reminder& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Reminder& r) {
        return "relais.Reminder(" + quoted(r.reason) + ", state=" + std::string(to_string(r.state)) +
               ", assignee=" + quoted(r.assignee) + ")";
      });
  py::class_<ReminderPage>(m, "ReminderPage", "One page of reminders, by due time.")
      .def_readonly("reminders", &ReminderPage::reminders, "relais.Reminder list.")
      .def_readonly("next_cursor", &ReminderPage::next_cursor, "Pass as `after`; '' on the last page.")
      .def("__iter__", [](const ReminderPage& page) { return py::make_iterator(page.reminders.begin(), page.reminders.end()); },
           py::keep_alive<0, 1>())
      .def("__len__", [](const ReminderPage& page) { return page.reminders.size(); });
  py::class_<TickReport>(m, "TickReport", "What one tick did.")
      .def_readonly("events_read", &TickReport::events_read, "Feed events read since the stored cursor.")
      .def_readonly("created", &TickReport::created, "Reminders made by rules.")
      .def_readonly("cancelled", &TickReport::cancelled, "By a stop condition, a restart, a deleted rule.")
      .def_readonly("expired", &TickReport::expired, "Expired follow-ups' reminders.")
      .def_readonly("became_due", &TickReport::became_due, "Announced due (ReminderDue), in due order.")
      .def_readonly("became_overdue", &TickReport::became_overdue, "Announced overdue (ReminderOverdue).")
      .def_readonly("cursor", &TickReport::cursor, "The feed position now stored.")
      .def("__repr__", [](const TickReport& r) {
        return "relais.TickReport(created=" + std::to_string(r.created) + ", cancelled=" + std::to_string(r.cancelled) +
               ", became_due=" + std::to_string(r.became_due.size()) + ")";
      });
}

void bind_rules_and_calendar(py::class_<ReminderService>& service) {
  service.def("rules", &ReminderService::rules, Release(), "Every rule, by name. Releases the GIL.")
      .def("rule", &ReminderService::rule, py::arg("name"), Release(), "Raises NotFoundError. Releases the GIL.")
      .def("create_rule", &ReminderService::create_rule, py::arg("rule"), Release(),
           "Stores a new relais.FollowUpRule at version 1. Raises InvalidInputError naming each bad field "
           "('steps[1].offset', 'triggers[0].event'...), ConflictError (name taken). Releases the GIL.")
      .def("update_rule", [](ReminderService& reminders, const FollowUpRule& rule, std::int64_t version) {
        py::gil_scoped_release release;
        return reminders.update_rule(rule.name, version, rule);
      }, py::arg("rule"), py::kw_only(), py::arg("version"),
           "Replaces the rule named rule.name when its stored version is `version`. Raises NotFoundError, "
           "ConflictError, InvalidInputError. Releases the GIL.")
      .def("delete_rule", &ReminderService::delete_rule, py::arg("name"), py::kw_only(), py::arg("version"), Release(),
           "Deletes the rule and cancels its open reminders. Raises NotFoundError, ConflictError. Releases the GIL.")
      .def("calendar", &ReminderService::calendar, Release(), "The workspace's relais.BusinessCalendar. Releases the GIL.")
      .def("set_calendar_day", [](ReminderService& reminders, std::chrono::year_month_day day, bool working,
                                  const std::string& note) {
        py::gil_scoped_release release;
        return reminders.set_calendar_day({day, working, note});
      }, py::arg("day"), py::arg("working"), py::arg("note") = "",
           "Marks the datetime.date `day` worked (True) or closed (False) against the rule. Raises "
           "InvalidInputError. Releases the GIL.")
      .def("remove_calendar_day", &ReminderService::remove_calendar_day, py::arg("day"), Release(),
           "Back to the rule for `day`. Raises NotFoundError. Releases the GIL.")
      .def("set_business_start", [](ReminderService& reminders, const py::object& time) {
        const auto minutes = minutes_of(time);
        py::gil_scoped_release release;
        reminders.set_business_start(minutes);
      }, py::arg("time"), "When business hours start (a datetime.time, Paris). Releases the GIL.");
}

void bind_item_calls(py::class_<ReminderService>& service) {
  service.def("add", [](ReminderService& reminders, const std::string& reason, Timestamp due_at,
                        const std::string& assignee, const std::optional<TargetArg>& target, const std::string& note) {
    ReminderDraft draft{reason, due_at, assignee, target ? to_target(*target) : ReminderTarget{}, note};
    py::gil_scoped_release release;
    return reminders.add(draft);
  }, py::arg("reason"), py::arg("due_at"), py::kw_only(), py::arg("assignee") = "", py::arg("target") = py::none(),
           py::arg("note") = "",
           "A reminder typed in by hand ('Rappeler Mme X jeudi'); assignee '' = the acting user; target: a "
           "relais.ReminderTarget or ('ticket', id). Raises InvalidInputError, NotFoundError. Releases the GIL.")
      .def("add_many", [](ReminderService& reminders, const py::list& drafts) {
        std::vector<ReminderDraft> checked;
        for (const auto& item : drafts) {
          const auto draft = item.cast<py::dict>();
          auto text = [&](const char* key) {
            return draft.contains(key) ? draft[key].cast<std::string>() : std::string();
          };
          ReminderDraft one{text("reason"), draft["due_at"].cast<Timestamp>(), text("assignee"), {}, text("note")};
          if (draft.contains("target") && !draft["target"].is_none()) {
            one.target = to_target(draft["target"].cast<TargetArg>());
          }
          checked.push_back(std::move(one));
        }
        py::gil_scoped_release release;
        return reminders.add_many(checked);
      }, py::arg("drafts"),
           "Many reminders at once, all or none (an Outlook agenda's): a list of dicts with reason, due_at and "
           "optionally assignee, target, note, as add() takes them. Raises InvalidInputError naming "
           "'drafts[<i>].<field>' for every bad one, NotFoundError. At most 10,000 a call. Releases the GIL.")
      .def("get", [](const ReminderService& reminders, const IdArg& id) {
        const Uuid uuid = to_uuid(id);
        py::gil_scoped_release release;
        return reminders.get(uuid);
      }, py::arg("id"), "Raises NotFoundError. Releases the GIL.")
      .def("list", [](const ReminderService& reminders, const EnumArg<ReminderWindow>& window,
                      std::optional<std::string> assignee, const std::optional<TargetArg>& target, std::size_t limit,
                      std::string after) {
        ReminderQuery query{to_enum(window, "window"), std::move(assignee),
                            target ? std::optional(to_target(*target)) : std::nullopt, limit, std::move(after)};
        py::gil_scoped_release release;
        return reminders.list(query);
      }, py::arg("window") = ReminderWindow::open, py::kw_only(), py::arg("assignee") = py::none(),
           py::arg("target") = py::none(), py::arg("limit") = 50, py::arg("after") = "",
           "Everyone's reminders in `window` (or one assignee's: '' = the whole office's), by due time. "
           "Releases the GIL.")
      .def("mine", [](const ReminderService& reminders, const EnumArg<ReminderWindow>& window, std::size_t limit) {
        const ReminderWindow value = to_enum(window, "window");
        py::gil_scoped_release release;
        return reminders.mine(value, limit);
      }, py::arg("window") = ReminderWindow::open, py::arg("limit") = 50,
           "The acting user's reminders in `window`. Releases the GIL.")
      .def("done", [](ReminderService& reminders, const IdArg& id, std::int64_t version, const std::string& note) {
        const Uuid uuid = to_uuid(id);
        py::gil_scoped_release release;
        return reminders.done(uuid, version, note);
      }, py::arg("id"), py::kw_only(), py::arg("version"), py::arg("note") = "",
           "Marks an open reminder done. Raises NotFoundError, ConflictError, InvalidInputError. Releases the GIL.")
      .def("snooze", [](ReminderService& reminders, const IdArg& id, Timestamp until, std::int64_t version) {
        const Uuid uuid = to_uuid(id);
        py::gil_scoped_release release;
        return reminders.snooze(uuid, version, until);
      }, py::arg("id"), py::arg("until"), py::kw_only(), py::arg("version"),
           "Puts an open reminder off until `until` (in the future). Raises InvalidInputError naming 'until', "
           "NotFoundError, ConflictError. Releases the GIL.")
      .def("cancel", [](ReminderService& reminders, const IdArg& id, std::int64_t version, const std::string& note) {
        const Uuid uuid = to_uuid(id);
        py::gil_scoped_release release;
        return reminders.cancel(uuid, version, note);
      }, py::arg("id"), py::kw_only(), py::arg("version"), py::arg("note") = "",
           "Cancels an open reminder. Raises NotFoundError, ConflictError, InvalidInputError. Releases the GIL.")
      .def("tick", [](ReminderService& reminders, std::optional<Timestamp> now) {
        py::gil_scoped_release release;
        return now ? reminders.tick(*now) : reminders.tick();
      }, py::arg("now") = py::none(),
           "Runs the scheduler at `now` (default: the workspace clock): follows the feed, starts and stops "
           "follow-ups, announces ReminderDue / ReminderOverdue. Idempotent and safe with several processes. "
           "Releases the GIL (event callbacks take it back).");
}

}  // namespace

void bind_reminders(py::module_& m) {
  bind_rule_types(m);
  bind_calendar(m);
  bind_items(m);
  py::class_<ReminderService> service(m, "ReminderService",
                                      "Follow-up rules, reminders, the business calendar and the scheduler "
                                      "(Workspace.reminders; docs/reminders.md). Thread-safe.");
  bind_rules_and_calendar(service);
  bind_item_calls(service);
}

}  // namespace relais::python

namespace pybind11::detail {

bool type_caster<std::chrono::year_month_day>::load(handle source, bool) {
  const auto date = module_::import("datetime").attr("date");
  if (!isinstance(source, date)) return false;
  value = std::chrono::year(source.attr("year").cast<int>()) / std::chrono::month(source.attr("month").cast<unsigned>()) /
          std::chrono::day(source.attr("day").cast<unsigned>());
  return true;
}

handle type_caster<std::chrono::year_month_day>::cast(const std::chrono::year_month_day& day, return_value_policy,
                                                      handle) {
  return module_::import("datetime")
      .attr("date")(static_cast<int>(day.year()), static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()))
      .release();
}

}  // namespace pybind11::detail
