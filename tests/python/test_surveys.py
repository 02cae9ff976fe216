"""Workspace.surveys from Python: settings, sending through the maildir
connector's pickup folder, answers and their CSV import, relaunches, figures,
events, and the daily example script (examples/python/survey_relaunch.py)
run as a subprocess, on both engines (the script on SQLite)."""
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import relais

UTC = dt.timezone.utc
# Friday 20 November 2026, 10:00 in Paris.
FRIDAY = dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "python" / "survey_relaunch.py"


@pytest.fixture
def clock():
    return relais.ManualClock(FRIDAY)


@pytest.fixture
def ws(uri, clock):
    return relais.open(uri, clock=clock)


def sent_files(outbox):
    """The pickup files' text, quoted-printable soft breaks and '=' undone."""
    if not outbox.exists():
        return []
    texts = []
    for path in sorted(outbox.iterdir()):
        if path.name.startswith("."):
            continue
        texts.append(path.read_bytes().decode("utf-8").replace("=\r\n", "").replace("=3D", "="))
    return texts


def configure(ws, tmp_path):
    box = tmp_path / "box"
    for sub in ("new", "cur", "tmp"):
        (box / sub).mkdir(parents=True, exist_ok=True)
    ws.inbox.configure_mailbox("contact", "maildir", {"path": str(box), "outbox": str(tmp_path / "outbox")})
    settings = ws.surveys.settings()
    settings.url_template = "https://avis.duret-elec.fr/q?t={token}"
    settings.mailbox = "contact"
    settings.from_address = "contact@duret-elec.fr"
    settings.from_name = "Duret Électricité"
    return ws.surveys.configure(settings)


def resolved_ticket(ws, clock, customer, subject="Prise qui chauffe"):
    ticket = ws.desk.open_ticket(customer=customer.id, subject=subject, kind="after_sales")
    clock.set(clock.now() + dt.timedelta(hours=1))
    return ws.desk.set_status(ticket.id, version=ticket.version, status="resolved")


def new_customer(ws, name="Électricité Durand SARL", email="contact@durand-elec.fr", phone="02 99 12 34 56"):
    return ws.customers.create(name=name, kind="company", phones=[phone], emails=[email] if email else [])


def test_a_resolved_ticket_is_surveyed_once_with_its_token_in_the_mailed_url(ws, clock, tmp_path):
    configure(ws, tmp_path)
    ticket = resolved_ticket(ws, clock, new_customer(ws))
    events = []
    subscription = ws.subscribe(lambda event: events.append(event.type))

    report = ws.surveys.send_due()
    assert len(report.sent) == 1 and not report.failed and not report.skipped
    survey = report.sent[0]
    assert survey.state == relais.SurveyState.SENT and str(survey.state) == "sent"
    assert survey.target_label == ticket.number
    assert survey.recipient == "contact@durand-elec.fr"
    files = sent_files(tmp_path / "outbox")
    assert len(files) == 1
    assert f"https://avis.duret-elec.fr/q?t={survey.token}" in files[0]
    assert "SurveyCreated" in events and "SurveySent" in events
    del subscription

    assert ws.surveys.send_due().sent == []
    with pytest.raises(relais.ConflictError):
        ws.surveys.send(ticket.id)
    assert ws.surveys.find(ticket.number) == ws.surveys.get(survey.id)


def test_bad_settings_and_answers_name_the_field(ws, clock, tmp_path):
    settings = ws.surveys.settings()
    settings.url_template = "https://avis.duret-elec.fr/q"
    settings.relaunch_delay_days = -1
    with pytest.raises(relais.InvalidInputError) as caught:
        ws.surveys.configure(settings)
    fields = {error.field for error in caught.value.field_errors}
    assert {"url_template", "relaunch_delay_days"} <= fields

    configure(ws, tmp_path)
    resolved_ticket(ws, clock, new_customer(ws))
    survey = ws.surveys.send_due().sent[0]
    with pytest.raises(relais.InvalidInputError) as caught:
        ws.surveys.record_answer(survey.token, 11)
    assert isinstance(caught.value, ValueError)
    assert [(e.field, e.value) for e in caught.value.field_errors] == [("score", "11")]
    with pytest.raises(relais.NotFoundError):
        ws.surveys.record_answer("no-such-token", 5)

    answered = ws.surveys.record_answer(survey.token, 8, "Bien", answered_at=FRIDAY + dt.timedelta(hours=2))
    assert answered.score == 8 and answered.state == relais.SurveyState.ANSWERED
    assert answered.answered_at == FRIDAY + dt.timedelta(hours=2)
    assert ws.surveys.record_answer(survey.token, 8, "Bien").version == answered.version
    with pytest.raises(relais.ConflictError):
        ws.surveys.record_answer(survey.token, 2)


def test_csv_import_relaunches_and_figures(ws, clock, tmp_path):
    configure(ws, tmp_path)
    durand = new_customer(ws)
    first = resolved_ticket(ws, clock, durand, "Tableau")
    second = resolved_ticket(ws, clock, durand, "Prise")
    third = resolved_ticket(ws, clock, durand, "Éclairage")
    start = FRIDAY
    assert len(ws.surveys.send_due().sent) == 3
    token = ws.surveys.find(first.number).token

    csv = (f"token;ticket;score;comment;date\n"
           f"{token};;10;Parfait;21/11/2026 09:00\n"
           f";{second.number};4;Trop long;21/11/2026\n"
           f";{third.number};12;;\n")
    report = ws.surveys.import_answers(csv.encode("cp1252"))
    assert (report.rows, report.answered, report.unchanged, report.rejected) == (3, 2, 0, 1)
    assert report.rejections[0].row == 3
    assert "line 4" in report.rejections[0].reason and '"12"' in report.rejections[0].reason
    again = ws.surveys.import_answers(csv)
    assert (again.answered, again.unchanged, again.rejected) == (0, 2, 1)

    clock.set(clock.now() + dt.timedelta(days=7))
    assert ws.surveys.count_to_relaunch() == 1
    [due] = ws.surveys.to_relaunch()
    assert due.target_label == third.number
    relaunched = ws.surveys.relaunch_due()
    assert [s.relaunches for s in relaunched.sent] == [1]
    assert len(sent_files(tmp_path / "outbox")) == 4

    figures = ws.surveys.figures(start, clock.now())
    assert (figures.sent, figures.answered, figures.promoters, figures.detractors) == (3, 2, 1, 1)
    assert figures.average_score == 7.0
    assert figures.nps == 0.0
    assert [(d.ticket, d.score, d.comment) for d in figures.to_call_back] == [(second.number, 4, "Trop long")]
    assert ws.desk.customer_view(durand.id).parts["surveys"].counts["surveys"] == 3


def test_the_daily_script_sends_relaunches_and_lists_the_detractors(engine, tmp_path):
    if engine != "sqlite":
        pytest.skip("the script runs on a SQLite file: once per suite is enough")
    path = tmp_path / "relais.db"
    now = dt.datetime.now(UTC)
    clock = relais.ManualClock(now - dt.timedelta(days=10))
    ws = relais.open(f"sqlite://{path}", clock=clock)
    configure(ws, tmp_path)
    durand = new_customer(ws)
    unhappy = resolved_ticket(ws, clock, durand, "Tableau")
    resolved_ticket(ws, clock, durand, "Prise")
    assert len(ws.surveys.send_due().sent) == 2
    ws.surveys.record_answer(unhappy.number, 3, "Trop long")
    clock.set(now - dt.timedelta(hours=2))
    resolved_ticket(ws, clock, durand, "Éclairage")
    nomail = new_customer(ws, name="Boulangerie Martin", email=None, phone="02 99 00 11 22")
    resolved_ticket(ws, clock, nomail, "Four")
    del ws

    environment = dict(os.environ)
    result = subprocess.run([sys.executable, str(SCRIPT), str(path)], capture_output=True, text=True,
                            env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Enquêtes envoyées : 1 (échecs : 0, sans e-mail : 1)" in out
    assert "Relances : 1 (échecs : 0, expirées : 0)" in out
    assert "3 envoyées, 1 réponses (33 %), note moyenne 3.0, NPS -100" in out
    assert f"Électricité Durand SARL ({unhappy.number}) : 3/10 « Trop long »" in out
    assert len(sent_files(tmp_path / "outbox")) == 4

    # A second run the same day has nothing left to do.
    result = subprocess.run([sys.executable, str(SCRIPT), f"sqlite://{path}"], capture_output=True, text=True,
                            env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Enquêtes envoyées : 0 (échecs : 0, sans e-mail : 0)" in result.stdout
    assert "Relances : 0" in result.stdout

    result = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "missing" / "x.db")], capture_output=True,
                            text=True, env=environment, timeout=120)
    assert result.returncode == 2
    assert "Erreur" in result.stderr
