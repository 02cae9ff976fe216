"""The journal: audit trail, per-record history, hash-chain verification and
GDPR erasure."""
from datetime import datetime, timedelta, timezone

import pytest

import relais


def test_verify_journal_accepts_an_untouched_chain(workspace, new_customer):
    created = new_customer()
    workspace.customers.update(created.id, version=created.version, notes="x")
    head = workspace.journal_head()

    result = workspace.verify_journal()

    assert result.ok and result.problems == []
    assert result.entries_checked == head.sequence
    assert result.head == head.hash
    assert workspace.verify_journal(expected_head=head).ok


def test_verify_journal_reports_a_head_it_cannot_find(workspace, new_customer):
    new_customer()
    head = workspace.journal_head()
    forged = relais.JournalHead(sequence=head.sequence + 5, hash="0" * 64)

    result = workspace.verify_journal(expected_head=forged)

    assert not result.ok
    assert relais.JournalProblemKind.HEAD_MISMATCH in [problem.kind for problem in result.problems]


def test_journal_pages_are_contiguous(workspace, new_customer):
    for n in range(4):
        new_customer(name=f"Client {n}")

    first = workspace.journal(0, limit=2)
    rest = workspace.journal(first.next_cursor, limit=100)

    sequences = [entry.sequence for entry in first.entries + rest.entries]
    assert sequences == list(range(1, workspace.journal_head().sequence + 1))
    assert all(len(entry.hash) == 64 for entry in rest.entries)


def test_history_of_a_customer_is_the_same_from_workspace_and_service(workspace, new_customer):
    created = new_customer()
    workspace.customers.archive(created.id, version=created.version)

    from_workspace = workspace.history("customer", str(created.id))

    assert [entry.action for entry in from_workspace] == ["create", "archive"]
    assert [e.sequence for e in from_workspace] == [e.sequence for e in workspace.customers.history(created.id)]


def test_times_come_from_the_injected_clock(uri):
    start = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)
    clock = relais.ManualClock(start)
    workspace = relais.open(uri, clock=clock)

    created = workspace.customers.create(name="Hélène Martin")
    clock.advance(timedelta(hours=2))
    updated = workspace.customers.update(created.id, version=1, notes="rappeler")

    assert created.created_at == start
    assert updated.updated_at == start + timedelta(hours=2)
    assert [entry.time for entry in workspace.customers.history(created.id)] == [start, start + timedelta(hours=2)]


def test_erasing_a_payload_keeps_the_chain_valid(workspace, new_customer):
    created = new_customer()
    entry = workspace.customers.history(created.id)[0]

    workspace.erase_journal_payload(entry.sequence)

    erased = workspace.customers.history(created.id)[0]
    assert erased.payload_erased and erased.changes == []
    assert erased.payload_hash == entry.payload_hash
    assert workspace.verify_journal().ok


def test_only_an_admin_may_erase_a_payload(workspace, new_customer):
    entry = workspace.customers.history(new_customer().id)[0]
    workspace.users.create("marie", "Marie Leroy")

    with pytest.raises(relais.PermissionDeniedError):
        workspace.as_user("marie").erase_journal_payload(entry.sequence)
    with pytest.raises(relais.NotFoundError):
        workspace.erase_journal_payload(10_000)
