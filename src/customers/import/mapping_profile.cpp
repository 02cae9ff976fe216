#include "customers/import/mapping_profile.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include <nlohmann/json.hpp>

#include <array>
#include <initializer_list>
#include <utility>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

using nlohmann::json;

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

[[noreturn]] void fail(std::string key, const json& value, std::string message) {
  throw InvalidInputError(std::move(key), value.is_null() ? "" : value.dump(), std::move(message));
}

void check_keys(const json& object, const std::string& path, std::initializer_list<std::string_view> allowed) {
  if (!object.is_object()) fail(path, object, "must be a JSON object");
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const auto name : allowed) known = known || key == name;
    if (!known) fail(path.empty() ? key : path + "." + key, value, "is not a known profile key");
  }
}

std::string text_at(const json& object, const std::string& key, const std::string& path) {
  const auto found = object.find(key);
  if (found == object.end()) fail(path, nullptr, "is required");
  if (!found->is_string() || found->get_ref<const std::string&>().empty()) {
    fail(path, *found, "must be a non-empty string");
  }
  return found->get<std::string>();
}

std::string optional_text_at(const json& object, const std::string& key, const std::string& path) {
  return object.contains(key) ? text_at(object, key, path) : std::string();
}

// "Column" or ["Column", ...]: the columns feeding one target.
std::vector<std::string> columns_of(const json& value, const std::string& path) {
  if (value.is_string() && !value.get_ref<const std::string&>().empty()) return {value.get<std::string>()};
  if (!value.is_array() || value.empty()) fail(path, value, "must be a column name or a list of column names");
  std::vector<std::string> columns;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string() || value[i].get_ref<const std::string&>().empty()) {
      fail(path + "[" + std::to_string(i) + "]", value[i], "must be a non-empty column name");
    }
    columns.push_back(value[i].get<std::string>());
  }
  return columns;
}

std::vector<std::string> strings_at(const json& object, const std::string& key, const std::string& path) {
  return object.contains(key) ? columns_of(object.at(key), path) : std::vector<std::string>{};
}

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
  if (!fields.is_object()) fail("fields", fields, "must be a JSON object");
  std::vector<FieldMapping> mappings;
  for (const auto& [key, value] : fields.items()) {
    const FieldTarget* target = nullptr;
    for (const auto& candidate : field_targets) {
      if (candidate.key == key) target = &candidate;
    }
    if (!target) fail("fields." + key, value, "is not a customer field");
    mappings.push_back({target, columns_of(value, "fields." + key)});
  }
  if (!fields.contains("name")) fail("fields.name", nullptr, "is required");
  return mappings;
}

template <typename Load>
void for_each_entry(const json& profile, const std::string& section, Load load) {
  if (!profile.contains(section)) return;
  const json& entries = profile.at(section);
  if (!entries.is_object()) fail(section, entries, "must be a JSON object");
  for (const auto& [key, value] : entries.items()) load(key, value, section + "." + key);
}

void check_date_format(const std::string& format, const std::string& path) {
  const auto has = [&](std::string_view part) { return format.find(part) != std::string::npos; };
  if (!has("dd") || !has("mm") || !has("yyyy")) fail(path, format, "must contain dd, mm and yyyy");
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  // Base letters of U+00C0..U+00FF, in code point order.
  static constexpr std::string_view latin1_base =
      "aaaaaaaceeeeiiiidnoooooxouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
  std::string folded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    char letter = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
    if (byte == 0xC3 && next >= 0x80 && next <= 0xBF) {
      letter = latin1_base[next - 0x80];
      ++i;
    } else if (byte == 0xC2 && next == 0xA0) {  // no-break space
      letter = ' ';
      ++i;
    }
    const bool space = letter == ' ' || letter == '\t' || letter == '\r' || letter == '\n';
    if (space && (folded.empty() || folded.back() == ' ')) continue;
    folded.push_back(space ? ' ' : letter);
  }
  if (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

MappingProfile load_profile(const std::string& json_text) {
  const json profile = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (profile.is_discarded()) throw InvalidInputError("profile", json_text, "is not valid JSON");
  check_keys(profile, "", {"name", "system", "doc", "sources", "external_id", "kind", "fields", "dates",
                           "numbers", "extras"});
  MappingProfile result{text_at(profile, "name", "name"), text_at(profile, "system", "system"),
                        text_at(profile, "external_id", "external_id"), {}, {}, {}, {}, {}};
  if (profile.contains("kind")) result.kind = load_kind(profile.at("kind"));
  if (!profile.contains("fields")) fail("fields", nullptr, "is required");
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
    if (decimal != "," && decimal != ".") fail(path + ".decimal", value.at("decimal"), "must be \",\" or \".\"");
    result.numbers.push_back({key, text_at(value, "column", path + ".column"), decimal.front()});
  });
  for_each_entry(profile, "extras", [&](const std::string& key, const json& value, const std::string& path) {
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      fail(path, value, "must be a non-empty column name");
    }
    result.extras.push_back({key, value.get<std::string>()});
  });
  return result;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
