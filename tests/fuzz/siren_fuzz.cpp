#include <relais/customers/validation.h>

#include "validator_invariants.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using relais::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto siren = relais::fuzz::check_rule(relais::normalize_siren, relais::is_valid_siren, input);
  if (!siren) return 0;
  require(siren->size() == 9 && relais::fuzz::all_digits(*siren), "nine digits");
  return 0;
}
