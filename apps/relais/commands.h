#pragma once
// The commands of the `relais` tool. Each takes its parsed arguments (the
// positional count already checked by the dispatcher) and returns the exit
// code; errors propagate as relais::Error, UsageError or Failure.
#include "command_line.h"

#include <relais/workspace.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace relais::cli {

int run_demo(const Arguments& arguments);
int run_customers_list(const Arguments& arguments);
int run_customers_lookup(const Arguments& arguments);
int run_import(const Arguments& arguments);
int run_duplicates(const Arguments& arguments);
int run_merge(const Arguments& arguments);
int run_unmerge(const Arguments& arguments);
int run_journal_head(const Arguments& arguments);
int run_journal_verify(const Arguments& arguments);
int run_version(const Arguments& arguments);

// Opens the workspace named by the first positional argument, acting as
// --actor (default "admin"). The argument is a URI, or the path of an
// existing SQLite file (a mistyped path must not create an empty workspace).
Workspace open_workspace(const Arguments& arguments);

// "sqlite:///absolute/path" for a database file, escaped so that a '%' or
// '?' in the path is not read as an escape or as options.
std::string sqlite_uri(const std::filesystem::path& file);

// Every page of the listing, in name order.
std::vector<Customer> list_all_customers(const CustomerService& customers, std::optional<std::string> tag = {});

}  // namespace relais::cli
