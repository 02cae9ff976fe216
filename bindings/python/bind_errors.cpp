// Every C++ -> Python error mapping of the module, in one place. Each
// relais.XError derives from relais.Error and from the matching built-in, so
// scripts can catch either: `except KeyError` catches relais.NotFoundError.
#include "binding.h"

#include <relais/customers/duplicates.h>
#include <relais/errors.h>

#include <initializer_list>

namespace relais::python {
namespace {

// The exception types, created once at import. Plain pointers on purpose:
// the module owns the types, and a static py::object would be destroyed after
// the interpreter is gone.
struct ErrorTypes {
  PyObject* error = nullptr;
  PyObject* invalid_input = nullptr;
  PyObject* not_found = nullptr;
  PyObject* conflict = nullptr;
  PyObject* duplicate_customer = nullptr;
  PyObject* permission_denied = nullptr;
  PyObject* storage = nullptr;
  PyObject* plugin = nullptr;
};
ErrorTypes types;

PyObject* add_error(py::module_& m, const char* name, std::initializer_list<PyObject*> bases,
                    std::string_view code, const char* doc) {
  py::tuple base_tuple(bases.size());
  std::size_t index = 0;
  for (PyObject* base : bases) base_tuple[index++] = py::reinterpret_borrow<py::object>(base);
  const std::string qualified = std::string("relais.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base_tuple.ptr(), nullptr);
  if (type == nullptr) throw py::error_already_set();
  // Class-level defaults, so an error raised by Python code (a test double,
  // say) still has the attributes that handlers read.
  py::setattr(type, "code", py::str(std::string(code)));
  m.add_object(name, type);
  return type;
}

void raise(PyObject* type, const Error& error, const py::object& field_errors = {},
           const py::object& candidates = {}) {
  py::object instance = py::reinterpret_borrow<py::object>(type)(error.what());
  instance.attr("code") = std::string(to_string(error.code()));
  instance.attr("context") = error.context();
  if (field_errors) instance.attr("field_errors") = field_errors;
  if (candidates) instance.attr("candidates") = candidates;
  PyErr_SetObject(type, instance.ptr());
}

void translate(std::exception_ptr pending) {
  try {
    std::rethrow_exception(pending);
  } catch (const InvalidInputError& error) {
    raise(types.invalid_input, error, py::tuple(py::cast(error.field_errors())));
  } catch (const NotFoundError& error) {
    raise(types.not_found, error);
  } catch (const DuplicateCustomerError& error) {
    // Before ConflictError, of which it is a subclass. The candidates are
    // relais.DuplicateCandidate objects (bound in bind_duplicates.cpp).
    raise(types.duplicate_customer, error, {}, py::cast(error.candidates()));
  } catch (const ConflictError& error) {
    raise(types.conflict, error);
  } catch (const PermissionDeniedError& error) {
    raise(types.permission_denied, error);
  } catch (const StorageError& error) {
    raise(types.storage, error);
  } catch (const PluginError& error) {
    raise(types.plugin, error);
  } catch (const Error& error) {
    raise(types.error, error);
  }
}

void bind_field_error(py::module_& m) {
  py::class_<FieldError>(m, "FieldError", "One rejected field of an InvalidInputError.")
      .def_readonly("field", &FieldError::field, "The field's name, e.g. 'contacts[0].phones[1]'.")
      .def_readonly("value", &FieldError::value, "The offending value, cut to a readable length.")
      .def_readonly("message", &FieldError::message, "Why it was rejected (English).")
      .def("__eq__", [](const FieldError& a, const FieldError& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const FieldError& error) {
        return "relais.FieldError(field=" + quoted(error.field) + ", value=" + quoted(error.value) +
               ", message=" + quoted(error.message) + ")";
      });
}

}  // namespace

void bind_errors(py::module_& m) {
  bind_field_error(m);
  types.error = add_error(m, "Error", {PyExc_Exception}, "",
                          "Base of every Relais error. `code` is a stable name ('not_found', ...), "
                          "`context` a dict of details (field, value, entity, id...); str() is an English sentence.");
  py::setattr(types.error, "context", py::module_::import("types").attr("MappingProxyType")(py::dict()));
  types.invalid_input = add_error(m, "InvalidInputError", {types.error, PyExc_ValueError}, "invalid_input",
                                  "Input that breaks a rule; nothing was written. `field_errors` is a tuple of every "
                                  "rejected field (relais.FieldError), not only the first.");
  py::setattr(types.invalid_input, "field_errors", py::tuple());
  types.not_found = add_error(m, "NotFoundError", {types.error, PyExc_KeyError}, "not_found",
                              "The record asked for does not exist (or is not visible to the actor).");
  // KeyError's str() shows repr(message) in quotes; show the sentence itself.
  py::setattr(types.not_found, "__str__", py::module_::import("builtins").attr("BaseException").attr("__str__"));
  types.conflict = add_error(m, "ConflictError", {types.error}, "conflict",
                             "The record changed since it was read (stale version), or a unique value is "
                             "taken; nothing was written.");
  types.duplicate_customer = add_error(
      m, "DuplicateCustomerError", {types.conflict}, "conflict",
      "create() refused a customer that looks like existing ones (a probable or sure match); nothing was "
      "written. A ConflictError, so conflict handlers catch it too. `candidates` is a list of "
      "relais.DuplicateCandidate (customer, score, outcome, reasons), best first. Pass "
      "allow_duplicates=True to create it anyway.");
  py::setattr(types.duplicate_customer, "candidates", py::tuple());
  types.permission_denied = add_error(m, "PermissionDeniedError", {types.error, PyExc_PermissionError},
                                      "permission_denied", "The actor may not do this.");
  types.storage = add_error(m, "StorageError", {types.error}, "storage",
                            "The database failed or refused. `context` has 'operation' and, when the engine "
                            "gave one, 'sql_state'.");
  types.plugin = add_error(m, "PluginError", {types.error}, "plugin",
                           "A plugin could not be found, loaded, checked or created.");
  py::register_exception_translator(&translate);
}

}  // namespace relais::python
