#pragma once
// Optional times in and out of rows: NULL for an unset Timestamp, and back.
// The stores of every area share them (timestamps.h gives the encoding).
#include "storage/timestamps.h"

#include <relais/spi/storage.h>

#include <optional>

namespace relais::inline v1::detail {

inline spi::Value optional_time(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  return micros(*time);
}

inline std::optional<Timestamp> time_column(const spi::Row& row, std::size_t column) {
  auto value = row.optional_integer(column);
  if (!value) return std::nullopt;
  return timestamp_of(*value);
}

}  // namespace relais::inline v1::detail
