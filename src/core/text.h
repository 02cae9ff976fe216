#pragma once
// Small text helpers shared by the validators, the record rules, the
// import reader and the mail parser.
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

// `text` with A-Z lowered and every other byte kept. Not std::tolower: the
// host application may have set any C locale.
inline std::string lowercase_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

inline bool is_ascii_alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// `text` with "\r\n" and lone '\r' line ends turned into '\n'.
inline std::string with_unix_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 == text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

// Steps back from `cut` (at most text.size()) to the start of a UTF-8
// sequence, so that text.substr(0, result) never splits a character.
inline std::size_t utf8_boundary(std::string_view text, std::size_t cut) {
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace relais::inline v1::detail
