#pragma once
// Time source. Every service asks the workspace's clock for "now", so tests
// and the reminder scheduler can run on a controlled time.
#include <relais/export.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

namespace relais {
inline namespace v1 {

// A point in time, UTC, microsecond precision (what both engines store).
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

// Formats as ISO 8601 UTC, e.g. "2026-11-24T09:30:00.000000Z".
RELAIS_API std::string format_timestamp(Timestamp time);

class RELAIS_API Clock {
 public:
  virtual ~Clock() = default;
  // Must be thread-safe.
  virtual Timestamp now() const = 0;
};

// Wall-clock time.
class RELAIS_API SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// A clock that only moves when told. Thread-safe.
class RELAIS_API ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start);
  Timestamp now() const override;
  void set(Timestamp time);
  void advance(std::chrono::microseconds by);

 private:
  std::atomic<std::int64_t> micros_;
};

// The process-wide system clock (never null).
RELAIS_API std::shared_ptr<Clock> system_clock();

}  // namespace v1
}  // namespace relais
