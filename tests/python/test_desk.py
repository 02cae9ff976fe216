"""The desk from Python (ws.desk): calls and caller lookup, the IncomingCall
event, tickets through their lifecycle, work lists, the 360° view, the
web-form intake and the errors of bad input."""
import json
from datetime import datetime, timedelta, timezone

import pytest

import relais

# 2026-11-24 09:00 in Paris.
START = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def clock():
    return relais.ManualClock(START)


@pytest.fixture
def ws(uri, clock):
    return relais.open(uri, clock=clock)


@pytest.fixture
def customer(ws):
    return ws.customers.create(
        name="Électricité Durand SARL", kind="company", phones=["02 99 12 34 56"],
        sites=[{"label": "Siège", "street": "12 boulevard de la Liberté", "postcode": "35000", "city": "Rennes"}],
        contacts=[{"name": "Sophie Durand", "phones": ["06.12.34.56.78"]}])


def test_a_logged_call_is_traced_with_its_number_duration_and_time(ws, customer, clock):
    call = ws.desk.log_call(customer=customer.id, contact=customer.contacts[0].id, phone="06 12 34 56 78",
                            duration=timedelta(minutes=3, seconds=5), subject="Panne tableau")

    assert call.kind == relais.InteractionKind.CALL
    assert call.phone == "+33612345678"
    assert call.duration == timedelta(seconds=185)
    assert call.occurred_at == clock.now()
    assert call.outcome == relais.CallOutcome.ANSWERED
    assert call.user == "admin"
    assert ws.desk.get_interaction(call.id) == call
    assert ws.desk.get_interaction(str(call.id)) == call

    draft = relais.CallDraft(phone="0299123456", customer=str(customer.id), duration=42, outcome="missed")
    missed = ws.desk.log_call(draft)
    assert (missed.duration, missed.outcome) == (timedelta(seconds=42), relais.CallOutcome.MISSED)
    assert [i.id for i in ws.desk.timeline(customer.id).interactions] == [missed.id, call.id]


def test_incoming_call_event_reaches_a_python_callback_with_the_number_and_customers(ws, customer):
    rings = []
    with ws.subscribe(rings.append, type="IncomingCall"):
        lookup = ws.desk.incoming_call("+33 (0)6 12 34 56 78")

    assert lookup.known and lookup.display == "06 12 34 56 78"
    assert [(m.customer.id, m.contact.name) for m in lookup.matches] == [(customer.id, "Sophie Durand")]
    assert len(rings) == 1
    changes = {change.field: json.loads(change.after) for change in rings[0].changes}
    assert changes == {"number": "+33612345678", "customers": [str(customer.id)]}
    assert ws.changes_since(rings[0].sequence - 1, limit=1).events[0] == rings[0]
    assert not ws.desk.lookup_caller("07 00 00 00 01").known


def test_a_ticket_follows_its_lifecycle_and_an_illegal_move_is_named(ws, customer):
    statuses = []
    with ws.subscribe(lambda event: statuses.append(event.type)):
        ticket = ws.desk.open_ticket(customer=customer.id, subject="Disjoncteur qui saute", kind="breakdown")
        assert (ticket.number, ticket.status) == ("T-2026-000001", relais.TicketStatus.NEW)
        assert str(ticket.status) == "new"

        with pytest.raises(relais.InvalidInputError, match="new -> closed") as refused:
            ws.desk.set_status(ticket.id, version=ticket.version, status=relais.TicketStatus.CLOSED)
        assert refused.value.field_errors[0].value == "new -> closed"

        for status in ("open", "resolved", "closed"):
            ticket = ws.desk.set_status(ticket.id, version=ticket.version, status=status)
        assert ticket.closed_at is not None
        with pytest.raises(relais.InvalidInputError) as no_reason:
            ws.desk.set_status(ticket.id, version=ticket.version, status="open")
        assert no_reason.value.field_errors[0].field == "reason"
        ticket = ws.desk.set_status(ticket.id, version=ticket.version, status="open",
                                    reason="Le client rappelle : ça recommence")

    assert (ticket.status, ticket.version, ticket.closed_at) == (relais.TicketStatus.OPEN, 5, None)
    history = ws.desk.ticket_history(ticket.id)
    assert [entry.action for entry in history] == ["open"] + ["set_status"] * 4
    assert "reason" in [change.field for change in history[-1].changes]
    assert statuses[0] == "TicketOpened" and statuses[-1] == "TicketStatusChanged"
    assert ws.desk.find_ticket("T-2026-000001") == ticket


def test_a_stale_version_is_a_conflict_and_writes_nothing(ws, customer):
    ws.users.create("marie", "Marie")
    ticket = ws.desk.open_ticket(customer=customer.id, subject="Devis borne")
    assigned = ws.desk.assign(ticket.id, version=ticket.version, assignee="marie")

    with pytest.raises(relais.ConflictError):
        ws.desk.assign(ticket.id, version=ticket.version, assignee="admin")
    with pytest.raises(relais.ConflictError):
        ws.desk.update_ticket(ticket.id, version=ticket.version, subject="Autre chose")
    with pytest.raises(relais.InvalidInputError):
        ws.desk.assign(ticket.id, version=assigned.version, assignee="nobody")
    assert ws.desk.get_ticket(ticket.id) == assigned


def test_updates_change_only_what_is_given_and_none_clears(ws, customer, clock):
    ticket = ws.desk.open_ticket(customer=customer.id, subject="Rappeler", site=customer.sites[0].id,
                                 due_at=START + timedelta(days=1))
    changed = ws.desk.update_ticket(ticket.id, version=ticket.version, site=None, priority="high")
    assert (changed.site, changed.priority, changed.due_at) == (None, relais.TicketPriority.HIGH, ticket.due_at)
    changes = relais.TicketChanges(due_at=None, queue="sav")
    changed = ws.desk.update_ticket(ticket.id, changes, version=changed.version)
    assert (changed.due_at, changed.queue, changed.priority) == (None, "sav", relais.TicketPriority.HIGH)

    call = ws.desk.log_call(phone="02 99 00 11 22", outcome="to_qualify")
    assert call.customer is None
    assert [c.id for c in ws.desk.calls_to_qualify().interactions] == [call.id]
    qualified = ws.desk.update_interaction(call.id, version=call.version, customer=customer.id,
                                           outcome="answered", subject="Demande de devis", ticket=ticket.id)
    assert (qualified.customer, qualified.ticket, qualified.version) == (customer.id, ticket.id, 2)
    unlinked = ws.desk.update_interaction(call.id, relais.InteractionChanges(ticket=None), version=2)
    assert unlinked.ticket is None and unlinked.subject == "Demande de devis"
    assert ws.desk.calls_to_qualify().interactions == []


def test_work_lists_show_what_is_late_and_what_is_for_today(ws, customer, clock):
    def due(offset, assignee="admin"):
        return ws.desk.open_ticket(customer=customer.id, subject="Rappeler le client", assignee=assignee,
                                   due_at=None if offset is None else START + offset)

    late = due(-timedelta(hours=2))
    today = due(timedelta(hours=6))
    due(timedelta(hours=30))
    undated = due(None)
    unassigned_late = due(-timedelta(hours=1), assignee="")

    assert [t.id for t in ws.desk.overdue().tickets] == [late.id, unassigned_late.id]
    assert [t.id for t in ws.desk.my_work_today().tickets] == [late.id, today.id, undated.id]
    assert [t.id for t in ws.desk.tickets(assignee="").tickets] == [unassigned_late.id]

    first = ws.desk.tickets(limit=2)
    second = ws.desk.tickets(relais.TicketQuery(limit=2, after=first.next_cursor))
    third = ws.desk.tickets(limit=2, after=second.next_cursor)
    assert len(first.tickets) + len(second.tickets) + len(third.tickets) == 5
    assert third.next_cursor == "" and third.tickets[-1].id == undated.id

    paul_request = ws.desk.open_ticket(customer=customer.id, subject="Devis VMC", kind="technician_request")
    assert paul_request.stage == relais.TechnicianStage.QUOTE_TO_PREPARE
    sent = ws.desk.set_stage(paul_request.id, version=paul_request.version, stage="quote_sent")
    assert [t.stage for t in ws.desk.tickets(requested_by="admin").tickets] == [sent.stage]
    assert [t.id for t in ws.desk.tickets(statuses=["new"], kind="technician_request").tickets] == [sent.id]


def test_customer_view_gathers_tickets_timeline_counts_and_parts(ws, customer, clock):
    ticket = ws.desk.open_ticket(customer=customer.id, subject="Panne")
    for i in range(3):
        clock.advance(60)
        ws.desk.log_call(customer=customer.id, ticket=ticket.id, phone="02 99 12 34 56", subject=f"Appel {i}")
    ws.desk.log_interaction(kind="note", customer=customer.id, notes="Portail bleu, sonner deux fois")
    comment = ws.desk.add_comment(ticket.id, "Pièce commandée", internal=True)

    view = ws.desk.customer_view(customer.id, limit=3)
    assert view.customer == ws.customers.get(customer.id)
    assert [t.id for t in view.open_tickets] == [ticket.id]
    assert [i.kind for i in view.timeline.interactions] == [relais.InteractionKind.NOTE] + [relais.InteractionKind.CALL] * 2
    assert view.counts.interactions == {"call": 3, "note": 1}
    assert (view.counts.open_tickets, view.counts.tickets) == (1, 1)
    assert view.parts["duplicates"].counts["pending"] == 0
    rest = ws.desk.timeline(customer.id, relais.TimelineQuery(after=view.timeline.next_cursor))
    assert len(rest.interactions) == 1
    assert [i.kind for i in ws.desk.timeline(customer.id, kinds=["note"]).interactions] == [relais.InteractionKind.NOTE]
    assert ws.desk.comments(ticket.id) == [comment] and comment.internal


def test_bad_input_names_each_field_and_unknown_records_are_not_found(ws, customer):
    with pytest.raises(relais.InvalidInputError) as bad:
        ws.desk.log_call(customer=customer.id, phone="not a number", duration=-5,
                         started_at=datetime(1900, 1, 1, tzinfo=timezone.utc))
    assert {e.field for e in bad.value.field_errors} == {"phone", "duration", "started_at"}
    with pytest.raises(relais.InvalidInputError) as fraction:
        ws.desk.log_call(customer=customer.id, phone="0612345678", duration=-0.5)
    assert [e.field for e in fraction.value.field_errors] == ["duration"]

    unknown = relais.Uuid("01890a5d-ac96-774b-bcce-b302099a8057")
    with pytest.raises(relais.NotFoundError):
        ws.desk.log_call(customer=unknown, phone="0612345678")
    with pytest.raises(KeyError):
        ws.desk.open_ticket(customer=unknown, subject="x")
    with pytest.raises(relais.NotFoundError):
        ws.desk.customer_view(unknown)
    with pytest.raises(relais.InvalidInputError, match="kind"):
        ws.desk.open_ticket(customer=customer.id, subject="x", kind="urgent-ish")
    with pytest.raises(relais.InvalidInputError, match="customer"):
        ws.desk.open_ticket(customer="not-an-id", subject="x")
    with pytest.raises(TypeError):
        ws.desk.update_ticket(unknown, version=1, due_at="tomorrow")
    assert ws.desk.timeline(customer.id).interactions == []
    assert ws.desk.tickets().tickets == []


def test_a_web_request_becomes_a_ticket_with_its_consent_journaled(ws):
    request = relais.WebRequest(name="Hélène Martin", phone="06 12 34 56 78", email="helene@example.fr",
                                message="Prise qui chauffe",
                                kind="breakdown", consent=True, consent_version="2026-01")
    assert not request.is_spam
    seen = []
    with ws.subscribe(seen.append, type="WebRequestReceived"):
        result = ws.desk.submit_web_request(request)

    assert result.matched == relais.WebRequestMatch.CREATED
    assert (result.ticket.source, result.ticket.kind) == (relais.TicketSource.WEB_FORM, relais.TicketKind.BREAKDOWN)
    assert result.customer.phones == ["+33612345678"]
    proof = {change.field: json.loads(change.after) for change in seen[0].changes}
    assert proof["consent_version"] == "2026-01" and proof["ticket"] == result.ticket.number

    again = ws.desk.submit_web_request(name="Hélène Martin", phone="0612345678", email="Helene@Example.fr",
                                       message="Elle chauffe encore",
                                       kind="breakdown", consent=True, consent_version="2026-01")
    assert (again.matched, again.customer.id) == (relais.WebRequestMatch.SURE, result.customer.id)
    with pytest.raises(relais.InvalidInputError) as refused:
        ws.desk.submit_web_request(name="Bot", email="bot@example.com", message="Buy", consent=True,
                                   consent_version="2026-01", honeypot="https://spam.example")
    assert [e.field for e in refused.value.field_errors] == ["honeypot"]
    assert relais.WebRequest(name="x", message="y", honeypot="z").is_spam
