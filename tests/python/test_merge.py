"""Merging two records of one customer, and undoing it."""
import pytest

import relais

FIELDS = ("id", "kind", "name", "phones", "emails", "siret", "vat_number", "sites", "contacts", "notes",
          "tags", "external_ids", "created_at", "archived_at")


def fields(customer):
    """Everything but version and updated_at, which a merge and its undo move on."""
    return {name: getattr(customer, name) for name in FIELDS}


@pytest.fixture
def twins(workspace, new_customer):
    survivor = new_customer(sites=[{"label": "Siège", "street": "12 rue de Dinan", "postcode": "35000",
                                    "city": "Rennes"}], tags=["pro"], external_ids={"erp": "MDE-1"})
    other = workspace.customers.create(
        name="Duret Electricite", kind="company", phones=["01 23 45 67 89"], emails=["compta@duret-elec.fr"],
        notes="Client depuis 2015, paie à 30 jours", tags=["sage"], external_ids={"sage": "411DURET"},
        contacts=[{"name": "Anne Duret", "role": "gérante", "phones": ["06 12 34 56 78"]}],
        allow_duplicates=True)
    return survivor, other


def test_merge_then_unmerge_restores_both_records(workspace, twins):
    survivor, other = twins
    result = workspace.customers.merge(survivor.id, other.id, survivor_version=survivor.version,
                                       other_version=other.version)
    merged = result.survivor
    assert merged.id == survivor.id and merged == workspace.customers.get(survivor.id)
    assert set(merged.tags) == {"pro", "sage"}
    assert merged.external_ids == {"erp": "MDE-1", "sage": "411DURET"}
    assert [c.name for c in merged.contacts] == ["Anne Duret"]
    assert merged.notes == other.notes  # most_complete: the longer text
    assert workspace.customers.get(other.id).archived_at is not None

    undone = workspace.customers.unmerge(result.merge_id)
    assert undone.conflicts == []
    assert fields(undone.survivor) == fields(survivor)
    assert fields(undone.restored) == fields(other)
    assert fields(workspace.customers.get(survivor.id)) == fields(survivor)
    assert fields(workspace.customers.get(str(other.id))) == fields(other)
    with pytest.raises(relais.ConflictError):
        workspace.customers.unmerge(result.merge_id)


def test_merge_without_versions_reads_them(workspace, twins):
    survivor, other = twins
    result = workspace.customers.merge(str(survivor.id), other.id, rule=relais.Survivorship.MOST_RECENT,
                                       picked={"name": other.id})
    assert result.survivor.name == other.name
    assert result.survivor.version > survivor.version


def test_merge_with_a_stale_version_is_refused(workspace, twins):
    survivor, other = twins
    workspace.customers.update(other.id, version=other.version, notes="changed meanwhile")
    with pytest.raises(relais.ConflictError):
        workspace.customers.merge(survivor.id, other.id, survivor_version=survivor.version,
                                  other_version=other.version)
    assert workspace.customers.get(other.id).archived_at is None


def test_merge_errors(workspace, twins):
    survivor, other = twins
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.merge(survivor.id, survivor.id)
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.merge(survivor.id, other.id, rule="oldest")
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.merge("not-an-id", other.id)
    with pytest.raises(relais.NotFoundError):
        workspace.customers.unmerge(relais.Uuid("01a20db3-fc78-701c-92c3-a47ae88d567d"))
