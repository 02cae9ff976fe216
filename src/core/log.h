#pragma once
// Library diagnostics that must not interrupt the caller (a subscriber that
// threw, a plugin skipped during a scan). English, to stderr, one line each.
#include <string_view>

namespace relais::inline v1::detail {

void log_warning(std::string_view message) noexcept;

}  // namespace relais::inline v1::detail
