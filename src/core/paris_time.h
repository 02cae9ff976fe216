#pragma once
// Civil time in Europe/Paris, where the business rules live. libstdc++ 12
// has no time zone database (std::chrono::zoned_time); France follows the EU
// rule since 1996: UTC+1, and UTC+2 from the last Sunday of March 01:00 UTC
// to the last Sunday of October 01:00 UTC.
#include <relais/clock.h>

#include <chrono>

namespace relais::inline v1::detail {

// The calendar date in Paris at `time` (exact from 1996 on).
inline std::chrono::year_month_day paris_date(Timestamp time) {
  using namespace std::chrono;
  const auto last_sunday_1am = [](year in, month of) {
    return sys_days{in / of / Sunday[last]} + hours(1);
  };
  const year utc_year = year_month_day{floor<days>(time)}.year();
  const bool summer = time >= last_sunday_1am(utc_year, March) && time < last_sunday_1am(utc_year, October);
  return year_month_day{floor<days>(time + hours(summer ? 2 : 1))};
}

}  // namespace relais::inline v1::detail
