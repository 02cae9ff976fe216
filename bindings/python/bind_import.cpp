// Importing legacy customer exports (CSV) through a mapping profile.
#include "binding.h"

#include <relais/customers/customer_service.h>
#include <relais/customers/import.h>

#include <optional>

namespace relais::python {
namespace {

ImportOptions import_options(ProgressRelay& relay, std::size_t batch_size) {
  ImportOptions options;
  options.batch_size = batch_size;
  options.progress = relay.function(&ImportProgress::rows_done, &ImportProgress::rows_total);
  return options;
}

void bind_import_types(py::module_& m) {
  py::class_<ImportRejection>(m, "ImportRejection", "A row the import refused, and why.")
      .def_readonly("row", &ImportRejection::row, "1-based data row (the header is not counted).")
      .def_readonly("reason", &ImportRejection::reason, "Names the column or field and the value (English).")
      .def("__repr__", [](const ImportRejection& r) {
        return "relais.ImportRejection(row=" + std::to_string(r.row) + ", reason=" + quoted(r.reason) + ")";
      });
  py::class_<ImportDifference>(m, "ImportDifference",
                               "A field changed in the file but also edited in Relais since the last import: "
                               "Relais kept its value.")
      .def_readonly("row", &ImportDifference::row, "1-based data row.")
      .def_readonly("customer", &ImportDifference::customer, "The customer's id (a relais.Uuid).")
      .def_readonly("field", &ImportDifference::field, "The field's name.")
      .def_readonly("in_relais", &ImportDifference::in_relais, "The value kept, as JSON text.")
      .def_readonly("in_file", &ImportDifference::in_file, "The file's value, as JSON text.")
      .def("__repr__", [](const ImportDifference& d) {
        return "relais.ImportDifference(row=" + std::to_string(d.row) + ", field=" + quoted(d.field) + ")";
      });
  py::class_<ImportReport>(m, "ImportReport",
                           "What an import did. rows == imported + merged + rejected: `rejected` is the count, "
                           "`rejections` the rows themselves (row and reason).")
      .def_readonly("source", &ImportReport::source, "The profile's system ('erp', 'sage').")
      .def_readonly("charset", &ImportReport::charset, "As detected, e.g. 'UTF-8' or 'WINDOWS-1252'.")
      .def_readonly("rows", &ImportReport::rows, "Data rows read.")
      .def_readonly("imported", &ImportReport::imported, "New customers.")
      .def_readonly("merged", &ImportReport::merged,
                    "Rows that went into an existing customer (same external id, or a sure match).")
      .def_readonly("rejected", &ImportReport::rejected, "How many rows were rejected (see `rejections`).")
      .def_readonly("queued_for_review", &ImportReport::queued_for_review,
                    "Imported rows that probably duplicate an existing customer, queued for review.")
      .def_readonly("rejections", &ImportReport::rejections,
                    "Each rejected row as a relais.ImportRejection (row, reason), in file order.")
      .def_readonly("differences", &ImportReport::differences,
                    "relais.ImportDifference for each field the file changed but Relais kept.")
      .def("__repr__", [](const ImportReport& r) {
        return "relais.ImportReport(source=" + quoted(r.source) + ", rows=" + std::to_string(r.rows) +
               ", imported=" + std::to_string(r.imported) + ", merged=" + std::to_string(r.merged) +
               ", rejected=" + std::to_string(r.rejected) + ")";
      });
}

void bind_service_methods(py::module_& m) {
  auto service = py::reinterpret_borrow<py::class_<CustomerService>>(m.attr("CustomerService"));
  service
      .def("import_file", [](CustomerService& customers, const std::string& path, const std::string& profile,
                             std::optional<py::function> progress, std::size_t batch_size) {
        ProgressRelay relay(std::move(progress));
        const ImportOptions options = import_options(relay, batch_size);
        return relay.call([&] { return customers.import_file(path, profile, options); });
      }, py::arg("path"), py::arg("profile"), py::kw_only(), py::arg("progress") = py::none(),
           py::arg("batch_size") = ImportOptions{}.batch_size,
           "Imports the legacy CSV export at `path` (UTF-8, Windows-1252 or Latin-1, detected) through the JSON "
           "mapping profile at `profile` (docs/importing.md). Every row ends imported, merged or rejected; "
           "re-importing is idempotent (rows are recognised by their external id). Commits every `batch_size` "
           "rows; progress(done, total) is called after each batch, holding the GIL, and an exception it raises "
           "stops the import and is re-raised. Returns a relais.ImportReport. Raises NotFoundError (a file "
           "cannot be read), InvalidInputError (bad profile, or one that does not fit the file: nothing "
           "written). Releases the GIL.")
      .def("import_csv", [](CustomerService& customers, const std::string& data, const std::string& profile_json,
                            std::optional<py::function> progress, std::size_t batch_size) {
        ProgressRelay relay(std::move(progress));
        const ImportOptions options = import_options(relay, batch_size);
        return relay.call([&] { return customers.import_csv(data, profile_json, options); });
      }, py::arg("data"), py::arg("profile_json"), py::kw_only(), py::arg("progress") = py::none(),
           py::arg("batch_size") = ImportOptions{}.batch_size,
           "import_file() on the file's contents: `data` is bytes as read from the export (the charset is "
           "detected) or a str (taken as UTF-8); `profile_json` the profile's JSON text. Releases the GIL.");
}

}  // namespace

void bind_import(py::module_& m) {
  bind_import_types(m);
  bind_service_methods(m);
}

}  // namespace relais::python
