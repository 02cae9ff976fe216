#include <relais/customers/validation.h>

#include "validator_invariants.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using relais::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto email = relais::fuzz::check_rule(relais::normalize_email, relais::is_valid_email, input);
  if (!email) return 0;
  require(email->size() <= 254, "at most 254 characters");
  require(std::count(email->begin(), email->end(), '@') == 1, "exactly one '@'");
  const std::string_view domain = std::string_view(*email).substr(email->find('@') + 1);
  require(std::none_of(domain.begin(), domain.end(), [](char c) { return c >= 'A' && c <= 'Z'; }),
          "the domain is lowercase");
  return 0;
}
