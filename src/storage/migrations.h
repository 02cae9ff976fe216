#pragma once
// Versioned schema migrations, per area. Each area (customers, desk, ...)
// lists its migrations in its own folder; the workspace runs them on open.
#include <relais/spi/storage.h>

#include <functional>
#include <span>
#include <string_view>

namespace relais::inline v1::detail {

struct Migration {
  int version;                    // 1, 2, 3... in order, never reused
  std::string_view description;
  std::function<void(spi::Connection&)> apply;
};

struct SchemaArea {
  std::string_view name;          // "journal", "users", "customers"
  std::span<const Migration> migrations;
};

// Applies, in one write transaction, every migration newer than what the
// database records for each area, in the order given. Serialized across
// processes by the dialect's exclusive lock. Throws StorageError naming the
// area and both versions when the database is newer than this library; the
// database is then left untouched.
void migrate(spi::Connection& connection, std::span<const SchemaArea> areas);

// The versions recorded in the database, per area (empty before the first
// migration).
int recorded_version(spi::Connection& connection, std::string_view area);

}  // namespace relais::inline v1::detail
