#pragma once
// What every mapping profile (customer exports, call logs, follow-up sheets)
// is made of: JSON read strictly, each error an InvalidInputError whose field
// is the profile key at fault ("fields.phones[1]", "status.values.En cours"),
// and the pieces the profile shapes share: column names, date formats and
// value tables. See docs/importing.md and docs/desk.md.
#include <relais/errors.h>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {
namespace detail {

// Ordered: a profile's keys keep the order they are written in, which the
// default export layout follows.
using json = nlohmann::ordered_json;

// Lowercase, accents removed (Latin-1 letters), spaces trimmed and
// collapsed: how header names and table values are compared.
std::string fold_for_matching(std::string_view text);

// The profile's JSON object. Throws InvalidInputError ("profile") when the
// text is not JSON or not an object.
json parse_profile(const std::string& text);

[[noreturn]] void profile_error(std::string key, const json& value, std::string message);
// Refuses a key of `object` that is not `allowed` (typos fail loudly).
void check_keys(const json& object, const std::string& path, std::initializer_list<std::string_view> allowed);
// object[key], a non-empty string; required.
std::string text_at(const json& object, const std::string& key, const std::string& path);
// The same, "" when absent.
std::string optional_text_at(const json& object, const std::string& key, const std::string& path);
// "Column" or ["Column", ...]: the columns feeding one target.
std::vector<std::string> columns_of(const json& value, const std::string& path);
std::vector<std::string> strings_at(const json& object, const std::string& key, const std::string& path);

// Calls load(key, value, "section.key") for each entry of the optional
// object profile[section].
template <typename Load>
void for_each_entry(const json& profile, const std::string& section, Load load) {
  if (!profile.contains(section)) return;
  const json& entries = profile.at(section);
  if (!entries.is_object()) profile_error(section, entries, "must be a JSON object");
  for (const auto& [key, value] : entries.items()) load(key, value, section + "." + key);
}

// A date format is made of dd, mm, yyyy and literal characters; with
// `with_time` it also needs HH and MM (SS optional): capitals for the time,
// since mm is the month.
void check_date_format(const std::string& format, const std::string& path, bool with_time = false);

// Checks one target value of a table (parse_ticket_status...): throws
// InvalidInputError naming `field`.
using ValueCheck = void (*)(std::string_view value, std::string_view field);

// {"column": "Statut", "values": {"En cours": "open", ...}, "default": "new"}:
// the cells of a column looked up in a table. Cells and table keys are
// compared folded; `fallback` answers an empty cell. A value the table does
// not list is refused, never defaulted: a typo in the sheet must show.
struct ValueTable {
  std::string column;
  std::map<std::string, std::string> values;  // folded cell -> target
  std::optional<std::string> fallback;

  // The target of `cell`; nothing when it is not listed, or empty without a
  // fallback (the row is then rejected, with refusal() as the reason).
  std::optional<std::string> look_up(std::string_view cell) const;
  // Why look_up() gave nothing, naming the profile key.
  std::string refusal(const std::string& key, std::string_view cell) const;
};

// Reads a value table at `path`; every target and the default pass `check`.
ValueTable load_value_table(const json& value, const std::string& path, ValueCheck check);
// {"cell value": "target", ...} at `path`, keys folded; targets pass `check`
// (when given).
std::map<std::string, std::string> load_value_map(const json& value, const std::string& path,
                                                  ValueCheck check = nullptr);

}  // namespace detail
}  // namespace v1
}  // namespace relais
