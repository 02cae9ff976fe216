#include <relais/clock.h>

#include <chrono>
#include <memory>
#include <string>

namespace relais {
inline namespace v1 {

namespace {

// Writes `value` as `width` digits, zero-padded, and returns the end.
char* put_digits(char* out, int width, long long value) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out + width;
}

}  // namespace

// Digits written by hand rather than through snprintf: journal payloads
// format a timestamp or two per entry, and a tick writes thousands.
std::string format_timestamp(Timestamp time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss<std::chrono::microseconds> clock{time - day};
  const int year = static_cast<int>(date.year());
  std::string text;
  if (year < 0 || year > 9999) {
    text = std::to_string(year);
  } else {
    text.resize(4);
    put_digits(text.data(), 4, year);
  }
  char rest[] = "-MM-DDTHH:MM:SS.uuuuuuZ";
  put_digits(rest + 1, 2, static_cast<unsigned>(date.month()));
  put_digits(rest + 4, 2, static_cast<unsigned>(date.day()));
  put_digits(rest + 7, 2, clock.hours().count());
  put_digits(rest + 10, 2, clock.minutes().count());
  put_digits(rest + 13, 2, clock.seconds().count());
  put_digits(rest + 16, 6, clock.subseconds().count());
  return text += rest;
}

Timestamp SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

ManualClock::ManualClock(Timestamp start) : micros_(start.time_since_epoch().count()) {}

Timestamp ManualClock::now() const { return Timestamp(std::chrono::microseconds(micros_.load())); }

void ManualClock::set(Timestamp time) { micros_.store(time.time_since_epoch().count()); }

void ManualClock::advance(std::chrono::microseconds by) { micros_.fetch_add(by.count()); }

std::shared_ptr<Clock> system_clock() {
  static const auto clock = std::make_shared<SystemClock>();
  return clock;
}

}  // namespace v1
}  // namespace relais
