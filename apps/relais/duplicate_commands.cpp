// `relais import`, `relais duplicates`, `relais merge` and `relais unmerge`:
// bringing legacy exports in, and cleaning up the duplicates they bring.
#include "commands.h"
#include "i18n.h"
#include "output.h"
#include "progress.h"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <limits>

namespace relais::cli {
namespace {

// A file the command reads besides the workspace; checked before the
// workspace is opened so that a typo costs nothing.
const std::string& existing_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw Failure(format(_("cannot open %s"), path));
  return path;
}

std::size_t parse_limit(const std::string& text) {
  std::size_t limit = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (error != std::errc() || end != text.data() + text.size() || limit == 0) {
    throw UsageError(format(_("--limit expects a positive number, not \"%s\""), text));
  }
  return limit;
}

Survivorship parse_rule(const std::string& text) {
  if (text == "most_complete") return Survivorship::most_complete;
  if (text == "most_recent") return Survivorship::most_recent;
  throw UsageError(format(_("--rule expects most_complete or most_recent, not \"%s\""), text));
}

}  // namespace

int run_import(const Arguments& arguments) {
  auto profile = arguments.option("profile");
  if (!profile) throw UsageError(_("give the mapping profile with --profile"));
  const std::string& file = existing_file(arguments.positionals().at(1));
  existing_file(*profile);
  // Excel workbooks are read by the Python importer (openpyxl): no C++
  // XLSX reader is packaged for Debian.
  if (file.ends_with(".xlsx")) {
    throw Failure(format(_("%s is an Excel workbook: import it with python3 -m relais.xlsx <uri> %s --profile %s"),
                         file, file, *profile));
  }
  Workspace workspace = open_workspace(arguments);
  ImportReport report = import_with_progress(workspace.customers(), file, *profile, format(_("Importing %s"), file));
  print_import_report(file, report);
  return 0;
}

int run_duplicates(const Arguments& arguments) {
  auto limit = arguments.option("limit");
  std::size_t shown = limit ? parse_limit(*limit) : std::numeric_limits<std::size_t>::max();
  Workspace workspace = open_workspace(arguments);
  if (arguments.flag("find")) {
    print_finder_report(find_duplicates_with_progress(workspace.customers()));
  }
  print_review_queue(workspace.customers(), shown);
  return 0;
}

int run_merge(const Arguments& arguments) {
  MergeOptions options;
  if (auto rule = arguments.option("rule")) options.rule = parse_rule(*rule);
  Uuid survivor_id = Uuid::parse(arguments.positionals().at(1), "survivor-id");
  Uuid other_id = Uuid::parse(arguments.positionals().at(2), "other-id");
  Workspace workspace = open_workspace(arguments);
  CustomerService& customers = workspace.customers();
  Customer survivor = customers.get(survivor_id);
  Customer other = customers.get(other_id);
  MergeResult result = customers.merge(survivor.id, survivor.version, other.id, other.version, options);
  std::cout << format(_("%s merged into %s."), other.name, survivor.name) << '\n'
            << format(_("Merge id: %s (give it to \"relais unmerge\" to undo)"), result.merge_id.to_string())
            << "\n\n";
  print_customer_card(std::cout, result.survivor);
  return 0;
}

int run_unmerge(const Arguments& arguments) {
  Uuid merge_id = Uuid::parse(arguments.positionals().at(1), "merge-id");
  Workspace workspace = open_workspace(arguments);
  UnmergeResult result = workspace.customers().unmerge(merge_id);
  std::cout << format(_("Merge undone: %s and %s are separate customers again."), result.survivor.name,
                      result.restored.name)
            << '\n';
  if (result.conflicts.empty()) {
    std::cout << _("No conflict.") << '\n';
    return 0;
  }
  std::cout << format(P_("%lld later edit kept on %s:", "%lld later edits kept on %s:", result.conflicts.size()),
                      result.conflicts.size(), result.survivor.name)
            << '\n';
  // The conflicts are the library's, in English.
  for (const auto& conflict : result.conflicts) std::cout << "  " << conflict << '\n';
  return 0;
}

}  // namespace relais::cli
