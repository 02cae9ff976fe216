#include "customers/import/profile_json.h"

#include <utility>

namespace relais {
inline namespace v1 {
namespace detail {

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

json parse_profile(const std::string& text) {
  json profile = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (profile.is_discarded()) throw InvalidInputError("profile", text, "is not valid JSON");
  if (!profile.is_object()) profile_error("profile", profile, "must be a JSON object");
  return profile;
}

void profile_error(std::string key, const json& value, std::string message) {
  throw InvalidInputError(std::move(key), value.is_null() ? "" : value.dump(), std::move(message));
}

void check_keys(const json& object, const std::string& path, std::initializer_list<std::string_view> allowed) {
  if (!object.is_object()) profile_error(path, object, "must be a JSON object");
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const auto name : allowed) known = known || key == name;
    if (!known) profile_error(path.empty() ? key : path + "." + key, value, "is not a known profile key");
  }
}

std::string text_at(const json& object, const std::string& key, const std::string& path) {
  const auto found = object.find(key);
  if (found == object.end()) profile_error(path, nullptr, "is required");
  if (!found->is_string() || found->get_ref<const std::string&>().empty()) {
    profile_error(path, *found, "must be a non-empty string");
  }
  return found->get<std::string>();
}

std::string optional_text_at(const json& object, const std::string& key, const std::string& path) {
  return object.contains(key) ? text_at(object, key, path) : std::string();
}

std::vector<std::string> columns_of(const json& value, const std::string& path) {
  if (value.is_string() && !value.get_ref<const std::string&>().empty()) return {value.get<std::string>()};
  if (!value.is_array() || value.empty()) profile_error(path, value, "must be a column name or a list of column names");
  std::vector<std::string> columns;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string() || value[i].get_ref<const std::string&>().empty()) {
      profile_error(path + "[" + std::to_string(i) + "]", value[i], "must be a non-empty column name");
    }
    columns.push_back(value[i].get<std::string>());
  }
  return columns;
}

std::vector<std::string> strings_at(const json& object, const std::string& key, const std::string& path) {
  return object.contains(key) ? columns_of(object.at(key), path) : std::vector<std::string>{};
}

void check_date_format(const std::string& format, const std::string& path, bool with_time) {
  const auto has = [&](std::string_view part) { return format.find(part) != std::string::npos; };
  if (!has("dd") || !has("mm") || !has("yyyy")) profile_error(path, format, "must contain dd, mm and yyyy");
  if (with_time && (!has("HH") || !has("MM"))) {
    profile_error(path, format, "must contain HH and MM (hours and minutes; SS for seconds is optional)");
  }
}

std::optional<std::string> ValueTable::look_up(std::string_view cell) const {
  const std::string folded = fold_for_matching(cell);
  if (folded.empty()) return fallback;
  if (auto found = values.find(folded); found != values.end()) return found->second;
  return std::nullopt;
}

std::string ValueTable::refusal(const std::string& key, std::string_view cell) const {
  return fold_for_matching(cell).empty() ? key + " has no default" : "not in " + key + ".values";
}

std::map<std::string, std::string> load_value_map(const json& value, const std::string& path, ValueCheck check) {
  if (!value.is_object() || value.empty()) profile_error(path, value, "must be a non-empty JSON object");
  std::map<std::string, std::string> values;
  for (const auto& [key, target] : value.items()) {
    const std::string target_path = path + "." + key;
    if (!target.is_string()) profile_error(target_path, target, "must be a string");
    if (check) check(target.get_ref<const std::string&>(), target_path);
    values[fold_for_matching(key)] = target.get<std::string>();
  }
  return values;
}

ValueTable load_value_table(const json& value, const std::string& path, ValueCheck check) {
  check_keys(value, path, {"column", "values", "default"});
  ValueTable table{text_at(value, "column", path + ".column"), {}, std::nullopt};
  if (!value.contains("values")) profile_error(path + ".values", nullptr, "is required");
  table.values = load_value_map(value.at("values"), path + ".values", check);
  if (value.contains("default")) {
    table.fallback = text_at(value, "default", path + ".default");
    if (check) check(*table.fallback, path + ".default");
  }
  return table;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
