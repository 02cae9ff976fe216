#include "customers/import/mapping_profile.h"
#include "customers/import/profile_json.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <type_traits>
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

std::vector<std::string> text_items(const std::string& text) {
  return text.empty() ? std::vector<std::string>{} : std::vector<std::string>{text};
}

// The billing address: the first site that is not a work site (chantier).
const Site* billing_site(const Customer& customer) {
  auto found = std::find_if(customer.sites.begin(), customer.sites.end(), [](const Site& site) { return !site.work_site; });
  return found == customer.sites.end() ? nullptr : &*found;
}

template <auto Member>
std::vector<std::string> read_text(const Customer& customer) {
  return text_items(customer.*Member);
}

template <auto Member>
std::vector<std::string> read_list(const Customer& customer) {
  return customer.*Member;
}

template <auto Member>
std::vector<std::string> read_site(const Customer& customer) {
  const Site* site = billing_site(customer);
  return site ? text_items(site->*Member) : std::vector<std::string>{};
}

template <auto Member>
std::vector<std::string> read_contact(const Customer& customer) {
  if (customer.contacts.empty()) return {};
  const auto& value = customer.contacts.front().*Member;
  if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>) return text_items(value);
  else return value;
}

// The closed set of "fields" targets; load_profile refuses any other key.
const std::array<FieldTarget, 16> field_targets{{
    {"name", false, " ", nullptr, [](CustomerDraft& d, std::string v) { d.name = std::move(v); },
     read_text<&Customer::name>},
    {"phones", true, "", &normalize_phone, [](CustomerDraft& d, std::string v) { d.phones.push_back(std::move(v)); },
     read_list<&Customer::phones>},
    {"emails", true, "", &normalize_email, [](CustomerDraft& d, std::string v) { d.emails.push_back(std::move(v)); },
     read_list<&Customer::emails>},
    {"siret", false, "", &normalize_siret, [](CustomerDraft& d, std::string v) { d.siret = std::move(v); },
     read_text<&Customer::siret>},
    {"vat_number", false, "", &normalize_vat_number,
     [](CustomerDraft& d, std::string v) { d.vat_number = std::move(v); }, read_text<&Customer::vat_number>},
    {"notes", false, "\n", nullptr, [](CustomerDraft& d, std::string v) { d.notes = std::move(v); },
     read_text<&Customer::notes>},
    {"tags", true, "", nullptr, [](CustomerDraft& d, std::string v) { d.tags.push_back(std::move(v)); },
     read_list<&Customer::tags>},
    {"site.label", false, " ", nullptr, [](CustomerDraft& d, std::string v) { first_site(d).label = std::move(v); },
     read_site<&Site::label>},
    {"site.street", false, ", ", nullptr,
     [](CustomerDraft& d, std::string v) { first_site(d).street = std::move(v); }, read_site<&Site::street>},
    {"site.postcode", false, "", &normalize_postcode,
     [](CustomerDraft& d, std::string v) { first_site(d).postcode = std::move(v); }, read_site<&Site::postcode>},
    {"site.city", false, " ", nullptr, [](CustomerDraft& d, std::string v) { first_site(d).city = std::move(v); },
     read_site<&Site::city>},
    {"site.country", false, "", nullptr,
     [](CustomerDraft& d, std::string v) { first_site(d).country = std::move(v); }, read_site<&Site::country>},
    {"contact.name", false, " ", nullptr,
     [](CustomerDraft& d, std::string v) { first_contact(d).name = std::move(v); }, read_contact<&Contact::name>},
    {"contact.role", false, " ", nullptr,
     [](CustomerDraft& d, std::string v) { first_contact(d).role = std::move(v); }, read_contact<&Contact::role>},
    {"contact.phones", true, "", &normalize_phone,
     [](CustomerDraft& d, std::string v) { first_contact(d).phones.push_back(std::move(v)); },
     read_contact<&Contact::phones>},
    {"contact.emails", true, "", &normalize_email,
     [](CustomerDraft& d, std::string v) { first_contact(d).emails.push_back(std::move(v)); },
     read_contact<&Contact::emails>},
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
  const bool company_default = mapping.fallback == CustomerKind::company;
  if (!mapping.column.empty() && (company_default ? mapping.person_values : mapping.company_values).empty()) {
    profile_error(company_default ? "kind.person_values" : "kind.company_values", nullptr,
         "must list at least one value when kind.column is set: no row could be of that kind, read or written");
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

std::string load_charset(const json& profile) {
  if (!profile.contains("charset")) return {};
  std::string charset = text_at(profile, "charset", "charset");
  std::transform(charset.begin(), charset.end(), charset.begin(), [](unsigned char c) { return std::toupper(c); });
  if (charset != "UTF-8" && charset != "WINDOWS-1252") {
    profile_error("charset", profile.at("charset"), "must be \"UTF-8\" or \"WINDOWS-1252\"");
  }
  return charset;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Every column the profile reads, in the order it names them, each once.
std::vector<std::string> read_columns(const MappingProfile& profile) {
  std::vector<std::string> columns, folded;
  const auto add = [&](const std::string& column) {
    if (contains(folded, fold_for_matching(column))) return;
    folded.push_back(fold_for_matching(column));
    columns.push_back(column);
  };
  add(profile.external_id_column);
  if (!profile.kind.column.empty()) add(profile.kind.column);
  for (const auto& field : profile.fields) std::for_each(field.columns.begin(), field.columns.end(), add);
  for (const auto& date : profile.dates) add(date.column);
  for (const auto& number : profile.numbers) add(number.column);
  for (const auto& extra : profile.extras) add(extra.column);
  return columns;
}

// export.<key>: one of `allowed`, or the first of them when absent.
std::string choice_at(const json& section, const std::string& key, std::initializer_list<std::string> allowed) {
  if (!section.contains(key)) return *allowed.begin();
  std::string value = text_at(section, key, "export." + key);
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  std::string expected;
  for (const auto& name : allowed) expected += (expected.empty() ? "\"" : " or \"") + name + "\"";
  profile_error("export." + key, section.at(key), "must be " + expected);
}

// export.columns: each column once, and every column the profile reads, so
// that the file written can be read back.
std::vector<std::string> chosen_columns(const json& value, const std::vector<std::string>& read) {
  if (!value.is_array()) profile_error("export.columns", value, "must be a list of column names");
  std::vector<std::string> columns = columns_of(value, "export.columns"), folded;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (contains(folded, fold_for_matching(columns[i]))) {
      profile_error("export.columns[" + std::to_string(i) + "]", value[i], "names a column twice");
    }
    folded.push_back(fold_for_matching(columns[i]));
  }
  for (const auto& column : read) {
    if (!contains(folded, fold_for_matching(column))) {
      profile_error("export.columns", column, "lacks this column, which the profile reads: the file could not be read back");
    }
  }
  return columns;
}

bool bom_at(const json& section, const std::string& charset) {
  if (!section.contains("bom")) return false;
  const json& bom = section.at("bom");
  if (!bom.is_boolean()) profile_error("export.bom", bom, "must be true or false");
  if (bom.get<bool>() && charset == "WINDOWS-1252") profile_error("export.bom", bom, "a byte order mark needs charset UTF-8");
  return bom.get<bool>();
}

// The kind values written: the first of each list, as the profile spells it.
void kind_values_to_write(const json& profile, ExportLayout& layout) {
  if (!profile.contains("kind")) return;
  const auto first = [&](const std::string& key) {
    const auto values = strings_at(profile.at("kind"), key, "kind." + key);
    return values.empty() ? std::string() : values.front();
  };
  layout.company_value = first("company_values");
  layout.person_value = first("person_values");
}

ExportLayout load_export(const json& profile, const MappingProfile& mapping) {
  ExportLayout layout;
  kind_values_to_write(profile, layout);
  layout.columns = read_columns(mapping);
  if (!profile.contains("export")) return layout;
  const json& section = profile.at("export");
  check_keys(section, "export", {"delimiter", "quote", "bom", "line_end", "phone_format", "columns"});
  layout.delimiter = choice_at(section, "delimiter", {";", ","}).front();
  layout.quote_always = choice_at(section, "quote", {"when_needed", "always"}) == "always";
  layout.bom = bom_at(section, mapping.charset);
  layout.line_end = choice_at(section, "line_end", {"CRLF", "LF"}) == "CRLF" ? "\r\n" : "\n";
  layout.national_phones = choice_at(section, "phone_format", {"national", "e164"}) == "national";
  if (section.contains("columns")) layout.columns = chosen_columns(section.at("columns"), layout.columns);
  return layout;
}

}  // namespace

MappingProfile load_profile(const std::string& json_text) {
  const json profile = parse_profile(json_text);
  check_keys(profile, "", {"name", "system", "doc", "sources", "charset", "external_id", "kind", "fields", "dates",
                           "numbers", "extras", "export"});
  MappingProfile result{text_at(profile, "name", "name"), text_at(profile, "system", "system"), load_charset(profile),
                        text_at(profile, "external_id", "external_id"), {}, {}, {}, {}, {}, {}};
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
  result.export_layout = load_export(profile, result);
  return result;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
