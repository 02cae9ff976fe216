#pragma once
// How the tool shows reminders: a table of them as seen at a given instant,
// and what a tick did. Shared by `relais reminders` and the demo.
#include <relais/reminders/reminder_service.h>
#include <relais/workspace.h>

#include <ostream>
#include <vector>

namespace relais::cli {

// Due, for whom, state (overdue derived at `now`), reason, and what it is
// about ("ticket T-2026-000042"); aligned.
void print_reminders(std::ostream& out, const std::vector<Reminder>& reminders, Workspace& workspace, Timestamp now);
// "3 reminders created, 0 cancelled, 42 events read." then what fell due.
void print_tick_report(std::ostream& out, const TickReport& report, Workspace& workspace, Timestamp now);

}  // namespace relais::cli
