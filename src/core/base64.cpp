#include "core/base64.h"

#include <relais/errors.h>

#include <openssl/evp.h>

namespace relais::inline v1::detail {

std::string base64_encode(std::string_view bytes) {
  std::string text(4 * ((bytes.size() + 2) / 3), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  text.resize(static_cast<std::size_t>(written));
  return text;
}

std::string base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) throw StorageError("a stored blob is not base64", {{"operation", "decode blob"}});
  std::string bytes(3 * (text.size() / 4), '\0');
  const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                      reinterpret_cast<const unsigned char*>(text.data()),
                                      static_cast<int>(text.size()));
  if (written < 0) throw StorageError("a stored blob is not base64", {{"operation", "decode blob"}});
  // EVP_DecodeBlock counts the padding as zero bytes.
  std::size_t padding = 0;
  if (!text.empty() && text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
  bytes.resize(static_cast<std::size_t>(written) - padding);
  return bytes;
}

}  // namespace relais::inline v1::detail
