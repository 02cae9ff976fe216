"""Workspace.dashboard from Python on both engines, the HTML page read back
from a real headless Chromium (Debian's `chromium`: --dump-dom for the
rendered counts, --screenshot for a picture), and the daily-reminders example
run as a subprocess on a prepared SQLite workspace."""
import datetime as dt
import email
import email.policy
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import relais

UTC = dt.timezone.utc
# Wednesday 25 November 2026, 10:00 in Paris.
AT = dt.datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
CHROMIUM = shutil.which("chromium")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "python" / "daily_reminders.py"
BROWSER_SECONDS = 60


def prepare(uri):
    """Two people's morning: reminders, a ticket waiting, a promised callback,
    calls traced or not."""
    clock = relais.ManualClock(dt.datetime(2026, 11, 17, 9, 0, tzinfo=UTC))
    ws = relais.open(uri, clock=clock)
    ws.users.create("marie", "Marie Le Goff", "assistant")
    ws.users.create("paul", "Paul Riou", "technician")
    customer = ws.customers.create(name="Hélène <Martin> & fils", phones=["02 99 12 34 56"])
    old = ws.desk.open_ticket(customer=customer.id, subject="Devis <tableau>", assignee="marie")
    waiting = ws.desk.open_ticket(customer=customer.id, subject="Attente photos", assignee="marie", source="email")
    waiting = ws.desk.set_status(waiting.id, version=waiting.version, status="open")
    ws.desk.set_status(waiting.id, version=waiting.version, status="waiting_customer")
    clock.set(dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    promised = ws.desk.open_ticket(customer=customer.id, subject="Rappel promis", assignee="marie",
                                   callback_at=dt.datetime(2026, 11, 24, 14, 0, tzinfo=UTC))
    ws.desk.log_call(phone="02 99 12 34 56", customer=customer.id, ticket=promised.id, user="marie",
                     started_at=dt.datetime(2026, 11, 24, 9, 5, tzinfo=UTC))
    ws.desk.log_call(phone="02 99 12 34 56", customer=customer.id, user="marie", outcome="no_follow_up",
                     started_at=dt.datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    ws.desk.log_call(phone="02 99 12 34 56", customer=customer.id, user="paul",
                     started_at=dt.datetime(2026, 11, 24, 11, 0, tzinfo=UTC))
    ws.reminders.add_many([
        {"reason": "Relancer Mme Martin", "due_at": dt.datetime(2026, 11, 23, 9, 0, tzinfo=UTC), "assignee": "marie"},
        {"reason": "Rappeler <l'électricien>", "due_at": dt.datetime(2026, 11, 25, 13, 0, tzinfo=UTC),
         "assignee": "marie", "target": ("ticket", str(old.id))},
        {"reason": "Commander le disjoncteur", "due_at": dt.datetime(2026, 11, 25, 15, 0, tzinfo=UTC),
         "assignee": "paul"},
        {"reason": "Visite de contrôle", "due_at": dt.datetime(2026, 11, 27, 8, 0, tzinfo=UTC), "assignee": "paul"},
    ])
    clock.set(AT)
    return ws


def test_dashboard_counts_of_the_office_and_of_one_person(uri):
    ws = prepare(uri)
    office = ws.dashboard.build(at=AT)
    assert (office.reminders.due_today, office.reminders.overdue, office.reminders.upcoming) == (2, 1, 1)
    assert office.waiting.waiting_customer == 1
    assert office.waiting.unanswered == 1
    assert office.callbacks.overdue == 1
    assert office.new_requests.total == 1
    assert office.new_requests.by_source == {"phone": 1}
    assert office.traceability.inbound_calls == 3
    assert office.traceability.traced == 2
    assert office.traceability.share == pytest.approx(2 / 3)
    assert office.counts()["traceability.untraced"] == 1
    assert [s.name for s in office.sections] == ["calls_to_qualify", "surveys_to_relaunch"]
    assert office.response_times.this_week.median_first_answer is None or isinstance(
        office.response_times.this_week.median_first_answer, dt.timedelta)

    marie = ws.dashboard.build(user="marie", at=AT, items=1)
    assert (marie.reminders.due_today, marie.reminders.overdue) == (1, 1)
    assert len(marie.reminders.first_due_today) == 1
    assert marie.traceability.inbound_calls == 2
    assert marie.callbacks.first[0].subject == "Rappel promis"
    assert ws.as_user("paul").dashboard.mine().reminders.due_today == 1


def test_bad_dashboard_input_names_the_field(uri):
    ws = prepare(uri)
    for kwargs, field, value in [({"user": "nobody"}, "user", "nobody"), ({"waiting_days": -1}, "waiting_days", "-1"),
                                 ({"items": -3}, "items", "-3"), ({"upcoming_days": 0}, "upcoming_days", "0")]:
        with pytest.raises(relais.InvalidInputError) as raised:
            ws.dashboard.build(**kwargs)
        assert (raised.value.field_errors[0].field, raised.value.field_errors[0].value) == (field, value)
    with pytest.raises(ValueError):
        relais.render_dashboard_html(ws.dashboard.build(), language="de")
    with pytest.raises(relais.InvalidInputError) as raised:
        ws.reminders.add_many([{"reason": "", "due_at": AT}])
    assert raised.value.field_errors[0].field == "drafts[0].reason"


def _chromium(profile, *arguments):
    return subprocess.run(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-extensions", "--no-first-run", f"--user-data-dir={profile}", "--window-size=1280,1800",
         *arguments],
        capture_output=True, text=True, timeout=BROWSER_SECONDS, check=True)


@pytest.mark.skipif(not CHROMIUM, reason="chromium is needed")
def test_the_html_page_shows_the_api_counts_in_a_real_browser(tmp_path):
    ws = prepare(f"sqlite://{tmp_path / 'relais.db'}")
    dashboard = ws.dashboard.build(user="marie", at=AT)
    page = tmp_path / "dashboard.html"
    page.write_text(relais.render_dashboard_html(dashboard), encoding="utf-8")
    assert ws.dashboard.html(user="marie", at=AT) == page.read_text(encoding="utf-8")

    dom = _chromium(tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    rendered = {key: int(value) for key, value in re.findall(r'data-count="([a-z0-9_.]+)">(-?\d+)<', dom)}
    assert rendered == dashboard.counts()
    assert rendered["reminders.overdue"] == 1
    # Escaped text stays text: no element named after the data.
    assert "Rappeler &lt;l'électricien&gt;" in dom
    assert "<l'électricien>" not in dom

    screenshot = tmp_path / "dashboard.png"
    _chromium(tmp_path / "profile", f"--screenshot={screenshot}", page.as_uri())
    data = screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a page of tiles and charts, not a blank one


def test_daily_reminders_example_prints_each_persons_list(tmp_path):
    database = tmp_path / "relais.db"
    ws = prepare(f"sqlite://{database}")
    environment = dict(os.environ)
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), f"sqlite://{database}", "--at", AT.isoformat()],
        capture_output=True, text=True, timeout=120, env=environment)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "marie" in out and "paul" in out
    marie = out[out.index("marie"):out.index("paul")]
    assert "Relancer Mme Martin" in marie          # overdue
    assert "Rappeler <l'électricien>" in marie     # due today
    assert "Commander le disjoncteur" not in marie
    assert "Commander le disjoncteur" in out[out.index("paul"):]

    # --mail without a mailbox configured: a clear error, nothing half-sent.
    failed = subprocess.run(
        [sys.executable, str(EXAMPLE), f"sqlite://{database}", "--at", AT.isoformat(), "--mail", "nosuchbox"],
        capture_output=True, text=True, timeout=120, env=environment)
    assert failed.returncode == 2
    assert "nosuchbox" in failed.stderr

    # Through a configured mailbox (a Maildir whose connector drops sent mail
    # into a pickup folder): one mail for Marie, the only one with an address.
    maildir, outbox = tmp_path / "Maildir", tmp_path / "pickup"
    for folder in ("new", "cur", "tmp"):
        (maildir / folder).mkdir(parents=True)
    outbox.mkdir()
    ws.inbox.configure_mailbox("contact", "maildir", {"path": str(maildir), "outbox": str(outbox)})
    mailed = subprocess.run(
        [sys.executable, str(EXAMPLE), f"sqlite://{database}", "--at", AT.isoformat(), "--mail", "contact",
         "--sender", "accueil@duret.fr", "--to", "marie=marie@duret.fr"],
        capture_output=True, text=True, timeout=120, env=environment)
    assert mailed.returncode == 0, mailed.stderr
    assert "envoyé à marie@duret.fr" in mailed.stdout
    sent = list(outbox.iterdir())
    assert len(sent) == 1
    raw = sent[0].read_bytes()
    assert b"X-Receiver: marie@duret.fr" in raw
    lines = raw.split(b"\n")
    while lines and lines[0].startswith((b"X-Sender:", b"X-Receiver:")):  # the pickup's envelope
        lines.pop(0)
    message = email.message_from_bytes(b"\n".join(lines), policy=email.policy.default)
    assert message["To"] == "marie@duret.fr"
    body = message.get_content()
    assert "Relancer Mme Martin" in body and "Commander le disjoncteur" not in body
