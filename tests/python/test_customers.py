"""Customers through the Python surface: create, read, update, archive,
paged listing and lookup, plus the pure validators and ids."""
from datetime import timezone

import pytest

import relais


def test_create_stores_normalized_record_readable_by_str_or_uuid(workspace, new_customer):
    created = new_customer(
        sites=[{"label": "Siège", "street": "3 rue de Brest", "postcode": "35000", "city": "Rennes"}],
        contacts=[relais.Contact(name="Anne Duret", role="gérante", phones=["06 12 34 56 78"])],
        tags=["vip"],
        external_ids={"sage": "C0042"},
    )

    assert created.version == 1
    assert created.id.version == 7
    assert created.kind == relais.CustomerKind.COMPANY
    assert created.phones == ["+33123456789"]
    assert created.emails == ["Contact@duret-elec.fr"]
    assert not created.sites[0].id.is_nil and created.sites[0].city == "Rennes"
    assert created.contacts[0].phones == ["+33612345678"]
    assert created.created_at.tzinfo is not None
    assert created.archived_at is None
    assert workspace.customers.get(str(created.id)) == created
    assert workspace.customers.get(created.id) == created


def test_create_accepts_a_draft_object(workspace):
    draft = relais.CustomerDraft(name="Hélène Martin", phones=["0612345678"])
    draft.kind = "person"

    created = workspace.customers.create(draft)

    assert (created.name, created.kind, created.phones) == ("Hélène Martin", relais.CustomerKind.PERSON, ["+33612345678"])


def test_update_changes_only_the_given_fields(workspace, new_customer):
    created = new_customer(notes="gate code 1234")

    updated = workspace.customers.update(created.id, version=created.version, name="Duret SARL", tags=["pro"])

    assert updated.version == created.version + 1
    assert (updated.name, updated.tags) == ("Duret SARL", ["pro"])
    assert (updated.phones, updated.emails, updated.notes) == (created.phones, created.emails, created.notes)
    assert workspace.customers.get(created.id) == updated


def test_update_with_a_stale_version_conflicts_and_writes_nothing(workspace, new_customer):
    created = new_customer()
    current = workspace.customers.update(created.id, version=created.version, notes="first")

    with pytest.raises(relais.ConflictError) as caught:
        workspace.customers.update(created.id, version=created.version, notes="second")

    assert isinstance(caught.value, relais.Error)
    assert caught.value.code == "conflict"
    assert workspace.customers.get(created.id) == current


def test_archive_hides_from_listing_but_keeps_the_record_readable(workspace, new_customer):
    created = new_customer()

    archived = workspace.customers.archive(created.id, version=created.version)

    assert archived.archived_at is not None and archived.archived_at.tzinfo == timezone.utc
    assert workspace.customers.list().items == []
    assert workspace.customers.list(include_archived=True).items == [archived]
    assert workspace.customers.get(created.id) == archived


def test_list_pages_through_customers_in_name_order(workspace, new_customer):
    names = [f"Client {letter}" for letter in "GCEAFBD"]
    for name in names:
        new_customer(name=name, tags=["vip"] if name in ("Client A", "Client B") else [])

    pages, after = [], ""
    while True:
        page = workspace.customers.list(after=after, limit=3)
        pages.append([customer.name for customer in page.items])
        if not page.next_cursor:
            break
        after = page.next_cursor

    assert pages == [["Client A", "Client B", "Client C"], ["Client D", "Client E", "Client F"], ["Client G"]]
    assert [c.name for c in workspace.customers.iter_all(page_size=2)] == sorted(names)
    assert [c.name for c in workspace.customers.list(tag="vip").items] == ["Client A", "Client B"]


def test_list_rejects_a_limit_out_of_range(workspace):
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.list(limit=0)


@pytest.mark.parametrize("written", ["06 12 34 56 78", "+33 6 12 34 56 78", "0033612345678", "06.12.34.56.78"])
def test_lookup_finds_a_phone_written_in_any_common_format(workspace, new_customer, written):
    own = new_customer(name="Own number", phones=["0612345678"])
    via_contact = new_customer(name="Via contact", phones=[], contacts=[{"name": "Gardien", "phones": ["+33612345678"]}])
    new_customer(name="Someone else", phones=["0698765432"])

    found = workspace.customers.lookup(phone=written)

    assert sorted(c.id for c in found) == sorted([own.id, via_contact.id])


def test_lookup_by_email_ignores_the_case_of_the_domain(workspace, new_customer):
    created = new_customer(emails=["anne@duret-elec.fr"])

    assert workspace.customers.lookup(email="anne@DURET-ELEC.FR") == [created]
    assert workspace.customers.lookup(email="nobody@example.com") == []


def test_lookup_takes_exactly_one_key(workspace):
    with pytest.raises(ValueError):
        workspace.customers.lookup()
    with pytest.raises(ValueError):
        workspace.customers.lookup(phone="0612345678", email="a@b.fr")


def test_lookup_rejects_what_is_not_a_phone_number(workspace):
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.lookup(phone="not a number")


def test_history_lists_each_change_of_the_customer(workspace, new_customer):
    created = new_customer(name="Duret Elec")
    updated = workspace.customers.update(created.id, version=1, name="Duret SARL")
    workspace.customers.archive(created.id, version=updated.version)

    history = workspace.customers.history(created.id)

    assert [entry.action for entry in history] == ["create", "update", "archive"]
    assert {entry.actor for entry in history} == {"admin"}
    name_change = next(change for change in history[1].changes if change.field == "name")
    assert (name_change.before, name_change.after) == ('"Duret Elec"', '"Duret SARL"')


def test_values_have_a_readable_repr(workspace, new_customer):
    created = new_customer()

    assert repr(created).startswith(f"relais.Customer(id='{created.id}', name='Duret Électricité'")
    assert repr(relais.Site(city="Rennes")) == "relais.Site(label='', postcode='', city='Rennes', work_site=False)"


def test_validators_normalize_french_identifiers():
    assert relais.normalize_phone("+33 (0)6 12 34 56 78") == "+33612345678"
    assert relais.format_phone_national("+33612345678") == "06 12 34 56 78"
    assert relais.normalize_email(" Anne@Duret-Elec.FR ") == "Anne@duret-elec.fr"
    assert relais.normalize_siret("732 829 320 00074") == "73282932000074"
    assert relais.normalize_siren("732 829 320") == "732829320"
    assert relais.normalize_vat_number("FR 44 732829320") == "FR44732829320"
    assert relais.normalize_postcode("35000") == "35000"
    assert relais.is_valid_siret("73282932000074") and not relais.is_valid_siret("73282932000075")
    assert not relais.is_valid_phone("06 12 34") and not relais.is_valid_email("not-an-email")


def test_a_validator_names_the_field_it_was_given():
    with pytest.raises(relais.InvalidInputError) as caught:
        relais.normalize_postcode("3500", field="sites[0].postcode")

    assert [error.field for error in caught.value.field_errors] == ["sites[0].postcode"]


def test_uuid_parses_compares_and_hashes():
    text = "018f3c1e-7b2a-7c3d-9e4f-0123456789ab"
    uuid = relais.Uuid(text.upper())

    assert str(uuid) == text and uuid == relais.Uuid.parse(text)
    assert {uuid: 1}[relais.Uuid(text)] == 1
    assert repr(uuid) == f"relais.Uuid('{text}')"
    assert uuid != text
    with pytest.raises(relais.InvalidInputError):
        relais.Uuid("not-a-uuid")
