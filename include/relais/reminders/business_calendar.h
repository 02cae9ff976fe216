#pragma once
// The company's business calendar, in Europe/Paris: weekends, the French
// public holidays (the Easter-based ones computed), the days the company
// decided to work or to close (per-workspace overrides), and the time its
// business hours start. Reminder delays in working days are counted on it.
// Pure value types and functions: no database, thread-safe.
#include <relais/clock.h>
#include <relais/export.h>

#include <chrono>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {

struct PublicHoliday {
  std::chrono::year_month_day day;
  std::string name;                   // French, as printed on calendars: "Lundi de Pâques"
  bool operator==(const PublicHoliday&) const = default;
};

// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
// Defined for years 1583 to 9999.
RELAIS_API std::chrono::year_month_day easter_sunday(std::chrono::year year);
// The eleven public holidays of metropolitan France in `year`, by date:
// 1 Jan, Easter Monday, 1 May, 8 May, Ascension (Easter + 39), Whit Monday
// (Easter + 50), 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec.
RELAIS_API std::vector<PublicHoliday> french_public_holidays(std::chrono::year year);

// A day the company decided about, against the rule: `working` = open on a
// weekend or holiday ("pont" worked, Saturday inventory), or closed on a
// weekday (a bridge day off, the August shutdown).
struct CalendarDay {
  std::chrono::year_month_day day;
  bool working = false;
  std::string note;                   // why, for the people reading the calendar
  bool operator==(const CalendarDay&) const = default;
};

class RELAIS_API BusinessCalendar {
 public:
  // Business hours start at 08:00 Paris time.
  static constexpr std::chrono::minutes kDefaultBusinessStart{8 * 60};

  // No override, business hours from 08:00.
  BusinessCalendar() = default;
  // `overrides`: at most one per day (the last wins). `business_start`: the
  // Paris wall-clock time business hours start, 00:00 to 23:59.
  BusinessCalendar(std::vector<CalendarDay> overrides, std::chrono::minutes business_start);

  // One of the eleven public holidays.
  bool is_public_holiday(std::chrono::year_month_day day) const;
  // Monday to Friday and not a public holiday, unless an override says
  // otherwise.
  bool is_working_day(std::chrono::year_month_day day) const;

  // When a delay of `days` working days from `start` falls due: the start of
  // business hours on the `days`-th working day after start's Paris date.
  // With 0, `start` itself when its day is a working day, else the start of
  // business hours on the next working day. `days` must be >= 0
  // (InvalidInputError naming "days").
  Timestamp add_working_days(Timestamp start, int days) const;
  // `days` calendar days later, at the same Paris wall-clock time (a clock
  // change in between does not move it). `days` must be >= 0.
  Timestamp add_calendar_days(Timestamp start, int days) const;

  std::chrono::minutes business_start() const noexcept { return business_start_; }
  // Sorted by day.
  const std::vector<CalendarDay>& overrides() const noexcept { return overrides_; }

 private:
  std::vector<CalendarDay> overrides_;
  std::chrono::minutes business_start_ = kDefaultBusinessStart;
};

}  // namespace v1
}  // namespace relais
