#pragma once
// The commands of the `relais` tool, declared on the CLI11 app one area at a
// time: each add_*_commands() adds its subcommands, their arguments and the
// function that runs them (see command_line.h), and main() calls each once.
// A new area (say `relais call`) is a new <area>_commands.cpp with its
// add_<area>_commands(), declared here and called from main(). Commands
// return the exit code; errors propagate as relais::Error or Failure.
#include "command_line.h"

#include <relais/workspace.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace relais::cli {

// The command could not do its work for a reason outside the library (a
// missing file, unreadable demo data). what() is already translated. Exit
// code 1, like relais::Error.
class Failure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// relais demo (demo.cpp)
void add_demo_command(CLI::App& app);
// relais customers list|lookup (customer_commands.cpp)
void add_customer_commands(CLI::App& app);
// relais import, duplicates, merge, unmerge (duplicate_commands.cpp)
void add_duplicate_commands(CLI::App& app);
// relais export, erp configure|systems|import (erp_commands.cpp)
void add_erp_commands(CLI::App& app);
// relais journal head|verify (journal_commands.cpp)
void add_journal_commands(CLI::App& app);
// relais call log|import, ticket open|assign|status|comment|list, followup
// import, and `show` in the customers group (desk_commands.cpp): call after
// add_customer_commands().
void add_desk_commands(CLI::App& app);
// relais search (search_commands.cpp)
void add_search_command(CLI::App& app);
// relais reminders tick|list (reminder_commands.cpp)
void add_reminder_commands(CLI::App& app);
// relais inbox fetch|ingest|triage (inbox_commands.cpp)
void add_inbox_commands(CLI::App& app);
// relais survey send|import|list|figures (survey_commands.cpp)
void add_survey_commands(CLI::App& app);
// relais dashboard (dashboard_commands.cpp)
void add_dashboard_command(CLI::App& app);

// Opens the workspace named by <uri>, acting as --actor. The argument is a
// URI, or the path of an existing SQLite file (a mistyped path must not
// create an empty workspace).
Workspace open_workspace(const WorkspaceArguments& arguments);

// "sqlite:///absolute/path" for a database file, escaped so that a '%' or
// '?' in the path is not read as an escape or as options.
std::string sqlite_uri(const std::filesystem::path& file);

// Every page of the listing, in name order.
std::vector<Customer> list_all_customers(const CustomerService& customers, std::optional<std::string> tag = {});

}  // namespace relais::cli
