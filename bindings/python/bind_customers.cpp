// Customers: value types, the service, and the French identifier validators.
#include "binding.h"
#include "customer_args.h"

#include <relais/customers/customer.h>
#include <relais/customers/customer_service.h>
#include <relais/customers/validation.h>
#include <relais/journal.h>

#include <map>
#include <optional>
#include <tuple>

namespace relais::python {

CustomerDraft make_draft(std::string name, const EnumArg<CustomerKind>& kind, Strings phones, Strings emails,
                         std::string siret, std::string vat_number, py::detail::ItemsOf<Site> sites,
                         py::detail::ItemsOf<Contact> contacts, std::string notes, Strings tags,
                         ExternalIds external_ids) {
  return {to_enum(kind, "kind"), std::move(name), std::move(phones), std::move(emails), std::move(siret),
          std::move(vat_number), std::move(sites.items), std::move(contacts.items), std::move(notes),
          std::move(tags), std::move(external_ids)};
}

namespace {

using Release = py::call_guard<py::gil_scoped_release>;

void bind_site(py::module_& m) {
  py::class_<Site>(m, "Site", "An address: the billing address or a work site (chantier) where the technicians go.")
      .def(py::init([](const IdArg& id, std::string label, std::string street, std::string postcode,
                       std::string city, std::string country, bool work_site) {
             return Site{to_uuid(id), std::move(label), std::move(street), std::move(postcode),
                         std::move(city), std::move(country), work_site};
           }),
           py::kw_only(), py::arg("id") = Uuid(), py::arg("label") = "", py::arg("street") = "",
           py::arg("postcode") = "", py::arg("city") = "", py::arg("country") = "FR", py::arg("work_site") = false,
           "A site; leave `id` out for a new one (assigned on create). Also accepted as a dict of these keywords.")
      .def_property("id", [](const Site& site) { return site.id; },
                    [](Site& site, const IdArg& id) { site.id = to_uuid(id); }, "A relais.Uuid (nil until stored).")
      .def_readwrite("label", &Site::label, "'Siège', 'Maison de Saint-Malo'...")
      .def_readwrite("street", &Site::street, "Street and number.")
      .def_readwrite("postcode", &Site::postcode, "5 digits for France.")
      .def_readwrite("city", &Site::city, "The city.")
      .def_readwrite("country", &Site::country, "ISO 3166-1 alpha-2, 'FR' by default.")
      .def_readwrite("work_site", &Site::work_site, "True for a place where work is done.")
      .def("__eq__", [](const Site& a, const Site& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Site& site) {
        return "relais.Site(label=" + quoted(site.label) + ", postcode=" + quoted(site.postcode) +
               ", city=" + quoted(site.city) + ", work_site=" + (site.work_site ? "True" : "False") + ")";
      });
}

void bind_contact(py::module_& m) {
  py::class_<Contact>(m, "Contact", "A person to talk to at the customer. Phones are stored as E.164, emails with a lowercase domain.")
      .def(py::init([](const IdArg& id, std::string name, std::string role, Strings phones, Strings emails) {
             return Contact{to_uuid(id), std::move(name), std::move(role), std::move(phones), std::move(emails)};
           }),
           py::kw_only(), py::arg("id") = Uuid(), py::arg("name") = "", py::arg("role") = "",
           py::arg("phones") = Strings(), py::arg("emails") = Strings(),
           "A contact; leave `id` out for a new one (assigned on create). Also accepted as a dict of these keywords.")
      .def_property("id", [](const Contact& contact) { return contact.id; },
                    [](Contact& contact, const IdArg& id) { contact.id = to_uuid(id); }, "A relais.Uuid (nil until stored).")
      .def_readwrite("name", &Contact::name, "The contact's name.")
      .def_readwrite("role", &Contact::role, "'gérante', 'gardien'...")
      .def_readwrite("phones", &Contact::phones, "Phone numbers (a copy: assign a new list to change them).")
      .def_readwrite("emails", &Contact::emails, "Email addresses (a copy: assign a new list to change them).")
      .def("__eq__", [](const Contact& a, const Contact& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Contact& contact) {
        return "relais.Contact(name=" + quoted(contact.name) + ", role=" + quoted(contact.role) + ")";
      });
}

void bind_customer(py::module_& m) {
  py::class_<Customer>(m, "Customer", "A stored customer, as read. Change it with CustomerService.update(), passing its version.")
      .def_readonly("id", &Customer::id, "The record id.")
      .def_readonly("kind", &Customer::kind, "A relais.CustomerKind.")
      .def_readonly("name", &Customer::name, "The customer's name.")
      .def_readonly("phones", &Customer::phones, "The customer's own numbers, E.164 ('+33612345678').")
      .def_readonly("emails", &Customer::emails, "Email addresses, domain lowercased.")
      .def_readonly("siret", &Customer::siret, "14 digits, or ''.")
      .def_readonly("vat_number", &Customer::vat_number, "'FR' + key + SIREN, or ''.")
      .def_readonly("sites", &Customer::sites, "The addresses (relais.Site).")
      .def_readonly("contacts", &Customer::contacts, "The people to talk to (relais.Contact).")
      .def_readonly("notes", &Customer::notes, "Free text.")
      .def_readonly("tags", &Customer::tags, "Labels for filtering lists.")
      .def_readonly("external_ids", &Customer::external_ids, "System ('erp', 'sage') -> the customer's id there.")
      .def_readonly("created_at", &Customer::created_at, "Aware datetime, UTC.")
      .def_readonly("updated_at", &Customer::updated_at, "Aware datetime, UTC.")
      .def_readonly("archived_at", &Customer::archived_at, "None, or when it was archived (aware datetime, UTC).")
      .def_readonly("version", &Customer::version, "Pass back to update() / archive().")
      .def("__eq__", [](const Customer& a, const Customer& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Customer& customer) {
        return "relais.Customer(id='" + customer.id.to_string() + "', name=" + quoted(customer.name) +
               ", kind=" + quoted(enum_name(customer.kind)) + ", version=" + std::to_string(customer.version) + ")";
      });
}

void bind_drafts(py::module_& m) {
  py::class_<CustomerDraft> draft(m, "CustomerDraft", "What a caller gives to create a customer; CustomerService.create() also takes these keywords directly.");
  std::apply([&](auto&&... arguments) {
    draft.def(py::init(&make_draft), arguments...,
              "`kind` is a relais.CustomerKind or its name; `sites` and `contacts` take objects or dicts of their keywords.");
  }, draft_arguments());
  draft.def_property("kind", [](const CustomerDraft& d) { return d.kind; },
                     [](CustomerDraft& d, const EnumArg<CustomerKind>& kind) { d.kind = to_enum(kind, "kind"); },
                     "A relais.CustomerKind (its name is accepted on assignment).")
      .def_readwrite("name", &CustomerDraft::name, "Required.")
      .def_readwrite("phones", &CustomerDraft::phones, "In any common format; stored as E.164.")
      .def_readwrite("emails", &CustomerDraft::emails, "Email addresses.")
      .def_readwrite("siret", &CustomerDraft::siret, "14 digits (spaces allowed), or ''.")
      .def_readwrite("vat_number", &CustomerDraft::vat_number, "'FR' + key + SIREN, or ''.")
      .def_readwrite("sites", &CustomerDraft::sites, "relais.Site objects (a copy: assign a new list to change them).")
      .def_readwrite("contacts", &CustomerDraft::contacts, "relais.Contact objects (a copy: assign a new list to change them).")
      .def_readwrite("notes", &CustomerDraft::notes, "Free text.")
      .def_readwrite("tags", &CustomerDraft::tags, "Labels.")
      .def_readwrite("external_ids", &CustomerDraft::external_ids, "System -> id.")
      .def("__repr__", [](const CustomerDraft& d) {
        return "relais.CustomerDraft(name=" + quoted(d.name) + ", kind=" + quoted(enum_name(d.kind)) + ")";
      });
  py::class_<CustomerPage>(m, "CustomerPage", "One page of CustomerService.list().")
      .def_readonly("items", &CustomerPage::items, "The customers, ordered by name then id.")
      .def_readonly("next_cursor", &CustomerPage::next_cursor, "Pass as `after` for the next page; '' on the last page.")
      .def("__repr__", [](const CustomerPage& page) {
        return "relais.CustomerPage(items=<" + std::to_string(page.items.size()) + ">, next_cursor=" +
               quoted(page.next_cursor) + ")";
      });
}

Customer update(CustomerService& customers, const IdArg& id, std::int64_t version,
                const std::optional<EnumArg<CustomerKind>>& kind, std::optional<std::string> name,
                std::optional<Strings> phones, std::optional<Strings> emails, std::optional<std::string> siret,
                std::optional<std::string> vat_number, std::optional<py::detail::ItemsOf<Site>> sites,
                std::optional<py::detail::ItemsOf<Contact>> contacts, std::optional<std::string> notes,
                std::optional<Strings> tags, std::optional<ExternalIds> external_ids) {
  CustomerChanges changes;
  if (kind) changes.kind = to_enum(*kind, "kind");
  changes.name = std::move(name);
  changes.phones = std::move(phones);
  changes.emails = std::move(emails);
  changes.siret = std::move(siret);
  changes.vat_number = std::move(vat_number);
  if (sites) changes.sites = std::move(sites->items);
  if (contacts) changes.contacts = std::move(contacts->items);
  changes.notes = std::move(notes);
  changes.tags = std::move(tags);
  changes.external_ids = std::move(external_ids);
  return customers.update(to_uuid(id), version, changes);
}

std::vector<Customer> lookup(const CustomerService& customers, const std::optional<std::string>& phone,
                             const std::optional<std::string>& email) {
  if (phone.has_value() == email.has_value()) throw py::value_error("lookup() takes exactly one of phone= or email=");
  py::gil_scoped_release release;
  return phone ? customers.lookup_phone(*phone) : customers.lookup_email(*email);
}

void bind_customer_service(py::module_& m) {
  py::class_<CustomerService> service(m, "CustomerService",
                                      "The workspace's customers (Workspace.customers). Every mutation is validated "
                                      "first (all field errors at once, nothing written), journaled, and announced "
                                      "as an event after commit. Thread-safe.");
  service.def("create", [](CustomerService& customers, const CustomerDraft& draft, bool allow_duplicates) {
    return customers.create(draft, CreateOptions{allow_duplicates, {}});
  }, py::arg("draft"), py::kw_only(), py::arg("allow_duplicates") = false, Release(),
              "Stores a new customer (version 1) from a CustomerDraft. Unless allow_duplicates=True, refuses a "
              "customer that probably or surely is an existing one with DuplicateCustomerError (its `candidates` "
              "say which; nothing written). Raises InvalidInputError, DuplicateCustomerError, ConflictError "
              "(an external id already used). Releases the GIL.");
  std::apply([&](auto&&... arguments) {
    service.def("create", [](CustomerService& customers, std::string name, const EnumArg<CustomerKind>& kind,
                             Strings phones, Strings emails, std::string siret, std::string vat_number,
                             py::detail::ItemsOf<Site> sites, py::detail::ItemsOf<Contact> contacts, std::string notes,
                             Strings tags, ExternalIds external_ids, bool allow_duplicates) {
      return customers.create(make_draft(std::move(name), kind, std::move(phones), std::move(emails), std::move(siret),
                                         std::move(vat_number), std::move(sites), std::move(contacts),
                                         std::move(notes), std::move(tags), std::move(external_ids)),
                              CreateOptions{allow_duplicates, {}});
    }, arguments..., py::arg("allow_duplicates") = false, Release(),
                "Stores a new customer (version 1) from keywords, as CustomerDraft(...) takes them. Phones in any "
                "common French format are stored as E.164. Unless allow_duplicates=True, refuses a customer that "
                "probably or surely is an existing one with DuplicateCustomerError (a ConflictError whose "
                "`candidates` say which; nothing written). Raises InvalidInputError (one FieldError per bad "
                "field), DuplicateCustomerError, ConflictError (an external id already used). Releases the GIL.");
  }, draft_arguments());
  service
      .def("get", [](const CustomerService& customers, const IdArg& id) { return customers.get(to_uuid(id)); },
           py::arg("id"), Release(), "The customer with this id (relais.Uuid or text). Raises NotFoundError. Releases the GIL.")
      .def("update", &update, py::arg("id"), py::kw_only(), py::arg("version"), py::arg("kind") = py::none(),
           py::arg("name") = py::none(), py::arg("phones") = py::none(), py::arg("emails") = py::none(),
           py::arg("siret") = py::none(), py::arg("vat_number") = py::none(), py::arg("sites") = py::none(),
           py::arg("contacts") = py::none(), py::arg("notes") = py::none(), py::arg("tags") = py::none(),
           py::arg("external_ids") = py::none(), Release(),
           "Changes only the fields given (a list given replaces the whole list) when the stored version is still "
           "`version`; returns the record with version + 1. Raises NotFoundError, ConflictError (stale version: "
           "nothing written), InvalidInputError. Releases the GIL.")
      .def("archive", [](CustomerService& customers, const IdArg& id, std::int64_t version) {
        return customers.archive(to_uuid(id), version);
      }, py::arg("id"), py::kw_only(), py::arg("version"), Release(),
           "Hides the customer from listings (still readable). Same errors as update(). Releases the GIL.")
      .def("list", [](const CustomerService& customers, bool include_archived, std::optional<std::string> tag,
                      std::string after, std::size_t limit) {
        return customers.list({include_archived, std::move(tag), std::move(after), limit});
      }, py::kw_only(), py::arg("include_archived") = false, py::arg("tag") = py::none(), py::arg("after") = "",
           py::arg("limit") = 50, Release(),
           "One page ordered by name; pass page.next_cursor as `after` for the next one (iter_all() walks them "
           "all). Raises InvalidInputError for a limit outside 1..500 or a bad cursor. Releases the GIL.")
      .def("lookup", &lookup, py::kw_only(), py::arg("phone") = py::none(), py::arg("email") = py::none(),
           "Customers having this phone (in any common format) or this email, on themselves or on a contact. "
           "Give exactly one (ValueError otherwise). Raises InvalidInputError when it is not a phone number or "
           "an email. Releases the GIL.")
      .def("history", [](const CustomerService& customers, const IdArg& id) { return customers.history(to_uuid(id)); },
           py::arg("id"), Release(), "The customer's journal entries, oldest first. Raises NotFoundError. Releases the GIL.");
}

void bind_validators(py::module_& m) {
  m.def("normalize_phone", &normalize_phone, py::arg("text"), py::arg("field") = "phone",
        "Any common writing ('06 12 34 56 78', '+33 (0)6 12 34 56 78', '0033612345678') -> E.164 "
        "'+33612345678'. Raises InvalidInputError naming `field`.");
  m.def("format_phone_national", &format_phone_national, py::arg("e164"),
        "'+33612345678' -> '06 12 34 56 78'; returns the input when it is not a valid E.164 number.");
  m.def("normalize_email", &normalize_email, py::arg("text"), py::arg("field") = "email",
        "Trims and lowercases the domain. Raises InvalidInputError naming `field` unless local@domain.tld.");
  m.def("normalize_postcode", &normalize_postcode, py::arg("text"), py::arg("field") = "postcode",
        "Five digits (metropolitan, Corsica 20xxx, overseas 97x/98x). Raises InvalidInputError naming `field`.");
  m.def("normalize_siren", &normalize_siren, py::arg("text"), py::arg("field") = "siren",
        "9 digits with a valid Luhn key, spaces removed. Raises InvalidInputError naming `field`.");
  m.def("normalize_siret", &normalize_siret, py::arg("text"), py::arg("field") = "siret",
        "14 digits with a valid Luhn key, spaces removed. Raises InvalidInputError naming `field`.");
  m.def("normalize_vat_number", &normalize_vat_number, py::arg("text"), py::arg("field") = "vat_number",
        "'FR' + key + SIREN, spaces removed, key checked. Raises InvalidInputError naming `field`.");
  m.def("is_valid_phone", &is_valid_phone, py::arg("text"), "True when normalize_phone() would accept it.");
  m.def("is_valid_email", &is_valid_email, py::arg("text"), "True when normalize_email() would accept it.");
  m.def("is_valid_postcode", &is_valid_postcode, py::arg("text"), "True when normalize_postcode() would accept it.");
  m.def("is_valid_siren", &is_valid_siren, py::arg("text"), "True when normalize_siren() would accept it.");
  m.def("is_valid_siret", &is_valid_siret, py::arg("text"), "True when normalize_siret() would accept it.");
  m.def("is_valid_vat_number", &is_valid_vat_number, py::arg("text"), "True when normalize_vat_number() would accept it.");
}

}  // namespace

void bind_customers(py::module_& m) {
  bind_enum<CustomerKind>(m, "CustomerKind", "A person or a company. Wherever a kind is expected, its name ('company') is accepted too.");
  bind_site(m);
  bind_contact(m);
  bind_customer(m);
  bind_drafts(m);
  bind_customer_service(m);
  bind_validators(m);
}

}  // namespace relais::python
