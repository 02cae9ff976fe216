#include "core/log.h"

#include <cstdio>
#include <mutex>

namespace relais::inline v1::detail {

void log_warning(std::string_view message) noexcept {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fprintf(stderr, "relais: warning: %.*s\n", static_cast<int>(message.size()), message.data());
}

}  // namespace relais::inline v1::detail
