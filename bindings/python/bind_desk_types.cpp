// The desk's value types: interactions and their drafts, caller lookups,
// tickets, comments, pages, queries, the 360° view and the web-form request.
// The DeskService is bound in bind_desk.cpp.
#include "desk_args.h"

#include <initializer_list>

namespace relais::python {

py::object unchanged() {
  // Never freed: the default arguments that hold it live as long as the
  // interpreter, and a static py::object would be destroyed after it.
  static PyObject* const marker = py::module_::import("builtins").attr("object")().release().ptr();
  return py::reinterpret_borrow<py::object>(marker);
}

namespace {

std::optional<Uuid> optional_uuid(const OptionalId& id, std::string_view field) {
  if (!id) return std::nullopt;
  return to_uuid(*id, field);
}

// Calls are traced to the second; a fraction is dropped (a negative one
// stays negative, so that the rules refuse it).
std::chrono::seconds whole_seconds(const DurationArg& duration, std::string_view = {}) {
  return std::chrono::floor<std::chrono::seconds>(to_duration(duration));
}

template <typename Enum>
std::optional<Enum> optional_enum(const std::optional<EnumArg<Enum>>& arg, std::string_view field) {
  if (!arg) return std::nullopt;
  return to_enum(*arg, field);
}

template <typename T>
T loaded(const py::handle& value, std::string_view field, const char* expected) {
  try {
    return value.cast<T>();
  } catch (const py::cast_error&) {
    throw py::type_error(std::string(field) + ": expected " + expected);
  }
}

// A keyword that None clears: left out (unchanged()), None, or a value.
std::optional<std::optional<Uuid>> clearable_id(const py::object& value, std::string_view field) {
  if (value.is(unchanged())) return std::nullopt;
  if (value.is_none()) return std::optional<Uuid>();
  return to_uuid(loaded<IdArg>(value, field, "a relais.Uuid, its text or None"), field);
}

std::optional<std::optional<Timestamp>> clearable_time(const py::object& value, std::string_view field) {
  if (value.is(unchanged())) return std::nullopt;
  if (value.is_none()) return std::optional<Timestamp>();
  return loaded<Timestamp>(value, field, "a datetime or None");
}

// A read-write attribute whose setter takes an `Arg` (a name for an enum,
// text for an id...) that convert(arg, name) turns into the member's type.
template <typename Arg, typename T, typename Member, typename Convert>
void converted(py::class_<T>& cls, const char* name, Member T::*member, Convert convert, const char* doc) {
  cls.def_property(
      name, [member](const T& self) { return self.*member; },
      [member, convert, name](T& self, const Arg& value) { self.*member = convert(value, name); }, doc);
}

std::string id_text(const std::optional<Uuid>& id) { return id ? quoted(id->to_string()) : "None"; }

// The names of the set members of a change set, for its repr().
std::string changes_repr(const char* type, std::initializer_list<std::pair<const char*, bool>> fields) {
  std::string text;
  for (const auto& [name, set] : fields) {
    if (set) text += std::string(text.empty() ? "" : ", ") + name;
  }
  return std::string("relais.") + type + "(<" + text + ">)";
}

void bind_enums(py::module_& m) {
  bind_enum<InteractionKind>(m, "InteractionKind", "CALL, EMAIL, VISIT, NOTE or SMS. Its name ('call') is accepted too.");
  bind_enum<Direction>(m, "Direction", "INBOUND or OUTBOUND (calls, SMS, emails). Its name is accepted too.");
  bind_enum<CallOutcome>(m, "CallOutcome",
                         "How a call went. TO_QUALIFY: found in a phone system's log, not yet described by anyone. "
                         "Its name ('missed') is accepted too.");
  bind_enum<TicketKind>(m, "TicketKind",
                        "What a ticket asks for, the one vocabulary shared with the mail categories. Its name "
                        "('breakdown') is accepted too.");
  bind_enum<TicketSource>(m, "TicketSource", "Where a request came from. Its name ('web_form') is accepted too.");
  bind_enum<TicketStatus>(m, "TicketStatus",
                          "A ticket's place in its lifecycle: NEW -> OPEN | RESOLVED; OPEN -> WAITING_CUSTOMER | "
                          "WAITING_INTERNAL | SCHEDULED | RESOLVED; those three -> OPEN | RESOLVED; RESOLVED -> "
                          "CLOSED | OPEN; CLOSED -> OPEN (with a reason). Its name ('new') is accepted too.");
  bind_enum<TicketPriority>(m, "TicketPriority", "LOW, NORMAL, HIGH or URGENT. Its name is accepted too.");
  bind_enum<TechnicianStage>(m, "TechnicianStage",
                             "Where a technician's quote request stands: NONE -> QUOTE_TO_PREPARE -> QUOTE_SENT -> "
                             "FOLLOW_UP -> ACCEPTED | REFUSED. Its name is accepted too.");
  bind_enum<WebRequestMatch>(m, "WebRequestMatch",
                             "How a web request found its customer: SURE (an existing customer), PROBABLE (a new "
                             "customer, the pair queued for review) or CREATED (nobody alike).");
}

void bind_interaction(py::module_& m) {
  py::class_<CallSource>(m, "CallSource", "Where an imported call came from: the phone system's own record.")
      .def_readonly("system", &CallSource::system, "The phone system's name (\"oxo\", \"3cx\").")
      .def_readonly("call_id", &CallSource::call_id, "The phone system's id of the call; \"\" when it gave none.")
      .def_readonly("extension", &CallSource::extension, "The extension that took or made it; \"\" when unknown.")
      .def_readonly("answered", &CallSource::answered, "False when nobody picked up (a callback is owed).")
      .def("__eq__", [](const CallSource& a, const CallSource& b) { return a == b; }, py::is_operator());

  py::class_<Interaction>(m, "Interaction", "A call, email, visit, note or SMS as stored.")
      .def_readonly("id", &Interaction::id, "The record id.")
      .def_readonly("kind", &Interaction::kind, "A relais.InteractionKind.")
      .def_readonly("customer", &Interaction::customer, "The customer's id; None only for a call still to qualify.")
      .def_readonly("contact", &Interaction::contact, "One of the customer's contacts, or None.")
      .def_readonly("site", &Interaction::site, "One of the customer's sites, or None.")
      .def_readonly("ticket", &Interaction::ticket, "The ticket it belongs to, or None.")
      .def_readonly("occurred_at", &Interaction::occurred_at, "Start of the call, time of the visit... (aware datetime, UTC).")
      .def_readonly("user", &Interaction::user, "Login of who took the call, made the visit, wrote the note.")
      .def_readonly("subject", &Interaction::subject, "One line.")
      .def_readonly("notes", &Interaction::notes, "Free text.")
      .def_readonly("direction", &Interaction::direction, "A relais.Direction (calls, SMS, emails).")
      .def_readonly("phone", &Interaction::phone, "The other party's number, E.164 (calls, SMS).")
      .def_readonly("duration", &Interaction::duration, "A timedelta of whole seconds (calls).")
      .def_readonly("outcome", &Interaction::outcome, "A relais.CallOutcome for calls, else None.")
      .def_readonly("source", &Interaction::source, "A relais.CallSource for a call imported from a phone system, else None.")
      .def_readonly("created_at", &Interaction::created_at, "Aware datetime, UTC.")
      .def_readonly("updated_at", &Interaction::updated_at, "Aware datetime, UTC.")
      .def_readonly("version", &Interaction::version, "Pass back to DeskService.update_interaction().")
      .def("__eq__", [](const Interaction& a, const Interaction& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Interaction& i) {
        return "relais.Interaction(id='" + i.id.to_string() + "', kind=" + quoted(enum_name(i.kind)) +
               ", customer=" + id_text(i.customer) + ", subject=" + quoted(i.subject) +
               ", version=" + std::to_string(i.version) + ")";
      });
}

void bind_call_draft(py::module_& m) {
  py::class_<CallDraft> draft(m, "CallDraft", "What DeskService.log_call() takes; log_call() also takes these keywords directly.");
  std::apply([&](auto&&... arguments) {
    draft.def(py::init(&make_call), arguments...,
              "`phone` in any common writing (stored E.164); ids as relais.Uuid or text; enums as members or "
              "names; `started_at` None means now; `duration` a timedelta or seconds.");
  }, call_arguments());
  converted<OptionalId>(draft, "customer", &CallDraft::customer, optional_uuid, "Required unless outcome is TO_QUALIFY.");
  converted<OptionalId>(draft, "contact", &CallDraft::contact, optional_uuid, "One of the customer's contacts, or None.");
  converted<OptionalId>(draft, "site", &CallDraft::site, optional_uuid, "One of the customer's sites, or None.");
  converted<OptionalId>(draft, "ticket", &CallDraft::ticket, optional_uuid, "One of the customer's tickets, or None.");
  converted<EnumArg<Direction>>(draft, "direction", &CallDraft::direction, to_enum<Direction>, "A relais.Direction.");
  converted<DurationArg>(draft, "duration", &CallDraft::duration, whole_seconds, "A timedelta (seconds accepted).");
  converted<EnumArg<CallOutcome>>(draft, "outcome", &CallDraft::outcome, to_enum<CallOutcome>, "A relais.CallOutcome.");
  draft.def_readwrite("phone", &CallDraft::phone, "The other party's number, any common writing.")
      .def_readwrite("started_at", &CallDraft::started_at, "Unset (None) means now.")
      .def_readwrite("user", &CallDraft::user, "Who took or made the call; '': the acting user.")
      .def_readwrite("subject", &CallDraft::subject, "One line.")
      .def_readwrite("notes", &CallDraft::notes, "Free text.")
      .def("__repr__", [](const CallDraft& d) {
        return "relais.CallDraft(phone=" + quoted(d.phone) + ", customer=" + id_text(d.customer) +
               ", outcome=" + quoted(enum_name(d.outcome)) + ")";
      });
}

void bind_interaction_draft(py::module_& m) {
  py::class_<InteractionDraft> draft(m, "InteractionDraft",
                                     "What DeskService.log_interaction() takes for a visit, note, SMS or email; "
                                     "log_interaction() also takes these keywords directly.");
  std::apply([&](auto&&... arguments) {
    draft.def(py::init(&make_interaction), arguments...,
              "`kind` is VISIT, NOTE, SMS or EMAIL (calls go through log_call()); `occurred_at` None means now.");
  }, interaction_arguments());
  converted<EnumArg<InteractionKind>>(draft, "kind", &InteractionDraft::kind, to_enum<InteractionKind>,
                                      "A relais.InteractionKind other than CALL.");
  converted<IdArg>(draft, "customer", &InteractionDraft::customer, to_uuid, "Required.");
  converted<OptionalId>(draft, "contact", &InteractionDraft::contact, optional_uuid, "One of the customer's contacts, or None.");
  converted<OptionalId>(draft, "site", &InteractionDraft::site, optional_uuid, "One of the customer's sites, or None.");
  converted<OptionalId>(draft, "ticket", &InteractionDraft::ticket, optional_uuid, "One of the customer's tickets, or None.");
  converted<EnumArg<Direction>>(draft, "direction", &InteractionDraft::direction, to_enum<Direction>,
                                "A relais.Direction (SMS and email).");
  draft.def_readwrite("occurred_at", &InteractionDraft::occurred_at, "Unset (None) means now.")
      .def_readwrite("user", &InteractionDraft::user, "'': the acting user.")
      .def_readwrite("subject", &InteractionDraft::subject, "One line.")
      .def_readwrite("notes", &InteractionDraft::notes, "Free text.")
      .def_readwrite("phone", &InteractionDraft::phone, "The other party's number (SMS).")
      .def("__repr__", [](const InteractionDraft& d) {
        return "relais.InteractionDraft(kind=" + quoted(enum_name(d.kind)) + ", customer='" +
               d.customer.to_string() + "', subject=" + quoted(d.subject) + ")";
      });
}

void bind_interaction_lists(py::module_& m) {
  py::class_<InteractionChanges> changes(m, "InteractionChanges",
                                         "A change to an interaction for DeskService.update_interaction(): only the "
                                         "keywords given change; None clears contact, site or ticket.");
  std::apply([&](auto&&... arguments) {
    changes.def(py::init(&make_interaction_changes), py::kw_only(), arguments...,
                "Qualifying a call found in a phone log sets its customer, subject and outcome.");
  }, interaction_change_arguments());
  changes.def("__repr__", [](const InteractionChanges& c) {
    return changes_repr(
        "InteractionChanges", {{"customer", c.customer.has_value()}, {"contact", c.contact.has_value()},
                               {"site", c.site.has_value()}, {"ticket", c.ticket.has_value()},
                               {"subject", c.subject.has_value()}, {"notes", c.notes.has_value()},
                               {"outcome", c.outcome.has_value()}, {"duration", c.duration.has_value()}});
  });
  py::class_<InteractionPage>(m, "InteractionPage", "One page of a timeline or of the calls to qualify.")
      .def_readonly("interactions", &InteractionPage::interactions, "The relais.Interaction items.")
      .def_readonly("next_cursor", &InteractionPage::next_cursor, "Pass as `after` for the next page; '' on the last page.")
      .def("__repr__", [](const InteractionPage& page) {
        return "relais.InteractionPage(interactions=<" + std::to_string(page.interactions.size()) +
               ">, next_cursor=" + quoted(page.next_cursor) + ")";
      });
  py::class_<TimelineQuery> query(m, "TimelineQuery", "Which page of a customer's timeline to read.");
  std::apply([&](auto&&... arguments) {
    query.def(py::init(&make_timeline_query), arguments..., "`kinds` empty: every kind; `limit` 1 to 500.");
  }, timeline_arguments());
  converted<std::vector<EnumArg<InteractionKind>>>(query, "kinds", &TimelineQuery::kinds, enum_list<InteractionKind>,
                                                   "relais.InteractionKind members (names accepted); empty: all.");
  query.def_readwrite("limit", &TimelineQuery::limit, "1 to 500.")
      .def_readwrite("after", &TimelineQuery::after, "next_cursor of the previous page.")
      .def("__repr__", [](const TimelineQuery& q) {
        return "relais.TimelineQuery(kinds=<" + std::to_string(q.kinds.size()) + ">, limit=" + std::to_string(q.limit) +
               ", after=" + quoted(q.after) + ")";
      });
}

void bind_caller_lookup(py::module_& m) {
  py::class_<CallerMatch>(m, "CallerMatch", "A customer owning the number, and the contact when it is a contact's.")
      .def_readonly("customer", &CallerMatch::customer, "The relais.Customer.")
      .def_readonly("contact", &CallerMatch::contact, "The relais.Contact whose number it is, or None.")
      .def("__repr__", [](const CallerMatch& match) {
        return "relais.CallerMatch(customer=" + quoted(match.customer.name) +
               ", contact=" + (match.contact ? quoted(match.contact->name) : "None") + ")";
      });
  py::class_<CallerLookup>(m, "CallerLookup", "Who owns a phone number (lookup_caller(), incoming_call()).")
      .def_readonly("number", &CallerLookup::number, "E.164.")
      .def_readonly("display", &CallerLookup::display, "'06 12 34 56 78' for a French number (the national form).")
      .def_readonly("matches", &CallerLookup::matches, "relais.CallerMatch items, unarchived customers by name.")
      .def_property_readonly("known", &CallerLookup::known,
                             "False when nobody has this number, so that a front end offers to create a customer.")
      .def("__repr__", [](const CallerLookup& lookup) {
        return "relais.CallerLookup(number=" + quoted(lookup.number) + ", matches=<" +
               std::to_string(lookup.matches.size()) + ">)";
      });
}

void bind_ticket(py::module_& m) {
  py::class_<Ticket>(m, "Ticket", "A customer request followed until done, as stored.")
      .def_readonly("id", &Ticket::id, "The record id.")
      .def_readonly("number", &Ticket::number, "'T-2026-000042': the Paris year, then a yearly counter.")
      .def_readonly("kind", &Ticket::kind, "A relais.TicketKind.")
      .def_readonly("source", &Ticket::source, "A relais.TicketSource.")
      .def_readonly("status", &Ticket::status, "A relais.TicketStatus.")
      .def_readonly("priority", &Ticket::priority, "A relais.TicketPriority.")
      .def_readonly("customer", &Ticket::customer, "The customer's id.")
      .def_readonly("contact", &Ticket::contact, "One of the customer's contacts, or None.")
      .def_readonly("site", &Ticket::site, "One of the customer's sites, or None.")
      .def_readonly("subject", &Ticket::subject, "One line.")
      .def_readonly("description", &Ticket::description, "Free text.")
      .def_readonly("queue", &Ticket::queue, "A team's name ('sav', 'devis'...), or ''.")
      .def_readonly("assignee", &Ticket::assignee, "A login, or '' when unassigned.")
      .def_readonly("due_at", &Ticket::due_at, "Aware datetime (UTC) or None.")
      .def_readonly("callback_at", &Ticket::callback_at, "A promised callback time, aware datetime (UTC), or None.")
      .def_readonly("stage", &Ticket::stage, "A relais.TechnicianStage (NONE but for technician requests).")
      .def_readonly("requested_by", &Ticket::requested_by, "The technician's login, for a technician request.")
      .def_readonly("quote_ids", &Ticket::quote_ids, "Linked quotes, by id.")
      .def_readonly("intervention_ids", &Ticket::intervention_ids, "Linked interventions, by id.")
      .def_readonly("created_at", &Ticket::created_at, "Aware datetime, UTC.")
      .def_readonly("updated_at", &Ticket::updated_at, "Aware datetime, UTC.")
      .def_readonly("resolved_at", &Ticket::resolved_at, "Aware datetime (UTC) or None.")
      .def_readonly("closed_at", &Ticket::closed_at, "Aware datetime (UTC) or None.")
      .def_readonly("version", &Ticket::version, "Pass back to update_ticket(), assign(), set_status(), set_stage().")
      .def("__eq__", [](const Ticket& a, const Ticket& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Ticket& t) {
        return "relais.Ticket(number=" + quoted(t.number) + ", kind=" + quoted(enum_name(t.kind)) +
               ", status=" + quoted(enum_name(t.status)) + ", subject=" + quoted(t.subject) +
               ", version=" + std::to_string(t.version) + ")";
      });
}

void bind_ticket_draft(py::module_& m) {
  py::class_<TicketDraft> draft(m, "TicketDraft", "What DeskService.open_ticket() takes; open_ticket() also takes these keywords directly.");
  std::apply([&](auto&&... arguments) {
    draft.def(py::init(&make_ticket), arguments...,
              "`customer` and `subject` are required; enums as members or names; a technician request's "
              "`requested_by` '' means the acting user.");
  }, ticket_arguments());
  converted<EnumArg<TicketKind>>(draft, "kind", &TicketDraft::kind, to_enum<TicketKind>, "A relais.TicketKind.");
  converted<EnumArg<TicketSource>>(draft, "source", &TicketDraft::source, to_enum<TicketSource>, "A relais.TicketSource.");
  converted<EnumArg<TicketPriority>>(draft, "priority", &TicketDraft::priority, to_enum<TicketPriority>,
                                     "A relais.TicketPriority.");
  converted<IdArg>(draft, "customer", &TicketDraft::customer, to_uuid, "Required.");
  converted<OptionalId>(draft, "contact", &TicketDraft::contact, optional_uuid, "One of the customer's contacts, or None.");
  converted<OptionalId>(draft, "site", &TicketDraft::site, optional_uuid, "One of the customer's sites, or None.");
  draft.def_readwrite("subject", &TicketDraft::subject, "Required, one line.")
      .def_readwrite("description", &TicketDraft::description, "Free text.")
      .def_readwrite("queue", &TicketDraft::queue, "A team's name, or ''.")
      .def_readwrite("assignee", &TicketDraft::assignee, "'' = unassigned, else an active user's login.")
      .def_readwrite("due_at", &TicketDraft::due_at, "A datetime or None.")
      .def_readwrite("callback_at", &TicketDraft::callback_at, "A datetime or None.")
      .def_readwrite("requested_by", &TicketDraft::requested_by, "Technician requests only.")
      .def("__repr__", [](const TicketDraft& d) {
        return "relais.TicketDraft(kind=" + quoted(enum_name(d.kind)) + ", customer='" + d.customer.to_string() +
               "', subject=" + quoted(d.subject) + ")";
      });
}

void bind_ticket_lists(py::module_& m) {
  py::class_<TicketChanges> changes(m, "TicketChanges",
                                    "A change to a ticket's description fields for DeskService.update_ticket(): "
                                    "only the keywords given change; None clears contact, site, due_at or callback_at.");
  std::apply([&](auto&&... arguments) {
    changes.def(py::init(&make_ticket_changes), py::kw_only(), arguments...,
                "Status, assignee and stage have their own calls.");
  }, ticket_change_arguments());
  changes.def("__repr__", [](const TicketChanges& c) {
    return changes_repr(
        "TicketChanges", {{"kind", c.kind.has_value()}, {"priority", c.priority.has_value()},
                          {"contact", c.contact.has_value()}, {"site", c.site.has_value()},
                          {"subject", c.subject.has_value()}, {"description", c.description.has_value()},
                          {"queue", c.queue.has_value()}, {"due_at", c.due_at.has_value()},
                          {"callback_at", c.callback_at.has_value()}, {"quote_ids", c.quote_ids.has_value()},
                          {"intervention_ids", c.intervention_ids.has_value()}});
  });
  py::class_<TicketComment>(m, "TicketComment", "A comment or internal note on a ticket.")
      .def_readonly("id", &TicketComment::id, "The comment's id.")
      .def_readonly("ticket", &TicketComment::ticket, "The ticket's id.")
      .def_readonly("author", &TicketComment::author, "Login of who wrote it.")
      .def_readonly("text", &TicketComment::text, "The text.")
      .def_readonly("internal", &TicketComment::internal, "True for an internal note, never shown to the customer.")
      .def_readonly("created_at", &TicketComment::created_at, "Aware datetime, UTC.")
      .def("__eq__", [](const TicketComment& a, const TicketComment& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const TicketComment& c) {
        return "relais.TicketComment(author=" + quoted(c.author) + ", text=" + quoted(c.text) +
               ", internal=" + (c.internal ? "True" : "False") + ")";
      });
  py::class_<TicketPage>(m, "TicketPage", "One page of a work list, by due time (undated last), then number.")
      .def_readonly("tickets", &TicketPage::tickets, "The relais.Ticket items.")
      .def_readonly("next_cursor", &TicketPage::next_cursor, "Pass as `after` for the next page; '' on the last page.")
      .def("__repr__", [](const TicketPage& page) {
        return "relais.TicketPage(tickets=<" + std::to_string(page.tickets.size()) +
               ">, next_cursor=" + quoted(page.next_cursor) + ")";
      });
}

void bind_ticket_query(py::module_& m) {
  py::class_<TicketQuery> query(m, "TicketQuery", "A work list for DeskService.tickets(): every member set narrows it.");
  std::apply([&](auto&&... arguments) {
    query.def(py::init(&make_ticket_query), arguments...,
              "`assignee` '' means unassigned, None anyone; `statuses` empty means every status but CLOSED; "
              "`due_before` keeps tickets due (or with a callback promised) before it, and also undated ones "
              "with `include_undated`.");
  }, ticket_query_arguments());
  converted<std::vector<EnumArg<TicketStatus>>>(query, "statuses", &TicketQuery::statuses, enum_list<TicketStatus>,
                                                "relais.TicketStatus members (names accepted); empty: all but CLOSED.");
  converted<std::optional<EnumArg<TicketKind>>>(query, "kind", &TicketQuery::kind, optional_enum<TicketKind>,
                                                "A relais.TicketKind or None.");
  converted<OptionalId>(query, "customer", &TicketQuery::customer, optional_uuid, "A customer's id or None.");
  query.def_readwrite("assignee", &TicketQuery::assignee, "A login, '' (unassigned) or None (anyone).")
      .def_readwrite("queue", &TicketQuery::queue, "A team's name or None.")
      .def_readwrite("requested_by", &TicketQuery::requested_by, "A technician's login or None.")
      .def_readwrite("due_before", &TicketQuery::due_before, "A datetime or None.")
      .def_readwrite("include_undated", &TicketQuery::include_undated, "With due_before, also the tickets without a time.")
      .def_readwrite("limit", &TicketQuery::limit, "1 to 500.")
      .def_readwrite("after", &TicketQuery::after, "next_cursor of the previous page.")
      .def("__repr__", [](const TicketQuery& q) {
        return "relais.TicketQuery(statuses=<" + std::to_string(q.statuses.size()) +
               ">, limit=" + std::to_string(q.limit) + ", after=" + quoted(q.after) + ")";
      });
}

void bind_customer_view(py::module_& m) {
  py::class_<CustomerViewCounts>(m, "CustomerViewCounts", "Totals of the 360° view.")
      .def_readonly("interactions", &CustomerViewCounts::interactions, "Interactions per kind, {'call': 12, 'email': 3}.")
      .def_readonly("open_tickets", &CustomerViewCounts::open_tickets, "Tickets not resolved nor closed.")
      .def_readonly("tickets", &CustomerViewCounts::tickets, "All tickets.")
      .def("__repr__", [](const CustomerViewCounts& c) {
        return "relais.CustomerViewCounts(open_tickets=" + std::to_string(c.open_tickets) +
               ", tickets=" + std::to_string(c.tickets) + ")";
      });
  py::class_<CustomerViewPart>(m, "CustomerViewPart", "What another area adds to the 360° view.")
      .def_readonly("counts", &CustomerViewPart::counts, "Named totals.")
      .def_readonly("items", &CustomerViewPart::items, "A few items as JSON texts, most recent first.")
      .def("__repr__", [](const CustomerViewPart& p) {
        return "relais.CustomerViewPart(counts=<" + std::to_string(p.counts.size()) + ">, items=<" +
               std::to_string(p.items.size()) + ">)";
      });
  py::class_<CustomerView>(m, "CustomerView", "The 360° view of a customer (DeskService.customer_view()).")
      .def_readonly("customer", &CustomerView::customer, "The relais.Customer with its contacts and sites.")
      .def_readonly("open_tickets", &CustomerView::open_tickets, "Tickets not resolved nor closed, by due time.")
      .def_readonly("timeline", &CustomerView::timeline, "The first relais.InteractionPage, most recent first.")
      .def_readonly("counts", &CustomerView::counts, "A relais.CustomerViewCounts.")
      .def_readonly("parts", &CustomerView::parts, "Area name -> relais.CustomerViewPart ('duplicates', ...).")
      .def("__repr__", [](const CustomerView& v) {
        return "relais.CustomerView(customer=" + quoted(v.customer.name) + ", open_tickets=<" +
               std::to_string(v.open_tickets.size()) + ">)";
      });
}

void bind_web_request(py::module_& m) {
  py::class_<WebRequest> request(m, "WebRequest",
                                 "A request sent through the company's web form, as typed; "
                                 "DeskService.submit_web_request() also takes these keywords directly.");
  std::apply([&](auto&&... arguments) {
    request.def(py::init(&make_web_request), arguments...,
                "`name` and `message` are required, and a phone or an email; an address needs street, postcode "
                "and city; `consent` must be True and `consent_version` name the consent text shown; "
                "`honeypot` is the hidden spam-trap field as submitted.");
  }, web_request_arguments());
  converted<EnumArg<TicketKind>>(request, "kind", &WebRequest::kind, to_enum<TicketKind>,
                                 "A relais.TicketKind other than TECHNICIAN_REQUEST.");
  request.def_readwrite("name", &WebRequest::name, "Required.")
      .def_readwrite("phone", &WebRequest::phone, "Any common writing.")
      .def_readwrite("email", &WebRequest::email, "An email address.")
      .def_readwrite("street", &WebRequest::street, "Where the work is.")
      .def_readwrite("postcode", &WebRequest::postcode, "5 digits.")
      .def_readwrite("city", &WebRequest::city, "The city.")
      .def_readwrite("message", &WebRequest::message, "Required; becomes the ticket's description.")
      .def_readwrite("consent", &WebRequest::consent, "The GDPR consent box was ticked.")
      .def_readwrite("consent_version", &WebRequest::consent_version, "Which wording of the consent text was shown.")
      .def_readwrite("honeypot", &WebRequest::honeypot, "The hidden spam-trap field as submitted.")
      .def_property_readonly("is_spam", &WebRequest::is_spam,
                             "True when the spam trap is filled, so answer as if accepted and record nothing.")
      .def("__repr__", [](const WebRequest& r) {
        return "relais.WebRequest(name=" + quoted(r.name) + ", kind=" + quoted(enum_name(r.kind)) + ")";
      });
  py::class_<WebRequestResult>(m, "WebRequestResult", "What DeskService.submit_web_request() did.")
      .def_readonly("ticket", &WebRequestResult::ticket, "The relais.Ticket opened (source WEB_FORM).")
      .def_readonly("customer", &WebRequestResult::customer, "The relais.Customer, as stored after the request.")
      .def_readonly("matched", &WebRequestResult::matched, "A relais.WebRequestMatch.")
      .def("__repr__", [](const WebRequestResult& r) {
        return "relais.WebRequestResult(ticket=" + quoted(r.ticket.number) + ", customer=" +
               quoted(r.customer.name) + ", matched=" + quoted(enum_name(r.matched)) + ")";
      });
}

}  // namespace

CallDraft make_call(std::string phone, const OptionalId& customer, const OptionalId& contact, const OptionalId& site,
                    const OptionalId& ticket, const EnumArg<Direction>& direction, OptionalTime started_at,
                    const DurationArg& duration, std::string user, std::string subject, std::string notes,
                    const EnumArg<CallOutcome>& outcome) {
  return {optional_uuid(customer, "customer"), optional_uuid(contact, "contact"), optional_uuid(site, "site"),
          optional_uuid(ticket, "ticket"),     to_enum(direction, "direction"),   std::move(phone),
          started_at,                          whole_seconds(duration),           std::move(user),
          std::move(subject),                  std::move(notes),                  to_enum(outcome, "outcome")};
}

InteractionDraft make_interaction(const EnumArg<InteractionKind>& kind, const IdArg& customer,
                                  const OptionalId& contact, const OptionalId& site, const OptionalId& ticket,
                                  OptionalTime occurred_at, std::string user, std::string subject, std::string notes,
                                  const EnumArg<Direction>& direction, std::string phone) {
  return {to_enum(kind, "kind"),        to_uuid(customer, "customer"), optional_uuid(contact, "contact"),
          optional_uuid(site, "site"),  optional_uuid(ticket, "ticket"), occurred_at,
          std::move(user),              std::move(subject),            std::move(notes),
          to_enum(direction, "direction"), std::move(phone)};
}

InteractionChanges make_interaction_changes(const OptionalId& customer, const py::object& contact,
                                            const py::object& site, const py::object& ticket,
                                            std::optional<std::string> subject, std::optional<std::string> notes,
                                            const std::optional<EnumArg<CallOutcome>>& outcome,
                                            const std::optional<DurationArg>& duration) {
  InteractionChanges changes;
  changes.customer = optional_uuid(customer, "customer");
  changes.contact = clearable_id(contact, "contact");
  changes.site = clearable_id(site, "site");
  changes.ticket = clearable_id(ticket, "ticket");
  changes.subject = std::move(subject);
  changes.notes = std::move(notes);
  changes.outcome = optional_enum(outcome, "outcome");
  if (duration) changes.duration = whole_seconds(*duration);
  return changes;
}

TicketDraft make_ticket(const IdArg& customer, std::string subject, const EnumArg<TicketKind>& kind,
                        const EnumArg<TicketSource>& source, const EnumArg<TicketPriority>& priority,
                        const OptionalId& contact, const OptionalId& site, std::string description, std::string queue,
                        std::string assignee, OptionalTime due_at, OptionalTime callback_at, std::string requested_by) {
  return {to_enum(kind, "kind"),
          to_enum(source, "source"),
          to_enum(priority, "priority"),
          to_uuid(customer, "customer"),
          optional_uuid(contact, "contact"),
          optional_uuid(site, "site"),
          std::move(subject),
          std::move(description),
          std::move(queue),
          std::move(assignee),
          due_at,
          callback_at,
          std::move(requested_by)};
}

TicketChanges make_ticket_changes(const std::optional<EnumArg<TicketKind>>& kind,
                                  const std::optional<EnumArg<TicketPriority>>& priority, const py::object& contact,
                                  const py::object& site, std::optional<std::string> subject,
                                  std::optional<std::string> description, std::optional<std::string> queue,
                                  const py::object& due_at, const py::object& callback_at,
                                  std::optional<Strings> quote_ids, std::optional<Strings> intervention_ids) {
  TicketChanges changes;
  changes.kind = optional_enum(kind, "kind");
  changes.priority = optional_enum(priority, "priority");
  changes.contact = clearable_id(contact, "contact");
  changes.site = clearable_id(site, "site");
  changes.subject = std::move(subject);
  changes.description = std::move(description);
  changes.queue = std::move(queue);
  changes.due_at = clearable_time(due_at, "due_at");
  changes.callback_at = clearable_time(callback_at, "callback_at");
  changes.quote_ids = std::move(quote_ids);
  changes.intervention_ids = std::move(intervention_ids);
  return changes;
}

TimelineQuery make_timeline_query(const std::vector<EnumArg<InteractionKind>>& kinds, std::size_t limit,
                                  std::string after) {
  return {enum_list(kinds, "kinds"), limit, std::move(after)};
}

TicketQuery make_ticket_query(std::optional<std::string> assignee, std::optional<std::string> queue,
                              const std::vector<EnumArg<TicketStatus>>& statuses,
                              const std::optional<EnumArg<TicketKind>>& kind, const OptionalId& customer,
                              std::optional<std::string> requested_by, OptionalTime due_before, bool include_undated,
                              std::size_t limit, std::string after) {
  return {std::move(assignee),
          std::move(queue),
          enum_list(statuses, "statuses"),
          optional_enum(kind, "kind"),
          optional_uuid(customer, "customer"),
          std::move(requested_by),
          due_before,
          include_undated,
          limit,
          std::move(after)};
}

WebRequest make_web_request(std::string name, std::string message, std::string phone, std::string email,
                            std::string street, std::string postcode, std::string city,
                            const EnumArg<TicketKind>& kind, bool consent, std::string consent_version,
                            std::string honeypot) {
  return {std::move(name),     std::move(phone), std::move(email),           std::move(street),
          std::move(postcode), std::move(city),  to_enum(kind, "kind"),      std::move(message),
          consent,             std::move(consent_version), std::move(honeypot)};
}

void bind_desk_types(py::module_& m) {
  bind_enums(m);
  bind_interaction(m);
  bind_call_draft(m);
  bind_interaction_draft(m);
  bind_interaction_lists(m);
  bind_caller_lookup(m);
  bind_ticket(m);
  bind_ticket_draft(m);
  bind_ticket_lists(m);
  bind_ticket_query(m);
  bind_customer_view(m);
  bind_web_request(m);
}

}  // namespace relais::python
