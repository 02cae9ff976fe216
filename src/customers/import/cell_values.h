#pragma once
// Reading the typed cells of legacy exports: list cells, dates and times
// written in a profile's format, French numbers, call durations. Pure;
// nothing is guessed: a cell that does not fit its format gives nothing, and
// the row is rejected naming the format.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {
namespace detail {

// The items of a list cell ("06 12 34 56 78; 02 99 40 12 85"), split on ';'
// or ',' and trimmed; empty items dropped.
std::vector<std::string> split_items(std::string_view cell);

// A civil date and time as written, in no particular time zone.
struct LocalDateTime {
  std::chrono::sys_days day;
  std::chrono::seconds time_of_day{0};
};

// `format` is made of dd, mm, yyyy, HH, MM, SS and literal characters (dd
// and HH take one or two digits). Fails on an impossible date or time.
std::optional<LocalDateTime> parse_date_time(std::string_view text, std::string_view format);
// parse_date_time() as "yyyy-mm-dd", for formats without a time.
std::optional<std::string> parse_date(std::string_view text, std::string_view format);

// "-1 500,50" with decimal ',' -> "-1500.50". Spaces (also no-break ones)
// group thousands; anything else but digits and one decimal mark fails.
std::optional<std::string> parse_number(std::string_view text, char decimal);

// A call duration: whole seconds ("185") or [h:]mm:ss ("3:05", "00:03:05").
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

}  // namespace detail
}  // namespace v1
}  // namespace relais
