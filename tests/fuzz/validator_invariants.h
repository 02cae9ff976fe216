#pragma once
// Invariants every normalize_* / is_valid_* pair keeps, whatever the bytes:
// shared by the validator fuzz targets so each target only adds what is
// specific to its format.
#include <relais/errors.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace relais::fuzz {

// Aborts, so libFuzzer (or the replay driver under ASan) records a crash
// with the offending input.
inline void require(bool condition, const char* invariant) {
  if (condition) return;
  std::fprintf(stderr, "invariant broken: %s\n", invariant);
  std::abort();
}

inline bool all_digits(std::string_view text) {
  return text.find_first_not_of("0123456789") == std::string_view::npos;
}

using Normalizer = std::string (*)(std::string_view, std::string_view);
using Validator = bool (*)(std::string_view) noexcept;

// Returns the canonical form when the rule accepts `input`. Checks that a
// rejection is one InvalidInputError naming the field and quoting the cut
// value, that is_valid agrees with normalize, and that the canonical form
// is a fixed point. Any other exception escapes and counts as a crash.
inline std::optional<std::string> check_rule(Normalizer normalize, Validator is_valid,
                                             std::string_view input) {
  std::optional<std::string> canonical;
  try {
    canonical = normalize(input, "fuzzed");
  } catch (const InvalidInputError& error) {
    require(error.field_errors().size() == 1, "a rejection carries one field error");
    const FieldError& field_error = error.field_errors().front();
    require(field_error.field == "fuzzed", "the error names the caller's field");
    require(field_error.value == quote_value(input), "the error quotes the value cut by quote_value");
    require(!field_error.message.empty(), "the error says why");
  }
  require(is_valid(input) == canonical.has_value(), "is_valid agrees with normalize");
  if (canonical) {
    require(normalize(*canonical, "fuzzed") == *canonical, "normalize is idempotent");
    require(is_valid(*canonical), "the canonical form is valid");
  }
  return canonical;
}

}  // namespace relais::fuzz
