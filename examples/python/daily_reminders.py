#!/usr/bin/env python3
"""The morning run: tick the reminder scheduler, then print each person's
list (overdue, due today, upcoming), and optionally mail it to them.

    daily_reminders.py sqlite:///var/lib/relais/duret.db
    daily_reminders.py URI --at 2026-11-25T09:00:00+00:00
    daily_reminders.py URI --mail contact --sender accueil@duret.fr \
        --to marie=marie@duret.fr --to paul=paul@duret.fr

--mail names a mailbox configured in the workspace (inbox.configure_mailbox);
its plugin delivers the mails. People without --to are only printed.
Exit status: 0 done, 2 bad arguments (an unknown mailbox, a bad --to).
Run it from cron or a systemd timer every morning; the tick is idempotent,
so running it twice announces nothing twice."""
import argparse
import datetime as dt
import sys
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import relais

PARIS = ZoneInfo("Europe/Paris")


def paris(time):
    return time.astimezone(PARIS).strftime("%d/%m %H:%M")


def person_list(ws, user, at, upcoming_days):
    """The lines of one person's list, from their dashboard."""
    board = ws.dashboard.build(user=user.login, at=at, upcoming_days=upcoming_days, items=50)
    reminders = board.reminders
    lines = [f"== {user.login} — {user.display_name} =="]
    for title, count, items in (("En retard", reminders.overdue, reminders.first_overdue),
                                ("Aujourd'hui", reminders.due_today, reminders.first_due_today),
                                (f"À venir ({upcoming_days} j)", reminders.upcoming, reminders.first_upcoming)):
        lines.append(f"  {title} : {count}")
        lines.extend(f"    - {paris(item.due_at)}  {item.reason}" for item in items)
        if count > len(items):
            lines.append(f"    ... et {count - len(items)} de plus")
    callbacks = board.callbacks
    if callbacks.overdue or callbacks.due_today:
        lines.append(f"  Rappels promis : {callbacks.overdue} en retard, {callbacks.due_today} aujourd'hui")
        lines.extend(f"    - {paris(t.callback_at)}  {t.number} {t.subject}" for t in callbacks.first)
    return lines


def mail_connector(ws, name):
    for mailbox in ws.inbox.mailboxes():
        if mailbox.name == name:
            return ws.connect_mail(mailbox.plugin, mailbox.config)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("uri", help="the workspace: sqlite:///path.db or postgresql://...")
    parser.add_argument("--actor", default="admin", help="who runs the tick (default: admin)")
    parser.add_argument("--at", type=dt.datetime.fromisoformat, help="the instant to run at (default: now)")
    parser.add_argument("--upcoming-days", type=int, default=7)
    parser.add_argument("--mail", metavar="MAILBOX", help="mail each list through this configured mailbox")
    parser.add_argument("--sender", default="", help="the From address of the mails")
    parser.add_argument("--to", action="append", default=[], metavar="LOGIN=ADDRESS")
    args = parser.parse_args()

    addresses = {}
    for pair in args.to:
        login, sep, address = pair.partition("=")
        if not sep or not login or "@" not in address:
            print(f"--to expects LOGIN=ADDRESS, not {pair!r}", file=sys.stderr)
            return 2
        addresses[login] = address

    options = {"clock": relais.ManualClock(args.at)} if args.at else {}
    ws = relais.open(args.uri, args.actor, **options)
    connector = None
    if args.mail:
        connector = mail_connector(ws, args.mail)
        if connector is None:
            names = ", ".join(m.name for m in ws.inbox.mailboxes()) or "none"
            print(f"no mailbox named {args.mail!r} is configured (configured: {names})", file=sys.stderr)
            return 2

    at = args.at or dt.datetime.now(dt.timezone.utc)
    report = ws.reminders.tick(at)
    print(f"Tick à {paris(at)} : {report.created} créés, {len(report.became_due)} échus, "
          f"{len(report.became_overdue)} en retard")
    for user in sorted(ws.users.list(), key=lambda u: u.login):
        if not user.active:
            continue
        lines = person_list(ws, user, at, args.upcoming_days)
        print("\n".join(lines))
        if connector and user.login in addresses:
            message = EmailMessage()
            message["From"] = args.sender
            message["To"] = addresses[user.login]
            message["Subject"] = f"Vos rappels du {at.astimezone(PARIS):%d/%m/%Y}"
            message.set_content("\n".join(lines[1:]) + "\n")
            connector.send(args.sender, [addresses[user.login]], message.as_bytes())
            print(f"  (envoyé à {addresses[user.login]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
