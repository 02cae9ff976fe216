#pragma once
// SQL for users: schema and row mapping.
#include <relais/users.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>

namespace relais::inline v1::detail {

SchemaArea users_schema();

std::optional<User> find_user(spi::Connection& connection, std::string_view login);
std::vector<User> all_users(spi::Connection& connection);
std::int64_t count_active_admins(spi::Connection& connection);
void insert_user(spi::Connection& connection, const User& user);
// Writes role, active, updated_at and version + 1 when the stored version
// is `expected_version`; returns false otherwise.
bool update_user(spi::Connection& connection, const User& user, std::int64_t expected_version);

}  // namespace relais::inline v1::detail

namespace relais::inline v1::detail {
class WriteScope;
// In a new workspace (no user yet), creates the active admin "admin",
// journaled with actor "system". Does nothing otherwise.
void create_first_admin(WriteScope& scope);
}  // namespace relais::inline v1::detail
