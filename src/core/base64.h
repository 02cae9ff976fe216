#pragma once
// Base64 (RFC 4648, with padding) for binary data kept in text columns: the
// storage SPI binds text, integers and reals only (docs/inbox.md says why
// the inbox stores its blobs this way).
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

std::string base64_encode(std::string_view bytes);
// Throws StorageError naming the operation when `text` is not base64 that
// base64_encode() wrote (a corrupted blob).
std::string base64_decode(std::string_view text);

}  // namespace relais::inline v1::detail
