#include "inbox/sender_match.h"

#include <relais/customers/matching.h>

#include "core/text.h"
#include "customers/customer_store.h"
#include "customers/duplicate_store.h"
#include "inbox/mail_clues.h"
#include "search/search_index.h"

#include <algorithm>

namespace relais::inline v1::detail {
namespace {

// Search reads at most this many customers for a name: a name shared by
// more is not a match anyway.
constexpr std::size_t kNameCandidates = 5;

template <typename Owns>
std::optional<Uuid> contact_of(const Customer& customer, Owns&& owns) {
  for (const auto& contact : customer.contacts) {
    if (owns(contact)) return contact.id;
  }
  return std::nullopt;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The one unarchived customer among `ids`; none when there are none or
// several (ambiguous).
std::optional<Customer> only_customer(spi::Connection& connection, std::vector<Uuid> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::optional<Customer> found;
  for (const auto& id : ids) {
    auto customer = find_customer(connection, id);
    if (!customer || customer->archived_at) continue;
    if (found) return std::nullopt;
    found = std::move(customer);
  }
  return found;
}

SenderMatch by_address(spi::Connection& connection, const std::string& address) {
  if (address.empty()) return {};
  auto customer = only_customer(connection, customers_with_email(connection, address));
  if (!customer) return {};
  auto contact = contact_of(*customer, [&](const Contact& each) {
    return std::any_of(each.emails.begin(), each.emails.end(),
                       [&](const std::string& email) { return lowercase_ascii(email) == address; });
  });
  return {std::move(customer), contact, MailMatch::sender_address, std::nullopt};
}

SenderMatch by_phone(spi::Connection& connection, const std::vector<std::string>& phones) {
  std::vector<Uuid> ids;
  for (const auto& phone : phones) {
    auto owners = customers_with_contact_point(connection, "phone", phone);
    ids.insert(ids.end(), owners.begin(), owners.end());
  }
  auto customer = only_customer(connection, ids);
  if (!customer) return {};
  auto contact = contact_of(*customer, [&](const Contact& each) {
    return std::any_of(phones.begin(), phones.end(), [&](const std::string& phone) { return has(each.phones, phone); });
  });
  return {std::move(customer), contact, MailMatch::phone, std::nullopt};
}

SenderMatch by_siret(spi::Connection& connection, const std::string& text) {
  std::vector<Uuid> ids;
  for (const auto& siret : sirets_in_text(text)) {
    for (const auto& id : customers_with_siren(connection, siret.substr(0, 9))) {
      auto customer = find_customer(connection, id);
      if (customer && customer->siret == siret) ids.push_back(id);
    }
  }
  auto customer = only_customer(connection, ids);
  if (!customer) return {};
  return {std::move(customer), std::nullopt, MailMatch::siret, std::nullopt};
}

// The name as identity matching compares it (folded, civilities and legal
// form set aside, words sorted), so "DURAND Sophie" is "Sophie Durand".
std::string name_key(const std::string& name) {
  CustomerDraft draft;
  draft.name = name;
  return identity_keys(draft).name;
}

SenderMatch by_name(spi::Connection& connection, const std::string& name) {
  const std::string key = name_key(name);
  if (key.find(' ') == std::string::npos) return {};  // one word ("Jean", "Contact") names nobody
  SearchQuery query;
  query.text = name;
  query.kinds = {SearchKind::customer};
  query.limit = kNameCandidates;
  std::vector<Uuid> ids;
  std::optional<Uuid> contact;
  for (const auto& hit : search_page(connection, query).hits) {
    auto customer = find_customer(connection, hit.id);
    if (!customer) continue;
    auto named = contact_of(*customer, [&](const Contact& each) { return name_key(each.name) == key; });
    if (named || name_key(customer->name) == key) {
      ids.push_back(customer->id);
      contact = named;
    }
  }
  auto customer = only_customer(connection, ids);
  if (!customer) return {};
  return {std::move(customer), contact, MailMatch::name, std::nullopt};
}

}  // namespace

SenderMatch match_sender(spi::Connection& connection, const SenderClues& clues) {
  SenderMatch match = by_address(connection, clues.address);
  // Finding phones in free text is the costliest clue (libphonenumber's
  // matcher): only when the address did not tell.
  if (match.customer) return match;
  const auto phones = phones_in_text(clues.text);
  match = by_phone(connection, phones);
  if (!match.customer) match = by_siret(connection, clues.text);
  if (!match.customer && !clues.name.empty()) {
    try {
      match = by_name(connection, clues.name);
    } catch (const InvalidInputError&) {
      // A name without a letter or digit search could use: no clue.
    }
  }
  if (!match.customer && !clues.address.empty()) match.suggestion = ContactSuggestion{clues.name, clues.address, phones};
  return match;
}

}  // namespace relais::inline v1::detail
