// The `relais._relais` extension, re-exported by the `relais` package. One
// bind_<area>.cpp per area; the order matters in that types are bound
// before the signatures that mention them (for their docstrings), and a
// binding that adds methods to another's class runs after it.
#include "binding.h"

PYBIND11_MODULE(_relais, m) {
  m.doc() = "Relais: customer relations and field service for a small trade contractor.";
  relais::python::bind_errors(m);
  relais::python::bind_core(m);
  relais::python::bind_users(m);
  relais::python::bind_customers(m);
  relais::python::bind_duplicates(m);
  relais::python::bind_import(m);
  relais::python::bind_erp(m);
  relais::python::bind_desk(m);
  relais::python::bind_search(m);
  relais::python::bind_reminders(m);
  relais::python::bind_inbox(m);
  relais::python::bind_surveys(m);
  relais::python::bind_workspace(m);
  relais::python::bind_dashboard(m);    // adds Workspace.dashboard
  relais::python::bind_mail_connector(m);  // adds Workspace.connect_mail
  relais::python::bind_desk_import(m);  // adds Workspace.connect_telephony
}
