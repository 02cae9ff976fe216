#pragma once
// SHA-256 for the journal chain (OpenSSL's implementation, kept private).
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

// Lowercase hex digest of `data`. Thread-safe. Throws std::runtime_error
// only if OpenSSL itself fails (no SHA-256 provider).
std::string sha256_hex(std::string_view data);

}  // namespace relais::inline v1::detail
