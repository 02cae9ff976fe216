#include "erp/erp_store.h"

#include "storage/timestamps.h"

#include <string>

namespace relais::inline v1::detail {
namespace {

constexpr std::string_view kSelectSystem =
    "SELECT system, plugin, config, export_cursor, next_sequence, created_at, updated_at, version FROM erp_systems";

void create_erp_tables(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE erp_systems ("
      " system TEXT PRIMARY KEY,"
      " plugin TEXT NOT NULL,"
      " config TEXT NOT NULL,"
      " export_cursor BIGINT NOT NULL,"
      " next_sequence BIGINT NOT NULL,"
      " created_at BIGINT NOT NULL,"
      " updated_at BIGINT NOT NULL,"
      " version BIGINT NOT NULL)");
}

const Migration kErpMigrations[] = {
    {1, "external systems: connector, export cursor, numbering", create_erp_tables},
};

ErpSystem system_from_row(const spi::Row& row) {
  return {row.text(0),    row.text(1),
          row.text(2),    row.integer(3),
          row.integer(4), timestamp_of(row.integer(5)),
          timestamp_of(row.integer(6)), row.integer(7)};
}

}  // namespace

SchemaArea erp_schema() { return {"erp", kErpMigrations}; }

std::optional<ErpSystem> find_erp_system(spi::Connection& connection, std::string_view system, bool lock) {
  std::string sql = std::string(kSelectSystem) + " WHERE system = ?";
  if (lock) sql += connection.dialect().lock_rows_suffix();
  spi::Value params[] = {std::string(system)};
  auto rows = connection.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return system_from_row(rows.front());
}

std::vector<ErpSystem> list_erp_systems(spi::Connection& connection) {
  std::vector<ErpSystem> systems;
  for (const auto& row : connection.query(std::string(kSelectSystem) + " ORDER BY system")) {
    systems.push_back(system_from_row(row));
  }
  return systems;
}

void insert_erp_system(spi::Connection& connection, const ErpSystem& system) {
  spi::Value params[] = {system.system,        system.plugin,           system.config,
                         system.export_cursor, system.next_sequence,    micros(system.created_at),
                         micros(system.updated_at), system.version};
  connection.execute(
      "INSERT INTO erp_systems (system, plugin, config, export_cursor, next_sequence, created_at, updated_at, version)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      params);
}

void update_erp_system(spi::Connection& connection, const ErpSystem& system) {
  spi::Value params[] = {system.plugin,         system.config,  system.export_cursor, system.next_sequence,
                         micros(system.updated_at), system.version, system.system};
  connection.execute(
      "UPDATE erp_systems SET plugin = ?, config = ?, export_cursor = ?, next_sequence = ?, updated_at = ?,"
      " version = ? WHERE system = ?",
      params);
}

}  // namespace relais::inline v1::detail
