// The business calendar without a database: the French public holidays of
// 2024-2030 against a table of known dates, working-day delays across
// weekends, holidays and overrides, and Paris clock changes.
#include "support/utc.h"

#include <relais/errors.h>
#include <relais/reminders/business_calendar.h>

#include <gtest/gtest.h>

#include <algorithm>

using namespace relais;
using namespace std::chrono;
using namespace std::chrono_literals;
using relais::testing::utc;

namespace {

// The three holidays that move with Easter, as published (service-public.fr
// calendars; checked against the almanacs of each year).
struct MovableHolidays {
  year_month_day easter_monday;
  year_month_day ascension;
  year_month_day whit_monday;
};

const MovableHolidays kKnownDates[] = {
    {2024y / April / 1, 2024y / May / 9, 2024y / May / 20},
    {2025y / April / 21, 2025y / May / 29, 2025y / June / 9},
    {2026y / April / 6, 2026y / May / 14, 2026y / May / 25},
    {2027y / March / 29, 2027y / May / 6, 2027y / May / 17},
    {2028y / April / 17, 2028y / May / 25, 2028y / June / 5},
    {2029y / April / 2, 2029y / May / 10, 2029y / May / 21},
    {2030y / April / 22, 2030y / May / 30, 2030y / June / 10},
};

bool holds(const std::vector<PublicHoliday>& holidays, year_month_day day, std::string_view name) {
  return std::any_of(holidays.begin(), holidays.end(),
                     [&](const PublicHoliday& each) { return each.day == day && each.name == name; });
}

}  // namespace

TEST(BusinessCalendarTest, EasterBasedHolidaysMatchTheKnownDates2024To2030) {
  for (const auto& known : kKnownDates) {
    const auto holidays = french_public_holidays(known.easter_monday.year());
    SCOPED_TRACE(static_cast<int>(known.easter_monday.year()));
    EXPECT_TRUE(holds(holidays, known.easter_monday, "Lundi de Pâques"));
    EXPECT_TRUE(holds(holidays, known.ascension, "Ascension"));
    EXPECT_TRUE(holds(holidays, known.whit_monday, "Lundi de Pentecôte"));
    EXPECT_EQ(year_month_day(sys_days(easter_sunday(known.easter_monday.year())) + days(1)), known.easter_monday);
  }
}

TEST(BusinessCalendarTest, ElevenHolidaysEachYearWithTheFixedOnes) {
  for (int y = 2024; y <= 2030; ++y) {
    const year each{y};
    const auto holidays = french_public_holidays(each);
    ASSERT_EQ(holidays.size(), 11u);
    EXPECT_TRUE(std::is_sorted(holidays.begin(), holidays.end(),
                               [](const auto& a, const auto& b) { return a.day < b.day; }));
    for (auto day : {each / January / 1, each / May / 1, each / May / 8, each / July / 14, each / August / 15,
                     each / November / 1, each / November / 11, each / December / 25}) {
      EXPECT_TRUE(BusinessCalendar().is_public_holiday(day)) << static_cast<int>(each);
    }
  }
}

TEST(BusinessCalendarTest, WeekendsAndHolidaysAreNotWorkingDays) {
  BusinessCalendar calendar;
  EXPECT_TRUE(calendar.is_working_day(2026y / November / 24));   // a Tuesday
  EXPECT_FALSE(calendar.is_working_day(2026y / November / 28));  // Saturday
  EXPECT_FALSE(calendar.is_working_day(2026y / November / 29));  // Sunday
  EXPECT_FALSE(calendar.is_working_day(2026y / May / 14));       // Ascension, a Thursday
  EXPECT_FALSE(calendar.is_working_day(2026y / November / 11));  // Wednesday, Armistice
}

TEST(BusinessCalendarTest, WorkingDayDelayFallsDueAtTheStartOfBusinessHours) {
  BusinessCalendar calendar;
  // Tuesday 24 Nov 2026 15:00 Paris (14:00 UTC) + 1 working day: Wednesday
  // 25 Nov 08:00 Paris = 07:00 UTC (winter time).
  EXPECT_EQ(calendar.add_working_days(utc(2026y / November / 24, 14h), 1), utc(2026y / November / 25, 7h));
  // Friday 27 Nov + 1: Monday 30 Nov, over the weekend.
  EXPECT_EQ(calendar.add_working_days(utc(2026y / November / 27, 9h), 1), utc(2026y / November / 30, 7h));
  // 0 days on a working day is the instant itself; on a Saturday, Monday 08:00.
  EXPECT_EQ(calendar.add_working_days(utc(2026y / November / 24, 14h), 0), utc(2026y / November / 24, 14h));
  EXPECT_EQ(calendar.add_working_days(utc(2026y / November / 28, 10h), 0), utc(2026y / November / 30, 7h));
}

TEST(BusinessCalendarTest, WorkingDayDelaySkipsEasterMondayAndAscension) {
  BusinessCalendar calendar;
  // Thursday 2 Apr 2026 + 2 working days: Friday 3, (weekend, Easter Monday
  // 6 Apr), Tuesday 7 Apr 08:00 Paris = 06:00 UTC (summer time).
  EXPECT_EQ(calendar.add_working_days(utc(2026y / April / 2, 12h), 2), utc(2026y / April / 7, 6h));
  // Wednesday 13 May 2026 + 1: Ascension Thursday 14 is skipped, Friday 15.
  EXPECT_EQ(calendar.add_working_days(utc(2026y / May / 13, 12h), 1), utc(2026y / May / 15, 6h));
  // Seven working days from Friday 1 May 2026 (itself a holiday): 4, 5, 6,
  // 7, (8 May), 11, 12, 13 -> Wednesday 13 May.
  EXPECT_EQ(calendar.add_working_days(utc(2026y / May / 1, 9h), 7), utc(2026y / May / 13, 6h));
}

TEST(BusinessCalendarTest, OverridesOpenAndCloseDaysAndTheLastOneWins) {
  // The company closes on the bridge Friday 15 May 2026 and works Saturday
  // 16 May; an earlier override of the Friday is replaced by the later one.
  BusinessCalendar calendar({{2026y / May / 15, true, "draft"},
                             {2026y / May / 16, true, "inventaire"},
                             {2026y / May / 15, false, "pont de l'Ascension"}},
                            9h);
  ASSERT_EQ(calendar.overrides().size(), 2u);
  EXPECT_FALSE(calendar.is_working_day(2026y / May / 15));
  EXPECT_TRUE(calendar.is_working_day(2026y / May / 16));
  // Wednesday 13 May + 1 working day: 14 (Ascension) and 15 (closed) are
  // skipped, Saturday 16 at 09:00 Paris = 07:00 UTC.
  EXPECT_EQ(calendar.add_working_days(utc(2026y / May / 13, 12h), 1), utc(2026y / May / 16, 7h));
  // A holiday can be worked too.
  BusinessCalendar worked_holiday({{2026y / May / 14, true, "chantier urgent"}}, 8h);
  EXPECT_EQ(worked_holiday.add_working_days(utc(2026y / May / 13, 12h), 1), utc(2026y / May / 14, 6h));
}

TEST(BusinessCalendarTest, BusinessStartFollowsTheParisClockAcrossDaylightSaving) {
  BusinessCalendar calendar;
  // Friday 27 Mar 2026 (winter, UTC+1) + 1 working day: Monday 30 Mar, after
  // the change of Sunday 29 Mar, 08:00 Paris = 06:00 UTC.
  EXPECT_EQ(calendar.add_working_days(utc(2026y / March / 27, 10h), 1), utc(2026y / March / 30, 6h));
  // Friday 23 Oct 2026 (summer) + 1: Monday 26 Oct, back to UTC+1: 07:00 UTC.
  EXPECT_EQ(calendar.add_working_days(utc(2026y / October / 23, 10h), 1), utc(2026y / October / 26, 7h));
}

TEST(BusinessCalendarTest, CalendarDayDelayKeepsTheParisTimeOfDayAcrossDaylightSaving) {
  BusinessCalendar calendar;
  // Saturday 28 Mar 2026 14:30 Paris (13:30 UTC) + 2 days: Monday 30 Mar
  // 14:30 Paris, now 12:30 UTC: 47 hours later, not 48.
  EXPECT_EQ(calendar.add_calendar_days(utc(2026y / March / 28, 13h, 30min), 2), utc(2026y / March / 30, 12h, 30min));
  // Across the October change: 49 hours for two days.
  EXPECT_EQ(calendar.add_calendar_days(utc(2026y / October / 24, 12h, 30min), 2),
            utc(2026y / October / 26, 13h, 30min));
  // Calendar days ignore weekends and holidays.
  EXPECT_EQ(calendar.add_calendar_days(utc(2026y / May / 13, 12h), 1), utc(2026y / May / 14, 12h));
}

TEST(BusinessCalendarTest, NegativeDelaysAndBadBusinessHoursNameTheFieldAndValue) {
  try {
    BusinessCalendar().add_working_days(utc(2026y / May / 13, 12h), -3);
    FAIL() << "expected InvalidInputError";
  } catch (const InvalidInputError& error) {
    ASSERT_EQ(error.field_errors().size(), 1u);
    EXPECT_EQ(error.field_errors()[0].field, "days");
    EXPECT_EQ(error.field_errors()[0].value, "-3");
  }
  EXPECT_THROW(BusinessCalendar({}, 24h), InvalidInputError);
  EXPECT_THROW(BusinessCalendar({}, -1min), InvalidInputError);
}
