#pragma once
// The daily dashboard: reminders, waiting tickets, promised callbacks, new
// requests, traceability, triage, response times and the sections other
// areas add. See docs/dashboard.md.
#include <relais/dashboard/dashboard.h>
#include <relais/export.h>

#include <string>

namespace relais {
inline namespace v1 {

namespace detail { class WorkspaceCore; }

// Thread-safe; obtained from Workspace::dashboard() and valid while the
// Workspace lives. Read only: every call is one read transaction of indexed
// counts and short pages, whose cost follows the size of the answer (a
// week's tickets, a day's reminders), not the size of the base.
class RELAIS_API DashboardService {
 public:
  explicit DashboardService(detail::WorkspaceCore& core) : core_(core) {}

  // The dashboard of query.user (the whole office when "") at query.at.
  // Throws InvalidInputError naming the member and its value: "user" (no
  // such user), "waiting_days" (0 to 365), "upcoming_days" (1 to 90),
  // "traceability_days" (1 to 365), "items" (0 to 50), "at" (before 2000).
  Dashboard build(const DashboardQuery& query = {}) const;
  // The acting user's dashboard now, with the default parameters.
  Dashboard mine() const;
  // build() then render_dashboard_html().
  std::string html(const DashboardQuery& query = {}, const DashboardHtmlOptions& options = {}) const;

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
