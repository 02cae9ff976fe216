#pragma once
// Reading test inputs: whole files, and the demo data shipped in
// examples/data. Header-only, for white-box tests too.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace relais::testing {

// The bytes of `path`, "" when it cannot be read.
inline std::string file_contents(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

// examples/data/<name> (this file is tests/support/files.h).
inline std::filesystem::path demo_data(const std::string& name) {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "examples" / "data" / name;
}

}  // namespace relais::testing
