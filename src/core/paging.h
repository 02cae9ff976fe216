#pragma once
// The one bound on a page of any list the library hands out.
#include <relais/errors.h>

#include <cstddef>
#include <string>

namespace relais::inline v1::detail {

inline constexpr std::size_t kMaxPageSize = 500;

// `limit` when it is 1 to kMaxPageSize; throws InvalidInputError naming
// "limit" otherwise.
inline std::size_t checked_page_limit(std::size_t limit) {
  if (limit < 1 || limit > kMaxPageSize) {
    throw InvalidInputError("limit", std::to_string(limit), "expected 1 to " + std::to_string(kMaxPageSize));
  }
  return limit;
}

}  // namespace relais::inline v1::detail
