#pragma once
// Files the tool reads besides the workspace: its message catalogs and the
// demo data. Found next to the executable when installed (so an install
// moved to another prefix still works), else in the build and source trees.
#include <filesystem>

namespace relais::cli {

// The folder holding <language>/LC_MESSAGES/relais.mo.
std::filesystem::path locale_dir();
// The folder of the demo data: demo-customers.json, and the files the demo
// imports with their profiles (two legacy exports, a call log, the
// follow-up sheet).
std::filesystem::path demo_data_dir();
// The demo customers, users and incoming call (JSON).
std::filesystem::path demo_data_file();

}  // namespace relais::cli
