#pragma once
// Users are records with a role. A new workspace starts with one active
// admin, login "admin". The actor bound when a workspace is opened must be a
// known, active user.
#include <relais/clock.h>
#include <relais/export.h>
#include <relais/ids.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

enum class Role { assistant, technician, manager, admin };

RELAIS_API std::string_view to_string(Role role) noexcept;
// Parses "assistant", "technician", "manager" or "admin".
// Throws InvalidInputError naming `field` otherwise.
RELAIS_API Role parse_role(std::string_view text, std::string_view field = "role");

struct User {
  Uuid id;
  std::string login;         // unique, [a-z0-9._-], 1 to 64 characters
  std::string display_name;
  Role role = Role::assistant;
  bool active = true;
  Timestamp created_at{};
  Timestamp updated_at{};
  std::int64_t version = 0;
  bool operator==(const User&) const = default;
};

struct UserDraft {
  std::string login;
  std::string display_name;
  Role role = Role::assistant;
};

namespace detail { class WorkspaceCore; }

// Thread-safe; obtained from Workspace::users() and valid while the
// Workspace lives. Managing users needs the admin role
// (PermissionDeniedError otherwise); reading them needs any active user.
class RELAIS_API UserService {
 public:
  explicit UserService(detail::WorkspaceCore& core) : core_(core) {}
  // Throws InvalidInputError (bad login, empty name), ConflictError (login taken).
  User create(const UserDraft& draft);
  // Throws NotFoundError.
  User get(std::string_view login) const;
  std::vector<User> list() const;
  // Throws NotFoundError, ConflictError (stale version).
  User set_role(std::string_view login, std::int64_t expected_version, Role role);
  // Deactivated users keep their history but can no longer act. The last
  // active admin cannot be deactivated (InvalidInputError).
  User set_active(std::string_view login, std::int64_t expected_version, bool active);

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
