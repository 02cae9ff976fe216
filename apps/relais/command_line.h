#pragma once
// How the `relais` commands are declared on the CLI11 command line, shared
// by the area files (commands.h). Every word given to CLI11 is shown to the
// user, so it goes through _(): summaries, descriptions, the names of the
// positional arguments ("<file.csv>") and of the values ("IDENTIFIANT").
#include "i18n.h"

#include <relais/errors.h>

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace relais::cli {

// Prepares the root app: translated help (HelpFormatter, --help, the
// "Options" heading), the last of a repeated option wins, a command is
// required. Call before adding any command: subcommands copy these.
void prepare_app(CLI::App& app);

// Declares the command `relais ... name` under `parent`. When the user
// chooses it, `run` is called once the whole command line is parsed and
// checked, and its result is the exit code (a non-zero one leaves parse() as
// CLI::RuntimeError). What `run` reads must live as long as the app: keep it
// in a shared_ptr the lambda captures:
//   auto arguments = std::make_shared<MergeArguments>();
//   CLI::App& merge = add_command(app, "merge", _("Merge..."), [arguments] { return run_merge(*arguments); });
//   merge.add_option(_("<survivor-id>"), arguments->survivor_id, _("..."))->required();
CLI::App& add_command(CLI::App& parent, const std::string& name, const std::string& summary, std::function<int()> run);

// Declares `relais name <command>`, a group of commands such as
// `relais customers`: one of its subcommands is required.
CLI::App& add_command_group(CLI::App& parent, const std::string& name, const std::string& summary);

// Declares a group of options of which the user must give exactly one
// (`--phone | --email`), listed under `title` in the help.
CLI::Option_group& add_exclusive_options(CLI::App& command, const std::string& title);

// The workspace most commands work on, and who they act as.
struct WorkspaceArguments {
  std::string uri;
  std::string actor = "admin";
};

// Declares the positional <uri> (declare it first: positional arguments are
// read in the order declared) and --actor LOGIN on `command`.
void add_workspace_arguments(CLI::App& command, WorkspaceArguments& arguments);

// "12" -> 12; nothing for 0, a negative number or anything else: what
// --limit takes.
std::optional<std::size_t> parse_positive_number(const std::string& text);

// A word of the library's vocabulary ("breakdown", "waiting_customer"), for
// add_parsed_option: nothing when it is not one.
template <typename Enum, Enum (*Parse)(std::string_view, std::string_view)>
std::optional<Enum> parse_word(const std::string& text) {
  try {
    return Parse(text, "");
  } catch (const InvalidInputError&) {
    return std::nullopt;
  }
}

// Declares the option `name` ("--limit") whose value `parse` reads into
// `target` (a T or a std::optional<T>). When `parse` cannot read it, the
// command line is refused (exit code 2) with `refusal`, a translated pattern
// whose %s is the value: _("a positive number is expected, not \"%s\"").
// Set the returned option's option_text, the name of the value.
template <typename Target, typename T>
CLI::Option* add_parsed_option(CLI::App& command, const std::string& name, Target& target,
                               std::optional<T> (*parse)(const std::string&), const char* refusal,
                               const std::string& description) {
  auto read = [&target, parse, name, refusal](const std::string& text) {
    std::optional<T> value = parse(text);
    if (!value) throw CLI::ValidationError(name, format(refusal, text));
    target = std::move(*value);
  };
  return command.add_option_function<std::string>(name, read, description);
}

}  // namespace relais::cli
