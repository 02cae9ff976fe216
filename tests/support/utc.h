#pragma once
// Instants written as a UTC day and time of day, as tests state them.
#include <relais/clock.h>

#include <chrono>

namespace relais::testing {

inline Timestamp utc(std::chrono::year_month_day day, std::chrono::hours hour,
                     std::chrono::minutes minute = std::chrono::minutes{0}) {
  return Timestamp(std::chrono::sys_days(day)) + hour + minute;
}

}  // namespace relais::testing
