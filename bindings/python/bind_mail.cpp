// Workspace.connect_mail: a mail plugin's connector from Python, so that a
// script can deliver what it composed (examples/python/daily_reminders.py
// mails each person's list) through a configured mailbox.
#include "binding.h"

#include <relais/spi/mail.h>
#include <relais/workspace.h>

namespace relais::python {

void bind_mail_connector(py::module_& m) {
  py::class_<spi::MailConnector, std::shared_ptr<spi::MailConnector>>(
      m, "MailConnector",
      "A mailbox served by a plugin of kind 'mail' (Workspace.connect_mail): send() delivers a composed message.")
      .def_property_readonly("mailbox", &spi::MailConnector::mailbox, "The mailbox's stable name.")
      .def("send", [](spi::MailConnector& connector, const std::string& sender, const std::vector<std::string>& recipients,
                      const py::object& raw) {
        spi::OutgoingMail mail{sender, recipients,
                               py::isinstance<py::bytes>(raw) ? raw.cast<std::string>() : raw.cast<std::string>()};
        py::gil_scoped_release release;
        connector.send(mail);
      }, py::arg("sender"), py::arg("recipients"), py::arg("raw"),
           "Delivers `raw` (the whole message, headers and body, bytes or str) from the envelope `sender` to "
           "`recipients`, whole or not at all. Raises InvalidInputError naming 'mail.from', 'mail.recipients[i]' "
           "or 'mail.raw', PluginError (refused, unreachable, nowhere to send), StorageError. Releases the GIL.");
  auto workspace = py::reinterpret_borrow<py::class_<Workspace>>(m.attr("Workspace"));
  workspace.def(
      "connect_mail",
      [](const Workspace& ws, const std::string& plugin, const std::string& config) {
        return ws.connect<spi::MailConnector>(plugin, config);
      },
      py::arg("plugin"), py::arg("config") = "",
      "Opens the mail plugin `plugin` (kind 'mail': 'mail-imap', 'mail-maildir') with its own JSON `config` (a "
      "configured mailbox's plugin and config, from inbox.mailboxes()), and returns its MailConnector. Raises "
      "PluginError, InvalidInputError naming 'config.<key>'.");
}

}  // namespace relais::python
