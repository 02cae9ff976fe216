#pragma once
// Reading the field errors of a refused call: what every "bad input" test
// checks.
#include <relais/errors.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace relais::testing {

// Runs `fn`, which must throw InvalidInputError, and returns its field
// errors; records a test failure (and returns none) when it does not throw.
template <typename Fn>
std::vector<FieldError> field_errors_of(Fn&& fn) {
  try {
    fn();
  } catch (const InvalidInputError& error) {
    return error.field_errors();
  }
  ADD_FAILURE() << "expected InvalidInputError";
  return {};
}

// Whether an error names `field`.
inline bool has_field(const std::vector<FieldError>& errors, std::string_view field) {
  return std::any_of(errors.begin(), errors.end(), [&](const FieldError& error) { return error.field == field; });
}

// Whether an error names `field` and quotes exactly `value`.
inline bool has_error(const std::vector<FieldError>& errors, std::string_view field, std::string_view value) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& error) { return error.field == field && error.value == value; });
}

}  // namespace relais::testing
