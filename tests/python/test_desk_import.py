"""The desk's imports from Python: a phone system's call log (CSV, or calls a
Python connector read), and the old follow-up sheet, from CSV or Excel."""
import csv
import datetime
import io
from pathlib import Path

import openpyxl
import pytest

import relais
import relais.xlsx

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"
UTC = datetime.timezone.utc


@pytest.fixture
def desk_workspace(workspace):
    """Marie and Gaëtan, and the customers the shipped desk files name."""
    workspace.users.create(login="marie", display_name="Marie Le Goff", role="assistant")
    workspace.users.create(login="gaetan", display_name="Gaëtan Riou", role="technician")
    for name, kind, phones, emails in [
        ("Hélène Martin", "person", ["06 12 34 56 78"], []),
        ("EHPAD Les Tilleuls", "company", ["02 99 74 52 10"], []),
        ("Cabinet Le Gall Immobilier", "company", ["07 81 56 02 49"], []),
        ("Boulangerie Kerhervé", "company", ["02 97 47 18 26"], []),
        ("Yves Le Floch", "person", ["07 86 31 22 09"], []),
        ("Pharmacie Saint-Germain", "company", ["01 43 26 48 15"], []),
        ("Chloé Nguyen", "person", [], ["chloe.nguyen@example.org"]),
        ("Garage Lemoine Automobiles", "company", ["02 99 31 45 67"], []),
    ]:
        workspace.customers.create(name=name, kind=kind, phones=phones, emails=emails, allow_duplicates=True)
    return workspace


def test_the_oxo_call_log_becomes_calls_to_qualify(desk_workspace):
    desk = desk_workspace.desk
    report = desk.import_call_log_file(str(DATA / "appels-oxo.csv"), str(DATA / "oxo-connect.profile.json"))
    assert (report.system, report.charset) == ("oxo", "WINDOWS-1252")
    assert (report.rows, report.imported, report.ignored, report.rejected) == (15, 11, 1, 3)
    assert report.rows == report.imported + report.already_logged + report.ignored + report.rejected
    assert [r.row for r in report.rejections] == [10, 13, 14]
    assert 'column "Correspondant" (number) = "Anonyme"' in report.rejections[0].reason
    again = desk.import_call_log((DATA / "appels-oxo.csv").read_bytes(),
                                 (DATA / "oxo-connect.profile.json").read_text(encoding="utf-8"), batch_size=4)
    assert (again.imported, again.already_logged) == (0, 11)


def test_a_python_connectors_calls_go_through_the_same_import(desk_workspace):
    start = datetime.datetime(2026, 11, 23, 8, 5, tzinfo=UTC)
    calls = [
        relais.CallRecord(number="06 12 34 56 78", started_at=start, duration=datetime.timedelta(minutes=2),
                          extension="201", call_id="c-1"),
        {"number": "02 97 47 18 26", "started_at": start + datetime.timedelta(hours=1), "answered": False,
         "call_id": "c-2"},
        {"number": "not a number", "started_at": start, "call_id": "c-3"},
    ]
    assert calls[0].duration == 120 and calls[0].direction == "inbound"
    report = desk_workspace.desk.import_calls("3cx", calls, users={"201": "marie"})
    assert (report.system, report.charset, report.imported, report.matched, report.rejected) == ("3cx", "", 2, 2, 1)
    assert report.rejections[0].row == 3 and report.rejections[0].reason.startswith("call 3: phone = ")
    assert desk_workspace.desk.import_calls("3cx", calls[:2]).already_logged == 2
    sources = {c.source.call_id: c.source for c in desk_workspace.desk.calls_to_qualify().interactions}
    assert sources["c-1"].system == "3cx" and sources["c-1"].extension == "201" and sources["c-1"].answered
    assert not sources["c-2"].answered
    with pytest.raises(relais.InvalidInputError):
        relais.CallRecord(number="0612345678", started_at=start, direction="sideways")


def test_a_telephony_plugin_is_read_and_imported_by_its_cursor(desk_workspace):
    # The fake phone system of tests/desk/fixtures, on RELAIS_PLUGIN_PATH.
    pbx = desk_workspace.connect_telephony("fake")
    assert pbx.system == "fakepbx"
    first = pbx.calls_since("", limit=2)
    assert len(first.calls) == 2
    report = desk_workspace.desk.import_calls(pbx.system, first.calls, users={"201": "marie"})
    assert (report.imported, report.rejected) == (2, 0)
    rest = pbx.calls_since(first.next_cursor)
    assert len(rest.calls) == 1 and pbx.calls_since(rest.next_cursor).calls == []
    assert desk_workspace.desk.import_calls(pbx.system, pbx.calls_since().calls).already_logged == 2
    with pytest.raises(relais.InvalidInputError):
        pbx.calls_since("nonsense")
    with pytest.raises(relais.PluginError, match="alcatel"):
        desk_workspace.connect_telephony("alcatel")


def test_the_follow_up_sheet_from_csv_then_from_excel(desk_workspace, tmp_path):
    desk = desk_workspace.desk
    profile = str(DATA / "suivi-demandes.profile.json")
    report = desk.import_follow_up_file(str(DATA / "suivi-demandes.csv"), profile)
    assert (report.charset, report.rows, report.imported, report.rejected) == ("WINDOWS-1252", 11, 8, 3)
    assert [r.row for r in report.rejections] == [7, 8, 9]
    # The same sheet as Excel saves it (dates as dates): every row is known.
    workbook = openpyxl.Workbook()
    text = (DATA / "suivi-demandes.csv").read_bytes().decode("cp1252")
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        try:
            row[1] = datetime.datetime.strptime(row[1], "%d/%m/%Y")
        except ValueError:
            pass
        workbook.active.append(row)
    workbook.save(tmp_path / "suivi.xlsx")
    again = relais.xlsx.import_follow_up_workbook(desk, str(tmp_path / "suivi.xlsx"), profile)
    assert (again.rows, again.imported, again.already_imported, again.rejected) == (11, 0, 8, 3)
