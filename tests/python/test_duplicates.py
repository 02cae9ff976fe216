"""Duplicate customers: refused at creation, checked, found in batch, reviewed."""
import pytest

import relais

TWIN = {"name": "Duret Electricite", "kind": "company", "phones": ["01.23.45.67.89"]}


def test_a_duplicate_is_refused_with_its_candidates(workspace, new_customer):
    original = new_customer()
    with pytest.raises(relais.DuplicateCustomerError) as caught:
        workspace.customers.create(**TWIN)

    error = caught.value
    assert isinstance(error, relais.ConflictError) and isinstance(error, relais.Error)
    assert issubclass(relais.DuplicateCustomerError, relais.ConflictError)
    assert error.code == "conflict"
    assert [c.customer.id for c in error.candidates] == [original.id]
    candidate = error.candidates[0]
    assert candidate.customer == original
    assert candidate.outcome in (relais.MatchOutcome.PROBABLE, relais.MatchOutcome.SURE)
    assert 0.7 <= candidate.score <= 1
    assert any("+33123456789" in reason for reason in candidate.reasons)
    assert [c.id for c in workspace.customers.list().items] == [original.id]  # nothing written


def test_a_conflict_handler_catches_a_duplicate(new_customer):
    new_customer()
    with pytest.raises(relais.ConflictError):
        new_customer(phones=["01 23 45 67 89"], emails=["contact@duret-elec.fr"])


def test_allow_duplicates_creates_the_twin(workspace, new_customer):
    original = new_customer()
    twin = workspace.customers.create(**TWIN, allow_duplicates=True)
    from_draft = workspace.customers.create(relais.CustomerDraft(**TWIN), allow_duplicates=True)
    assert len({original.id, twin.id, from_draft.id}) == 3
    with pytest.raises(relais.DuplicateCustomerError):
        workspace.customers.create(relais.CustomerDraft(**TWIN))


def test_check_duplicates_takes_a_draft_or_keywords(workspace, new_customer):
    original = new_customer()
    new_customer(name="Boulangerie du Port", kind="company", phones=["02 96 87 10 20"])

    by_keywords = workspace.customers.check_duplicates(**TWIN)
    by_draft = workspace.customers.check_duplicates(relais.CustomerDraft(**TWIN))
    assert [c.customer.id for c in by_keywords] == [c.customer.id for c in by_draft] == [original.id]
    assert workspace.customers.check_duplicates(name="Hélène Kerjean", phones=["06 78 12 34 56"]) == []
    # Thresholds above any score find nothing; nothing is ever written.
    assert workspace.customers.check_duplicates(**TWIN, sure=1.0, probable=1.0) in ([], by_keywords)
    assert len(workspace.customers.list().items) == 2
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.check_duplicates(**TWIN, sure=0.5, probable=0.8)
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.check_duplicates(name="", phones=["12"])


def test_find_duplicates_fills_the_queue_and_a_pair_can_be_dismissed(workspace, new_customer):
    original = new_customer()
    twin = workspace.customers.create(**TWIN, allow_duplicates=True)
    new_customer(name="Hélène Kerjean", kind="person", phones=["06 78 12 34 56"])

    calls = []
    report = workspace.customers.find_duplicates(batch_size=2, progress=lambda done, total: calls.append((done, total)))
    assert report.customers_scanned == 3
    assert report.sure + report.probable == 1
    assert report.comparisons >= 1 and report.resumed is False
    assert calls and calls[-1] == (3, 3)
    assert all(total == 3 and 0 < done <= total for done, total in calls)

    page = workspace.customers.duplicate_queue()
    assert page.next_cursor == ""
    [pair] = page.items
    assert {pair.a, pair.b} == {original.id, twin.id} and pair.a < pair.b
    assert pair.status == relais.ReviewStatus.PENDING and str(pair.status) == "pending"
    assert pair.outcome in (relais.MatchOutcome.PROBABLE, relais.MatchOutcome.SURE)
    assert pair.reasons and pair.found_at.tzinfo is not None

    # Found again, not queued twice.
    again = workspace.customers.find_duplicates()
    assert again.sure + again.probable == 0
    assert len(workspace.customers.duplicate_queue().items) == 1

    dismissed = workspace.customers.dismiss_duplicate(pair.id, version=pair.version)
    assert dismissed.status == relais.ReviewStatus.DISMISSED and dismissed.version == pair.version + 1
    assert workspace.customers.duplicate_queue().items == []
    assert workspace.customers.duplicate_queue(status="dismissed").items == [dismissed]
    with pytest.raises(relais.ConflictError):
        workspace.customers.dismiss_duplicate(str(pair.id), version=pair.version)
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.duplicate_queue(status="maybe")


def test_an_exception_in_the_progress_callback_stops_the_finder(workspace, new_customer):
    new_customer()
    workspace.customers.create(**TWIN, allow_duplicates=True)

    def stop(done, total):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        workspace.customers.find_duplicates(progress=stop)


def test_matching_functions():
    assert relais.fold_text("  Hélène-Marie  DURAND ") == "helene marie durand"
    assert relais.fold_text("Cœur") == "coeur"
    assert relais.normalize_address("12 bd de la Liberté") == "12 boulevard de la liberte"
    assert relais.jaro_winkler("", "") == 1.0
    assert relais.jaro_winkler("abc", "") == 0.0
    assert relais.jaro_winkler("martha", "marhta") == pytest.approx(0.961, abs=0.001)
    keys = relais.identity_keys(relais.CustomerDraft(name="DURAND Jean", phones=["06 12 34 56 78"]))
    assert keys.phones == ["+33612345678"] and keys.company is False
    assert [str(o) for o in relais.MatchOutcome.__members__.values()] == ["none", "probable", "sure"]
    assert str(relais.Survivorship.MOST_RECENT) == "most_recent"
