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
// The first instant of the Paris day of `time`: the start of "today".
Timestamp paris_start_of_day(Timestamp time);
// The same Paris wall-clock time `days` calendar days later (earlier when
// negative): a delay "in 3 days" keeps 14:30 across a clock change. A time
// that the change skips or repeats resolves as paris_instant() does.
Timestamp paris_add_days(Timestamp time, int days);
// The instant a Paris wall clock shows `time_of_day` on `day` (what legacy
// exports write). In the hour repeated in October, the first one; a time
// skipped in March gives the instant of the change.
Timestamp paris_instant(std::chrono::sys_days day, std::chrono::seconds time_of_day);

}  // namespace relais::inline v1::detail
