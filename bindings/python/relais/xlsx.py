"""Importing legacy exports saved as Excel workbooks (.xlsx).

No C++ XLSX reader is packaged for Debian 12, so the workbook is read here
with openpyxl (Debian's python3-openpyxl) and handed to the same C++ import
pipeline as a CSV file: the same mapping profile, the same report, the same
idempotence. Only the first sheet is read; its first row is the header.

    python3 -m relais.xlsx sqlite:///srv/relais/duret.db clients.xlsx --profile sage100.profile.json

or, from a script:

    report = relais.xlsx.import_workbook(ws.customers, "clients.xlsx", profile="sage100.profile.json")
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
    """A cell as the CSV reader expects it: dates dd/mm/yyyy, decimal commas."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
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


def main(argv: Optional[list] = None) -> int:
    """`python3 -m relais.xlsx <uri> <file.xlsx> --profile <profile.json>`."""
    parser = argparse.ArgumentParser(prog="python3 -m relais.xlsx",
                                     description="Import an Excel export of customers into a Relais workspace.")
    parser.add_argument("uri")
    parser.add_argument("workbook")
    parser.add_argument("--profile", required=True)
    parser.add_argument("--actor", default="admin")
    args = parser.parse_args(argv)
    workspace = _relais.open(args.uri, actor=args.actor)
    report = import_workbook(workspace.customers, args.workbook, args.profile)
    print(f"{report.rows} rows: {report.imported} imported, {report.merged} merged, {report.rejected} rejected")
    for rejection in report.rejections:
        print(f"  row {rejection.row}: {rejection.reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
