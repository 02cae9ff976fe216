#include <relais/reminders/business_calendar.h>

#include <relais/errors.h>

#include "core/civil_time.h"

#include <algorithm>

namespace relais {
inline namespace v1 {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day plus_days(year_month_day day, int days) {
  return year_month_day(sys_days(day) + std::chrono::days(days));
}

bool is_weekend(year_month_day day) {
  const std::chrono::weekday weekday(sys_days{day});
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

void check_not_negative(int days) {
  if (days < 0) throw InvalidInputError("days", std::to_string(days), "expected 0 or more days");
}

}  // namespace

year_month_day easter_sunday(std::chrono::year year) {
  // Meeus/Jones/Butcher: the Gregorian computus of the Paschal full moon,
  // in integer arithmetic only.
  const int y = static_cast<int>(year);
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return year / std::chrono::month(static_cast<unsigned>(month)) / std::chrono::day(static_cast<unsigned>(day));
}

std::vector<PublicHoliday> french_public_holidays(std::chrono::year year) {
  using namespace std::chrono;
  const year_month_day easter = easter_sunday(year);
  std::vector<PublicHoliday> holidays = {
      {year / January / 1, "Jour de l'an"},
      {plus_days(easter, 1), "Lundi de Pâques"},
      {year / May / 1, "Fête du Travail"},
      {year / May / 8, "Victoire 1945"},
      {plus_days(easter, 39), "Ascension"},
      {plus_days(easter, 50), "Lundi de Pentecôte"},
      {year / July / 14, "Fête nationale"},
      {year / August / 15, "Assomption"},
      {year / November / 1, "Toussaint"},
      {year / November / 11, "Armistice 1918"},
      {year / December / 25, "Noël"},
  };
  std::sort(holidays.begin(), holidays.end(),
            [](const PublicHoliday& a, const PublicHoliday& b) { return a.day < b.day; });
  return holidays;
}

BusinessCalendar::BusinessCalendar(std::vector<CalendarDay> overrides, std::chrono::minutes business_start)
    : business_start_(business_start) {
  if (business_start < std::chrono::minutes(0) || business_start >= std::chrono::hours(24)) {
    throw InvalidInputError("business_start", std::to_string(business_start.count()),
                            "expected minutes after midnight, 0 to 1439");
  }
  // Stable, then keep the last of each day: the last override given wins.
  std::stable_sort(overrides.begin(), overrides.end(),
                   [](const CalendarDay& a, const CalendarDay& b) { return a.day < b.day; });
  for (auto& each : overrides) {
    if (!overrides_.empty() && overrides_.back().day == each.day) {
      overrides_.back() = std::move(each);
    } else {
      overrides_.push_back(std::move(each));
    }
  }
}

bool BusinessCalendar::is_public_holiday(year_month_day day) const {
  const auto holidays = french_public_holidays(day.year());
  return std::any_of(holidays.begin(), holidays.end(), [&](const PublicHoliday& each) { return each.day == day; });
}

bool BusinessCalendar::is_working_day(year_month_day day) const {
  auto found = std::lower_bound(overrides_.begin(), overrides_.end(), day,
                                [](const CalendarDay& each, year_month_day wanted) { return each.day < wanted; });
  if (found != overrides_.end() && found->day == day) return found->working;
  return !is_weekend(day) && !is_public_holiday(day);
}

Timestamp BusinessCalendar::add_working_days(Timestamp start, int days) const {
  check_not_negative(days);
  year_month_day day = detail::paris_date(start);
  if (days == 0 && is_working_day(day)) return start;
  // With 0, one step to the next working day; otherwise `days` steps.
  for (int left = std::max(days, 1); left > 0;) {
    day = plus_days(day, 1);
    if (is_working_day(day)) --left;
  }
  return detail::paris_instant(sys_days(day), business_start_);
}

Timestamp BusinessCalendar::add_calendar_days(Timestamp start, int days) const {
  check_not_negative(days);
  return detail::paris_add_days(start, days);
}

}  // namespace v1
}  // namespace relais
