#pragma once
// The customer-draft keywords, shared by CustomerDraft(...) and the
// CustomerService methods that take a draft as keywords (create(),
// check_duplicates()). Defined in bind_customers.cpp.
#include "binding.h"

#include <relais/customers/customer.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace relais::python {

template <>
struct EnumMembers<CustomerKind> {
  static constexpr std::array members{
      std::pair{CustomerKind::person, "person"},
      std::pair{CustomerKind::company, "company"},
  };
};

using Strings = std::vector<std::string>;
using ExternalIds = std::map<std::string, std::string>;

CustomerDraft make_draft(std::string name, const EnumArg<CustomerKind>& kind, Strings phones, Strings emails,
                         std::string siret, std::string vat_number, py::detail::ItemsOf<Site> sites,
                         py::detail::ItemsOf<Contact> contacts, std::string notes, Strings tags,
                         ExternalIds external_ids);

// The keyword arguments of make_draft(), in order, keyword-only.
inline auto draft_arguments() {
  return std::make_tuple(py::kw_only(), py::arg("name"), py::arg("kind") = "person", py::arg("phones") = Strings(),
                         py::arg("emails") = Strings(), py::arg("siret") = "", py::arg("vat_number") = "",
                         py::arg("sites") = py::detail::ItemsOf<Site>(),
                         py::arg("contacts") = py::detail::ItemsOf<Contact>(), py::arg("notes") = "",
                         py::arg("tags") = Strings(), py::arg("external_ids") = ExternalIds());
}

}  // namespace relais::python
