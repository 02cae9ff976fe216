#pragma once
// Builds the before/after field list of a journal entry. Values are turned
// into JSON text with nlohmann::json's to_json, so any area can record its
// own value types by providing a to_json overload next to them.
#include <relais/journal.h>

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

class ChangeList {
 public:
  // Records `field` when before and after differ.
  template <typename T>
  void compare(std::string_view field, const T& before, const T& after) {
    std::string before_text = nlohmann::json(before).dump();
    std::string after_text = nlohmann::json(after).dump();
    if (before_text != after_text) {
      changes_.push_back({std::string(field), std::move(before_text), std::move(after_text)});
    }
  }
  // Records a field of a new record (before = null); empty values are skipped
  // to keep creation entries short.
  template <typename T>
  void created(std::string_view field, const T& value) {
    nlohmann::json json(value);
    if (json.empty() && !json.is_number() && !json.is_boolean()) return;
    if (json.is_string() && json.get_ref<const std::string&>().empty()) return;
    changes_.push_back({std::string(field), "null", json.dump()});
  }
  // One field of a record read through `get`: created() when `before` is
  // null (a new record), compare() otherwise.
  template <typename Record, typename Get>
  void field(std::string_view name, const Record* before, const Record& after, Get get) {
    if (before) {
      compare(name, get(*before), get(after));
    } else {
      created(name, get(after));
    }
  }
  bool empty() const { return changes_.empty(); }
  std::vector<FieldChange> take() { return std::move(changes_); }

 private:
  std::vector<FieldChange> changes_;
};

}  // namespace relais::inline v1::detail
