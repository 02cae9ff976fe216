// `relais import`, `relais duplicates`, `relais merge` and `relais unmerge`:
// bringing legacy exports in, and cleaning up the duplicates they bring.
#include "commands.h"
#include "i18n.h"
#include "output.h"
#include "progress.h"

#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>

namespace relais::cli {
namespace {

// A file the command reads besides the workspace; checked before the
// workspace is opened so that a typo costs nothing.
const std::string& existing_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw Failure(format(_("cannot open %s"), path));
  return path;
}

std::optional<Survivorship> parse_rule(const std::string& text) {
  if (text == "most_complete") return Survivorship::most_complete;
  if (text == "most_recent") return Survivorship::most_recent;
  return std::nullopt;
}

struct ImportArguments {
  WorkspaceArguments workspace;
  std::string file;
  std::string profile;
};

struct DuplicatesArguments {
  WorkspaceArguments workspace;
  bool find = false;
  std::size_t limit = std::numeric_limits<std::size_t>::max();
};

struct MergeArguments {
  WorkspaceArguments workspace;
  std::string survivor_id;
  std::string other_id;
  Survivorship rule = Survivorship::most_complete;
};

struct UnmergeArguments {
  WorkspaceArguments workspace;
  std::string merge_id;
};

int run_import(const ImportArguments& arguments) {
  const std::string& file = existing_file(arguments.file);
  existing_file(arguments.profile);
  // Excel workbooks are read by the Python importer (openpyxl): no C++
  // XLSX reader is packaged for Debian.
  if (file.ends_with(".xlsx")) {
    throw Failure(format(_("%s is an Excel workbook: import it with python3 -m relais.xlsx <uri> %s --profile %s"),
                         file, file, arguments.profile));
  }
  Workspace workspace = open_workspace(arguments.workspace);
  ImportReport report =
      import_with_progress(workspace.customers(), file, arguments.profile, format(_("Importing %s"), file));
  print_import_report(file, report);
  return 0;
}

int run_duplicates(const DuplicatesArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  if (arguments.find) print_finder_report(find_duplicates_with_progress(workspace.customers()));
  print_review_queue(workspace.customers(), arguments.limit);
  return 0;
}

int run_merge(const MergeArguments& arguments) {
  Uuid survivor_id = Uuid::parse(arguments.survivor_id, "survivor-id");
  Uuid other_id = Uuid::parse(arguments.other_id, "other-id");
  Workspace workspace = open_workspace(arguments.workspace);
  CustomerService& customers = workspace.customers();
  Customer survivor = customers.get(survivor_id);
  Customer other = customers.get(other_id);
  MergeResult result =
      customers.merge(survivor.id, survivor.version, other.id, other.version, MergeOptions{.rule = arguments.rule});
  std::cout << format(_("%s merged into %s."), other.name, survivor.name) << '\n'
            << format(_("Merge id: %s (give it to \"relais unmerge\" to undo)"), result.merge_id.to_string()) << "\n\n";
  print_customer_card(std::cout, result.survivor);
  return 0;
}

int run_unmerge(const UnmergeArguments& arguments) {
  Uuid merge_id = Uuid::parse(arguments.merge_id, "merge-id");
  Workspace workspace = open_workspace(arguments.workspace);
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

void add_import_command(CLI::App& app) {
  auto arguments = std::make_shared<ImportArguments>();
  CLI::App& command = add_command(
      app, "import", _("Import a legacy customer export (CSV) through its mapping profile, and report each row."),
      [arguments] { return run_import(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_option(_("<file.csv>"), arguments->file, _("The export to import."))->required();
  command.add_option("--profile", arguments->profile, _("The mapping profile of the export (see docs/importing.md)."))
      ->option_text(_("PROFILE.json"))
      ->required();
}

void add_duplicates_command(CLI::App& app) {
  auto arguments = std::make_shared<DuplicatesArguments>();
  CLI::App& command =
      add_command(app, "duplicates",
                  _("Show the duplicate review queue; with --find, first look for duplicates in the whole base."),
                  [arguments] { return run_duplicates(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_flag("--find", arguments->find, _("First run the duplicate finder over the whole base."))
      ->disable_flag_override();
  add_parsed_option(command, "--limit", arguments->limit, parse_positive_number, _("a positive number is expected, not \"%s\""),
                    _("Show the first N pairs only."))
      ->option_text("N");
}

void add_merge_command(CLI::App& app) {
  auto arguments = std::make_shared<MergeArguments>();
  CLI::App& command =
      add_command(app, "merge", _("Merge the second customer into the first (reversible with unmerge)."),
                  [arguments] { return run_merge(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_option(_("<survivor-id>"), arguments->survivor_id, _("The id of the customer that stays."))->required();
  command.add_option(_("<other-id>"), arguments->other_id, _("The id of the customer merged into it, then archived."))
      ->required();
  add_parsed_option(command, "--rule", arguments->rule, parse_rule,
                    _("most_complete or most_recent is expected, not \"%s\""),
                    _("How a field both have is picked: the longer value (default) or the one updated last."))
      ->option_text("most_complete|most_recent");
}

void add_unmerge_command(CLI::App& app) {
  auto arguments = std::make_shared<UnmergeArguments>();
  CLI::App& command = add_command(app, "unmerge", _("Undo a merge: both customers are restored, later edits kept."),
                                  [arguments] { return run_unmerge(*arguments); });
  add_workspace_arguments(command, arguments->workspace);
  command.add_option(_("<merge-id>"), arguments->merge_id, _("The merge id \"relais merge\" printed."))->required();
}

}  // namespace

void add_duplicate_commands(CLI::App& app) {
  add_import_command(app);
  add_duplicates_command(app);
  add_merge_command(app);
  add_unmerge_command(app);
}

}  // namespace relais::cli
