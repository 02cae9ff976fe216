#pragma once
// The one bound on a page of any list the library hands out.
#include <relais/errors.h>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

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

// A keyset cursor "<integer>:<text>" (a sort key, then the id that breaks
// ties), as the desk's and the reminders' lists hand them out.
inline std::string keyset_cursor(std::int64_t key, const std::string& tie) { return std::to_string(key) + ":" + tie; }

// The parts of a keyset_cursor(). Throws InvalidInputError naming "after".
inline std::pair<std::int64_t, std::string> parse_keyset_cursor(std::string_view cursor) {
  auto colon = cursor.find(':');
  std::int64_t number = 0;
  if (colon != std::string_view::npos) {
    auto [end, error] = std::from_chars(cursor.data(), cursor.data() + colon, number);
    if (error == std::errc() && end == cursor.data() + colon && colon + 1 < cursor.size()) {
      return {number, std::string(cursor.substr(colon + 1))};
    }
  }
  throw InvalidInputError("after", cursor, "not a cursor returned by this list");
}

}  // namespace relais::inline v1::detail
