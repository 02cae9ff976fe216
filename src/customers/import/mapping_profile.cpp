#include "customers/import/mapping_profile.h"
#include "customers/import/profile_json.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include <array>
#include <utility>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

Site& first_site(CustomerDraft& draft) {
  if (draft.sites.empty()) draft.sites.emplace_back();
  return draft.sites.front();
}

Contact& first_contact(CustomerDraft& draft) {
  if (draft.contacts.empty()) draft.contacts.emplace_back();
  return draft.contacts.front();
}

// The closed set of "fields" targets; load_profile refuses any other key.
const std::array<FieldTarget, 16> field_targets{{
    {"name", false, " ", nullptr, [](CustomerDraft& d, std::string v) { d.name = std::move(v); }},
    {"phones", true, "", &normalize_phone, [](CustomerDraft& d, std::string v) { d.phones.push_back(std::move(v)); }},
    {"emails", true, "", &normalize_email, [](CustomerDraft& d, std::string v) { d.emails.push_back(std::move(v)); }},
    {"siret", false, "", &normalize_siret, [](CustomerDraft& d, std::string v) { d.siret = std::move(v); }},
    {"vat_number", false, "", &normalize_vat_number,
     [](CustomerDraft& d, std::string v) { d.vat_number = std::move(v); }},
    {"notes", false, "\n", nullptr, [](CustomerDraft& d, std::string v) { d.notes = std::move(v); }},
    {"tags", true, "", nullptr, [](CustomerDraft& d, std::string v) { d.tags.push_back(std::move(v)); }},
    {"site.label", false, " ", nullptr, [](CustomerDraft& d, std::string v) { first_site(d).label = std::move(v); }},
    {"site.street", false, ", ", nullptr,
     [](CustomerDraft& d, std::string v) { first_site(d).street = std::move(v); }},
    {"site.postcode", false, "", &normalize_postcode,
     [](CustomerDraft& d, std::string v) { first_site(d).postcode = std::move(v); }},
    {"site.city", false, " ", nullptr, [](CustomerDraft& d, std::string v) { first_site(d).city = std::move(v); }},
    {"site.country", false, "", nullptr,
     [](CustomerDraft& d, std::string v) { first_site(d).country = std::move(v); }},
    {"contact.name", false, " ", nullptr,
     [](CustomerDraft& d, std::string v) { first_contact(d).name = std::move(v); }},
    {"contact.role", false, " ", nullptr,
     [](CustomerDraft& d, std::string v) { first_contact(d).role = std::move(v); }},
    {"contact.phones", true, "", &normalize_phone,
     [](CustomerDraft& d, std::string v) { first_contact(d).phones.push_back(std::move(v)); }},
    {"contact.emails", true, "", &normalize_email,
     [](CustomerDraft& d, std::string v) { first_contact(d).emails.push_back(std::move(v)); }},
}};

KindMapping load_kind(const json& kind) {
  check_keys(kind, "kind", {"column", "company_values", "person_values", "default"});
  KindMapping mapping{optional_text_at(kind, "column", "kind.column"),
                      strings_at(kind, "company_values", "kind.company_values"),
                      strings_at(kind, "person_values", "kind.person_values"), CustomerKind::person};
  for (auto& value : mapping.company_values) value = fold_for_matching(value);
  for (auto& value : mapping.person_values) value = fold_for_matching(value);
  if (kind.contains("default")) {
    mapping.fallback = parse_customer_kind(text_at(kind, "default", "kind.default"), "kind.default");
  }
  return mapping;
}

std::vector<FieldMapping> load_fields(const json& fields) {
  if (!fields.is_object()) profile_error("fields", fields, "must be a JSON object");
  std::vector<FieldMapping> mappings;
  for (const auto& [key, value] : fields.items()) {
    const FieldTarget* target = nullptr;
    for (const auto& candidate : field_targets) {
      if (candidate.key == key) target = &candidate;
    }
    if (!target) profile_error("fields." + key, value, "is not a customer field");
    mappings.push_back({target, columns_of(value, "fields." + key)});
  }
  if (!fields.contains("name")) profile_error("fields.name", nullptr, "is required");
  return mappings;
}

}  // namespace

MappingProfile load_profile(const std::string& json_text) {
  const json profile = parse_profile(json_text);
  check_keys(profile, "", {"name", "system", "doc", "sources", "external_id", "kind", "fields", "dates",
                           "numbers", "extras"});
  MappingProfile result{text_at(profile, "name", "name"), text_at(profile, "system", "system"),
                        text_at(profile, "external_id", "external_id"), {}, {}, {}, {}, {}};
  if (profile.contains("kind")) result.kind = load_kind(profile.at("kind"));
  if (!profile.contains("fields")) profile_error("fields", nullptr, "is required");
  result.fields = load_fields(profile.at("fields"));
  for_each_entry(profile, "dates", [&](const std::string& key, const json& value, const std::string& path) {
    check_keys(value, path, {"column", "format"});
    DateMapping date{key, text_at(value, "column", path + ".column"), text_at(value, "format", path + ".format")};
    check_date_format(date.format, path + ".format");
    result.dates.push_back(std::move(date));
  });
  for_each_entry(profile, "numbers", [&](const std::string& key, const json& value, const std::string& path) {
    check_keys(value, path, {"column", "decimal"});
    const std::string decimal = value.contains("decimal") ? text_at(value, "decimal", path + ".decimal") : ",";
    if (decimal != "," && decimal != ".") {
      profile_error(path + ".decimal", value.at("decimal"), "must be \",\" or \".\"");
    }
    result.numbers.push_back({key, text_at(value, "column", path + ".column"), decimal.front()});
  });
  for_each_entry(profile, "extras", [&](const std::string& key, const json& value, const std::string& path) {
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      profile_error(path, value, "must be a non-empty column name");
    }
    result.extras.push_back({key, value.get<std::string>()});
  });
  return result;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
