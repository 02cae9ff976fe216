"""Workspace.reminders from Python: rules, the calendar, manual reminders,
the tick and its ReminderDue callbacks, on both engines."""
import datetime as dt

import pytest

import relais

UTC = dt.timezone.utc
# Friday 20 November 2026, 10:00 in Paris.
FRIDAY = dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    return relais.ManualClock(FRIDAY)


@pytest.fixture
def ws(uri, clock):
    return relais.open(uri, clock=clock)


def waiting_ticket(ws):
    customer = ws.customers.create(name="Duret Électricité", kind="company", phones=["01 23 45 67 89"])
    ticket = ws.desk.open_ticket(customer=customer.id, subject="Prise qui chauffe", kind="after_sales")
    ticket = ws.desk.set_status(ticket.id, version=ticket.version, status="open")
    return ws.desk.set_status(ticket.id, version=ticket.version, status="waiting_customer")


def test_french_holidays_and_working_days():
    assert relais.easter_sunday(2027) == dt.date(2027, 3, 28)
    names = {h.day: h.name for h in relais.french_public_holidays(2026)}
    assert names[dt.date(2026, 5, 25)] == "Lundi de Pentecôte"
    calendar = relais.BusinessCalendar([relais.CalendarDay(dt.date(2026, 5, 15), False, "pont")])
    assert not calendar.is_working_day(dt.date(2026, 5, 15))
    # Wednesday 13 May + 1 working day: Ascension and the bridge are skipped.
    due = calendar.add_working_days(dt.datetime(2026, 5, 13, 12, tzinfo=UTC), 1)
    assert due == dt.datetime(2026, 5, 18, 6, tzinfo=UTC)
    assert calendar.business_start == dt.time(8, 0)


def test_default_rules_and_a_rule_written_in_python(ws):
    assert [rule.name for rule in ws.reminders.rules()] == ["desk.callback", "desk.unassigned", "desk.waiting_customer"]
    rule = relais.FollowUpRule(
        "office.quote_follow_up",
        triggers=[relais.EventMatch("TicketStageChanged", field="stage", values=["quote_sent"])],
        steps=[relais.EscalationStep(5, "Relancer le devis"), relais.EscalationStep(10, "Prévenir le responsable", "admin")],
        stop_when=[relais.EventMatch("TicketStageChanged", field="stage", values=["accepted", "refused"])],
        expire_after=30,
    )
    stored = ws.reminders.create_rule(rule)
    assert stored.version == 1
    stored.steps = [relais.EscalationStep(3, "Relancer le devis plus tôt")]
    updated = ws.reminders.update_rule(stored, version=1)
    assert updated.version == 2
    with pytest.raises(relais.ConflictError):
        ws.reminders.update_rule(stored, version=1)
    ws.reminders.delete_rule("office.quote_follow_up", version=2)
    with pytest.raises(relais.NotFoundError):
        ws.reminders.rule("office.quote_follow_up")


def test_bad_rules_name_each_field_and_value(ws):
    rule = relais.FollowUpRule(
        "office.bad",
        triggers=[relais.EventMatch("TicketOpend")],
        steps=[relais.EscalationStep(-1, "Relancer"), relais.EscalationStep(14, "Encore"), relais.EscalationStep(7, "Trop tard")],
    )
    with pytest.raises(relais.InvalidInputError) as bad:
        ws.reminders.create_rule(rule)
    errors = {(e.field, e.value) for e in bad.value.field_errors}
    assert {("triggers[0].event", "TicketOpend"), ("steps[0].offset", "-1"), ("steps[2].offset", "7")} <= errors
    assert isinstance(bad.value, ValueError)


def test_tick_relaunches_a_waiting_ticket_and_calls_back_python(ws):
    ticket = waiting_ticket(ws)
    assert ws.reminders.tick().created == 3  # two relaunches, one unassigned signal
    waiting = [r for r in ws.reminders.list(limit=10) if r.rule == "desk.waiting_customer"]
    assert [r.due_at for r in waiting] == [dt.datetime(2026, 12, 1, 7, tzinfo=UTC), dt.datetime(2026, 12, 10, 7, tzinfo=UTC)]
    assert waiting[0].target == relais.ReminderTarget("ticket", str(ticket.id))
    seen = []
    with ws.subscribe(lambda event: seen.append(event.entity_id), type="ReminderDue"):
        report = ws.reminders.tick(dt.datetime(2026, 12, 1, 7, tzinfo=UTC))
    assert str(waiting[0].id) in seen
    assert waiting[0].id in [r.id for r in report.became_due]
    # Ticking again at the same instant changes nothing.
    again = ws.reminders.tick(dt.datetime(2026, 12, 1, 7, tzinfo=UTC))
    assert (again.created, len(again.became_due)) == (0, 0)


def test_manual_reminder_done_snoozed_cancelled(ws, clock):
    thursday = dt.datetime(2026, 11, 26, 13, tzinfo=UTC)
    reminder = ws.reminders.add("Rappeler Mme Martin", thursday)
    assert reminder.assignee == "admin" and reminder.state == relais.ReminderState.PENDING
    assert [r.reason for r in ws.reminders.mine("upcoming")] == ["Rappeler Mme Martin"]
    assert reminder.overdue(dt.datetime(2026, 11, 27, 9, tzinfo=UTC))
    with pytest.raises(relais.InvalidInputError) as past:
        ws.reminders.snooze(reminder.id, FRIDAY - dt.timedelta(days=1), version=reminder.version)
    assert past.value.field_errors[0].field == "until"
    snoozed = ws.reminders.snooze(reminder.id, thursday + dt.timedelta(days=1), version=reminder.version)
    assert snoozed.state == relais.ReminderState.SNOOZED
    with pytest.raises(relais.ConflictError):
        ws.reminders.done(reminder.id, version=reminder.version)
    done = ws.reminders.done(snoozed.id, version=snoozed.version, note="rappelée")
    assert done.state == relais.ReminderState.DONE and done.note == "rappelée"
    other = ws.reminders.add("Relancer le fournisseur", thursday, note="pièces")
    assert ws.reminders.cancel(other.id, version=1).state == relais.ReminderState.CANCELLED
    assert len(ws.reminders.list("closed")) == 2


def test_calendar_overrides_and_business_hours(ws):
    ws.reminders.set_calendar_day(dt.date(2026, 11, 23), False, "inventaire")
    ws.reminders.set_business_start(dt.time(9, 0))
    calendar = ws.reminders.calendar()
    assert calendar.overrides == [relais.CalendarDay(dt.date(2026, 11, 23), False, "inventaire")]
    assert calendar.business_start == dt.time(9, 0)
    ws.reminders.remove_calendar_day(dt.date(2026, 11, 23))
    with pytest.raises(relais.NotFoundError):
        ws.reminders.remove_calendar_day(dt.date(2026, 11, 23))
