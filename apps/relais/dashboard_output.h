#pragma once
// How the tool shows the daily dashboard: its sections in the terminal, and
// the library's self-contained HTML page written to a file. Shared by
// `relais dashboard` and the demo.
#include <relais/dashboard/dashboard.h>

#include <ostream>
#include <string>

namespace relais::cli {

// The dashboard in sections: reminders, callbacks, waiting tickets, new
// requests, traceability, triage, response times, then the areas' sections.
void print_dashboard(std::ostream& out, const Dashboard& dashboard);
// Writes render_dashboard_html() in the tool's language to `path` and says
// so on `out`. Throws Failure when the file cannot be written.
void write_dashboard_page(std::ostream& out, const Dashboard& dashboard, const std::string& path);

}  // namespace relais::cli
