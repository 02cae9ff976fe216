#pragma once
// The extension point of the daily dashboard: the sections other areas add
// (surveys to relaunch, quotes to follow, today's interventions, stock
// shortages). Like the schema areas and the 360° view's parts, the list
// lives in one place: a new area writes its builder next to its own SQL and
// appends one line to dashboard_sections.cpp. See docs/dashboard.md.
#include <relais/dashboard/dashboard.h>
#include <relais/spi/storage.h>

#include <span>
#include <string_view>

namespace relais::inline v1::detail {

// What a section builder is given: the dashboard's query, checked, with its
// instant and Paris day.
struct DashboardContext {
  const DashboardQuery& query;        // query.user: "" for the whole office
  Timestamp at{};
  Timestamp day_start{};              // [day_start, day_end): today in Paris
  Timestamp day_end{};
};

struct DashboardSectionSource {
  std::string_view name;              // DashboardSection::name, [a-z0-9_], unique
  // Builds the section inside the dashboard's read transaction: indexed
  // counts and at most context.query.items items. Read only.
  DashboardSection (*build)(spi::Connection& connection, const DashboardContext& context);
};

std::span<const DashboardSectionSource> dashboard_sections();

// The desk's section: calls found in a phone system's log that nobody has
// described yet (outcome to_qualify), the person's own or everyone's.
DashboardSection calls_to_qualify_section(spi::Connection& connection, const DashboardContext& context);

}  // namespace relais::inline v1::detail
