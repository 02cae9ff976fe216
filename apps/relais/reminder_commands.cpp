// Reminders at the command line: `relais reminders tick` (what cron runs
// every morning) and `relais reminders list` (the day's reminders).
#include "commands.h"
#include "desk_output.h"
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

const char* state_label(const Reminder& reminder, Timestamp now) {
  if (reminder.overdue(now)) return _("overdue");
  switch (reminder.state) {
    case ReminderState::pending: return reminder.due(now) ? _("due") : _("pending");
    case ReminderState::snoozed: return _("snoozed");
    case ReminderState::done: return _("done");
    case ReminderState::cancelled: return _("cancelled");
  }
  return "";
}

std::string assignee_label(const Reminder& reminder) {
  return reminder.assignee.empty() ? std::string(_("everyone")) : reminder.assignee;
}

// "ticket T-2026-000042", the form the staff know a record by.
std::string target_label(const Reminder& reminder, const DeskService& desk) {
  if (reminder.target.kind.empty()) return "";
  if (reminder.target.kind == "ticket") {
    try {
      return std::string(_("ticket")) + ' ' + desk.get_ticket(Uuid::parse(reminder.target.id)).number;
    } catch (const Error&) {
      // Shown as stored below: the reminder outlives what it was about.
    }
  }
  return reminder.target.kind + ' ' + reminder.target.id;
}

// The state column as seen at `now`: overdue is derived from it.
void print_reminders(std::ostream& out, const std::vector<Reminder>& reminders, Workspace& workspace, Timestamp now) {
  std::vector<std::vector<std::string>> rows{{_("Due"), _("For"), _("State"), _("Reason"), _("About")}};
  for (const auto& reminder : reminders) {
    rows.push_back({paris_time(reminder.due_at), assignee_label(reminder), state_label(reminder, now), reminder.reason,
                    target_label(reminder, workspace.desk())});
  }
  print_table(out, rows);
}

int run_tick(const TickArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  const Timestamp now = arguments.at.value_or(workspace.clock().now());
  const TickReport report = workspace.reminders().tick(now);
  std::cout << format(P_("%lld reminder created", "%lld reminders created", report.created), report.created) << ", "
            << format(P_("%lld cancelled", "%lld cancelled", report.cancelled + report.expired),
                      report.cancelled + report.expired)
            << ", " << format(P_("%lld event read", "%lld events read", report.events_read), report.events_read)
            << ".\n";
  if (report.became_due.empty()) {
    std::cout << _("Nothing fell due.") << '\n';
    return 0;
  }
  std::cout << format(P_("%lld reminder fell due:", "%lld reminders fell due:", report.became_due.size()),
                      report.became_due.size())
            << '\n';
  print_reminders(std::cout, report.became_due, workspace, now);
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
