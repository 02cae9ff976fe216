"""Users, roles and the acting user bound at open."""
import pytest

import relais


def test_a_new_workspace_acts_as_its_only_admin(workspace):
    assert workspace.actor.login == "admin"
    assert workspace.actor.role == relais.Role.ADMIN
    assert [user.login for user in workspace.users.list()] == ["admin"]


def test_create_takes_the_role_as_a_name_or_an_enum(workspace):
    marie = workspace.users.create("marie", "Marie Leroy", role="assistant")
    paul = workspace.users.create("paul", "Paul Guérin", role=relais.Role.TECHNICIAN)

    assert (marie.role, marie.active, marie.version) == (relais.Role.ASSISTANT, True, 1)
    assert paul.role == relais.Role.TECHNICIAN and str(paul.role) == "technician"
    assert workspace.users.get("marie") == marie
    assert sorted(user.login for user in workspace.users.list()) == ["admin", "marie", "paul"]


def test_open_as_role_and_login_binds_that_user(workspace, uri):
    workspace.users.create("marie", "Marie Leroy")

    as_marie = relais.open(uri, "assistant:marie")

    assert (as_marie.actor.login, as_marie.actor.role) == ("marie", relais.Role.ASSISTANT)
    created = as_marie.customers.create(name="Hélène Martin")
    assert workspace.customers.history(created.id)[0].actor == "marie"
    with pytest.raises(relais.PermissionDeniedError):
        relais.open(uri, "manager:marie")


def test_an_assistant_cannot_manage_users(workspace):
    workspace.users.create("marie", "Marie Leroy")
    as_marie = workspace.as_user("marie")

    with pytest.raises(PermissionError):
        as_marie.users.create("paul", "Paul Guérin")
    assert [user.login for user in as_marie.users.list()] == ["admin", "marie"]


def test_set_role_needs_the_current_version(workspace):
    marie = workspace.users.create("marie", "Marie Leroy")

    manager = workspace.users.set_role("marie", version=marie.version, role="manager")

    assert (manager.role, manager.version) == (relais.Role.MANAGER, marie.version + 1)
    with pytest.raises(relais.ConflictError):
        workspace.users.set_role("marie", version=marie.version, role="admin")


def test_a_deactivated_user_can_no_longer_open(workspace, uri):
    marie = workspace.users.create("marie", "Marie Leroy")

    inactive = workspace.users.set_active("marie", version=marie.version, active=False)

    assert inactive.active is False
    with pytest.raises(relais.PermissionDeniedError):
        relais.open(uri, "marie")


def test_the_last_admin_cannot_be_deactivated(workspace):
    with pytest.raises(relais.InvalidInputError):
        workspace.users.set_active("admin", version=workspace.actor.version, active=False)


def test_bad_user_input_is_rejected(workspace):
    with pytest.raises(relais.InvalidInputError) as caught:
        workspace.users.create("marie", "Marie Leroy", role="boss")
    assert [error.field for error in caught.value.field_errors] == ["role"]

    workspace.users.create("marie", "Marie Leroy")
    with pytest.raises(relais.ConflictError):
        workspace.users.create("marie", "Another Marie")
    with pytest.raises(relais.NotFoundError):
        workspace.users.get("nobody")
