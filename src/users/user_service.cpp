#include <relais/errors.h>
#include <relais/users.h>

#include "core/changes.h"
#include "users/user_store.h"
#include "workspace/workspace_core.h"

namespace relais {
inline namespace v1 {
namespace {

constexpr std::string_view kRoleNames[] = {"assistant", "technician", "manager", "admin"};
constexpr std::size_t kMaxLoginLength = 64;

bool is_login_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

void validate_draft(const UserDraft& draft) {
  FieldErrors errors;
  bool login_ok = !draft.login.empty() && draft.login.size() <= kMaxLoginLength;
  for (char c : draft.login) login_ok = login_ok && is_login_character(c);
  if (!login_ok) errors.add("login", draft.login, "expected 1 to 64 of a-z, 0-9, '.', '_', '-'");
  if (draft.display_name.empty() || draft.display_name.size() > 200) {
    errors.add("display_name", draft.display_name, "expected 1 to 200 bytes");
  }
  errors.throw_if_any();
}

detail::JournalRecord user_record(const User& user, std::string action, detail::ChangeList& changes) {
  return {"user", user.id.to_string(), std::move(action), changes.take()};
}

}  // namespace

std::string_view to_string(Role role) noexcept { return kRoleNames[static_cast<int>(role)]; }

Role parse_role(std::string_view text, std::string_view field) {
  for (std::size_t i = 0; i < std::size(kRoleNames); ++i) {
    if (kRoleNames[i] == text) return static_cast<Role>(i);
  }
  throw InvalidInputError(std::string(field), text, "expected assistant, technician, manager or admin");
}

User UserService::create(const UserDraft& draft) {
  validate_draft(draft);
  return core_.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    if (detail::find_user(scope.connection(), draft.login)) {
      throw ConflictError("login '" + draft.login + "' is already taken", {{"field", "login"}, {"value", draft.login}});
    }
    User user{Uuid::generate(core_.clock()), draft.login, draft.display_name, draft.role, true,
              scope.now(), scope.now(), 1};
    detail::insert_user(scope.connection(), user);
    detail::ChangeList changes;
    changes.created("login", user.login);
    changes.created("display_name", user.display_name);
    changes.created("role", std::string(to_string(user.role)));
    scope.record(user_record(user, "create", changes));
    return user;
  });
}

User UserService::get(std::string_view login) const {
  return core_.read([&](spi::Connection& connection) {
    auto user = detail::find_user(connection, login);
    if (!user) throw NotFoundError("user", std::string(login));
    return *user;
  });
}

std::vector<User> UserService::list() const {
  return core_.read([&](spi::Connection& connection) { return detail::all_users(connection); });
}

namespace {

// Applies `change` to the stored user under optimistic concurrency.
template <typename Change>
User change_user(detail::WorkspaceCore& core, std::string_view login, std::int64_t expected_version,
                 Change&& change) {
  return core.write(detail::Action::administer, [&](detail::WriteScope& scope) {
    auto stored = detail::find_user(scope.connection(), login);
    if (!stored) throw NotFoundError("user", std::string(login));
    if (stored->version != expected_version) {
      throw ConflictError("user '" + std::string(login) + "' changed since version " + std::to_string(expected_version),
                          {{"entity", "user"}, {"id", std::string(login)}, {"expected_version", std::to_string(expected_version)},
                           {"current_version", std::to_string(stored->version)}});
    }
    User updated = *stored;
    change(updated);
    updated.updated_at = scope.now();
    detail::update_user(scope.connection(), updated, expected_version);
    bool was_admin = stored->active && stored->role == Role::admin;
    if (was_admin && detail::count_active_admins(scope.connection()) == 0) {
      throw InvalidInputError("login", login, "the last active admin cannot be demoted or deactivated");
    }
    updated.version = expected_version + 1;
    detail::ChangeList changes;
    changes.compare("role", std::string(to_string(stored->role)), std::string(to_string(updated.role)));
    changes.compare("active", stored->active, updated.active);
    scope.record(user_record(updated, "update", changes));
    return updated;
  });
}

}  // namespace

User UserService::set_role(std::string_view login, std::int64_t expected_version, Role role) {
  return change_user(core_, login, expected_version, [&](User& user) { user.role = role; });
}

User UserService::set_active(std::string_view login, std::int64_t expected_version, bool active) {
  return change_user(core_, login, expected_version, [&](User& user) { user.active = active; });
}

namespace detail {

void create_first_admin(WriteScope& scope) {
  if (!all_users(scope.connection()).empty()) return;
  User admin{Uuid::generate(ManualClock(scope.now())), "admin", "Administrateur", Role::admin, true, scope.now(), scope.now(), 1};
  insert_user(scope.connection(), admin);
  ChangeList changes;
  changes.created("login", admin.login);
  changes.created("role", std::string(to_string(admin.role)));
  scope.record(user_record(admin, "create", changes));
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
