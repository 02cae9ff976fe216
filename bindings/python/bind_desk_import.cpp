// What the desk brings in: a phone system's call log (a CSV export, or
// calls a Python connector read from the phone system) and the follow-up
// sheet kept before Relais. Adds the imports to relais.DeskService.
#include "binding.h"

#include <relais/desk/desk_import.h>
#include <relais/desk/desk_service.h>
#include <relais/spi/telephony.h>
#include <relais/workspace.h>

#include <map>
#include <optional>

namespace relais::python {
namespace {

DeskImportOptions options_of(std::size_t batch_size) {
  DeskImportOptions options;
  options.batch_size = batch_size;
  return options;
}

void bind_call_record(py::module_& m) {
  py::class_<CallRecord>(m, "CallRecord", "One call as a phone system recorded it, for DeskService.import_calls().")
      .def(py::init([](std::string number, Timestamp started_at, const std::string& direction,
                       const DurationArg& duration, bool answered, std::string extension, std::string call_id) {
             return CallRecord{std::move(call_id), std::move(number), parse_direction(direction), started_at,
                               std::chrono::duration_cast<std::chrono::seconds>(to_duration(duration)), answered,
                               std::move(extension)};
           }),
           py::kw_only(), py::arg("number"), py::arg("started_at"), py::arg("direction") = "inbound",
           py::arg("duration") = 0.0, py::arg("answered") = true, py::arg("extension") = "", py::arg("call_id") = "",
           "A call: the other party's number (any writing), its start (a datetime; naive means UTC), 'inbound' or "
           "'outbound', its duration (a timedelta or seconds), whether anyone answered, the extension that took or "
           "made it, and the phone system's call id ('' when it has none). Also accepted as a dict of these "
           "keywords. Raises InvalidInputError for another direction.")
      .def_readwrite("call_id", &CallRecord::call_id, "The phone system's id of the call; '' when it has none.")
      .def_readwrite("number", &CallRecord::number, "The other party's number, as the phone system gave it.")
      .def_property_readonly("direction", [](const CallRecord& call) { return std::string(to_string(call.direction)); },
                             "'inbound' or 'outbound'.")
      .def_readwrite("started_at", &CallRecord::started_at, "When the call started (an aware datetime, UTC).")
      .def_property_readonly("duration", [](const CallRecord& call) { return call.duration.count(); },
                             "Conversation time, in seconds.")
      .def_readwrite("answered", &CallRecord::answered, "False when nobody picked up.")
      .def_readwrite("extension", &CallRecord::extension, "The extension that took or made the call.")
      .def("__eq__", [](const CallRecord& a, const CallRecord& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const CallRecord& call) {
        return "relais.CallRecord(call_id=" + quoted(call.call_id) + ", number=" + quoted(call.number) + ")";
      });
}

void bind_reports(py::module_& m) {
  py::class_<CallLogReport>(m, "CallLogReport",
                            "What a call-log import did. rows == imported + already_logged + ignored + rejected.")
      .def_readonly("system", &CallLogReport::system, "The phone system's name ('oxo', '3cx').")
      .def_readonly("charset", &CallLogReport::charset, "As detected; '' for calls given by import_calls().")
      .def_readonly("rows", &CallLogReport::rows, "Data rows read, or calls given.")
      .def_readonly("imported", &CallLogReport::imported, "New calls, to qualify.")
      .def_readonly("matched", &CallLogReport::matched, "Of those, how many got their customer from the number.")
      .def_readonly("already_logged", &CallLogReport::already_logged, "Calls already traced, which were skipped.")
      .def_readonly("ignored", &CallLogReport::ignored, "Rows the profile says to skip (internal calls).")
      .def_readonly("rejected", &CallLogReport::rejected, "How many were rejected (see `rejections`).")
      .def_readonly("rejections", &CallLogReport::rejections,
                    "Each as a relais.ImportRejection (row, reason); for import_calls() the row is the position "
                    "in the list, from 1.")
      .def("__repr__", [](const CallLogReport& r) {
        return "relais.CallLogReport(system=" + quoted(r.system) + ", rows=" + std::to_string(r.rows) +
               ", imported=" + std::to_string(r.imported) + ", already_logged=" + std::to_string(r.already_logged) +
               ", rejected=" + std::to_string(r.rejected) + ")";
      });
  py::class_<FollowUpReport>(m, "FollowUpReport",
                             "What a follow-up sheet import did. rows == imported + already_imported + rejected.")
      .def_readonly("system", &FollowUpReport::system, "The profile's system.")
      .def_readonly("charset", &FollowUpReport::charset, "As detected, e.g. 'WINDOWS-1252'.")
      .def_readonly("rows", &FollowUpReport::rows, "Data rows read.")
      .def_readonly("imported", &FollowUpReport::imported, "Rows that became a ticket and a note.")
      .def_readonly("already_imported", &FollowUpReport::already_imported, "Rows imported before, which were skipped.")
      .def_readonly("rejected", &FollowUpReport::rejected, "How many were rejected (see `rejections`).")
      .def_readonly("rejections", &FollowUpReport::rejections, "Each as a relais.ImportRejection (row, reason).")
      .def("__repr__", [](const FollowUpReport& r) {
        return "relais.FollowUpReport(system=" + quoted(r.system) + ", rows=" + std::to_string(r.rows) +
               ", imported=" + std::to_string(r.imported) + ", rejected=" + std::to_string(r.rejected) + ")";
      });
}

void bind_call_imports(py::class_<DeskService>& desk) {
  desk.def("import_calls",
           [](DeskService& service, const std::string& system, const py::detail::ItemsOf<CallRecord>& calls,
              std::map<std::string, std::string> users, std::size_t batch_size) {
             PhoneSystem phone_system{system, std::move(users)};
             py::gil_scoped_release release;
             return service.import_calls(phone_system, calls.items, options_of(batch_size));
           },
           py::arg("system"), py::arg("calls"), py::kw_only(), py::arg("users") = std::map<std::string, std::string>{},
           py::arg("batch_size") = DeskImportOptions{}.batch_size,
           "Brings a phone system's calls into the desk (what a connector read from it): each call not yet traced "
           "is logged to qualify, with its customer when its number is exactly one customer's; a call already "
           "traced (same call id in `system`, or a call of the same number typed in while it rang) is skipped, so "
           "importing again changes nothing. `calls` are relais.CallRecord or dicts of its keywords; `users` maps "
           "extensions to logins (others: the acting user). Commits every `batch_size` calls. Returns a "
           "relais.CallLogReport. Releases the GIL.")
      .def("import_call_log",
           [](DeskService& service, const std::string& data, const std::string& profile_json, std::size_t batch_size) {
             py::gil_scoped_release release;
             return service.import_call_log(data, profile_json, options_of(batch_size));
           },
           py::arg("data"), py::arg("profile_json"), py::kw_only(),
           py::arg("batch_size") = DeskImportOptions{}.batch_size,
           "import_calls() on a phone system's CSV export: `data` is bytes as exported (charset detected) or str, "
           "`profile_json` the call-log profile's JSON (docs/desk.md). Every row ends imported, already_logged, "
           "ignored or rejected. Raises InvalidInputError for a bad profile or one that does not fit the file "
           "(nothing written). Releases the GIL.")
      .def("import_call_log_file",
           [](DeskService& service, const std::string& path, const std::string& profile, std::size_t batch_size) {
             py::gil_scoped_release release;
             return service.import_call_log_file(path, profile, options_of(batch_size));
           },
           py::arg("path"), py::arg("profile"), py::kw_only(), py::arg("batch_size") = DeskImportOptions{}.batch_size,
           "import_call_log() on files. Raises NotFoundError when one cannot be read. Releases the GIL.");
}

void bind_follow_up_imports(py::class_<DeskService>& desk) {
  desk.def("import_follow_up",
           [](DeskService& service, const std::string& data, const std::string& profile_json, std::size_t batch_size) {
             py::gil_scoped_release release;
             return service.import_follow_up(data, profile_json, options_of(batch_size));
           },
           py::arg("data"), py::arg("profile_json"), py::kw_only(),
           py::arg("batch_size") = DeskImportOptions{}.batch_size,
           "Imports the follow-up sheet kept before Relais (CSV bytes, charset detected, or str) through a "
           "follow-up profile (JSON, docs/desk.md): each row becomes a ticket and a note on the customer owning its "
           "phone or email; a row of an unknown customer is rejected. Rows are remembered by their key: importing "
           "the grown sheet again only adds the new rows. Returns a relais.FollowUpReport. Releases the GIL.")
      .def("import_follow_up_file",
           [](DeskService& service, const std::string& path, const std::string& profile, std::size_t batch_size) {
             py::gil_scoped_release release;
             return service.import_follow_up_file(path, profile, options_of(batch_size));
           },
           py::arg("path"), py::arg("profile"), py::kw_only(), py::arg("batch_size") = DeskImportOptions{}.batch_size,
           "import_follow_up() on files. Raises NotFoundError when one cannot be read. Releases the GIL.");
}

// A telephony plugin's connector, so that a Python schedule reads the phone
// system and imports what it read; the connector stays a C++ object.
void bind_telephony(py::module_& m) {
  py::class_<spi::CallBatch>(m, "CallBatch", "What one read of a phone system's call log gave.")
      .def_readonly("calls", &spi::CallBatch::calls, "The CallRecords that ended after the cursor, oldest first.")
      .def_readonly("next_cursor", &spi::CallBatch::next_cursor,
                    "Where the next read starts; the cursor given when nothing new ended.");
  py::class_<spi::TelephonyConnector, std::shared_ptr<spi::TelephonyConnector>>(
      m, "TelephonyConnector",
      "A phone system's call log, read through a plugin of kind 'telephony' (Workspace.connect_telephony). Use it "
      "from one thread at a time.")
      .def_property_readonly("system", &spi::TelephonyConnector::system,
                             "The phone system's name, under which its call ids are unique ('3cx').")
      .def("calls_since", &spi::TelephonyConnector::calls_since, py::arg("cursor") = "", py::arg("limit") = 500,
           py::call_guard<py::gil_scoped_release>(),
           "Calls that ended after `cursor` ('' = as far back as the phone system keeps), at most `limit`, as a "
           "CallBatch. Raises PluginError (phone system unreachable), InvalidInputError naming 'cursor'.");
  auto workspace = py::reinterpret_borrow<py::class_<Workspace>>(m.attr("Workspace"));
  workspace.def(
      "connect_telephony",
      [](const Workspace& ws, const std::string& plugin, const std::string& config) {
        return ws.connect<spi::TelephonyConnector>(plugin, config);
      },
      py::arg("plugin"), py::arg("config") = "",
      "Opens the telephony plugin `plugin` (kind 'telephony', found on the workspace's plugin path) with its own "
      "`config` text, and returns its TelephonyConnector. Import what it reads with desk.import_calls(system, "
      "batch.calls) and keep batch.next_cursor. Raises PluginError (no such plugin, or it failed), "
      "InvalidInputError naming 'config.<key>'.");
}

}  // namespace

void bind_desk_import(py::module_& m) {
  bind_call_record(m);
  bind_reports(m);
  bind_telephony(m);
  auto desk = py::reinterpret_borrow<py::class_<DeskService>>(m.attr("DeskService"));
  bind_call_imports(desk);
  bind_follow_up_imports(desk);
}

}  // namespace relais::python
