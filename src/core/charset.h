#pragma once
// Turns bytes in some charset into UTF-8 text, and UTF-8 text into the bytes
// an external system reads: legacy exports (customers, desk) and mail bodies
// (inbox) share this one iconv loop. Pure, thread-safe.
#include <optional>
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
// `declared`, the charset the source is known to write, replaces the guess
// for bytes that are not UTF-8: short files are easily misnamed (a lone "é"
// reads as ISO-8859-2, where "è" would become "č").
DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared = {});

// Strict: the bytes read in `charset` (any name glibc's iconv knows) as
// UTF-8, or nullopt when iconv does not know the charset or a byte sequence
// is not valid in it. For sources that name their charset and may be wrong
// (a mail part), where the caller then falls back to decode_to_utf8.
std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset);

// Whether glibc's iconv can read `charset`.
bool is_known_charset(const std::string& charset);

// Converts UTF-8 text to `charset` (any name glibc's iconv knows), one piece
// at a time with one converter. Not thread-safe; independent encoders are.
class CharsetEncoder {
 public:
  // Throws std::invalid_argument when iconv does not know `charset`.
  explicit CharsetEncoder(const std::string& charset);
  ~CharsetEncoder();
  CharsetEncoder(const CharsetEncoder&) = delete;
  CharsetEncoder& operator=(const CharsetEncoder&) = delete;

  // The bytes of `text` in the charset; nullopt when a character has no
  // equivalent there (or `text` is not valid UTF-8).
  std::optional<std::string> encode(std::string_view text);

 private:
  void* converter_;  // iconv_t
};

bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace detail
}  // namespace v1
}  // namespace relais
