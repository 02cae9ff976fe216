#pragma once
// The surveys' section of the daily dashboard (docs/dashboard.md, "Adding a
// section"), registered in dashboard/dashboard_sections.cpp.
#include "dashboard/dashboard_sections.h"

namespace relais::inline v1::detail {

// "surveys_to_relaunch": sent surveys unanswered for the relaunch delay
// that have a relaunch left, oldest mail first. The whole office's in every
// dashboard: a survey is the office's mail to a customer, nobody's task.
DashboardSection surveys_to_relaunch_section(spi::Connection& connection, const DashboardContext& context);

}  // namespace relais::inline v1::detail
