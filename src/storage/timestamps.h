#pragma once
// How a Timestamp is stored: integer microseconds since the Unix epoch, the
// same on every engine, and exactly what the journal hashes.
#include <relais/clock.h>

#include <cstdint>

namespace relais::inline v1::detail {

inline std::int64_t micros(Timestamp time) { return time.time_since_epoch().count(); }
inline Timestamp timestamp_of(std::int64_t micros) { return Timestamp(std::chrono::microseconds(micros)); }

}  // namespace relais::inline v1::detail
