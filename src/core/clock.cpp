#include <relais/clock.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

namespace relais {
inline namespace v1 {

std::string format_timestamp(Timestamp time) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  auto micros = (time - seconds).count();
  std::time_t raw = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&raw, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<long long>(micros));
  return text;
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
