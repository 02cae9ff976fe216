// The daily dashboard at the command line: `relais dashboard` prints one
// person's (or the office's) morning in sections, and --html writes the
// library's self-contained page (docs/dashboard.md).
#include "commands.h"
#include "dashboard_output.h"
#include "desk_output.h"
#include "i18n.h"
#include "output.h"

#include <relais/dashboard/dashboard_service.h>

#include <iostream>
#include <memory>

namespace relais::cli {
namespace {

struct DashboardArguments {
  WorkspaceArguments workspace;
  std::string user;
  bool office = false;
  std::optional<Timestamp> at;
  int waiting_days = 3;
  int upcoming_days = 7;
  std::size_t items = 5;
  std::string html;
};

int run_dashboard(const DashboardArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  DashboardQuery query;
  query.user = arguments.office ? "" : (arguments.user.empty() ? workspace.actor().login : arguments.user);
  query.at = arguments.at;
  query.waiting_days = arguments.waiting_days;
  query.upcoming_days = arguments.upcoming_days;
  query.items = arguments.items;
  const Dashboard dashboard = workspace.dashboard().build(query);
  print_dashboard(std::cout, dashboard);
  if (!arguments.html.empty()) write_dashboard_page(std::cout, dashboard, arguments.html);
  return 0;
}

}  // namespace

void add_dashboard_command(CLI::App& app) {
  auto arguments = std::make_shared<DashboardArguments>();
  CLI::App& command = add_command(
      app, "dashboard", _("The day's dashboard: reminders, callbacks, waiting tickets, traceability, response times."),
      [arguments] { return run_dashboard(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_option("--user", arguments->user, _("Whose dashboard (default: the acting user's)."))
      ->option_text(_("LOGIN"));
  command.add_flag("--office", arguments->office, _("The whole office's dashboard."))->disable_flag_override();
  add_parsed_option(command, "--at", arguments->at, parse_paris_time,
                    _("a Paris date and time is expected (2026-11-26 14:30, 26/11/2026 14:30 or a date alone), not "
                      "\"%s\""),
                    _("As it was at this Paris time (default: now)."))
      ->option_text(_("WHEN"));
  command.add_option("--waiting-days", arguments->waiting_days,
                     _("Tickets waiting for more than N days count (default 3)."))
      ->option_text("N");
  command.add_option("--upcoming-days", arguments->upcoming_days, _("Upcoming reminders: the next N days (default 7)."))
      ->option_text("N");
  command.add_option("--items", arguments->items, _("Show the first N items of each list (0 to 50, default 5)."))
      ->option_text("N");
  command.add_option("--html", arguments->html, _("Also write the dashboard as a self-contained HTML page."))
      ->option_text(_("FILE"));
}

}  // namespace relais::cli
