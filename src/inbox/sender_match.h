#pragma once
// Who sent a mail: the customer (and contact) behind its sender, found
// through the customers' own lookups, in order of trust: the sender's
// address; then a phone number or SIRET written in the mail; then the
// sender's name. Reads only.
#include <relais/customers/customer.h>
#include <relais/inbox/mail.h>
#include <relais/spi/storage.h>

#include <optional>
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

struct SenderClues {
  std::string name;        // the From display name
  std::string address;     // the From address, lowercased
  std::string text;        // where phones and SIRETs are looked for: the new text and signature
};

struct SenderMatch {
  std::optional<Customer> customer;
  std::optional<Uuid> contact;
  MailMatch reason = MailMatch::none;
  // Set when nobody matched and the mail gives an address.
  std::optional<ContactSuggestion> suggestion;
};

// A clue pointing at several customers is ambiguous and skipped; the next
// clue is tried.
SenderMatch match_sender(spi::Connection& connection, const SenderClues& clues);

}  // namespace relais::inline v1::detail
