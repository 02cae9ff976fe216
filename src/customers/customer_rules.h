#pragma once
// Pure rules over customer value types: validation and normalisation of a
// whole record, and its JSON form for the journal. No database here.
#include <relais/customers/customer.h>
#include <relais/errors.h>
#include <relais/journal.h>

#include <nlohmann/json.hpp>

namespace relais::inline v1::detail {

// Limits, generous for real data and small enough to keep a row readable.
inline constexpr std::size_t kMaxNameBytes = 300;
inline constexpr std::size_t kMaxNotesBytes = 20000;
inline constexpr std::size_t kMaxTagBytes = 64;
inline constexpr std::size_t kMaxLineBytes = 500;

// Checks every field of `draft` and returns it normalised (trimmed text,
// phones in E.164, emails with a lowercase domain, digits-only SIRET,
// uppercase VAT, assigned ids for new sites and contacts). Throws
// InvalidInputError listing every bad field at once.
CustomerDraft normalize_customer(const CustomerDraft& draft, const Clock& clock);

// The stored record `customer` with `changes` applied, as a draft to
// validate again.
CustomerDraft apply_changes(const Customer& customer, const CustomerChanges& changes);
CustomerDraft draft_of(const Customer& customer);
// `customer` with every field a draft holds replaced by the draft's.
Customer from_draft(const CustomerDraft& draft, Customer customer);

// The fields a customer's journal entries list, in their order.
inline constexpr std::string_view kRecordFields[] = {"kind",  "name",     "phones", "emails", "siret",       "vat_number",
                                                     "sites", "contacts", "notes",  "tags",   "external_ids"};

// Every field of a customer, children included; timestamps as integer
// microseconds so the round trip is exact. Field names are those of the
// journal entries.
nlohmann::json customer_json(const Customer& customer);
Customer customer_from_json(const nlohmann::json& json);

// The journal's before/after list between two states of a customer; with
// no `before`, the fields of a new record (empty ones left out).
std::vector<FieldChange> customer_changes(const Customer* before, const Customer& after);

// The ConflictError of a write that carried a stale version.
ConflictError stale_version(const Customer& stored, std::int64_t expected_version);

void to_json(nlohmann::json& json, const Site& site);
void from_json(const nlohmann::json& json, Site& site);
void to_json(nlohmann::json& json, const Contact& contact);
void from_json(const nlohmann::json& json, Contact& contact);

}  // namespace relais::inline v1::detail

namespace relais::inline v1 {
// Found by argument-dependent lookup from nlohmann::json.
using detail::to_json;
using detail::from_json;
}  // namespace relais::inline v1

namespace nlohmann {
template <>
struct adl_serializer<relais::Uuid> {
  static void to_json(json& j, const relais::Uuid& id) { j = id.to_string(); }
  static void from_json(const json& j, relais::Uuid& id) { id = relais::Uuid::parse(j.get<std::string>()); }
};
}  // namespace nlohmann
