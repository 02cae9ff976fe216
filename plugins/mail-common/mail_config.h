#pragma once
// Reading a mail connector's JSON config, shared by the mail plugins: every
// key checked, every refusal an InvalidInputError naming "config.<key>" and
// the value, as plugin.h asks of create().
//
// Internal to the plugins (a static library linked into each); not part of
// the SPI.
#include <relais/errors.h>

#include "core/enum_names.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace relais::mail_plugin {

// What acknowledge() does with a message the host stored.
enum class AcknowledgeAction { keep, mark_seen, move };

inline constexpr detail::EnumNames kAcknowledgeActions{std::array{
    std::pair{AcknowledgeAction::keep, std::string_view("keep")},
    std::pair{AcknowledgeAction::mark_seen, std::string_view("mark_seen")},
    std::pair{AcknowledgeAction::move, std::string_view("move")},
}};

// A parsed config object. Each accessor checks one key and throws
// InvalidInputError naming "config.<key>" and its value when it is missing
// (required ones), of the wrong type or out of range. Not thread-safe; used
// once, inside create().
class JsonConfig {
 public:
  // Throws InvalidInputError naming "config" when `text` is not a JSON
  // object, or "config.<key>" for a key not in `known_keys`.
  JsonConfig(std::string_view text, std::initializer_list<std::string_view> known_keys);

  bool has(const std::string& key) const { return json_.contains(key); }

  // A non-empty string.
  std::string text(const std::string& key) const;
  std::optional<std::string> optional_text(const std::string& key) const;
  // A non-empty string that is an absolute path, lexically normalised.
  std::filesystem::path absolute_path(const std::string& key) const;
  std::optional<std::filesystem::path> optional_absolute_path(const std::string& key) const;
  bool boolean(const std::string& key, bool fallback) const;
  // An integer from `low` to `high`.
  long integer(const std::string& key, long fallback, long low, long high) const;

  // One of the names of `names`; `fallback` when the key is absent.
  template <typename Enum, std::size_t N>
  Enum choice(const std::string& key, const detail::EnumNames<Enum, N>& names, Enum fallback) const {
    if (!has(key)) return fallback;
    return names.parse(text(key), "config." + key);
  }

  // Refuses the key's value (or "" when absent) with `message`.
  [[noreturn]] void fail(const std::string& key, const std::string& message) const;

 private:
  nlohmann::json json_;
};

// on_acknowledge and move_to, checked together: move_to is required by
// "move" and refused otherwise. `allowed` lists the actions the mailbox
// supports (an mbox file cannot be marked), `fallback` is its default.
struct AcknowledgeConfig {
  AcknowledgeAction action = AcknowledgeAction::keep;
  std::string move_to;  // the folder "move" files into, as written in the config
};
AcknowledgeConfig read_acknowledge_config(const JsonConfig& config, AcknowledgeAction fallback,
                                          std::initializer_list<AcknowledgeAction> allowed);

}  // namespace relais::mail_plugin
