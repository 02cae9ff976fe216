#include <relais/customers/validation.h>

#include "validator_invariants.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using relais::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto vat = relais::fuzz::check_rule(relais::normalize_vat_number, relais::is_valid_vat_number, input);
  if (!vat) return 0;
  require(vat->size() == 13 && vat->starts_with("FR"), "FR, a key and nine digits");
  const std::string siren = vat->substr(4);
  // Monaco's numbers (SIREN part 000...) are the only ones without a valid SIREN.
  require(relais::is_valid_siren(siren) || siren.starts_with("000"), "the SIREN part is a SIREN");
  return 0;
}
