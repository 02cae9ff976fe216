// Exchanging customers with the external systems (ERP, Sage): Workspace.erp.
#include "binding.h"

#include <relais/erp/erp_exchange.h>

namespace relais::python {
namespace {

using Release = py::call_guard<py::gil_scoped_release>;

// A connector config: its text, or a dict written as JSON.
using ConfigArg = std::variant<std::string, py::dict>;

std::string config_text(const ConfigArg& config) {
  if (const auto* text = std::get_if<std::string>(&config)) return *text;
  return py::module_::import("json").attr("dumps")(std::get<py::dict>(config)).cast<std::string>();
}

void bind_reports(py::module_& m) {
  py::class_<ErpSystem>(m, "ErpSystem", "One configured external system (Workspace.erp.system()).")
      .def_readonly("system", &ErpSystem::system, "'erp' or 'sage', the key of Customer.external_ids.")
      .def_readonly("plugin", &ErpSystem::plugin, "The connector plugin (kind 'erp'), e.g. 'files'.")
      .def_readonly("config", &ErpSystem::config, "The connector's configuration (JSON text for 'files').")
      .def_readonly("export_cursor", &ErpSystem::export_cursor,
                    "The journal sequence the last export covered; 0 before the first.")
      .def_readonly("next_sequence", &ErpSystem::next_sequence, "Numbers the next customer the system does not know.")
      .def_readonly("created_at", &ErpSystem::created_at, "Aware datetime, UTC.")
      .def_readonly("updated_at", &ErpSystem::updated_at, "Aware datetime, UTC.")
      .def_readonly("version", &ErpSystem::version, "The configuration's version, to pass back to configure() to change it.")
      .def("__eq__", [](const ErpSystem& a, const ErpSystem& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const ErpSystem& s) {
        return "relais.ErpSystem(system=" + quoted(s.system) + ", plugin=" + quoted(s.plugin) +
               ", export_cursor=" + std::to_string(s.export_cursor) + ", version=" + std::to_string(s.version) + ")";
      });
  py::class_<ErpExportReport>(m, "ErpExportReport", "What one export sent (Workspace.erp.export_changes()).")
      .def_readonly("system", &ErpExportReport::system, "The system exported to.")
      .def_readonly("file", &ErpExportReport::file, "Where the connector put the file (a path); '' when nothing was sent.")
      .def_readonly("exported", &ErpExportReport::exported, "Customers in the file.")
      .def_readonly("ids_assigned", &ErpExportReport::ids_assigned, "Of them, numbered in the system by this export.")
      .def_readonly("skipped_archived", &ErpExportReport::skipped_archived,
                    "Customers changed but archived (or merged into another): not sent.")
      .def_readonly("cursor", &ErpExportReport::cursor, "The journal sequence this export covered.")
      .def("__repr__", [](const ErpExportReport& r) {
        return "relais.ErpExportReport(system=" + quoted(r.system) + ", file=" + quoted(r.file) +
               ", exported=" + std::to_string(r.exported) + ", ids_assigned=" + std::to_string(r.ids_assigned) + ")";
      });
  py::class_<ErpImportResult>(m, "ErpImportResult", "What became of one file a system left (import_pending()).")
      .def_readonly("file", &ErpImportResult::file, "Its name, as the connector gave it.")
      .def_readonly("imported_ok", &ErpImportResult::imported_ok,
                    "Imported without a rejected row (filed as done); otherwise filed as failed for a person to see.")
      .def_readonly("report", &ErpImportResult::report, "The relais.ImportReport of its rows (empty when refused whole).")
      .def_readonly("error", &ErpImportResult::error, "Why the file was refused whole; '' otherwise.")
      .def("__repr__", [](const ErpImportResult& r) {
        return "relais.ErpImportResult(file=" + quoted(r.file) + ", imported_ok=" + (r.imported_ok ? "True" : "False") +
               ", imported=" + std::to_string(r.report.imported) + ", merged=" + std::to_string(r.report.merged) +
               ", rejected=" + std::to_string(r.report.rejected) + ")";
      });
}

void bind_exchange(py::module_& m) {
  py::class_<ErpExchange>(m, "ErpExchange",
                          "Exchanging customers with the external systems through connector plugins "
                          "(Workspace.erp; docs/erp.md). Thread-safe.")
      .def("configure", [](ErpExchange& erp, const std::string& system, const std::string& plugin,
                           const ConfigArg& config, std::int64_t version) {
        const std::string text = config_text(config);
        py::gil_scoped_release release;
        return erp.configure(system, plugin, text, version);
      }, py::arg("system"), py::arg("plugin"), py::arg("config"), py::kw_only(), py::arg("version") = 0,
           "Configures `system` ('sage') to exchange through the connector plugin `plugin` ('files') with `config` "
           "(its JSON text, or a dict). `version` is 0 to add a system, or the version read to change one. The "
           "connector is created and its profile checked before anything is stored. Admin only. Returns the "
           "relais.ErpSystem. Raises PermissionDeniedError, PluginError, InvalidInputError (naming 'config.<key>' "
           "or 'profile.<key>'), ConflictError (exists, or stale version), NotFoundError. Releases the GIL.")
      .def("systems", &ErpExchange::systems, Release(), "The configured systems, by name. Releases the GIL.")
      .def("system", &ErpExchange::system, py::arg("system"), Release(),
           "One configured system. Raises NotFoundError. Releases the GIL.")
      .def("export_changes", &ErpExchange::export_changes, py::arg("system"), Release(),
           "Sends `system` the customers created or changed since its last export (every unarchived one the "
           "first time), numbering in the system those it does not know; nothing is stored when sending fails. "
           "Returns a relais.ErpExportReport (exported == 0 and no file when nothing changed). Raises "
           "NotFoundError, PluginError, InvalidInputError (a value the file cannot hold, naming field, value and "
           "customer), StorageError, ConflictError (changed meanwhile: nothing stored, run it again). Releases the GIL.")
      .def("import_pending", [](ErpExchange& erp, const std::string& system) { return erp.import_pending(system); },
           py::arg("system"), Release(),
           "Imports, oldest first, the files `system` left, each like CustomerService.import_csv() with the "
           "system's profile, and files each as done or failed. Returns a list of relais.ErpImportResult. Raises "
           "NotFoundError, PluginError, InvalidInputError, StorageError. Releases the GIL.");
}

}  // namespace

void bind_erp(py::module_& m) {
  bind_reports(m);
  bind_exchange(m);
}

}  // namespace relais::python
