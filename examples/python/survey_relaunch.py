#!/usr/bin/env python3
"""The daily round of satisfaction surveys, to run every morning (cron, a
Windows scheduled task):

    python3 survey_relaunch.py sqlite:///var/lib/relais/duret.db
    python3 survey_relaunch.py postgresql://relais@db/duret --actor marie --days 30

1. sends the survey of every ticket resolved since the last run,
2. relaunches the surveys left unanswered past the relaunch delay (and
   expires those with no relaunch left),
3. prints the figures of the last --days days and the customers to call
   back (a score of 0 to 6).

Safe to run twice, or on two machines at once: a ticket gets one survey,
ever, and a relaunch is sent once. Exits 1 when a mail could not be sent
(it is recorded and tried again at the next run), 2 on a configuration or
workspace error. The surveys must be configured first (docs/surveys.md).
"""
import argparse
import datetime as dt
import os
import sys

import relais


def workspace_uri(text):
    """A URI, or the path of an existing SQLite file (a mistyped path must
    not create an empty workspace)."""
    if "://" in text:
        return text
    if not os.path.isfile(text):
        raise FileNotFoundError(f"pas d'espace de travail à {text}")
    return f"sqlite://{os.path.abspath(text)}"


def paris(time):
    """A UTC datetime as the office reads it (the machine's local time)."""
    return time.astimezone().strftime("%d/%m/%Y %H:%M")


def print_problems(title, surveys):
    for survey in surveys:
        print(f"  {title} {survey.target_label} ({survey.customer_name}) : {survey.last_error}")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Envoie, relance et résume les enquêtes de satisfaction.")
    parser.add_argument("workspace", help="URI de l'espace (sqlite:///chemin.db, postgresql://...) ou fichier SQLite")
    parser.add_argument("--actor", default="admin", help="l'utilisateur qui agit (défaut : admin)")
    parser.add_argument("--days", type=int, default=30, help="période des chiffres, en jours (défaut : 30)")
    args = parser.parse_args(argv)

    try:
        ws = relais.open(workspace_uri(args.workspace), actor=args.actor)
        surveys = ws.surveys
        sent = surveys.send_due()
        print(f"Enquêtes envoyées : {len(sent.sent)} (échecs : {len(sent.failed)}, "
              f"sans e-mail : {len(sent.skipped)})")
        print_problems("échec", sent.failed)
        print_problems("sans e-mail", sent.skipped)

        relaunched = surveys.relaunch_due()
        print(f"Relances : {len(relaunched.sent)} (échecs : {len(relaunched.failed)}, "
              f"expirées : {len(relaunched.expired)})")
        print_problems("échec", relaunched.failed)

        until = dt.datetime.now(dt.timezone.utc)
        since = until - dt.timedelta(days=args.days)
        figures = surveys.figures(since, until)
        rate = round(100 * figures.response_rate)
        average = "-" if figures.average_score is None else f"{figures.average_score:.1f}"
        nps = "-" if figures.nps is None else f"{figures.nps:+.0f}"
        print(f"Du {paris(since)} au {paris(until)} : {figures.sent} envoyées, {figures.answered} réponses "
              f"({rate} %), note moyenne {average}, NPS {nps}")
        print(f"Promoteurs : {figures.promoters}, passifs : {figures.passives}, détracteurs : {figures.detractors}")
        if figures.to_call_back:
            print("Clients à rappeler :")
            for detractor in figures.to_call_back:
                comment = f" « {detractor.comment} »" if detractor.comment else ""
                print(f"  - {detractor.customer_name} ({detractor.ticket}) : {detractor.score}/10{comment}")
        else:
            print("Aucun client à rappeler.")
    except (relais.Error, FileNotFoundError) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 2
    return 1 if sent.failed or relaunched.failed else 0


if __name__ == "__main__":
    sys.exit(main())
