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

// Steps back from `cut` (at most text.size()) to the start of a UTF-8
// sequence, so that text.substr(0, result) never splits a character.
inline std::size_t utf8_boundary(std::string_view text, std::size_t cut) {
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace relais::inline v1::detail
