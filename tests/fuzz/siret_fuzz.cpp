#include <relais/customers/validation.h>

#include "validator_invariants.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using relais::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto siret = relais::fuzz::check_rule(relais::normalize_siret, relais::is_valid_siret, input);
  if (!siret) return 0;
  require(siret->size() == 14 && relais::fuzz::all_digits(*siret), "fourteen digits");
  require(relais::is_valid_siren(siret->substr(0, 9)), "a SIRET starts with a valid SIREN");
  return 0;
}
