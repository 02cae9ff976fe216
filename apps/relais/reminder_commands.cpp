// Reminders at the command line: `relais reminders tick` (what cron runs
// every morning) and `relais reminders list` (the day's reminders).
#include "commands.h"
#include "desk_output.h"
#include "reminder_output.h"
#include "i18n.h"
#include "output.h"

#include <relais/reminders/reminder_service.h>

#include <iostream>
#include <memory>

namespace relais::cli {
namespace {

struct TickArguments {
  WorkspaceArguments workspace;
  std::optional<Timestamp> at;
};

struct ListArguments {
  WorkspaceArguments workspace;
  ReminderWindow window = ReminderWindow::open;
  std::optional<std::string> assignee;
  bool mine = false;
  std::size_t limit = 50;
};

int run_tick(const TickArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  const Timestamp now = arguments.at.value_or(workspace.clock().now());
  print_tick_report(std::cout, workspace.reminders().tick(now), workspace, now);
  return 0;
}

int run_list(const ListArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  ReminderQuery query{.window = arguments.window, .assignee = arguments.assignee, .limit = arguments.limit};
  if (arguments.mine) query.assignee = workspace.actor().login;
  const ReminderPage page = workspace.reminders().list(query);
  if (page.reminders.empty()) {
    std::cout << _("No reminder.") << '\n';
    return 0;
  }
  print_reminders(std::cout, page.reminders, workspace, workspace.clock().now());
  std::cout << format(P_("%lld reminder", "%lld reminders", page.reminders.size()), page.reminders.size());
  if (!page.next_cursor.empty()) std::cout << ' ' << _("(more: raise --limit)");
  std::cout << '\n';
  return 0;
}

}  // namespace

void add_reminder_commands(CLI::App& app) {
  CLI::App& group = add_command_group(app, "reminders", _("Follow-up reminders: run the scheduler, list what is due."));

  auto tick = std::make_shared<TickArguments>();
  CLI::App& tick_command =
      add_command(group, "tick", _("Run the reminder scheduler: start and stop follow-ups, show what fell due."),
                  [tick] { return run_tick(*tick); });
  add_workspace_arguments(tick_command, tick->workspace);
  add_parsed_option(tick_command, "--at", tick->at, parse_paris_time,
                    _("a Paris date and time is expected (2026-11-26 14:30, 26/11/2026 14:30 or a date alone), not "
                      "\"%s\""),
                    _("Run as if it were this Paris time (default: now)."))
      ->option_text(_("WHEN"));

  auto list = std::make_shared<ListArguments>();
  CLI::App& list_command = add_command(group, "list", _("List reminders by due time."), [list] { return run_list(*list); });
  add_workspace_arguments(list_command, list->workspace);
  add_parsed_option(list_command, "--window", list->window, parse_word<ReminderWindow, parse_reminder_window>,
                    _("open, due_today, overdue, upcoming or closed is expected, not \"%s\""),
                    _("Which reminders: open (default), due_today, overdue, upcoming, closed."))
      ->option_text(_("WINDOW"));
  list_command.add_option("--assignee", list->assignee, _("Only this user's reminders (\"\" for the whole office's)."))
      ->option_text(_("LOGIN"));
  list_command.add_flag("--mine", list->mine, _("Only the acting user's reminders."))->disable_flag_override();
  add_parsed_option(list_command, "--limit", list->limit, parse_positive_number,
                    _("a positive number is expected, not \"%s\""), _("Show at most N reminders (1 to 500, default 50)."))
      ->option_text("N");
}

}  // namespace relais::cli
