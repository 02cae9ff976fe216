"""The exception hierarchy: each relais error is a relais.Error and the
matching built-in, carries a code and context, and bad input never stores
anything."""
import pytest

import relais

BAD_INPUT = {
    "empty name": ({"name": "  "}, "name"),
    "short phone": ({"phones": ["06 12 34"]}, "phones[0]"),
    "not an email": ({"emails": ["not-an-email"]}, "emails[0]"),
    "siret key": ({"siret": "73282932000075"}, "siret"),
    "10 MB name": ({"name": "x" * (10 * 1024 * 1024)}, "name"),
}


@pytest.mark.parametrize("fields, field", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_a_value_error_naming_the_field_and_stores_nothing(workspace, new_customer, fields, field):
    with pytest.raises(relais.InvalidInputError) as caught:
        new_customer(**fields)

    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, relais.Error)
    assert error.code == "invalid_input"
    assert field in [field_error.field for field_error in error.field_errors]
    assert all(len(field_error.value) < 200 for field_error in error.field_errors)
    assert len(str(error)) < 1000
    assert workspace.customers.list(include_archived=True).items == []


def test_every_bad_field_is_reported_at_once(workspace, new_customer):
    with pytest.raises(relais.InvalidInputError) as caught:
        new_customer(name="", emails=["not-an-email"], sites=[{"postcode": "3500"}])

    fields = {field_error.field for field_error in caught.value.field_errors}
    assert {"name", "emails[0]", "sites[0].postcode"} <= fields


def test_an_unknown_kind_is_invalid_input_naming_kind(new_customer):
    with pytest.raises(relais.InvalidInputError) as caught:
        new_customer(kind="robot")

    assert [field_error.field for field_error in caught.value.field_errors] == ["kind"]


def test_a_missing_record_is_a_key_error_with_a_plain_message(workspace):
    missing = "018f3c1e-7b2a-7c3d-9e4f-0123456789ab"

    with pytest.raises(KeyError) as caught:
        workspace.customers.get(missing)

    error = caught.value
    assert isinstance(error, relais.NotFoundError) and error.code == "not_found"
    assert missing in str(error) and not str(error).startswith(("'", '"'))
    assert missing in error.context.values()


def test_a_malformed_id_is_invalid_input_naming_id(workspace):
    with pytest.raises(relais.InvalidInputError) as caught:
        workspace.customers.get("not-a-uuid")

    assert [field_error.field for field_error in caught.value.field_errors] == ["id"]


def test_an_unknown_actor_is_a_permission_error(uri):
    relais.open(uri)  # creates the workspace; its only user is admin
    with pytest.raises(PermissionError) as caught:
        relais.open(uri, actor="nobody")

    assert isinstance(caught.value, relais.PermissionDeniedError)
    assert caught.value.code == "permission_denied"


def test_a_missing_storage_plugin_is_a_plugin_error(tmp_path):
    with pytest.raises(relais.PluginError) as caught:
        relais.open(f"sqlite://{tmp_path / 'relais.db'}", storage_plugin="no-such-plugin")

    assert caught.value.code == "plugin"
    assert "no-such-plugin" in str(caught.value)


def test_errors_raised_from_python_have_the_class_defaults():
    error = relais.ConflictError("changed meanwhile")

    assert (error.code, dict(error.context), str(error)) == ("conflict", {}, "changed meanwhile")
    assert relais.InvalidInputError("bad").field_errors == ()
    assert issubclass(relais.StorageError, relais.Error)
