// Users and roles.
#include "binding.h"

#include <relais/users.h>

#include <tuple>

namespace relais::python {

template <>
struct EnumMembers<Role> {
  static constexpr std::array members{
      std::pair{Role::assistant, "assistant"},
      std::pair{Role::technician, "technician"},
      std::pair{Role::manager, "manager"},
      std::pair{Role::admin, "admin"},
  };
};

namespace {

void bind_user(py::module_& m) {
  py::class_<User>(m, "User", "A person who acts on the workspace; every change records its login.")
      .def_readonly("id", &User::id, "The user's record id.")
      .def_readonly("login", &User::login, "Unique, [a-z0-9._-], 1 to 64 characters.")
      .def_readonly("display_name", &User::display_name, "The name shown to people.")
      .def_readonly("role", &User::role, "A relais.Role.")
      .def_readonly("active", &User::active, "Whether the user may act; a deactivated user keeps their history.")
      .def_readonly("created_at", &User::created_at, "Aware datetime, UTC.")
      .def_readonly("updated_at", &User::updated_at, "Aware datetime, UTC.")
      .def_readonly("version", &User::version, "Pass back to set_role() / set_active().")
      .def("__eq__", [](const User& a, const User& b) {
        return std::tie(a.id, a.login, a.display_name, a.role, a.active, a.created_at, a.updated_at, a.version) ==
               std::tie(b.id, b.login, b.display_name, b.role, b.active, b.created_at, b.updated_at, b.version);
      }, py::is_operator())
      .def("__repr__", [](const User& user) {
        return "relais.User(login=" + quoted(user.login) + ", display_name=" + quoted(user.display_name) +
               ", role=" + quoted(enum_name(user.role)) +
               ", active=" + (user.active ? "True" : "False") + ", version=" + std::to_string(user.version) + ")";
      });
}

void bind_user_service(py::module_& m) {
  using Release = py::call_guard<py::gil_scoped_release>;
  py::class_<UserService>(m, "UserService",
                          "The workspace's users (Workspace.users). Managing them needs the admin role "
                          "(PermissionDeniedError otherwise); reading them needs any active user. Thread-safe.")
      .def("create", [](UserService& users, std::string login, std::string display_name, const EnumArg<Role>& role) {
        return users.create({std::move(login), std::move(display_name), to_enum(role, "role")});
      }, py::arg("login"), py::arg("display_name"), py::arg("role") = "assistant", Release(),
           "Adds an active user. `role` is a relais.Role or its name. Raises InvalidInputError (bad login, "
           "empty name, unknown role), ConflictError (login taken). Releases the GIL.")
      .def("get", &UserService::get, py::arg("login"), Release(),
           "The user with this login. Raises NotFoundError. Releases the GIL.")
      .def("list", &UserService::list, Release(), "Every user, active or not. Releases the GIL.")
      .def("set_role", [](UserService& users, const std::string& login, std::int64_t version, const EnumArg<Role>& role) {
        return users.set_role(login, version, to_enum(role, "role"));
      }, py::arg("login"), py::kw_only(), py::arg("version"), py::arg("role"), Release(),
           "Changes the user's role when their version is still `version`; returns the updated user. "
           "Raises NotFoundError, ConflictError (stale version). Releases the GIL.")
      .def("set_active", &UserService::set_active, py::arg("login"), py::kw_only(), py::arg("version"),
           py::arg("active"), Release(),
           "Activates or deactivates the user when their version is still `version`. The last active admin "
           "cannot be deactivated (InvalidInputError). Raises NotFoundError, ConflictError. Releases the GIL.");
}

}  // namespace

void bind_users(py::module_& m) {
  bind_enum<Role>(m, "Role", "A user's role. Wherever a role is expected, its name ('assistant') is accepted too.");
  bind_user(m);
  bind_user_service(m);
}

}  // namespace relais::python
