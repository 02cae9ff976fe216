#pragma once
// Turns the bytes of a legacy export into UTF-8 text. Pure, thread-safe.
#include <string>
#include <string_view>

namespace relais {
inline namespace v1 {
namespace detail {

struct DecodedText {
  std::string text;     // UTF-8, without byte order mark
  std::string charset;  // what the bytes were read as: "UTF-8", "WINDOWS-1252", ...
};

// Rule: bytes that are valid UTF-8 stay UTF-8 (a BOM is dropped); otherwise
// libuchardet names the charset. ISO-8859-1 (and an undecided answer) is read
// as WINDOWS-1252, its superset for printable text: the 0x80-0x9F range (€,
// ’, œ) only has letters in 1252, and exports labelled Latin-1 use it anyway.
// A byte the charset does not define becomes U+FFFD, so decoding never fails.
DecodedText decode_to_utf8(std::string_view bytes);

bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace detail
}  // namespace v1
}  // namespace relais
