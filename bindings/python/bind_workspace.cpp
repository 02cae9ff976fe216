// The Workspace facade, relais.open(), and event subscriptions.
#include "binding.h"

#include <relais/workspace.h>

#include <optional>
#include <stdexcept>

namespace relais::python {
namespace {

using Release = py::call_guard<py::gil_scoped_release>;

// Shares a Python callable with C++ code that runs without the GIL. Its last
// owner may be any thread (the event bus frees slots lazily, on whichever
// thread publishes next), so the deleter takes the GIL before dropping the
// reference.
std::shared_ptr<py::object> share_callable(py::object callable) {
  return {new py::object(std::move(callable)), [](py::object* object) {
            if (!Py_IsInitialized()) {
              object->release();  // the interpreter is gone: nothing left to decrement
              delete object;
              return;
            }
            py::gil_scoped_acquire gil;
            delete object;
          }};
}

// Events are delivered on the committing thread, which does not hold the GIL.
// A Python exception becomes a std::runtime_error, which the event bus logs
// and swallows: the commit is never undone.
EventHandler python_handler(py::object callback) {
  return [callable = share_callable(std::move(callback))](const Event& event) {
    py::gil_scoped_acquire gil;
    try {
      (*callable)(event);
    } catch (py::error_already_set& error) {
      throw std::runtime_error(std::string("Python event callback raised ") + error.what());
    }
  };
}

// Unsubscribing may wait for a delivery in progress, and that delivery may be
// waiting for the GIL: every path that unsubscribes releases the GIL first.
class PySubscription {
 public:
  explicit PySubscription(Subscription subscription) : subscription_(std::move(subscription)) {}
  ~PySubscription() { cancel(); }
  PySubscription(const PySubscription&) = delete;
  PySubscription& operator=(const PySubscription&) = delete;

  void cancel() {
    py::gil_scoped_release release;
    subscription_.reset();
  }
  bool active() const { return subscription_.active(); }

 private:
  Subscription subscription_;
};

Workspace open_workspace(const std::string& uri, std::string actor, std::shared_ptr<Clock> clock,
                         std::optional<std::vector<std::string>> plugin_paths, std::size_t pool_size,
                         const DurationArg& poll_interval, std::string storage_plugin) {
  OpenOptions options;
  options.actor = std::move(actor);
  options.clock = std::move(clock);
  if (plugin_paths) options.plugin_paths = std::move(*plugin_paths);
  options.pool_size = pool_size;
  options.poll_interval = std::chrono::ceil<std::chrono::milliseconds>(to_duration(poll_interval));
  options.storage_plugin = std::move(storage_plugin);
  return Workspace::open(uri, std::move(options));
}

void bind_subscription(py::module_& m) {
  py::class_<PySubscription>(m, "Subscription",
                             "Keeps an event subscription alive: dropping it, cancel(), or leaving its `with` "
                             "block unsubscribes.")
      .def("cancel", &PySubscription::cancel, "Unsubscribes (idempotent). A delivery in progress finishes first.")
      .def_property_readonly("active", &PySubscription::active, "True until cancelled or the workspace is gone.")
      .def("__enter__", [](py::object self) { return self; }, "Returns the subscription itself.")
      .def("__exit__", [](PySubscription& subscription, const py::args&) { subscription.cancel(); },
           "Cancels the subscription.");
}

void bind_workspace_class(py::module_& m) {
  py::class_<Workspace>(m, "Workspace",
                        "One company's data, opened with relais.open(); hands out the services. Thread-safe: "
                        "each call takes a pooled connection, and storage calls release the GIL.")
      .def_property_readonly("customers", &Workspace::customers, py::return_value_policy::reference_internal,
                             "The CustomerService (keeps this workspace alive).")
      .def_property_readonly("desk", &Workspace::desk, py::return_value_policy::reference_internal,
                             "The DeskService (keeps this workspace alive).")
      .def_property_readonly("reminders", &Workspace::reminders, py::return_value_policy::reference_internal,
                             "The ReminderService, for rules, reminders, the calendar and the tick (keeps this workspace alive).")
      .def_property_readonly("users", &Workspace::users, py::return_value_policy::reference_internal,
                             "The UserService (keeps this workspace alive).")
      .def_property_readonly("erp", &Workspace::erp, py::return_value_policy::reference_internal,
                             "The ErpExchange with the external systems (keeps this workspace alive).")
      .def_property_readonly("inbox", &Workspace::inbox, py::return_value_policy::reference_internal,
                             "The InboxService, for mail intake, triage, dispatch rules, mailboxes and the FAQ (keeps this "
                             "workspace alive).")
      .def_property_readonly("surveys", &Workspace::surveys, py::return_value_policy::reference_internal,
                             "The SurveyService, for satisfaction surveys, relaunches, answers and figures (keeps this "
                             "workspace alive).")
      .def_property_readonly("actor", &Workspace::actor, py::return_value_policy::copy,
                             "The bound actor (a relais.User, as read at open).")
      .def_property_readonly("engine", [](const Workspace& ws) { return std::string(ws.engine()); },
                             "'sqlite' or 'postgresql'.")
      .def("as_user", &Workspace::as_user, py::arg("actor"), Release(),
           "A session acting as another user ('login' or 'role:login') sharing this workspace's connections. "
           "Raises PermissionDeniedError for an unknown or inactive user. Releases the GIL.")
      .def("subscribe", [](Workspace& ws, py::function callback, std::string type) {
        EventHandler handler = python_handler(std::move(callback));
        py::gil_scoped_release release;
        return std::make_unique<PySubscription>(ws.subscribe(std::move(handler), std::move(type)));
      }, py::arg("callback"), py::arg("type") = "", py::keep_alive<0, 1>(),
           "Calls callback(event) after each commit made through this workspace (or a session derived with "
           "as_user), on the committing thread, holding the GIL. `type` filters ('CustomerCreated'); '' means "
           "all. An exception the callback raises is logged and never undoes the commit. Keep the returned "
           "Subscription: dropping it unsubscribes.")
      .def("changes_since", &Workspace::changes_since, py::arg("cursor") = 0, py::arg("limit") = 100, Release(),
           "The durable feed: events committed after `cursor` by any process, oldest first, at most `limit` "
           "(1 to 1000). Pass page.next_cursor back to continue. Releases the GIL.")
      .def("wait_for_changes", [](const Workspace& ws, JournalCursor cursor, const DurationArg& timeout, std::size_t limit) {
        return ws.wait_for_changes(cursor, std::chrono::ceil<std::chrono::milliseconds>(to_duration(timeout)), limit);
      }, py::arg("cursor"), py::arg("timeout"), py::arg("limit") = 100, Release(),
           "Like changes_since(), but when nothing is new waits up to `timeout` (a timedelta or seconds) for a "
           "commit; returns an empty page on timeout. Releases the GIL, so other Python threads run meanwhile.")
      .def("journal", &Workspace::journal, py::arg("cursor") = 0, py::arg("limit") = 100, Release(),
           "Full journal entries after `cursor` (the audit trail). Releases the GIL.")
      .def("history", &Workspace::history, py::arg("entity"), py::arg("entity_id"), Release(),
           "The journal entries of one record ('customer', id), oldest first. Releases the GIL.")
      .def("journal_head", &Workspace::journal_head, Release(),
           "The current head, to keep outside the database (with a backup). Releases the GIL.")
      .def("verify_journal", &Workspace::verify_journal, py::arg("expected_head") = py::none(), Release(),
           "Recomputes the hash chain; with `expected_head` (a JournalHead kept earlier) also detects entries "
           "cut off the end. Reports tampering in the result, never raises for it. Releases the GIL.")
      .def("erase_journal_payload", &Workspace::erase_journal_payload, py::arg("sequence"), Release(),
           "GDPR erasure: blanks the payload of entry `sequence`, keeping its hash so the chain still verifies. "
           "Admin only. Raises NotFoundError, PermissionDeniedError. Releases the GIL.")
      .def("__repr__", [](const Workspace& ws) {
        return "relais.Workspace(engine=" + quoted(std::string(ws.engine())) + ", actor=" + quoted(ws.actor().login) + ")";
      });
}

}  // namespace

void bind_workspace(py::module_& m) {
  bind_subscription(m);
  bind_workspace_class(m);
  m.def("open", &open_workspace, py::arg("uri"), py::arg("actor") = "admin", py::kw_only(),
        py::arg("clock") = py::none(), py::arg("plugin_paths") = py::none(), py::arg("pool_size") = 4,
        py::arg("poll_interval") = std::chrono::microseconds(std::chrono::milliseconds(100)), py::arg("storage_plugin") = "",
        Release(),
        "Opens (and creates when missing) the workspace at `uri`: 'sqlite:///abs/path.db' (query options "
        "synchronous=FULL|NORMAL, busy_timeout=<ms>) or 'postgresql://user[:password]@host[:port]/database'. "
        "`actor` is 'login' or 'role:login'; `clock` a relais.Clock (ManualClock in tests); `plugin_paths` "
        "folders searched before RELAIS_PLUGIN_PATH; `poll_interval` (timedelta or seconds) how often a SQLite "
        "change feed polls. Raises InvalidInputError, PluginError, StorageError, PermissionDeniedError. "
        "Releases the GIL.");
}

}  // namespace relais::python
