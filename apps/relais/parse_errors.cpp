#include "parse_errors.h"

#include "help_formatter.h"
#include "i18n.h"

#include <iostream>
#include <sstream>

namespace relais::cli {
namespace {

constexpr int kUsageExitCode = 2;

// The command the error is about: the last one the user named. CLI11 lists
// the subcommands it entered; the nameless ones are option groups.
const CLI::App& current_command(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    if (!sub->get_name().empty()) return current_command(*sub);
  }
  return app;
}

// A group of commands (`relais`, `relais customers`) was the last word.
bool awaits_command(const CLI::App& command) { return command.get_require_subcommand_min() > 0; }

std::vector<const CLI::App*> option_groups(const CLI::App& command) {
  return command.get_subcommands([](const CLI::App* sub) { return sub->get_name().empty(); });
}

// The options of `command`, including those in its option groups.
std::vector<const CLI::Option*> all_options(const CLI::App& command) {
  std::vector<const CLI::Option*> options = command.get_options();
  for (const CLI::App* group : option_groups(command)) {
    auto more = group->get_options();
    options.insert(options.end(), more.begin(), more.end());
  }
  return options;
}

bool has_name(const CLI::Option& option, const std::string& word) {
  if (word == option.get_name()) return true;
  for (const std::string& name : option.get_lnames()) {
    if (word == name || word == "--" + name) return true;
  }
  return false;
}

// The option CLI11's message names: "--limit: ...", "Could not convert:
// --limit = many", "find was given a disallowed flag override".
const CLI::Option* named_option(const CLI::App& command, const std::string& message) {
  std::istringstream words(message);
  for (std::string word; words >> word;) {
    if (word.ends_with(':')) word.pop_back();
    for (const CLI::Option* option : all_options(command)) {
      if (has_name(*option, word)) return option;
    }
  }
  return nullptr;
}

// An argument nobody expected: an unknown option ("--colour=red" is named
// "--colour"), or one positional argument too many.
std::string unexpected(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (word.starts_with('-')) return format(_("unknown option %s"), word.substr(0, word.find('=')));
  }
  return words.empty() ? std::string() : format(_("unexpected argument \"%s\""), words.front());
}

// RequiredError: a command, an argument, an option or one of a group.
std::string missing(const CLI::App& command) {
  if (awaits_command(command)) {
    const std::vector<std::string> words = command.remaining();
    if (words.empty() || words.front().starts_with('-')) return unexpected(words);
    return format(_("unknown command \"%s\""), words.front());
  }
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_required() && option->count() == 0) {
      return format(option->get_positional() ? _("missing argument %s") : _("missing option %s"), option->get_name());
    }
  }
  // Otherwise an option group wants exactly one of its options.
  auto groups = option_groups(command);
  if (groups.empty()) return {};
  std::string names;
  for (const CLI::Option* option : groups.front()->get_options())
    names += (names.empty() ? "" : ", ") + option->get_name();
  return format(_("give exactly one of the options %s"), names);
}

// CLI11 puts the option's name before the message of a failed check.
std::string check_message(const CLI::Option& option, const std::string& message) {
  std::string prefix = option.get_name() + ": ";
  return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

std::string describe(const CLI::App& app, const CLI::App& command, const CLI::ParseError& error) {
  const std::string message = error.what();
  std::string sentence;
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    sentence = missing(command);
  } else if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    // An option given before the command's name is left over in the app
    // that did not know it.
    sentence = unexpected(app.remaining(/*recurse=*/true));
  } else if (const CLI::Option* option = named_option(command, message)) {
    const std::string name = option->get_name();
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
      sentence = format(
          option->get_items_expected_max() == 0 ? _("option %s takes no value") : _("option %s needs a value"), name);
    } else if (dynamic_cast<const CLI::ValidationError*>(&error)) {
      sentence = format(_("invalid value for %s: %s"), name, check_message(*option, message));
    } else if (dynamic_cast<const CLI::ConversionError*>(&error)) {
      sentence = format(_("invalid value \"%s\" for %s"), CLI::detail::join(option->results(), " "), name);
    }
  }
  // Another kind of error (none is expected with the options declared
  // today): CLI11's English, like the library's details.
  return sentence.empty() ? format(_("invalid command line: %s"), message) : sentence;
}

}  // namespace

int report_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  const CLI::App& command = current_command(app);
  if (dynamic_cast<const CLI::CallForHelp*>(&error)) {
    std::cout << help_text(command);
    return 0;
  }
  if (awaits_command(command) && command.remaining().empty()) {
    std::cerr << help_text(command);
    return kUsageExitCode;
  }
  std::cerr << "relais: " << describe(app, command, error) << '\n'
            << format(_("Usage: %s"), synopsis(command)) << '\n'
            << format(_("Run \"%s --help\" for more."), command_path(command)) << '\n';
  return kUsageExitCode;
}

}  // namespace relais::cli
