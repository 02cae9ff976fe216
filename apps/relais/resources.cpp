#include "resources.h"

#include <system_error>

namespace relais::cli {
namespace {

namespace fs = std::filesystem;

// `installed_relative` is the folder's path relative to the installed
// executable's folder; `build_tree` its absolute path in the build or source
// tree, used when the executable has not been installed.
fs::path resource_dir(const fs::path& installed_relative, const fs::path& build_tree) {
  std::error_code error;
  fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    fs::path installed = (executable.parent_path() / installed_relative).lexically_normal();
    if (fs::is_directory(installed, error)) return installed;
  }
  return build_tree;
}

}  // namespace

fs::path locale_dir() {
  return resource_dir(RELAIS_CLI_INSTALLED_LOCALE_DIR, RELAIS_CLI_BUILD_LOCALE_DIR);
}

fs::path demo_data_dir() {
  return resource_dir(RELAIS_CLI_INSTALLED_DATA_DIR, RELAIS_CLI_SOURCE_DATA_DIR);
}

fs::path demo_data_file() {
  return demo_data_dir() / "demo-customers.json";
}

}  // namespace relais::cli
