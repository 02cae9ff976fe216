#pragma once
// Command-line words after the command name: positional arguments and
// "--name value" / "--name=value" options.
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace relais::cli {

// The command line is wrong (unknown command or option, missing value...).
// what() is already translated. Exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command could not do its work for a reason outside the library (a
// missing file, unreadable demo data). what() is already translated. Exit
// code 1, like relais::Error.
class Failure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Arguments {
 public:
  // Splits `words`; options must be among `option_names` (without "--") and
  // each takes a value, or among `flag_names` and take none. Throws
  // UsageError.
  Arguments(std::span<const std::string> words, std::span<const std::string_view> option_names,
            std::span<const std::string_view> flag_names = {});

  const std::vector<std::string>& positionals() const { return positionals_; }
  // The value of --name, if given (the last one wins).
  std::optional<std::string> option(std::string_view name) const;
  // Whether the flag --name was given.
  bool flag(std::string_view name) const;

 private:
  std::vector<std::string> positionals_;
  std::vector<std::pair<std::string, std::string>> options_;
  std::vector<std::string> flags_;
};

}  // namespace relais::cli
