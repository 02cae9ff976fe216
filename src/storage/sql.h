#pragma once
// Helpers for writing the SQL that areas pass to the storage SPI.
#include <cstddef>
#include <string>

namespace relais::inline v1::detail {

// "?, ?, ?" for an IN list of `count` parameters.
inline std::string placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += i ? ", ?" : "?";
  return text;
}

}  // namespace relais::inline v1::detail
