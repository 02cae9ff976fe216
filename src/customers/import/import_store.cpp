#include "customers/import/import_store.h"

namespace relais::inline v1::detail {
namespace {

void create_import_tables(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE customer_import_snapshots ("
      " customer_id TEXT NOT NULL REFERENCES customers (id),"
      " system TEXT NOT NULL,"
      " fields TEXT NOT NULL,"
      " imported_at BIGINT NOT NULL,"
      " PRIMARY KEY (customer_id, system))");
}

const Migration kImportMigrations[] = {
    {1, "snapshots of the values last imported per customer and source system", create_import_tables},
};

}  // namespace

SchemaArea customer_imports_schema() { return {"customer_imports", kImportMigrations}; }

std::optional<Uuid> customer_with_external_id(spi::Connection& connection, const std::string& system,
                                              const std::string& value) {
  spi::Value params[] = {system, value};
  auto rows = connection.query("SELECT customer_id FROM customer_external_ids WHERE system = ? AND value = ?", params);
  if (rows.empty()) return std::nullopt;
  return Uuid::parse(rows.front().text(0));
}

std::optional<std::string> find_import_snapshot(spi::Connection& connection, const Uuid& customer,
                                                const std::string& system) {
  spi::Value params[] = {customer.to_string(), system};
  auto rows = connection.query(
      "SELECT fields FROM customer_import_snapshots WHERE customer_id = ? AND system = ?", params);
  if (rows.empty()) return std::nullopt;
  return rows.front().text(0);
}

void save_import_snapshot(spi::Connection& connection, const Uuid& customer, const std::string& system,
                          const std::string& fields_json, Timestamp imported_at) {
  spi::Value params[] = {customer.to_string(), system, fields_json,
                         std::int64_t{imported_at.time_since_epoch().count()}};
  // Both engines know this upsert (SQLite since 3.24).
  connection.execute(
      "INSERT INTO customer_import_snapshots (customer_id, system, fields, imported_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (customer_id, system) DO UPDATE SET fields = excluded.fields, imported_at = excluded.imported_at",
      params);
}

}  // namespace relais::inline v1::detail
