#include "mail_config.h"

#include <algorithm>

namespace relais::mail_plugin {

using nlohmann::json;

namespace {

std::string quoted(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

}  // namespace

JsonConfig::JsonConfig(std::string_view text, std::initializer_list<std::string_view> known_keys)
    : json_(json::parse(text, nullptr, /*allow_exceptions=*/false)) {
  if (json_.is_discarded() || !json_.is_object()) throw InvalidInputError("config", text, "must be a JSON object");
  for (const auto& [key, value] : json_.items()) {
    if (std::find(known_keys.begin(), known_keys.end(), key) == known_keys.end()) fail(key, "is not a known key");
  }
}

void JsonConfig::fail(const std::string& key, const std::string& message) const {
  throw InvalidInputError("config." + key, has(key) ? quoted(json_.at(key)) : "", message);
}

std::string JsonConfig::text(const std::string& key) const {
  if (!has(key)) fail(key, "is required");
  const json& value = json_.at(key);
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) fail(key, "must be a non-empty string");
  return value.get<std::string>();
}

std::optional<std::string> JsonConfig::optional_text(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return text(key);
}

std::filesystem::path JsonConfig::absolute_path(const std::string& key) const {
  std::filesystem::path path = text(key);
  // The config is stored and read by other processes, whatever their
  // working folder: a relative path would mean something else there.
  if (!path.is_absolute()) fail(key, "must be an absolute path");
  return path.lexically_normal();
}

std::optional<std::filesystem::path> JsonConfig::optional_absolute_path(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return absolute_path(key);
}

bool JsonConfig::boolean(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  if (!json_.at(key).is_boolean()) fail(key, "must be true or false");
  return json_.at(key).get<bool>();
}

long JsonConfig::integer(const std::string& key, long fallback, long low, long high) const {
  if (!has(key)) return fallback;
  const json& value = json_.at(key);
  if (!value.is_number_integer() || value.get<long>() < low || value.get<long>() > high) {
    fail(key, "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
  }
  return value.get<long>();
}

AcknowledgeConfig read_acknowledge_config(const JsonConfig& config, AcknowledgeAction fallback,
                                          std::initializer_list<AcknowledgeAction> allowed) {
  AcknowledgeConfig result{config.choice("on_acknowledge", kAcknowledgeActions, fallback), ""};
  if (std::find(allowed.begin(), allowed.end(), result.action) == allowed.end()) {
    std::string expected = "this mailbox supports ";
    for (auto action : allowed) {
      expected += std::string(action == *allowed.begin() ? "" : ", ") + std::string(kAcknowledgeActions.name(action));
    }
    config.fail("on_acknowledge", expected);
  }
  if (result.action == AcknowledgeAction::move) {
    result.move_to = config.text("move_to");
  } else if (config.has("move_to")) {
    config.fail("move_to", "is only used with \"on_acknowledge\": \"move\"");
  }
  return result;
}

}  // namespace relais::mail_plugin
