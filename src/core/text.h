#pragma once
// Small text helpers shared by the validators, the record rules and the
// import reader.
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

inline constexpr std::string_view kAsciiWhitespace = " \t\r\n\f\v";

// `text` without leading and trailing ASCII whitespace.
inline std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(kAsciiWhitespace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kAsciiWhitespace) - first + 1);
}

}  // namespace relais::inline v1::detail
