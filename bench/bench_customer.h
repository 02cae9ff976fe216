#pragma once
// The customer every create benchmark writes, C++, raw SQLite and Python
// alike: a company with one phone, one email, one site and one contact
// with a phone and an email.
#include <relais/customers/customer.h>

#include <string>

namespace relais::bench {

inline CustomerDraft bench_customer(long index) {
  CustomerDraft draft;
  draft.kind = CustomerKind::company;
  draft.name = "Électricité Bench " + std::to_string(index);
  draft.phones = {"+33 1 23 45 67 89"};
  draft.emails = {"contact@bench-elec.fr"};
  draft.sites = {Site{.label = "Siège", .street = "12 rue de la Paix", .postcode = "75002", .city = "Paris"}};
  draft.contacts = {Contact{.name = "Sophie Martin", .role = "gérante", .phones = {"06 12 34 56 78"},
                            .emails = {"sophie@bench-elec.fr"}}};
  return draft;
}

}  // namespace relais::bench
