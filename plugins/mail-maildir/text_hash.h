#pragma once
// A short, stable fingerprint of a text for cursors: the same text gives the
// same value on every machine and in every version (FNV-1a, 64 bits). Not
// for security. Pure, thread-safe.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace relais::local_mail {

inline std::uint64_t text_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

// `hash` as 16 lowercase hex digits.
inline std::string hash_text(std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace relais::local_mail
