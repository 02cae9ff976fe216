// `relais`: the command-line tool of the Relais library. A table of commands
// and a small dispatcher, so that every word shown to the user, usage
// included, comes from the message catalog.
#include "command_line.h"
#include "commands.h"
#include "i18n.h"
#include "output.h"

#include <relais/errors.h>
#include <relais/version.h>

#include <algorithm>
#include <iostream>
#include <span>
#include <string>
#include <vector>

namespace relais::cli {
namespace {

constexpr int kUsageExitCode = 2;

struct Command {
  std::vector<std::string_view> words;  // {"customers", "list"}
  const char* arguments;                // synopsis after the words (N_, shown translated)
  const char* summary;                  // one sentence (N_, shown translated)
  std::vector<std::string_view> options;
  std::size_t positionals;
  int (*run)(const Arguments&);
  std::vector<std::string_view> flags = {};  // options without a value
};

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {{"demo"}, N_("<file.db>"),
       N_("Create (or recreate) a SQLite workspace filled with demo customers, and show around."),
       {}, 1, run_demo},
      {{"customers", "list"}, N_("<uri> [--actor LOGIN] [--tag TAG]"), N_("List the customers by name."),
       {"actor", "tag"}, 1, run_customers_list},
      {{"customers", "lookup"}, N_("<uri> (--phone NUMBER | --email ADDRESS) [--actor LOGIN]"),
       N_("Find who has this phone number or email address, written in any usual form."),
       {"actor", "phone", "email"}, 1, run_customers_lookup},
      {{"import"}, N_("<uri> <file.csv> --profile PROFILE.json [--actor LOGIN]"),
       N_("Import a legacy customer export (CSV) through its mapping profile, and report each row."),
       {"actor", "profile"}, 2, run_import},
      {{"duplicates"}, N_("<uri> [--find] [--limit N] [--actor LOGIN]"),
       N_("Show the duplicate review queue; with --find, first look for duplicates in the whole base."),
       {"actor", "limit"}, 1, run_duplicates, {"find"}},
      {{"merge"}, N_("<uri> <survivor-id> <other-id> [--rule most_complete|most_recent] [--actor LOGIN]"),
       N_("Merge the second customer into the first (reversible with unmerge)."),
       {"actor", "rule"}, 3, run_merge},
      {{"unmerge"}, N_("<uri> <merge-id> [--actor LOGIN]"),
       N_("Undo a merge: both customers are restored, later edits kept."), {"actor"}, 2, run_unmerge},
      {{"journal", "head"}, N_("<uri> [--actor LOGIN]"),
       N_("Print the journal head SEQUENCE:HASH, to keep with the backups."), {"actor"}, 1, run_journal_head},
      {{"journal", "verify"}, N_("<uri> [--head SEQUENCE:HASH] [--actor LOGIN]"),
       N_("Check the journal's hash chain; with --head, also that no entry was cut off the end. "
          "Exit code 3 when it was tampered with."),
       {"actor", "head"}, 1, run_journal_verify},
      {{"version"}, "", N_("Print the versions of the tool and of the library."), {}, 0, run_version},
  };
  return table;
}

// "relais customers list <uri> [--actor LOGIN] [--tag TAG]", translated.
std::string synopsis(const Command& command) {
  std::string text = "relais";
  for (auto word : command.words) (text += ' ') += word;
  // Never look up "": gettext answers it with the catalog's header.
  if (*command.arguments) (text += ' ') += _(command.arguments);
  return text;
}

void print_command_usage(std::ostream& out, const Command& command) {
  out << "  " << synopsis(command) << "\n      " << _(command.summary) << '\n';
}

void print_usage(std::ostream& out) {
  out << _("Usage: relais <command> [arguments]") << "\n\n";
  for (const auto& command : commands()) print_command_usage(out, command);
  out << '\n'
      << _("<uri> is sqlite:///path/file.db, postgresql://user@host/database, or the path of an existing "
           "SQLite file.")
      << '\n'
      << _("Messages are in French; RELAIS_LANG=en (or LANGUAGE=en) shows them in English.") << '\n';
}

bool starts_with_words(std::span<const std::string> words, const Command& command) {
  return words.size() >= command.words.size() &&
         std::equal(command.words.begin(), command.words.end(), words.begin());
}

bool asks_for_help(std::span<const std::string> words) {
  return std::any_of(words.begin(), words.end(), [](const auto& w) { return w == "--help" || w == "-h"; });
}

int run_command(const Command& command, std::span<const std::string> rest) {
  if (asks_for_help(rest)) {
    print_command_usage(std::cout, command);
    return 0;
  }
  Arguments arguments(rest, command.options, command.flags);
  if (arguments.positionals().size() != command.positionals) {
    throw UsageError(format(_("wrong number of arguments; usage: %s"), synopsis(command)));
  }
  return command.run(arguments);
}

int dispatch(std::span<const std::string> words) {
  for (const auto& command : commands()) {
    if (starts_with_words(words, command)) return run_command(command, words.subspan(command.words.size()));
  }
  if (words.empty()) {
    print_usage(std::cerr);
    return kUsageExitCode;
  }
  if (words.front() == "help" || asks_for_help(words)) {
    print_usage(std::cout);
    return 0;
  }
  throw UsageError(format(_("unknown command \"%s\""), words.front()));
}

}  // namespace

int run_version(const Arguments&) {
  std::cout << format(_("relais %s (library %s)"), RELAIS_VERSION, std::string(runtime_version())) << '\n';
  return 0;
}

}  // namespace relais::cli

int main(int argc, char** argv) {
  using namespace relais::cli;
  setup_language();
  std::vector<std::string> words(argv + 1, argv + argc);
  try {
    return dispatch(words);
  } catch (const UsageError& error) {
    std::cerr << "relais: " << error.what() << '\n' << _("Run \"relais help\" for the list of commands.") << '\n';
    return kUsageExitCode;
  } catch (const relais::Error& error) {
    return report_error(error);
  } catch (const std::exception& error) {  // Failure, or the file system refusing
    std::cerr << "relais: " << error.what() << '\n';
    return 1;
  }
}
