#include "dashboard/dashboard_sections.h"

#include "storage/timestamps.h"
#include "surveys/survey_dashboard.h"

#include <relais/customers/validation.h>
#include <relais/desk/interaction.h>

namespace relais::inline v1::detail {

std::span<const DashboardSectionSource> dashboard_sections() {
  // In the order a screen shows them. A new area appends its line here.
  static const DashboardSectionSource sections[] = {
      {"calls_to_qualify", calls_to_qualify_section},
      {"surveys_to_relaunch", surveys_to_relaunch_section},
  };
  return sections;
}

DashboardSection calls_to_qualify_section(spi::Connection& connection, const DashboardContext& context) {
  DashboardSection section;
  section.name = "calls_to_qualify";
  section.title = {{"fr", "Appels à qualifier"}, {"en", "Calls to qualify"}};
  // interactions_by_outcome (outcome, occurred_at, id): the answer's size.
  std::string where = " FROM interactions WHERE outcome = ? AND occurred_at < ?";
  std::vector<spi::Value> params{std::string(to_string(CallOutcome::to_qualify)), micros(context.at)};
  if (!context.query.user.empty()) {
    where += " AND user_login = ?";
    params.emplace_back(context.query.user);
  }
  section.counts["count"] = connection.query("SELECT COUNT(*)" + where, params).front().integer(0);
  if (context.query.items == 0) return section;
  params.emplace_back(static_cast<std::int64_t>(context.query.items));
  for (const auto& row :
       connection.query("SELECT id, phone, occurred_at" + where + " ORDER BY occurred_at, id LIMIT ?", params)) {
    // The number as people write it: "06 12 34 56 78".
    section.items.push_back({"interaction", row.text(0), format_phone_national(row.text(1)), timestamp_of(row.integer(2))});
  }
  return section;
}

}  // namespace relais::inline v1::detail
