#pragma once
// Exchanging customers with the external systems (the ERP, Sage) through
// connector plugins of kind "erp" (relais/spi/erp.h). Each system is
// configured once with a connector and its config; then export_changes()
// sends the customers created or changed since the last export, in the
// file format of that system's mapping profile, numbering in that system
// the customers it does not know yet; and import_pending() imports the files
// the system left. A customer created once in Relais reaches every system,
// each keeping its own id in Customer::external_ids. See docs/erp.md.
#include <relais/clock.h>
#include <relais/customers/import.h>
#include <relais/export.h>
#include <relais/journal.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

// One configured external system.
struct ErpSystem {
  std::string system;               // the key of Customer::external_ids: "erp", "sage"
  std::string plugin;               // the connector: plugin (kind "erp") name, e.g. "files"
  std::string config;               // the connector's configuration (JSON for "files")
  JournalCursor export_cursor = 0;  // the journal sequence the last export covered; 0: never exported
  std::int64_t next_sequence = 1;   // numbers the next customer this system does not know
  Timestamp created_at{};
  Timestamp updated_at{};
  std::int64_t version = 0;         // of the configuration: pass back to configure()
  bool operator==(const ErpSystem&) const = default;
};

// What one export sent.
struct ErpExportReport {
  std::string system;
  std::string file;                 // where the connector put it (a path); "" when nothing was sent
  std::size_t exported = 0;         // customers in the file
  std::size_t ids_assigned = 0;     // of them, numbered in the system by this export
  std::size_t skipped_archived = 0; // changed but archived (merged into another, too): not sent
  JournalCursor cursor = 0;         // the journal sequence this export covered
};

// What became of one file the system left.
struct ErpImportResult {
  std::string file;                 // its name, as the connector gave it
  bool imported_ok = false;         // imported without a rejected row; the connector files it as
                                    // done, otherwise as failed, for someone to look at
  ImportReport report;              // the rows (empty when the file was refused whole)
  std::string error;                // why the file was refused whole ("" otherwise)
};

namespace detail { class WorkspaceCore; }

// Thread-safe; obtained from Workspace::erp() and valid while the Workspace
// lives. Every call passes the workspace's authorization point. Calls about
// one system are serialized within the process (its connector serves one
// call at a time); exports of one system are serialized across processes by
// the database.
class RELAIS_API ErpExchange {
 public:
  explicit ErpExchange(detail::WorkspaceCore& core) : core_(core) {}

  // Configures `system` (1 to 32 of a-z, 0-9, '_', '-') to exchange through
  // the connector plugin `plugin` (found as librelais-erp-<plugin>.so) with
  // `config`. `expected_version` is 0 to add a system, or the version read to
  // change one (its export cursor and numbering are kept). The connector is
  // created and its profile checked before anything is stored. Admin only.
  // Journaled (entity "erp_system", action "configure"). Throws
  // PermissionDeniedError, PluginError (no such plugin, or it failed),
  // InvalidInputError (a bad system name; the config refused, naming its key
  // "config.outbox"; the profile refused, naming its key "profile.export.bom";
  // a connector or profile serving another system), ConflictError (the
  // system exists and expected_version is 0, or a stale version),
  // NotFoundError (expected_version given for a system not configured).
  ErpSystem configure(std::string_view system, std::string_view plugin, std::string_view config,
                      std::int64_t expected_version = 0);

  // The configured systems, by name.
  std::vector<ErpSystem> systems() const;
  // Throws NotFoundError.
  ErpSystem system(std::string_view system) const;

  // Sends `system` the customers created or changed since its last export
  // (on the first: every unarchived customer), in one write transaction:
  // customers without an id in the system are numbered through the
  // connector (stored in external_ids, journaled as action "number", which
  // no export counts as a change), the file is written with the system's
  // profile and sent, and the cursor moves. When sending or rendering fails,
  // nothing is stored: no id, no cursor. Changes that are only numberings
  // (of this export, or of another system's) are not sent again. Nothing
  // changed: no file, report.exported == 0. Throws NotFoundError (system),
  // PluginError, InvalidInputError (a value the file cannot hold, naming
  // field, value and customer; a sequence the connector cannot number),
  // StorageError (the connector could not send), ConflictError (the system
  // was reconfigured, or a customer to number changed, during the export:
  // nothing was stored, run it again).
  ErpExportReport export_changes(std::string_view system);

  // Imports, oldest first, the files `system` left, each through
  // CustomerService::import_csv() with the system's profile, and has the
  // connector file each as done (imported without a rejected row) or failed
  // (refused whole, or with rejected rows: the rest is imported; importing
  // it again once fixed is idempotent). A file refused whole does not stop
  // the others. Throws NotFoundError (system), PluginError, InvalidInputError
  // (the profile), StorageError; a file already imported stays imported.
  std::vector<ErpImportResult> import_pending(std::string_view system, const ImportOptions& options = {});

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
