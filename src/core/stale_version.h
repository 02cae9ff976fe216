#pragma once
// The ConflictError of an optimistic-concurrency check, the same for every
// versioned record.
#include <relais/errors.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

inline ConflictError stale_version(std::string_view entity, const std::string& id, std::int64_t current_version,
                                   std::int64_t expected_version) {
  return ConflictError(std::string(entity) + " " + id + " is at version " + std::to_string(current_version) +
                           ", not " + std::to_string(expected_version) + ": it changed since it was read",
                       {{"entity", std::string(entity)}, {"id", id},
                        {"expected_version", std::to_string(expected_version)},
                        {"current_version", std::to_string(current_version)}});
}

}  // namespace relais::inline v1::detail
