#pragma once
// Customer value types: plain structs, easy to copy, compare and bind.
#include <relais/clock.h>
#include <relais/export.h>
#include <relais/ids.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

enum class CustomerKind { person, company };

// "person" or "company".
RELAIS_API std::string_view to_string(CustomerKind kind) noexcept;
// Throws InvalidInputError naming `field` for anything else.
RELAIS_API CustomerKind parse_customer_kind(std::string_view text, std::string_view field = "kind");

// An address: the billing address, or a work site (chantier) where the
// technicians go.
struct Site {
  Uuid id;                    // assigned on create when nil
  std::string label;          // "Siège", "Maison de Saint-Malo"...
  std::string street;
  std::string postcode;       // 5 digits for France
  std::string city;
  std::string country = "FR"; // ISO 3166-1 alpha-2
  bool work_site = false;
  bool operator==(const Site&) const = default;
};

// A person to talk to at the customer. Phones are stored as E.164
// ("+33612345678") whatever format they were given in; emails lowercased in
// their domain.
struct Contact {
  Uuid id;                    // assigned on create when nil
  std::string name;
  std::string role;           // "gérante", "gardien"...
  std::vector<std::string> phones;
  std::vector<std::string> emails;
  bool operator==(const Contact&) const = default;
};

struct Customer {
  Uuid id;
  CustomerKind kind = CustomerKind::person;
  std::string name;
  std::vector<std::string> phones;  // the customer's own numbers, E.164
  std::vector<std::string> emails;
  std::string siret;                // companies: 14 digits, or empty
  std::string vat_number;           // "FR" + key + SIREN, or empty
  std::vector<Site> sites;
  std::vector<Contact> contacts;
  std::string notes;
  std::vector<std::string> tags;
  std::map<std::string, std::string> external_ids;  // system ("erp", "sage") -> its id
  Timestamp created_at{};
  Timestamp updated_at{};
  std::optional<Timestamp> archived_at;
  std::int64_t version = 0;         // pass back to update()/archive()
  bool operator==(const Customer&) const = default;
};

// What a caller gives to create a customer.
struct CustomerDraft {
  CustomerKind kind = CustomerKind::person;
  std::string name;
  std::vector<std::string> phones;
  std::vector<std::string> emails;
  std::string siret;
  std::string vat_number;
  std::vector<Site> sites;
  std::vector<Contact> contacts;
  std::string notes;
  std::vector<std::string> tags;
  std::map<std::string, std::string> external_ids;
};

// A partial update: only the fields that hold a value change. A list given
// replaces the whole list.
struct CustomerChanges {
  std::optional<CustomerKind> kind;
  std::optional<std::string> name;
  std::optional<std::vector<std::string>> phones;
  std::optional<std::vector<std::string>> emails;
  std::optional<std::string> siret;
  std::optional<std::string> vat_number;
  std::optional<std::vector<Site>> sites;
  std::optional<std::vector<Contact>> contacts;
  std::optional<std::string> notes;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::map<std::string, std::string>> external_ids;
};

struct CustomerQuery {
  bool include_archived = false;
  std::optional<std::string> tag;  // only customers with this tag
  std::string after;               // cursor from the previous page ("" = first page)
  std::size_t limit = 50;          // 1 to 500
};

struct CustomerPage {
  std::vector<Customer> items;     // ordered by name, then id
  std::string next_cursor;         // "" when this is the last page
};

}  // namespace v1
}  // namespace relais
