#include "users/user_store.h"

#include "storage/timestamps.h"

namespace relais::inline v1::detail {
namespace {

constexpr std::string_view kSelectUser =
    "SELECT id, login, display_name, role, active, created_at, updated_at, version FROM users";

void create_users_table(spi::Connection& connection) {
  connection.execute_script(
      "CREATE TABLE users ("
      " id TEXT PRIMARY KEY,"
      " login TEXT NOT NULL UNIQUE,"
      " display_name TEXT NOT NULL,"
      " role TEXT NOT NULL,"
      " active INTEGER NOT NULL,"
      " created_at BIGINT NOT NULL,"
      " updated_at BIGINT NOT NULL,"
      " version BIGINT NOT NULL)");
}

const Migration kUsersMigrations[] = {
    {1, "users", create_users_table},
};

User user_from_row(const spi::Row& row) {
  return User{Uuid::parse(row.text(0)), row.text(1), row.text(2), parse_role(row.text(3)),
              row.integer(4) != 0, timestamp_of(row.integer(5)), timestamp_of(row.integer(6)), row.integer(7)};
}

}  // namespace

SchemaArea users_schema() { return {"users", kUsersMigrations}; }

std::optional<User> find_user(spi::Connection& connection, std::string_view login) {
  spi::Value params[] = {std::string(login)};
  auto rows = connection.query(std::string(kSelectUser) + " WHERE login = ?", params);
  if (rows.empty()) return std::nullopt;
  return user_from_row(rows.front());
}

std::vector<User> all_users(spi::Connection& connection) {
  std::vector<User> users;
  for (const auto& row : connection.query(std::string(kSelectUser) + " ORDER BY login")) {
    users.push_back(user_from_row(row));
  }
  return users;
}

std::int64_t count_active_admins(spi::Connection& connection) {
  return connection.query("SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1").at(0).integer(0);
}

void insert_user(spi::Connection& connection, const User& user) {
  spi::Value params[] = {user.id.to_string(), user.login, user.display_name, std::string(to_string(user.role)),
                         std::int64_t{user.active}, std::int64_t{micros(user.created_at)},
                         std::int64_t{micros(user.updated_at)}, user.version};
  connection.execute(
      "INSERT INTO users (id, login, display_name, role, active, created_at, updated_at, version)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      params);
}

bool update_user(spi::Connection& connection, const User& user, std::int64_t expected_version) {
  spi::Value params[] = {std::string(to_string(user.role)), std::int64_t{user.active},
                         std::int64_t{micros(user.updated_at)}, user.login,
                         expected_version};
  return connection.execute(
             "UPDATE users SET role = ?, active = ?, updated_at = ?, version = version + 1"
             " WHERE login = ? AND version = ?",
             params) == 1;
}

}  // namespace relais::inline v1::detail
