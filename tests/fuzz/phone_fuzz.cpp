#include <relais/customers/validation.h>

#include "validator_invariants.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using relais::fuzz::require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // format_phone_national leaves alone anything but a canonical E.164 number.
  if (relais::format_phone_national(input) != input) {
    require(relais::is_valid_phone(input) && relais::normalize_phone(input) == input,
            "format_phone_national only rewrites canonical E.164 numbers");
  }
  const auto e164 = relais::fuzz::check_rule(relais::normalize_phone, relais::is_valid_phone, input);
  if (!e164) return 0;
  require(e164->size() >= 2 && e164->front() == '+' && relais::fuzz::all_digits(e164->substr(1)),
          "E.164 is '+' and digits");
  require(relais::normalize_phone(relais::format_phone_national(*e164)) == *e164,
          "the display form reads back as the same number");
  return 0;
}
