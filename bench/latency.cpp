#include "latency.h"

#include <random>

namespace relais::bench {

ScratchFolder::ScratchFolder()
    : path_(std::filesystem::temp_directory_path() / ("relais-bench-" + std::to_string(std::random_device{}()))) {
  std::filesystem::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace relais::bench
