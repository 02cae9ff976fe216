#include "command_line.h"

#include "help_formatter.h"

#include <charconv>
#include <memory>

namespace relais::cli {

void prepare_app(CLI::App& app) {
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_help_flag("-h,--help", _("Show this help and exit."));
  app.option_defaults()->group(_("Options"))->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.require_subcommand(1);
}

CLI::App& add_command(CLI::App& parent, const std::string& name, const std::string& summary, std::function<int()> run) {
  CLI::App& command = *parent.add_subcommand(name, summary);
  command.callback([run = std::move(run)] {
    // CLI11's way out of a callback with an exit code.
    if (int code = run(); code != 0) throw CLI::RuntimeError(code);
  });
  return command;
}

CLI::App& add_command_group(CLI::App& parent, const std::string& name, const std::string& summary) {
  CLI::App& group = *parent.add_subcommand(name, summary);
  group.require_subcommand(1);
  return group;
}

CLI::Option_group& add_exclusive_options(CLI::App& command, const std::string& title) {
  CLI::Option_group& group = *command.add_option_group(title);
  group.set_help_flag();  // copied from the command, and shown in the group otherwise
  group.require_option(1);
  return group;
}

std::optional<std::size_t> parse_positive_number(const std::string& text) {
  std::size_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || number == 0) return std::nullopt;
  return number;
}

void add_workspace_arguments(CLI::App& command, WorkspaceArguments& arguments) {
  // TRANSLATORS: the name of a positional argument; like "<file.csv>" and
  // the others, it takes no space (CLI11 refuses such a name).
  std::string uri = _("<uri>");
  command
      .add_option(uri, arguments.uri,
                  _("The workspace: sqlite:///path/file.db, postgresql://user@host/database, or the path of an "
                    "existing SQLite file."))
      ->required();
  command.add_option("--actor", arguments.actor, _("The user to act as, login or role:login (default: admin)."))
      ->option_text(_("LOGIN"));
}

}  // namespace relais::cli
