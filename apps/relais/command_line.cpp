#include "command_line.h"

#include "i18n.h"

#include <algorithm>

namespace relais::cli {

Arguments::Arguments(std::span<const std::string> words, std::span<const std::string_view> option_names,
                     std::span<const std::string_view> flag_names) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (!word.starts_with("--")) {
      positionals_.push_back(word);
      continue;
    }
    std::string name = word.substr(2);
    std::optional<std::string> value;
    if (auto equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name.resize(equals);
    }
    if (std::find(flag_names.begin(), flag_names.end(), name) != flag_names.end()) {
      if (value) throw UsageError(format(_("option --%s takes no value"), name));
      flags_.push_back(std::move(name));
      continue;
    }
    if (std::find(option_names.begin(), option_names.end(), name) == option_names.end()) {
      throw UsageError(format(_("unknown option --%s"), name));
    }
    if (!value) {
      if (i + 1 == words.size()) throw UsageError(format(_("option --%s needs a value"), name));
      value = words[++i];
    }
    options_.emplace_back(std::move(name), std::move(*value));
  }
}

std::optional<std::string> Arguments::option(std::string_view name) const {
  auto found = std::find_if(options_.rbegin(), options_.rend(),
                            [&](const auto& option) { return option.first == name; });
  if (found == options_.rend()) return std::nullopt;
  return found->second;
}

bool Arguments::flag(std::string_view name) const {
  return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

}  // namespace relais::cli
