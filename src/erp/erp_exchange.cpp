// ErpExchange: configuring the external systems, sending them the customers
// changed since their last export, importing what they send back.
//
// Why the export's cursor is the journal head read at its start: that head
// is committed, and so is every entry before it (an append holds the head
// row's lock until its transaction commits), so no change up to it can be
// missed. Entries after it are either another writer's, sent next time, or
// this export's own numberings, which no export counts as a change.
#include <relais/customers/customer_service.h>
#include <relais/erp/erp_exchange.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "customers/customer_store.h"
#include "customers/customer_writes.h"
#include "customers/import/import_store.h"
#include "customers/import/profile_writer.h"
#include "erp/connectors.h"
#include "erp/erp_store.h"
#include "journal/journal.h"
#include "workspace/workspace_core.h"

#include <algorithm>
#include <cstdio>

namespace relais {
inline namespace v1 {
namespace {

constexpr std::string_view kEntity = "erp_system";
// The action journaled when an export gives a customer its id in a system.
constexpr std::string_view kNumbered = "number";
constexpr std::size_t kMaxNameLength = 32;

// System and plugin names: they become file names and map keys.
void check_name(std::string_view name, const std::string& field) {
  const bool valid = !name.empty() && name.size() <= kMaxNameLength &&
                     std::all_of(name.begin(), name.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                     });
  if (!valid) throw InvalidInputError(field, name, "must be 1 to 32 of a-z, 0-9, '_' and '-'");
}

ErpSystem stored_system(spi::Connection& connection, std::string_view system, bool lock = false) {
  auto found = detail::find_erp_system(connection, system, lock);
  if (!found) throw NotFoundError("erp_system", std::string(system));
  return std::move(*found);
}

std::vector<FieldChange> system_changes(const ErpSystem* before, const ErpSystem& after) {
  detail::ChangeList changes;
  const auto field = [&](std::string_view name, const auto member) {
    if (before) changes.compare(name, before->*member, after.*member);
    else changes.created(name, after.*member);
  };
  field("plugin", &ErpSystem::plugin);
  field("config", &ErpSystem::config);
  field("export_cursor", &ErpSystem::export_cursor);
  field("next_sequence", &ErpSystem::next_sequence);
  return changes.take();
}

// "sage-customers-20240305T101500Z-000123.csv": sorts by time, unique per cursor.
std::string file_name(const std::string& system, Timestamp now, JournalCursor cursor) {
  const auto day = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::seconds>(now - day)};
  char text[64];
  std::snprintf(text, sizeof text, "-customers-%04d%02u%02uT%02d%02d%02dZ-%06lld.csv", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<long long>(cursor));
  return system + text;
}

// One export, inside its write transaction; `state` is the system's row,
// locked.
class CustomerExport {
 public:
  CustomerExport(detail::WriteScope& scope, spi::ErpConnector& connector, const detail::MappingProfile& profile,
                 const ErpSystem& state)
      : scope_(scope), connector_(connector), profile_(profile), before_(state), state_(state) {}

  ErpExportReport run() {
    auto& connection = scope_.connection();
    ErpExportReport report{state_.system, "", 0, 0, 0, state_.export_cursor};
    const JournalCursor head = detail::read_head(connection).sequence;
    const auto ids = state_.export_cursor == 0 ? detail::unarchived_customer_ids(connection) : changed_since(head);
    if (ids.empty()) return report;
    std::vector<Customer> customers;
    for (auto& customer : detail::find_customers(connection, ids)) {
      if (customer.archived_at) {
        ++report.skipped_archived;
      } else if (customer.external_ids.contains(state_.system)) {
        customers.push_back(std::move(customer));
      } else {
        customers.push_back(number(customer));
        ++report.ids_assigned;
      }
    }
    std::string bytes = customers.empty() ? "" : detail::write_customers(customers, profile_);
    state_.export_cursor = report.cursor = head;
    save_state();
    // Last: once the file is out, only the commit is left to fail.
    if (!customers.empty()) report.file = connector_.send({file_name(state_.system, scope_.now(), head), bytes});
    report.exported = customers.size();
    return report;
  }

 private:
  std::vector<Uuid> changed_since(JournalCursor head) {
    std::vector<Uuid> ids;
    for (const auto& id :
         detail::records_changed(scope_.connection(), "customer", state_.export_cursor, head, kNumbered)) {
      ids.push_back(Uuid::parse(id));
    }
    return ids;
  }

  // Gives `customer` its id in the system: the connector's id for the next
  // sequence, skipping ids another customer already holds there (imported
  // from that system, say).
  Customer number(const Customer& customer) {
    std::string id, previous;
    do {
      previous = std::move(id);
      id = connector_.new_external_id(static_cast<std::uint64_t>(state_.next_sequence++));
      if (id == previous) {
        throw PluginError("the connector of '" + state_.system + "' numbers two sequences alike: " + id,
                          {{"system", state_.system}, {"external_id", id}});
      }
    } while (detail::customer_with_external_id(scope_.connection(), state_.system, id));
    Customer numbered = customer;
    numbered.external_ids[state_.system] = id;
    return detail::store_customer_change(scope_, customer, std::move(numbered), std::string(kNumbered));
  }

  void save_state() {
    state_.updated_at = scope_.now();
    detail::update_erp_system(scope_.connection(), state_);
    scope_.record({std::string(kEntity), state_.system, "export", system_changes(&before_, state_)});
  }

  detail::WriteScope& scope_;
  spi::ErpConnector& connector_;
  const detail::MappingProfile& profile_;
  const ErpSystem before_;
  ErpSystem state_;
};

}  // namespace

ErpSystem ErpExchange::configure(std::string_view system, std::string_view plugin, std::string_view config,
                                 std::int64_t expected_version) {
  core_.authorize(detail::Action::administer);  // before a plugin touches anything
  check_name(system, "system");
  check_name(plugin, "plugin");
  auto connector = detail::create_connector(core_.engine().host, system, plugin, config);
  detail::checked_profile(connector->profile(), system);
  return core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    auto& connection = scope.connection();
    const auto stored = detail::find_erp_system(connection, system, /*lock=*/true);
    if (!stored && expected_version != 0) throw NotFoundError("erp_system", std::string(system));
    if (stored && stored->version != expected_version) {
      throw ConflictError("erp system '" + std::string(system) + "' is at version " + std::to_string(stored->version) +
                              ", not " + std::to_string(expected_version) +
                              (expected_version == 0 ? ": it is configured already" : ": it changed since it was read"),
                          {{"entity", std::string(kEntity)}, {"id", std::string(system)},
                           {"expected_version", std::to_string(expected_version)},
                           {"current_version", std::to_string(stored->version)}});
    }
    ErpSystem configured = stored.value_or(ErpSystem{std::string(system), "", "", 0, 1, scope.now(), {}, 0});
    configured.plugin = plugin;
    configured.config = config;
    configured.updated_at = scope.now();
    configured.version += 1;
    if (stored) detail::update_erp_system(connection, configured);
    else detail::insert_erp_system(connection, configured);
    scope.record({std::string(kEntity), configured.system, "configure",
                  system_changes(stored ? &*stored : nullptr, configured)});
    return configured;
  });
}

std::vector<ErpSystem> ErpExchange::systems() const {
  return core_.read([](spi::Connection& connection) { return detail::list_erp_systems(connection); });
}

ErpSystem ErpExchange::system(std::string_view system) const {
  return core_.read([&](spi::Connection& connection) { return stored_system(connection, system); });
}

ErpExportReport ErpExchange::export_changes(std::string_view system) {
  const ErpSystem configured = this->system(system);
  auto slot = detail::erp_connector_slot(core_.engine().erp_connectors, core_.engine().host, configured);
  // Taken before the write transaction, as import_pending() does: one lock
  // order, no deadlock.
  std::lock_guard in_use(slot->in_use);
  const detail::MappingProfile profile = detail::checked_profile(slot->connector->profile(), system);
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    const ErpSystem state = stored_system(scope.connection(), system, /*lock=*/true);
    if (state.plugin != slot->plugin || state.config != slot->config) {
      throw ConflictError("erp system '" + std::string(system) + "' was reconfigured during the export: try again",
                          {{"entity", std::string(kEntity)}, {"id", std::string(system)}});
    }
    return CustomerExport(scope, *slot->connector, profile, state).run();
  });
}

std::vector<ErpImportResult> ErpExchange::import_pending(std::string_view system, const ImportOptions& options) {
  core_.authorize(detail::Action::write);  // before any file is taken
  auto slot = detail::erp_connector_slot(core_.engine().erp_connectors, core_.engine().host, this->system(system));
  std::lock_guard in_use(slot->in_use);
  const std::string profile = slot->connector->profile();
  detail::checked_profile(profile, system);
  std::vector<ErpImportResult> results;
  for (const auto& file : slot->connector->receive()) {
    ErpImportResult result{file.name, false, {}, ""};
    try {
      result.report = core_.customers.import_csv(file.bytes, profile, options);
      result.imported_ok = result.report.rejected == 0;
    } catch (const InvalidInputError& refused) {
      result.error = refused.what();
    }
    slot->connector->acknowledge(file, result.imported_ok);
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace v1
}  // namespace relais
