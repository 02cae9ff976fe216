#pragma once
// Checks shared by every area's record rules. Each adds to a FieldErrors
// instead of throwing, so that a caller hears of every bad field at once.
#include <relais/errors.h>

#include "core/text.h"

#include <string>
#include <string_view>

namespace relais::inline v1::detail {

// Runs a normaliser, turning its InvalidInputError into field errors.
// Returns the text unchanged when it fails.
template <typename Normalize>
std::string checked(FieldErrors& errors, std::string_view text, const std::string& field, Normalize normalize) {
  try {
    return normalize(text, field);
  } catch (const InvalidInputError& error) {
    for (const auto& field_error : error.field_errors()) errors.add(field_error.field, text, field_error.message);
    return std::string(text);
  }
}

// The trimmed text; must not be empty nor longer than `limit` bytes.
inline std::string required_text(FieldErrors& errors, std::string_view text, const std::string& field,
                                 std::size_t limit) {
  std::string value(trim(text));
  if (value.empty()) errors.add(field, text, "must not be empty");
  if (value.size() > limit) errors.add(field, text, "longer than " + std::to_string(limit) + " bytes");
  return value;
}

// The trimmed text; may be empty, not longer than `limit` bytes.
inline std::string optional_text(FieldErrors& errors, std::string_view text, const std::string& field,
                                 std::size_t limit) {
  std::string value(trim(text));
  if (value.size() > limit) errors.add(field, text, "longer than " + std::to_string(limit) + " bytes");
  return value;
}

}  // namespace relais::inline v1::detail
