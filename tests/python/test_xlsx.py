"""The Excel importer feeds the same pipeline as a CSV export."""
import csv
import datetime
import io
from pathlib import Path

import openpyxl
import pytest

import relais
import relais.xlsx

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"


def workbook_from_csv(csv_path: Path, target: Path) -> Path:
    """The demo ERP export saved as Excel would save it (dates as dates)."""
    text = csv_path.read_text(encoding="utf-8-sig")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        cells = []
        for value in row:
            try:
                cells.append(datetime.datetime.strptime(value, "%d/%m/%Y"))
            except ValueError:
                cells.append(value)
        sheet.append(cells)
    workbook.save(target)
    return target


def test_cells_are_written_as_the_csv_reader_expects():
    assert relais.xlsx._cell_text(datetime.date(2019, 3, 7)) == "07/03/2019"
    assert relais.xlsx._cell_text(1500.5) == "1500,5"
    assert relais.xlsx._cell_text(12.0) == "12"
    assert relais.xlsx._cell_text(None) == ""
    # Call logs: a start with its time, a time alone, a duration.
    assert relais.xlsx._cell_text(datetime.datetime(2026, 11, 23, 8, 47, 12)) == "23/11/2026 08:47:12"
    assert relais.xlsx._cell_text(datetime.datetime(2019, 3, 7)) == "07/03/2019"
    assert relais.xlsx._cell_text(datetime.time(9, 5)) == "09:05:00"
    assert relais.xlsx._cell_text(datetime.timedelta(minutes=3, seconds=5)) == "00:03:05"


def test_workbook_imports_like_its_csv(workspace, tmp_path):
    workbook = workbook_from_csv(DATA / "erp-mde-clients.csv", tmp_path / "clients.xlsx")
    report = relais.xlsx.import_workbook(workspace.customers, str(workbook), str(DATA / "erp-mde.profile.json"))
    assert report.rows == report.imported + report.merged + report.rejected
    assert report.imported > 0
    assert all(rejection.row >= 1 and rejection.reason for rejection in report.rejections)
    again = relais.xlsx.import_workbook(workspace.customers, str(workbook), str(DATA / "erp-mde.profile.json"))
    assert again.imported == 0 and again.merged == report.imported


def test_not_a_workbook_is_refused(tmp_path):
    bogus = tmp_path / "clients.xlsx"
    bogus.write_text("not a workbook")
    with pytest.raises(Exception):
        relais.xlsx.workbook_to_csv(str(bogus))
