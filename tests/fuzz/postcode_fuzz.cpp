#include <relais/customers/validation.h>

#include "validator_invariants.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using relais::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto postcode =
      relais::fuzz::check_rule(relais::normalize_postcode, relais::is_valid_postcode, input);
  if (!postcode) return 0;
  require(postcode->size() == 5 && relais::fuzz::all_digits(*postcode), "five digits");
  const std::string_view department = std::string_view(*postcode).substr(0, 2);
  require(department != "00" && department != "96" && department != "99", "an allocated department");
  return 0;
}
