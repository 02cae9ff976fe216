#include "files_config.h"

#include <relais/errors.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>

namespace relais::files_connector {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& key, const json& value, const std::string& message) {
  throw InvalidInputError("config." + key, value.is_string() ? value.get<std::string>() : value.dump(), message);
}

bool only(std::string_view text, std::string_view extra_characters, bool upper_case) {
  return std::all_of(text.begin(), text.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (upper_case && c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           extra_characters.find(c) != std::string_view::npos;
  });
}

std::string text_at(const json& config, const std::string& key) {
  if (!config.contains(key)) fail(key, "", "is required");
  const json& value = config.at(key);
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) fail(key, value, "must be a non-empty string");
  return value.get<std::string>();
}

std::filesystem::path path_at(const json& config, const std::string& key) {
  std::filesystem::path path = text_at(config, key);
  if (!path.is_absolute()) fail(key, config.at(key), "must be an absolute path");
  return path.lexically_normal();
}

}  // namespace

FilesConfig parse_files_config(std::string_view json_text) {
  const json config = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (config.is_discarded() || !config.is_object()) {
    throw InvalidInputError("config", json_text, "must be a JSON object");
  }
  for (const auto& [key, value] : config.items()) {
    const auto known = {"system", "profile", "outbox", "inbox", "id_prefix", "id_width"};
    if (std::find(known.begin(), known.end(), key) == known.end()) fail(key, value, "is not a known key");
  }
  FilesConfig result{text_at(config, "system"), path_at(config, "profile"), path_at(config, "outbox"),
                     path_at(config, "inbox"), "", 6};
  if (result.system.size() > 32 || !only(result.system, "_-", false)) {
    fail("system", result.system, "must be 1 to 32 of a-z, 0-9, '_' and '-'");
  }
  if (config.contains("id_prefix")) {
    const json& prefix = config.at("id_prefix");
    if (!prefix.is_string() || prefix.get_ref<const std::string&>().size() > 16 ||
        !only(prefix.get_ref<const std::string&>(), "._-", true)) {
      fail("id_prefix", prefix, "must be at most 16 letters, digits, '.', '_' or '-'");
    }
    result.id_prefix = prefix.get<std::string>();
  }
  if (config.contains("id_width")) {
    const json& width = config.at("id_width");
    if (!width.is_number_integer() || width < 1 || width > 18) {
      fail("id_width", width, "must be an integer from 1 to 18");
    }
    result.id_width = width.get<int>();
  }
  return result;
}

}  // namespace relais::files_connector
