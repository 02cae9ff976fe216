#include "inbox/mime/mail_charset.h"

#include "core/charset.h"
#include "core/text.h"

#include <algorithm>
#include <optional>

namespace relais::inline v1::detail {
namespace {

// Names whose bytes below 0x80 are ASCII and whose text cannot be valid
// UTF-8 by accident.
constexpr std::string_view kWesternCharsetPrefixes[] = {
    "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-", "iso8859-", "iso_8859-", "latin", "windows-125", "cp125",
};

// Latin-1 names, read first as Windows-1252.
constexpr std::string_view kLatin1Names[] = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1"};

bool is_western(std::string_view charset) {
  return charset.empty() || std::any_of(std::begin(kWesternCharsetPrefixes), std::end(kWesternCharsetPrefixes),
                                        [&](std::string_view prefix) { return charset.starts_with(prefix); });
}

bool is_utf8_name(std::string_view charset) { return charset == "utf-8" || charset == "utf8"; }

bool has_non_ascii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::optional<std::string> decode_as_declared(std::string_view bytes, const std::string& charset) {
  if (std::find(std::begin(kLatin1Names), std::end(kLatin1Names), charset) != std::end(kLatin1Names)) {
    if (auto text = convert_to_utf8(bytes, "WINDOWS-1252")) return text;
  }
  return convert_to_utf8(bytes, charset);
}

std::string quoted(std::string_view charset) { return "charset '" + std::string(charset) + "'"; }

}  // namespace

MailText decode_mail_text(std::string_view bytes, std::string_view declared) {
  const std::string charset = lowercase_ascii(std::string(trim(declared)));
  if (is_western(charset) && is_valid_utf8(bytes)) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string problem;
    if (!charset.empty() && !is_utf8_name(charset) && has_non_ascii(bytes)) {
      problem = quoted(charset) + " declared but the text is UTF-8: read as utf-8";
    }
    return {std::string(bytes), std::move(problem)};
  }
  if (!charset.empty()) {
    if (auto text = decode_as_declared(bytes, charset)) return {std::move(*text), ""};
  }
  DecodedText guessed = decode_to_utf8(bytes);
  const std::string used = lowercase_ascii(guessed.charset);
  std::string problem = charset.empty()               ? "no charset declared: read as " + used
                        : !is_known_charset(charset) ? quoted(charset) + " unknown: read as " + used
                                                      : quoted(charset) + " does not fit the text: read as " + used;
  return {std::move(guessed.text), std::move(problem)};
}

}  // namespace relais::inline v1::detail
