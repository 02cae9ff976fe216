#include "resources.h"

#include <system_error>

namespace relais::cli {
namespace {

namespace fs = std::filesystem;

// `installed_relative` is the folder's path relative to the installed
// executable's folder; `build_tree` its absolute path in the build or source
// tree, used when the executable has not been installed. `marker`, when
// given, must be in the installed folder: the build tree mirrors the
// installed layout, and its share/relais already holds the classifier's
// model without the demo data.
fs::path resource_dir(const fs::path& installed_relative, const fs::path& build_tree, const fs::path& marker = {}) {
  std::error_code error;
  fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    fs::path installed = (executable.parent_path() / installed_relative).lexically_normal();
    if (fs::is_directory(installed, error) && (marker.empty() || fs::exists(installed / marker, error))) {
      return installed;
    }
  }
  return build_tree;
}

constexpr const char* kDemoDataFile = "demo-customers.json";

}  // namespace

fs::path locale_dir() {
  return resource_dir(RELAIS_CLI_INSTALLED_LOCALE_DIR, RELAIS_CLI_BUILD_LOCALE_DIR);
}

fs::path demo_data_dir() {
  return resource_dir(RELAIS_CLI_INSTALLED_DATA_DIR, RELAIS_CLI_SOURCE_DATA_DIR, kDemoDataFile);
}

fs::path demo_data_file() {
  return demo_data_dir() / kDemoDataFile;
}

}  // namespace relais::cli
