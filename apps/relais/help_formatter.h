#pragma once
// The help of `relais` and of each of its commands, worded from the message
// catalog: CLI11's own formatter writes English ("Usage", "OPTIONS",
// "REQUIRED", "[Exactly 1 of the following options is required]").
#include <CLI/CLI.hpp>

#include <string>

namespace relais::cli {

// Installed on the root app before any subcommand is added (subcommands
// share their parent's formatter). Help layout: the usage line, the
// description, the positional arguments, the commands (every leaf below,
// with its synopsis), the options, then the footer.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter();

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
  std::string make_usage(const CLI::App* app, std::string name) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> options) const override;
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
  std::string make_option_opts(const CLI::Option* option) const override;

 private:
  // Nameless subcommands: the option groups, such as "--phone | --email".
  std::string make_option_groups(const CLI::App* app) const;
};

// "relais customers lookup": the words that choose `command`.
std::string command_path(const CLI::App& command);

// "relais customers lookup <uri> (--phone NUMÉRO | --email ADRESSE) [--actor
// IDENTIFIANT]": the path, the positional arguments, then the required
// options, the option groups and the optional ones. A group of commands
// shows "<command> [arguments]" instead.
std::string synopsis(const CLI::App& command);

// The whole help of `command`, as --help prints it.
std::string help_text(const CLI::App& command);

}  // namespace relais::cli
