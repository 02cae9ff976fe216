#include "customers/import/cell_values.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

// Reads `digits` (or 1 to 2 when `digits` is 0) decimal digits at `position`.
std::optional<unsigned> read_number(std::string_view text, std::size_t& position, std::size_t digits) {
  const std::size_t most = digits == 0 ? 2 : digits;
  unsigned value = 0;
  std::size_t read = 0;
  while (read < most && position < text.size() && text[position] >= '0' && text[position] <= '9') {
    value = value * 10 + static_cast<unsigned>(text[position++] - '0');
    ++read;
  }
  if (read == 0 || (digits != 0 && read != digits)) return std::nullopt;
  return value;
}

// The parts a format names, with how many digits each takes (0: one or two).
// Case matters: mm is the month, MM the minutes.
struct Part {
  std::string_view token;
  std::size_t digits;
};
constexpr std::array<Part, 6> kParts{{{"yyyy", 4}, {"dd", 0}, {"mm", 0}, {"HH", 0}, {"MM", 2}, {"SS", 2}}};

}  // namespace

std::vector<std::string> split_items(std::string_view cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t end = std::min(cell.find_first_of(";,", start), cell.size());
    if (auto item = trim(cell.substr(start, end - start)); !item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

std::optional<LocalDateTime> parse_date_time(std::string_view text, std::string_view format) {
  std::array<unsigned, kParts.size()> values{};  // year, day, month, hours, minutes, seconds
  std::size_t position = 0;
  for (std::size_t i = 0; i < format.size();) {
    std::size_t part = 0;
    while (part < kParts.size() && format.substr(i, kParts[part].token.size()) != kParts[part].token) ++part;
    if (part < kParts.size()) {
      const auto value = read_number(text, position, kParts[part].digits);
      if (!value) return std::nullopt;
      values[part] = *value;
      i += kParts[part].token.size();
    } else if (position < text.size() && text[position] == format[i]) {
      ++position, ++i;
    } else {
      return std::nullopt;
    }
  }
  const auto [year, day, month, hours, minutes, seconds] = values;
  const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(year)), std::chrono::month(month),
                                         std::chrono::day(day)};
  if (position != text.size() || !date.ok() || hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
  return LocalDateTime{std::chrono::sys_days(date), std::chrono::hours(hours) + std::chrono::minutes(minutes) +
                                                        std::chrono::seconds(seconds)};
}

std::optional<std::string> parse_date(std::string_view text, std::string_view format) {
  const auto parsed = parse_date_time(text, format);
  if (!parsed) return std::nullopt;
  const std::chrono::year_month_day date(parsed->day);
  char iso[40];  // room for any int, though the year has four digits here
  std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return iso;
}

std::optional<std::string> parse_number(std::string_view text, char decimal) {
  std::string number;
  bool has_digit = false, has_decimal = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || text.substr(i, 2) == "\xC2\xA0" || text.substr(i, 3) == "\xE2\x80\xAF") {
      i += c == ' ' ? 0 : (c == '\xC2' ? 1 : 2);
    } else if ((c == '-' || c == '+') && number.empty()) {
      if (c == '-') number.push_back(c);
    } else if (c >= '0' && c <= '9') {
      number.push_back(c), has_digit = true;
    } else if (c == decimal && has_digit && !has_decimal) {
      number.push_back('.'), has_decimal = true;
    } else {
      return std::nullopt;
    }
  }
  if (!has_digit || number.back() == '.') return std::nullopt;
  return number;
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  // Up to three groups separated by ':'; all but the first take two digits.
  std::array<unsigned, 3> groups{};
  std::size_t count = 0, position = 0;
  for (;;) {
    const std::size_t start = position;
    unsigned value = 0;
    while (position < text.size() && text[position] >= '0' && text[position] <= '9' && position - start < 6) {
      value = value * 10 + static_cast<unsigned>(text[position++] - '0');
    }
    const std::size_t read = position - start;
    if (read == 0 || (count > 0 && (read != 2 || value > 59))) return std::nullopt;
    groups[count++] = value;
    if (position == text.size()) break;
    if (count == groups.size() || text[position] != ':') return std::nullopt;
    ++position;
  }
  std::chrono::seconds total{0};
  for (std::size_t i = 0; i < count; ++i) total = total * 60 + std::chrono::seconds(groups[i]);
  return total;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
