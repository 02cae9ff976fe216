// `relais export` and `relais erp configure|systems|import`: feeding the ERP
// and Sage from Relais, and taking back what they send.
#include "commands.h"
#include "i18n.h"
#include "progress.h"

#include <relais/erp/erp_exchange.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace relais::cli {
namespace {

struct SystemArguments {
  WorkspaceArguments workspace;
  std::string system;
};

struct ConfigureArguments {
  SystemArguments target;
  std::string plugin = "files";
  std::string config_file;
};

std::string file_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Failure(format(_("cannot open %s"), path));
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

int run_export(const SystemArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  ErpExportReport report = workspace.erp().export_changes(arguments.system);
  if (report.exported == 0) {
    std::cout << format(_("Nothing changed since the last export to %s."), report.system) << '\n';
    return 0;
  }
  std::cout << format(P_("%lld customer exported to %s", "%lld customers exported to %s", report.exported),
                      report.exported, report.system)
            << '\n'
            << format(_("  file: %s"), report.file) << '\n'
            << format(P_("  %lld customer got its %s number", "  %lld customers got their %s number",
                         report.ids_assigned),
                      report.ids_assigned, report.system)
            << '\n';
  if (report.skipped_archived > 0) {
    std::cout << format(P_("  %lld archived customer not sent", "  %lld archived customers not sent",
                           report.skipped_archived),
                        report.skipped_archived)
              << '\n';
  }
  return 0;
}

int run_configure(const ConfigureArguments& arguments) {
  const std::string config = file_text(arguments.config_file);
  Workspace workspace = open_workspace(arguments.target.workspace);
  std::int64_t version = 0;
  for (const auto& known : workspace.erp().systems()) {
    if (known.system == arguments.target.system) version = known.version;
  }
  ErpSystem system = workspace.erp().configure(arguments.target.system, arguments.plugin, config, version);
  std::cout << format(_("System %s configured with the %s connector (version %lld)."), system.system, system.plugin,
                      static_cast<long long>(system.version))
            << '\n';
  return 0;
}

int run_systems(const WorkspaceArguments& arguments) {
  Workspace workspace = open_workspace(arguments);
  auto systems = workspace.erp().systems();
  if (systems.empty()) std::cout << _("No external system configured.") << '\n';
  for (const auto& system : systems) {
    std::cout << format(_("%s: connector %s, next number %lld, exported up to journal entry %lld"), system.system,
                        system.plugin, static_cast<long long>(system.next_sequence),
                        static_cast<long long>(system.export_cursor))
              << '\n';
  }
  return 0;
}

int run_erp_import(const SystemArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  ProgressBar bar(format(_("Importing from %s"), arguments.system));
  ImportOptions options;
  options.progress = [&bar](const ImportProgress& p) { bar.update(p.rows_done, p.rows_total); };
  auto results = workspace.erp().import_pending(arguments.system, options);
  if (results.empty()) std::cout << format(_("No file waiting from %s."), arguments.system) << '\n';
  for (const auto& result : results) {
    if (!result.error.empty()) {
      // TRANSLATORS: the reason comes from the library, in English.
      std::cout << format(_("%s refused whole: %s"), result.file, result.error) << '\n';
      continue;
    }
    print_import_report(result.file, result.report);
  }
  return 0;
}

void add_system_arguments(CLI::App& command, SystemArguments& arguments) {
  add_workspace_arguments(command, arguments.workspace);
  command.add_option(_("<system>"), arguments.system, _("The external system, as configured (\"erp\", \"sage\")."))
      ->required();
}

}  // namespace

void add_erp_commands(CLI::App& app) {
  auto exported = std::make_shared<SystemArguments>();
  CLI::App& export_command = add_command(
      app, "export", _("Send the customers created or changed since the last export to an external system."),
      [exported] { return run_export(*exported); });
  add_system_arguments(export_command, *exported);

  CLI::App& erp = add_command_group(app, "erp", _("Configure the external systems and take back what they send."));
  auto configured = std::make_shared<ConfigureArguments>();
  CLI::App& configure = add_command(erp, "configure", _("Configure an external system (administrators only)."),
                                    [configured] { return run_configure(*configured); });
  add_system_arguments(configure, configured->target);
  configure.add_option("--config", configured->config_file, _("The connector's JSON configuration (see docs/erp.md)."))
      ->option_text(_("CONFIG.json"))
      ->required();
  configure.add_option("--plugin", configured->plugin, _("The connector plugin (default: files)."))
      ->option_text(_("NAME"));

  auto listed = std::make_shared<WorkspaceArguments>();
  CLI::App& systems = add_command(erp, "systems", _("List the configured external systems."),
                                  [listed] { return run_systems(*listed); });
  add_workspace_arguments(systems, *listed);

  auto imported = std::make_shared<SystemArguments>();
  CLI::App& import = add_command(erp, "import", _("Import the files an external system left, and report each row."),
                                 [imported] { return run_erp_import(*imported); });
  add_system_arguments(import, *imported);
}

}  // namespace relais::cli
