#pragma once
// Civil time in Europe/Paris, where the business rules live (ticket years,
// "today", reminder dates), through the system's time zone database.
#include <relais/clock.h>

#include <chrono>

namespace relais::inline v1::detail {

// The calendar date in Paris at `time`.
std::chrono::year_month_day paris_date(Timestamp time);
// The first instant of the next Paris day after `time`: the end of "today".
Timestamp paris_end_of_day(Timestamp time);

}  // namespace relais::inline v1::detail
