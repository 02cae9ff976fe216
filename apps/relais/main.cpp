// `relais`: the command-line tool of the Relais library, on CLI11. Each
// area file declares its commands (commands.h); CLI11 parses the command
// line and runs the command chosen; every word shown, help and command-line
// errors included, comes from the message catalog.
#include "command_line.h"
#include "commands.h"
#include "help_formatter.h"
#include "i18n.h"
#include "output.h"
#include "parse_errors.h"

#include <relais/errors.h>
#include <relais/version.h>

#include <iostream>
#include <memory>

namespace relais::cli {
namespace {

void add_version_command(CLI::App& app) {
  add_command(app, "version", _("Print the versions of the tool and of the library."), [] {
    std::cout << format(_("relais %s (library %s)"), RELAIS_VERSION, std::string(runtime_version())) << '\n';
    return 0;
  });
}

// `relais help [command...]`, the same as `relais [command...] --help`.
// An unknown word stops the walk: the help shown then lists the commands.
void add_help_command(CLI::App& app) {
  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App& help = add_command(app, "help", _("Show this help, or the help of a command."), [&app, words] {
    const CLI::App* command = &app;
    for (const std::string& word : *words) {
      auto found = command->get_subcommands([&word](const CLI::App* sub) { return sub->check_name(word); });
      if (found.empty()) break;
      command = found.front();
    }
    std::cout << help_text(*command);
    return 0;
  });
  help.add_option(_("<command>"), *words, _("The command to describe, as \"customers lookup\"."));
}

}  // namespace
}  // namespace relais::cli

int main(int argc, char** argv) {
  using namespace relais::cli;
  setup_language();
  CLI::App app(_("The front office of Relais: customers, calls and tickets, legacy imports, duplicates and the "
                 "journal."),
               "relais");
  prepare_app(app);
  // One call per area; a new area adds its own add_..._commands().
  add_demo_command(app);
  add_customer_commands(app);
  add_desk_commands(app);
  add_search_command(app);
  add_reminder_commands(app);
  add_inbox_commands(app);
  add_survey_commands(app);
  add_dashboard_command(app);
  add_duplicate_commands(app);
  add_erp_commands(app);
  add_journal_commands(app);
  add_version_command(app);
  add_help_command(app);
  // Set last: the commands would copy it into their own help.
  app.footer(std::string(_("<uri> is sqlite:///path/file.db, postgresql://user@host/database, or the path of an "
                           "existing SQLite file.")) +
             '\n' + _("Messages are in French; RELAIS_LANG=en (or LANGUAGE=en) shows them in English.") + '\n' +
             _("\"relais <command> --help\" describes a command's arguments and options."));
  try {
    app.parse(argc, argv);  // runs the command chosen
    return 0;
  } catch (const CLI::RuntimeError& exit) {  // a command's exit code other than 0
    return exit.get_exit_code();
  } catch (const CLI::ParseError& error) {
    return report_parse_error(app, error);
  } catch (const relais::Error& error) {
    return report_error(error);
  } catch (const std::exception& error) {  // Failure, or the file system refusing
    std::cerr << "relais: " << error.what() << '\n';
    return 1;
  }
}
