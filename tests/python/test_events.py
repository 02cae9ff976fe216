"""Events: in-process subscriptions (after commit, on the committing thread,
GIL taken) and the durable feed read by other workspaces, which waits with
the GIL released."""
import threading
import time

import pytest

import relais


def test_subscribers_are_called_after_commit(workspace, uri, new_customer):
    reader = relais.open(uri)
    committed_names = []

    def on_created(event):
        # Another workspace has its own connections: it sees the customer
        # only once the transaction has committed.
        committed_names.append(reader.customers.get(event.entity_id).name)

    with workspace.subscribe(on_created, type="CustomerCreated"):
        created = new_customer()

    assert committed_names == [created.name]


def test_type_filters_the_events_delivered(workspace, new_customer):
    seen = []
    with workspace.subscribe(seen.append, type="CustomerUpdated"):
        created = new_customer()
        workspace.customers.update(created.id, version=created.version, notes="call first")

    assert [(event.type, event.entity, event.entity_id) for event in seen] == [
        ("CustomerUpdated", "customer", str(created.id))]


def test_a_raising_callback_is_logged_and_does_not_undo_the_commit(workspace, new_customer, capfd):
    def broken(event):
        raise RuntimeError("callback broke")

    seen = []
    with workspace.subscribe(broken), workspace.subscribe(seen.append):
        created = new_customer()

    assert workspace.customers.get(created.id) == created
    assert [event.entity_id for event in seen] == [str(created.id)]
    assert "callback broke" in capfd.readouterr().err


def test_callbacks_run_on_the_committing_thread(workspace, new_customer):
    threads = []
    with workspace.subscribe(lambda event: threads.append(threading.get_ident())):
        writer = threading.Thread(target=new_customer)
        writer.start()
        writer.join()

    assert threads == [writer.ident]


def test_cancelled_or_dropped_subscriptions_stop_delivery(workspace, new_customer):
    seen = []
    with workspace.subscribe(seen.append) as subscription:
        assert subscription.active
        new_customer(name="Delivered")
    assert not subscription.active

    workspace.subscribe(seen.append)  # dropped at once: unsubscribed
    new_customer(name="Not delivered")

    assert [event.type for event in seen] == ["CustomerCreated"]


def test_changes_since_reads_commits_of_another_workspace(workspace, uri, new_customer):
    reader = relais.open(uri)
    cursor = reader.journal_head().sequence
    delivered = []
    with workspace.subscribe(delivered.append):
        ids = [str(new_customer(name=f"Client {n}").id) for n in range(3)]

    page = reader.changes_since(cursor)

    assert [(e.type, e.entity, e.entity_id, e.actor) for e in page.events] == [
        ("CustomerCreated", "customer", id, "admin") for id in ids]
    assert page.events == delivered
    assert page.next_cursor == page.events[-1].sequence
    assert reader.changes_since(page.next_cursor).events == []
    assert len(reader.changes_since(cursor, limit=2).events) == 2


def test_wait_for_changes_wakes_on_a_commit_from_another_thread(workspace, uri):
    reader = relais.open(uri, poll_interval=0.02)
    cursor = reader.journal_head().sequence

    def write_later():
        time.sleep(0.3)
        workspace.customers.create(name="Woken")

    writer = threading.Thread(target=write_later)
    writer.start()
    started = time.monotonic()
    page = reader.wait_for_changes(cursor, timeout=10)
    waited = time.monotonic() - started
    writer.join()

    assert [event.type for event in page.events] == ["CustomerCreated"]
    assert waited < 5


@pytest.mark.parametrize("timeout", [0.5, 1], ids=["float", "int"])
def test_waiting_for_changes_releases_the_gil(workspace, timeout):
    cursor = workspace.journal_head().sequence
    stop = threading.Event()
    ticks = []

    def tick():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    started = time.monotonic()
    page = workspace.wait_for_changes(cursor, timeout=timeout)
    waited = time.monotonic() - started
    stop.set()
    ticker.join()

    assert page.events == []
    assert waited >= timeout * 0.9
    # A held GIL would freeze the ticker for the whole wait.
    assert len(ticks) > 50


def test_concurrent_writers_each_deliver_their_events_once(workspace):
    def write(writer):
        for n in range(20):
            workspace.customers.create(name=f"Writer {writer} customer {n}")

    events = []
    writers = [threading.Thread(target=write, args=(writer,)) for writer in range(4)]
    with workspace.subscribe(events.append):
        for thread in writers:
            thread.start()
        for thread in writers:
            thread.join()

    assert len(events) == 80
    assert len({event.sequence for event in events}) == 80
