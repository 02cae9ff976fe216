#include "storage/migrations.h"

#include "storage/transaction.h"

#include <string>

namespace relais::inline v1::detail {
namespace {

constexpr std::string_view kCreateSchemaTable =
    "CREATE TABLE IF NOT EXISTS relais_schema ("
    " area TEXT PRIMARY KEY,"
    " version INTEGER NOT NULL)";

void check_not_newer(std::string_view area, int recorded, int known) {
  if (recorded <= known) return;
  throw StorageError("the database schema of area '" + std::string(area) + "' is at version " +
                         std::to_string(recorded) + ", newer than this library knows (" +
                         std::to_string(known) + "); upgrade Relais to open it",
                     {{"operation", "migrate"}, {"area", std::string(area)},
                      {"database_version", std::to_string(recorded)},
                      {"library_version", std::to_string(known)}});
}

void migrate_area(spi::Connection& connection, const SchemaArea& area) {
  int recorded = recorded_version(connection, area.name);
  int known = area.migrations.empty() ? 0 : area.migrations.back().version;
  check_not_newer(area.name, recorded, known);
  for (const Migration& migration : area.migrations) {
    if (migration.version <= recorded) continue;
    migration.apply(connection);
    spi::Value params[] = {std::string(area.name), std::int64_t{migration.version}};
    connection.execute(connection.dialect().upsert("relais_schema", {"area", "version"}, {"area"}), params);
  }
}

}  // namespace

int recorded_version(spi::Connection& connection, std::string_view area) {
  spi::Value params[] = {std::string(area)};
  auto rows = connection.query("SELECT version FROM relais_schema WHERE area = ?", params);
  return rows.empty() ? 0 : static_cast<int>(rows.front().integer(0));
}

void migrate(spi::Connection& connection, std::span<const SchemaArea> areas) {
  in_transaction(connection, spi::TransactionMode::write, [&](spi::Connection& c) {
    if (auto lock = c.dialect().exclusive_lock_statement(); !lock.empty()) c.query(lock);
    c.execute_script(kCreateSchemaTable);
    for (const SchemaArea& area : areas) migrate_area(c, area);
  });
}

}  // namespace relais::inline v1::detail
