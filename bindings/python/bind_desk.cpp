// The desk (Workspace.desk): interactions, caller lookup, tickets and their
// lifecycle, work lists, the 360° view and the web-form intake. The value
// types are bound in bind_desk_types.cpp, first.
#include "desk_args.h"

#include <tuple>

namespace relais::python {
namespace {

using Release = py::call_guard<py::gil_scoped_release>;

// A method taking the keywords of a draft (or query): builds it with `make`
// holding the GIL, then runs call(service, draft) without it.
template <typename Draft, typename... Args, typename Call>
auto from_keywords(Draft (*make)(Args...), Call call) {
  return [make, call](DeskService& desk, Args... args) {
    const Draft draft = make(std::forward<Args>(args)...);
    py::gil_scoped_release release;
    return call(desk, draft);
  };
}

// The same for an update: id and version first, then the change's keywords.
template <typename Changes, typename... Args, typename Call>
auto changes_from_keywords(Changes (*make)(Args...), Call call) {
  return [make, call](DeskService& desk, const IdArg& id, std::int64_t version, Args... args) {
    const Changes changes = make(std::forward<Args>(args)...);
    const Uuid uuid = to_uuid(id);
    py::gil_scoped_release release;
    return call(desk, uuid, version, changes);
  };
}

// Defines `name` twice: taking a draft object (the argument `object`), and
// taking its keywords.
template <typename Draft, typename... Args, typename Call, typename Arguments>
void def_with_draft(py::class_<DeskService>& service, const char* name, const char* object, Draft (*make)(Args...),
                    Call call, Arguments arguments, const char* draft_doc, const char* keywords_doc) {
  service.def(name, [call](DeskService& desk, const Draft& draft) { return call(desk, draft); }, py::arg(object),
              Release(), draft_doc);
  std::apply([&](auto&&... each) { service.def(name, from_keywords(make, call), each..., keywords_doc); }, arguments);
}

void bind_calls(py::class_<DeskService>& service) {
  service
      .def("lookup_caller", &DeskService::lookup_caller, py::arg("phone"), Release(),
           "Customers and contacts owning `phone` (any common writing), as a relais.CallerLookup. Read only. "
           "Raises InvalidInputError when it is not a phone number. Releases the GIL.")
      .def("incoming_call", &DeskService::incoming_call, py::arg("phone"), Release(),
           "The phone rings: looks the caller up and publishes an IncomingCall event whose `changes` carry "
           "'number' and the matched 'customers' (JSON texts), so that front ends pop the customer up. Returns "
           "the relais.CallerLookup. Releases the GIL.");
  def_with_draft(service, "log_call", "draft", &make_call,
                 [](DeskService& desk, const CallDraft& draft) { return desk.log_call(draft); }, call_arguments(),
                 "Traces a call from a relais.CallDraft (event CallLogged); returns the relais.Interaction. Raises "
                 "InvalidInputError (bad number, negative duration, a start before 2000 or more than a day "
                 "ahead, no customer while the outcome is not TO_QUALIFY), NotFoundError (customer, contact, "
                 "site, ticket or user unknown, or not the customer's). Releases the GIL.",
                 "Traces a call from keywords, as CallDraft(...) takes them. Same errors. Releases the GIL.");
  def_with_draft(service, "log_interaction", "draft", &make_interaction,
                 [](DeskService& desk, const InteractionDraft& draft) { return desk.log_interaction(draft); },
                 interaction_arguments(),
                 "Traces a visit, note, SMS or email from a relais.InteractionDraft (events VisitLogged, "
                 "NoteLogged, SmsLogged, EmailLogged). Same errors as log_call(). Releases the GIL.",
                 "The same from keywords, as InteractionDraft(...) takes them. Releases the GIL.");
  service.def("update_interaction", [](DeskService& desk, const IdArg& id, const InteractionChanges& changes,
                                       std::int64_t version) {
    const Uuid uuid = to_uuid(id);
    py::gil_scoped_release release;
    return desk.update_interaction(uuid, version, changes);
  }, py::arg("id"), py::arg("changes"), py::kw_only(), py::arg("version"),
              "Applies a relais.InteractionChanges when the stored version is still `version`; returns the "
              "interaction with version + 1. Raises NotFoundError, ConflictError (stale version: nothing "
              "written), InvalidInputError. Releases the GIL.");
  std::apply([&](auto&&... each) {
    service.def("update_interaction",
                changes_from_keywords(&make_interaction_changes,
                                      [](DeskService& desk, const Uuid& id, std::int64_t version,
                                         const InteractionChanges& changes) {
                                        return desk.update_interaction(id, version, changes);
                                      }),
                py::arg("id"), py::kw_only(), py::arg("version"), each...,
                "The same from keywords: only those given change, None clears contact, site or ticket. "
                "Qualifying a call sets customer, subject and outcome. Releases the GIL.");
  }, interaction_change_arguments());
  service
      .def("get_interaction", [](const DeskService& desk, const IdArg& id) { return desk.get_interaction(to_uuid(id)); },
           py::arg("id"), Release(), "The interaction with this id. Raises NotFoundError. Releases the GIL.")
      .def("calls_to_qualify", &DeskService::calls_to_qualify, py::arg("limit") = 50, py::arg("after") = "",
           Release(),
           "Calls imported from a phone system's log that nobody described yet, oldest first, as a "
           "relais.InteractionPage. Raises InvalidInputError for a bad limit or cursor. Releases the GIL.");
}

void bind_timeline(py::class_<DeskService>& service) {
  service.def("timeline", [](const DeskService& desk, const IdArg& customer, const TimelineQuery& query) {
    return desk.timeline(to_uuid(customer, "customer"), query);
  }, py::arg("customer"), py::arg("query"), Release(),
              "A customer's interactions, most recent first, as a relais.InteractionPage. Raises NotFoundError, "
              "InvalidInputError (bad limit or cursor). Releases the GIL.");
  std::apply([&](auto&&... each) {
    service.def("timeline", [](const DeskService& desk, const IdArg& customer,
                               const std::vector<EnumArg<InteractionKind>>& kinds, std::size_t limit, std::string after) {
      const TimelineQuery query = make_timeline_query(kinds, limit, std::move(after));
      const Uuid id = to_uuid(customer, "customer");
      py::gil_scoped_release release;
      return desk.timeline(id, query);
    }, py::arg("customer"), each..., "The same with the query's keywords. Releases the GIL.");
    service.def("customer_view", [](const DeskService& desk, const IdArg& customer,
                                    const std::vector<EnumArg<InteractionKind>>& kinds, std::size_t limit,
                                    std::string after) {
      const TimelineQuery query = make_timeline_query(kinds, limit, std::move(after));
      const Uuid id = to_uuid(customer, "customer");
      py::gil_scoped_release release;
      return desk.customer_view(id, query);
    }, py::arg("customer"), each...,
                "The 360° view in one call (relais.CustomerView): the customer, its open tickets, the first "
                "timeline page (the keywords of timeline()), counts, and the parts other areas contribute. "
                "Raises NotFoundError. Releases the GIL.");
  }, timeline_arguments());
}

void bind_ticket_calls(py::class_<DeskService>& service) {
  def_with_draft(service, "open_ticket", "draft", &make_ticket,
                 [](DeskService& desk, const TicketDraft& draft) { return desk.open_ticket(draft); },
                 ticket_arguments(),
                 "Opens a ticket from a relais.TicketDraft with status NEW and the next number of the year "
                 "(event TicketOpened). Raises InvalidInputError, NotFoundError. Releases the GIL.",
                 "Opens a ticket from keywords, as TicketDraft(...) takes them. Releases the GIL.");
  service
      .def("get_ticket", [](const DeskService& desk, const IdArg& id) { return desk.get_ticket(to_uuid(id)); },
           py::arg("id"), Release(), "The ticket with this id. Raises NotFoundError. Releases the GIL.")
      .def("find_ticket", &DeskService::find_ticket, py::arg("number"), Release(),
           "The ticket with this number ('T-2026-000042'). Raises NotFoundError. Releases the GIL.")
      .def("update_ticket", [](DeskService& desk, const IdArg& id, const TicketChanges& changes, std::int64_t version) {
        const Uuid uuid = to_uuid(id);
        py::gil_scoped_release release;
        return desk.update_ticket(uuid, version, changes);
      }, py::arg("id"), py::arg("changes"), py::kw_only(), py::arg("version"),
           "Applies a relais.TicketChanges when the stored version is still `version`; returns the ticket "
           "with version + 1. Raises NotFoundError, ConflictError (stale version), InvalidInputError. "
           "Releases the GIL.");
  std::apply([&](auto&&... each) {
    service.def("update_ticket",
                changes_from_keywords(&make_ticket_changes,
                                      [](DeskService& desk, const Uuid& id, std::int64_t version,
                                         const TicketChanges& changes) { return desk.update_ticket(id, version, changes); }),
                py::arg("id"), py::kw_only(), py::arg("version"), each...,
                "The same from keywords: only those given change; None clears contact, site, due_at or "
                "callback_at. Releases the GIL.");
  }, ticket_change_arguments());
}

void bind_ticket_moves(py::class_<DeskService>& service) {
  service
      .def("assign", [](DeskService& desk, const IdArg& id, std::int64_t version, const std::string& assignee) {
        const Uuid uuid = to_uuid(id);
        py::gil_scoped_release release;
        return desk.assign(uuid, version, assignee);
      }, py::arg("id"), py::kw_only(), py::arg("version"), py::arg("assignee"),
           "Sets the assignee (an active user's login) or clears it (''), event TicketAssigned. Of two users "
           "assigning at once one wins, the other gets ConflictError. Raises InvalidInputError (not an active "
           "user), NotFoundError. Releases the GIL.")
      .def("set_status", [](DeskService& desk, const IdArg& id, std::int64_t version,
                            const EnumArg<TicketStatus>& status, const std::string& reason) {
        const Uuid uuid = to_uuid(id);
        const TicketStatus to = to_enum(status, "status");
        py::gil_scoped_release release;
        return desk.set_status(uuid, version, to, reason);
      }, py::arg("id"), py::kw_only(), py::arg("version"), py::arg("status"), py::arg("reason") = "",
           "Moves the ticket along its lifecycle (event TicketStatusChanged); `status` is a relais.TicketStatus "
           "or its name. An illegal move raises InvalidInputError naming it ('closed -> scheduled'); reopening "
           "a closed ticket needs a `reason`, kept in the journal. Raises ConflictError (stale version), "
           "NotFoundError. Releases the GIL.")
      .def("set_stage", [](DeskService& desk, const IdArg& id, std::int64_t version,
                           const EnumArg<TechnicianStage>& stage) {
        const Uuid uuid = to_uuid(id);
        const TechnicianStage to = to_enum(stage, "stage");
        py::gil_scoped_release release;
        return desk.set_stage(uuid, version, to);
      }, py::arg("id"), py::kw_only(), py::arg("version"), py::arg("stage"),
           "Moves a technician request's stage (event TicketStageChanged). Raises InvalidInputError for "
           "another kind of ticket or an illegal move, ConflictError, NotFoundError. Releases the GIL.")
      .def("add_comment", [](DeskService& desk, const IdArg& ticket, const std::string& text, bool internal) {
        const Uuid uuid = to_uuid(ticket, "ticket");
        py::gil_scoped_release release;
        return desk.add_comment(uuid, text, internal);
      }, py::arg("ticket"), py::arg("text"), py::kw_only(), py::arg("internal") = false,
           "Adds a comment, or an internal note never shown to the customer (event TicketCommented); takes no "
           "version, since appending does not change the ticket. Returns the relais.TicketComment. Raises "
           "InvalidInputError (empty text), NotFoundError. Releases the GIL.")
      .def("comments", [](const DeskService& desk, const IdArg& ticket) { return desk.comments(to_uuid(ticket, "ticket")); },
           py::arg("ticket"), Release(), "The ticket's comments, oldest first. Raises NotFoundError. Releases the GIL.")
      .def("ticket_history", [](const DeskService& desk, const IdArg& id) { return desk.ticket_history(to_uuid(id)); },
           py::arg("id"), Release(),
           "The ticket's journal entries (every change, with actor), oldest first. Raises NotFoundError. "
           "Releases the GIL.");
}

void bind_work_lists(py::class_<DeskService>& service) {
  def_with_draft(service, "tickets", "query", &make_ticket_query,
                 [](const DeskService& desk, const TicketQuery& query) { return desk.tickets(query); },
                 ticket_query_arguments(),
                 "A work list from a relais.TicketQuery, as a relais.TicketPage ordered by due time (undated "
                 "last), then number. Raises InvalidInputError for a bad limit or cursor. Releases the GIL.",
                 "The same with the query's keywords; tickets() alone lists every ticket not closed. Releases "
                 "the GIL.");
  service
      .def("overdue", &DeskService::overdue, py::arg("limit") = 50, Release(),
           "Open tickets whose due or callback time has passed, most late first. Releases the GIL.")
      .def("my_work_today", &DeskService::my_work_today, py::arg("limit") = 50, Release(),
           "The acting user's tickets not resolved nor closed, due by the end of today (Paris time) or "
           "without a due time. Releases the GIL.");
}

void bind_web_intake(py::class_<DeskService>& service) {
  def_with_draft(service, "submit_web_request", "request", &make_web_request,
                 [](DeskService& desk, const WebRequest& request) { return desk.submit_web_request(request); },
                 web_request_arguments(),
                 "Turns a relais.WebRequest into a ticket (source WEB_FORM) in one transaction and returns a "
                 "relais.WebRequestResult (ticket, customer, matched). The customer is found by the duplicate "
                 "matcher: a sure match is that customer (gaining the request's address as a site), a probable "
                 "one gets a new customer and the pair queued for review, else a customer is created. Logs an "
                 "inbound note on the ticket and journals the request with the consent's time and text version "
                 "(event WebRequestReceived). Check request.is_spam first: a filled honeypot is refused. Raises "
                 "InvalidInputError listing every bad field, ConflictError (retry). Releases the GIL.",
                 "The same from keywords, as WebRequest(...) takes them. Releases the GIL.");
}

}  // namespace

void bind_desk(py::module_& m) {
  bind_desk_types(m);
  py::class_<DeskService> service(m, "DeskService",
                                  "The desk (Workspace.desk): every call, email, visit and note, the tickets "
                                  "followed until done, work lists and the 360° view. Every mutation is validated "
                                  "first (nothing written on error), journaled, and announced as an event after "
                                  "commit. Ids are relais.Uuid or their text; enums their members or names. "
                                  "Thread-safe.");
  bind_calls(service);
  bind_timeline(service);
  bind_ticket_calls(service);
  bind_ticket_moves(service);
  bind_work_lists(service);
  bind_web_intake(service);
}

}  // namespace relais::python
