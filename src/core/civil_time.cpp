#include "core/civil_time.h"

#include <date/tz.h>

namespace relais::inline v1::detail {
namespace {

const date::time_zone& paris() {
  static const date::time_zone* zone = date::locate_zone("Europe/Paris");
  return *zone;
}

}  // namespace

std::chrono::year_month_day paris_date(Timestamp time) {
  const auto local = paris().to_local(time);
  const auto day = date::year_month_day(date::floor<date::days>(local));
  return std::chrono::year_month_day(std::chrono::year(static_cast<int>(day.year())),
                                     std::chrono::month(static_cast<unsigned>(day.month())),
                                     std::chrono::day(static_cast<unsigned>(day.day())));
}

Timestamp paris_end_of_day(Timestamp time) {
  const auto next_midnight = date::floor<date::days>(paris().to_local(time)) + date::days(1);
  // choose::latest: a midnight that a clock change skipped or repeated
  // still gives one instant.
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      paris().to_sys(next_midnight, date::choose::latest));
}

Timestamp paris_start_of_day(Timestamp time) {
  const auto midnight = date::floor<date::days>(paris().to_local(time));
  return std::chrono::time_point_cast<std::chrono::microseconds>(paris().to_sys(midnight, date::choose::earliest));
}

Timestamp paris_add_days(Timestamp time, int days) {
  const auto later = paris().to_local(time) + date::days(days);
  return std::chrono::time_point_cast<std::chrono::microseconds>(paris().to_sys(later, date::choose::earliest));
}

Timestamp paris_instant(std::chrono::sys_days day, std::chrono::seconds time_of_day) {
  const date::local_seconds local{day.time_since_epoch() + time_of_day};
  return std::chrono::time_point_cast<std::chrono::microseconds>(paris().to_sys(local, date::choose::earliest));
}

}  // namespace relais::inline v1::detail
