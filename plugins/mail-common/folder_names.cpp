#include "folder_names.h"

#include <relais/errors.h>

#include <cstdint>
#include <vector>

namespace relais::mail_plugin {
namespace {

// The code points of `utf8`; throws when a sequence is malformed, overlong
// or a surrogate.
std::vector<char32_t> code_points(std::string_view utf8, std::string_view field) {
  const auto refuse = [&] { throw InvalidInputError(std::string(field), utf8, "is not valid UTF-8"); };
  std::vector<char32_t> points;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > utf8.size()) refuse();
    char32_t point = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(utf8[i + k]);
      if ((next & 0xC0) != 0x80) refuse();
      point = (point << 6) | (next & 0x3F);
    }
    constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (point < kSmallest[length] || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) refuse();
    points.push_back(point);
    i += length;
  }
  return points;
}

// One run of non-ASCII code points as "&<modified base64 of UTF-16BE>-".
std::string encode_run(const std::vector<char32_t>& run) {
  std::vector<std::uint8_t> bytes;
  const auto unit = [&](std::uint32_t value) {
    bytes.push_back(static_cast<std::uint8_t>(value >> 8));
    bytes.push_back(static_cast<std::uint8_t>(value & 0xFF));
  };
  for (char32_t point : run) {
    if (point < 0x10000) {
      unit(point);
    } else {
      unit(0xD800 + ((point - 0x10000) >> 10));
      unit(0xDC00 + ((point - 0x10000) & 0x3FF));
    }
  }
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
  std::string encoded = "&";
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t available = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k) group = (group << 8) | (k < available ? bytes[i + k] : 0);
    // No padding: only the characters that carry bits of the last group.
    for (std::size_t k = 0; k < available + 1; ++k) encoded += kAlphabet[(group >> (18 - 6 * k)) & 0x3F];
  }
  return encoded + "-";
}

}  // namespace

std::string modified_utf7(std::string_view utf8, std::string_view field) {
  std::string encoded;
  std::vector<char32_t> run;
  for (char32_t point : code_points(utf8, field)) {
    if (point < 0x20 || point == 0x7F) throw InvalidInputError(std::string(field), utf8, "holds a control character");
    if (point < 0x7F) {
      if (!run.empty()) encoded += encode_run(run);
      run.clear();
      encoded += point == '&' ? std::string("&-") : std::string(1, static_cast<char>(point));
    } else {
      run.push_back(point);
    }
  }
  if (!run.empty()) encoded += encode_run(run);
  return encoded;
}

}  // namespace relais::mail_plugin
