#include "core/sha256.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <stdexcept>

namespace relais::inline v1::detail {
namespace {

// OpenSSL 3's one-shot SHA256() looks the algorithm up in its provider on
// every call, which costs as much as hashing a journal entry. The algorithm
// is fetched once and kept for the process: an EVP_MD is immutable and safe
// to share between threads.
const EVP_MD* sha256_algorithm() {
  static const EVP_MD* const algorithm = [] {
    EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (fetched == nullptr) throw std::runtime_error("OpenSSL has no SHA-256 provider");
    return fetched;
  }();
  return algorithm;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  if (EVP_Digest(data.data(), data.size(), digest, nullptr, sha256_algorithm(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL could not compute a SHA-256 digest");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * SHA256_DIGEST_LENGTH, '0');
  for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace relais::inline v1::detail
