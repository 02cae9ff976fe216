"""Importing legacy exports saved as Excel workbooks (.xlsx).

No C++ XLSX reader is packaged for Debian 12, so the workbook is read here
with openpyxl (Debian's python3-openpyxl) and handed to the same C++ import
pipeline as a CSV file: the same profile, the same report, the same
idempotence. Only the first sheet is read; its first row is the header.
A customer export, a phone system's call log and the old follow-up sheet
are read alike:

    python3 -m relais.xlsx sqlite:///srv/relais/duret.db clients.xlsx --profile sage100.profile.json
    python3 -m relais.xlsx sqlite:///srv/relais/duret.db suivi.xlsx --profile suivi.profile.json --into follow-up

or, from a script:

    report = relais.xlsx.import_workbook(ws.customers, "clients.xlsx", profile="sage100.profile.json")
    report = relais.xlsx.import_follow_up_workbook(ws.desk, "suivi.xlsx", profile="suivi.profile.json")
"""
import argparse
import csv
import datetime
import io
from pathlib import Path
from typing import Callable, Optional

import openpyxl

from . import _relais


def _cell_text(value: object) -> str:
    """A cell as the CSV reader expects it: dates dd/mm/yyyy, a date with a
    time dd/mm/yyyy HH:MM:SS (profile format "dd/mm/yyyy HH:MM:SS"), times
    and durations HH:MM:SS, decimal commas."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time():
            return value.strftime("%d/%m/%Y %H:%M:%S")
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, datetime.timedelta):
        seconds = int(value.total_seconds())
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else repr(value)).replace(".", ",")
    return str(value)


def workbook_to_csv(path: str) -> bytes:
    """The first sheet of the workbook at `path`, as UTF-8 CSV with `;`.

    Empty trailing rows are dropped. Raises FileNotFoundError, or
    openpyxl's InvalidFileException for a file that is not a workbook.
    """
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        for row in sheet.iter_rows(values_only=True):
            cells = [_cell_text(value) for value in row]
            if any(cells):
                writer.writerow(cells)
        return out.getvalue().encode("utf-8")
    finally:
        workbook.close()


def import_workbook(customers: _relais.CustomerService, path: str, profile: str, *,
                    progress: Optional[Callable[[int, int], None]] = None) -> _relais.ImportReport:
    """Imports the workbook at `path` through the mapping profile (a JSON
    file) exactly as CustomerService.import_file imports a CSV export, and
    returns the same report. Rows are numbered as in the sheet, header
    excluded."""
    profile_json = Path(profile).read_text(encoding="utf-8")
    return customers.import_csv(workbook_to_csv(path), profile_json, progress=progress)


def import_call_log_workbook(desk: _relais.DeskService, path: str, profile: str) -> _relais.CallLogReport:
    """Imports a phone system's call log saved as a workbook through its
    call-log profile, exactly as DeskService.import_call_log_file imports
    the CSV export."""
    return desk.import_call_log(workbook_to_csv(path), Path(profile).read_text(encoding="utf-8"))


def import_follow_up_workbook(desk: _relais.DeskService, path: str, profile: str) -> _relais.FollowUpReport:
    """Imports the old follow-up sheet (.xlsx) through its follow-up profile,
    exactly as DeskService.import_follow_up_file imports it saved as CSV."""
    return desk.import_follow_up(workbook_to_csv(path), Path(profile).read_text(encoding="utf-8"))


def _run(workspace: _relais.Workspace, into: str, workbook: str, profile: str) -> tuple:
    """Imports into `into` and returns the report and the summary of its counts."""
    if into == "calls":
        report = import_call_log_workbook(workspace.desk, workbook, profile)
        return report, (f"{report.imported} calls to qualify, {report.already_logged} already traced, "
                        f"{report.ignored} ignored, {report.rejected} rejected")
    if into == "follow-up":
        report = import_follow_up_workbook(workspace.desk, workbook, profile)
        return report, (f"{report.imported} imported, {report.already_imported} already imported, "
                        f"{report.rejected} rejected")
    report = import_workbook(workspace.customers, workbook, profile)
    return report, f"{report.imported} imported, {report.merged} merged, {report.rejected} rejected"


def main(argv: Optional[list] = None) -> int:
    """`python3 -m relais.xlsx <uri> <file.xlsx> --profile <profile.json> [--into customers|calls|follow-up]`."""
    parser = argparse.ArgumentParser(prog="python3 -m relais.xlsx",
                                     description="Import an Excel export (customers, a call log or the follow-up "
                                                 "sheet) into a Relais workspace.")
    parser.add_argument("uri")
    parser.add_argument("workbook")
    parser.add_argument("--profile", required=True)
    parser.add_argument("--into", choices=["customers", "calls", "follow-up"], default="customers",
                        help="what the workbook holds (default: customers)")
    parser.add_argument("--actor", default="admin")
    args = parser.parse_args(argv)
    workspace = _relais.open(args.uri, actor=args.actor)
    report, counts = _run(workspace, args.into, args.workbook, args.profile)
    print(f"{report.rows} rows: {counts}")
    for rejection in report.rejections:
        print(f"  row {rejection.row}: {rejection.reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
