#pragma once
// Reading back the text format_timestamp() writes ("2026-11-24T09:30:00.000000Z"),
// the form times take in journal payloads.
#include <relais/clock.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

// The instant, or nullopt when `text` is not in that exact form.
inline std::optional<Timestamp> parse_timestamp(std::string_view text) {
  if (text.size() != 27) return std::nullopt;
  int year = 0, hour = 0, minute = 0, second = 0, consumed = 0;
  unsigned month = 0, day = 0;
  long long micros = 0;
  const std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2u-%2uT%2d:%2d:%2d.%6lldZ%n", &year, &month, &day, &hour, &minute, &second,
                  &micros, &consumed) != 7 || consumed != 27) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59 || micros < 0) return std::nullopt;
  return Timestamp(std::chrono::sys_days(date)) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second) + std::chrono::microseconds(micros);
}

}  // namespace relais::inline v1::detail
