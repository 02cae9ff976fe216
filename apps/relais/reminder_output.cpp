#include "reminder_output.h"

#include "desk_output.h"
#include "i18n.h"
#include "output.h"

namespace relais::cli {
namespace {

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

}  // namespace

void print_reminders(std::ostream& out, const std::vector<Reminder>& reminders, Workspace& workspace, Timestamp now) {
  std::vector<std::vector<std::string>> rows{{_("Due"), _("For"), _("State"), _("Reason"), _("About")}};
  for (const auto& reminder : reminders) {
    rows.push_back({paris_time(reminder.due_at), assignee_label(reminder), state_label(reminder, now), reminder.reason,
                    target_label(reminder, workspace.desk())});
  }
  print_table(out, rows);
}

void print_tick_report(std::ostream& out, const TickReport& report, Workspace& workspace, Timestamp now) {
  out << format(P_("%lld reminder created", "%lld reminders created", report.created), report.created) << ", "
      << format(P_("%lld cancelled", "%lld cancelled", report.cancelled + report.expired),
                report.cancelled + report.expired)
      << ", " << format(P_("%lld event read", "%lld events read", report.events_read), report.events_read) << ".\n";
  if (report.became_due.empty()) {
    out << _("Nothing fell due.") << '\n';
    return;
  }
  out << format(P_("%lld reminder fell due:", "%lld reminders fell due:", report.became_due.size()),
                report.became_due.size())
      << '\n';
  print_reminders(out, report.became_due, workspace, now);
}

}  // namespace relais::cli
