"""Search through the Python surface: keywords or a SearchQuery, accents
and phone fragments, filters, paging, errors. Interactions and tickets are
written by the desk's own binding; these tests search customers."""
from datetime import datetime, timedelta, timezone

import pytest

import relais


def test_accents_and_case_do_not_matter(workspace, new_customer):
    customer = new_customer(name="Électricité Générale Morvan")

    for text in ("electricite", "ÉLECTRICITÉ", "électricité", "electricite gener"):
        page = workspace.desk.search(text)
        assert [hit.id for hit in page] == [customer.id], text
    hit = page.hits[0]
    assert hit.kind == relais.SearchKind.CUSTOMER and str(hit.kind) == "customer"
    assert hit.customer == customer.id
    assert hit.title == "Électricité Générale Morvan"
    assert hit.time.tzinfo is not None
    assert hit.score > 0
    assert "SearchHit(kind='customer'" in repr(hit)


def test_four_digits_of_a_phone_find_its_customer(workspace, new_customer):
    customer = new_customer(phones=["02 98 76 54 32"])

    for text in ("5432", "987654", "02 98 76", "+33 2 98 76 54 32"):
        assert [hit.id for hit in workspace.desk.search(text)] == [customer.id], text


def test_a_query_object_and_filters(workspace, new_customer):
    customer = new_customer(name="Borne Services")
    query = relais.SearchQuery("borne", kinds=["customer"], limit=5)
    assert [hit.id for hit in workspace.desk.search(query)] == [customer.id]

    assert len(workspace.desk.search("borne", kinds=[relais.SearchKind.TICKET])) == 0
    assert len(workspace.desk.search("borne", statuses=["open"])) == 0
    now = datetime.now(timezone.utc)
    assert len(workspace.desk.search("borne", from_=now + timedelta(hours=1))) == 0
    assert len(workspace.desk.search("borne", from_=now - timedelta(hours=1), to=now + timedelta(hours=1))) == 1


def test_archived_customers_only_when_asked(workspace, new_customer):
    customer = new_customer(name="Ancien Client")
    workspace.customers.archive(customer.id, version=customer.version)

    assert len(workspace.desk.search("ancien")) == 0
    [hit] = workspace.desk.search("ancien", include_archived=True)
    assert hit.archived


def test_pages_follow_each_other(workspace, new_customer):
    created = {new_customer(name=f"Prise Service {i}", allow_duplicates=True).id for i in range(7)}

    seen, after = [], ""
    while True:
        page = workspace.desk.search("prise", limit=3, after=after)
        assert not page.by_recency
        seen += [hit.id for hit in page]
        if not page.next_cursor:
            break
        after = page.next_cursor
    assert len(seen) == 7 and set(seen) == created


@pytest.mark.parametrize("text", ["", "   ", "*** ((( ---", "x" * 1001])
def test_text_that_cannot_be_searched_names_the_field(workspace, text):
    with pytest.raises(relais.InvalidInputError) as raised:
        workspace.desk.search(text)
    assert isinstance(raised.value, ValueError)
    assert raised.value.field_errors[0].field == "text"


def test_query_syntax_is_only_text(workspace, new_customer):
    new_customer(name="Durand Électricité")

    for text in ('"AND OR NEAR(', "durand*", "-durand", "name:durand", "'; DROP TABLE customers; --"):
        workspace.desk.search(text)
    assert len(workspace.desk.search("durand OR martin")) == 0


def test_bad_filters_name_their_field(workspace):
    for arguments, field in (({"statuses": ["lost"]}, "statuses"), ({"kinds": ["quote"]}, "kinds"),
                             ({"limit": 0}, "limit"), ({"after": "nope"}, "after")):
        with pytest.raises(relais.InvalidInputError) as raised:
            workspace.desk.search("prise", **arguments)
        assert raised.value.field_errors[0].field == field
