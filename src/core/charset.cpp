#include "core/charset.h"

#include <uchardet.h>

#include <cerrno>
#include <iconv.h>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// Number of continuation bytes a lead byte announces, or -1 when it cannot
// start a sequence (overlong C0/C1, beyond U+10FFFF).
int continuation_count(unsigned char lead) noexcept {
  if (lead < 0x80) return 0;
  if (lead >= 0xC2 && lead <= 0xDF) return 1;
  if (lead >= 0xE0 && lead <= 0xEF) return 2;
  if (lead >= 0xF0 && lead <= 0xF4) return 3;
  return -1;
}

std::string detect_charset(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(
      uchardet_new(), &uchardet_delete);
  if (!detector) throw std::bad_alloc();
  uchardet_handle_data(detector.get(), bytes.data(), bytes.size());
  uchardet_data_end(detector.get());
  std::string name = uchardet_get_charset(detector.get());
  if (name.empty() || name == "ASCII" || name == "ISO-8859-1") return "WINDOWS-1252";
  return name;
}

// The one iconv loop of this file: feeds `bytes` through `converter` into
// `out`. On a sequence iconv cannot convert, `skip` either replaces it
// (returns true: the loop goes on one byte further) or gives up (false).
// Returns false when given up, or when iconv counted characters it replaced
// by itself (a //TRANSLIT target does).
template <typename Skip>
bool run_iconv(iconv_t converter, std::string_view bytes, std::string& out, Skip skip) {
  iconv(converter, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
  char* in = const_cast<char*>(bytes.data());  // iconv's signature, never written
  std::size_t in_left = bytes.size();
  char buffer[4096];
  while (in_left > 0) {
    char* out_cursor = buffer;
    std::size_t out_left = sizeof buffer;
    const std::size_t result = iconv(converter, &in, &in_left, &out_cursor, &out_left);
    out.append(buffer, out_cursor);
    if (result == static_cast<std::size_t>(-1) && errno != E2BIG) {
      if (!skip(out)) return false;
      ++in;
      --in_left;
    } else if (result != static_cast<std::size_t>(-1) && result > 0) {
      return false;
    }
  }
  return true;
}

// Reads `bytes` in `charset` into UTF-8 through run_iconv with `skip`;
// nullopt when iconv does not know the charset, `skip` gave up, or what
// came out is not valid UTF-8.
template <typename Skip>
std::optional<std::string> to_utf8(std::string_view bytes, const std::string& charset, Skip skip) {
  iconv_t converter = iconv_open("UTF-8", charset.c_str());
  if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  const bool complete = run_iconv(converter, bytes, out, skip);
  iconv_close(converter);
  // glibc reads "UTF-8" up to 0x7FFFFFFF: F5..F7 sequences would pass through.
  if (!complete || !is_valid_utf8(out)) return std::nullopt;
  return out;
}

// iconv with every undefined byte replaced by U+FFFD: a single stray byte
// must not cost the whole file. Empty when iconv does not know the charset.
std::string convert(std::string_view bytes, const std::string& charset) {
  // EILSEQ or EINVAL (a cut sequence): one byte becomes U+FFFD.
  return to_utf8(bytes, charset, [](std::string& text) {
           text.append(replacement_character);
           return true;
         }).value_or(std::string());
}

}  // namespace

bool is_valid_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int count = continuation_count(lead);
    if (count < 0 || text.size() - i <= static_cast<std::size_t>(count)) return false;
    for (int k = 1; k <= count; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    const auto second = count > 0 ? static_cast<unsigned char>(text[i + 1]) : 0;
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||  // overlong, surrogate
        (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) {  // overlong, > U+10FFFF
      return false;
    }
    i += 1 + count;
  }
  return true;
}

DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared) {
  if (bytes.starts_with(utf8_bom)) bytes.remove_prefix(utf8_bom.size());
  if (is_valid_utf8(bytes)) return {std::string(bytes), "UTF-8"};
  std::string charset = declared.empty() || declared == "UTF-8" ? detect_charset(bytes) : std::string(declared);
  std::string text = convert(bytes, charset);
  if (text.empty()) {  // a name uchardet knows but glibc's iconv does not
    charset = "WINDOWS-1252";
    text = convert(bytes, charset);
  }
  return {std::move(text), std::move(charset)};
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset) {
  return to_utf8(bytes, charset, [](std::string&) { return false; });
}

bool is_known_charset(const std::string& charset) {
  iconv_t converter = iconv_open("UTF-8", charset.c_str());
  if (converter == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(converter);
  return true;
}

CharsetEncoder::CharsetEncoder(const std::string& charset) : converter_(iconv_open(charset.c_str(), "UTF-8")) {
  if (converter_ == reinterpret_cast<void*>(-1)) throw std::invalid_argument("iconv does not know charset " + charset);
}

CharsetEncoder::~CharsetEncoder() { iconv_close(static_cast<iconv_t>(converter_)); }

std::optional<std::string> CharsetEncoder::encode(std::string_view text) {
  std::string out;
  // A character the charset lacks makes the whole text unencodable.
  if (!run_iconv(static_cast<iconv_t>(converter_), text, out, [](std::string&) { return false; })) {
    return std::nullopt;
  }
  return out;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
