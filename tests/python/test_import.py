"""Importing the demo legacy exports through their mapping profiles."""
from pathlib import Path

import pytest

import relais

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"
DEMOS = [("erp-mde-clients.csv", "erp-mde.profile.json", "erp"),
         ("sage100-clients.csv", "sage100.profile.json", "sage")]


def check_report(report, source):
    assert report.source == source
    assert report.rows > 0
    assert report.rows == report.imported + report.merged + report.rejected
    assert report.rejected == len(report.rejections)
    for rejection in report.rejections:
        assert 1 <= rejection.row <= report.rows
        assert rejection.reason


@pytest.mark.parametrize("csv, profile, source", DEMOS)
def test_import_file_of_a_demo_export(workspace, csv, profile, source):
    calls = []
    report = workspace.customers.import_file(str(DATA / csv), profile=str(DATA / profile),
                                             progress=lambda done, total: calls.append((done, total)))
    check_report(report, source)
    assert report.imported > 0 and report.rejected > 0
    assert report.charset
    assert calls and calls[-1] == (report.rows, report.rows)
    stored = list(workspace.customers.iter_all())
    assert len(stored) == report.imported
    assert all(source in c.external_ids for c in stored)


def test_both_demo_files_import_into_one_base_and_reimport_is_idempotent(workspace):
    erp = workspace.customers.import_file(str(DATA / "erp-mde-clients.csv"), str(DATA / "erp-mde.profile.json"))
    sage = workspace.customers.import_file(str(DATA / "sage100-clients.csv"), str(DATA / "sage100.profile.json"))
    check_report(erp, "erp")
    check_report(sage, "sage")
    assert sage.merged > 0  # the same customers exist in both systems
    assert sage.charset.upper() != "UTF-8"

    count = len(list(workspace.customers.iter_all()))
    again = workspace.customers.import_file(str(DATA / "erp-mde-clients.csv"), str(DATA / "erp-mde.profile.json"))
    check_report(again, "erp")
    assert again.imported == 0 and again.rejected == erp.rejected
    assert len(list(workspace.customers.iter_all())) == count


def test_import_csv_takes_bytes_or_text(workspace):
    profile = (DATA / "erp-mde.profile.json").read_text(encoding="utf-8")
    data = (DATA / "erp-mde-clients.csv").read_bytes()
    calls = []
    report = workspace.customers.import_csv(data, profile, batch_size=10,
                                            progress=lambda done, total: calls.append((done, total)))
    check_report(report, "erp")
    assert len(calls) >= 3 and calls[-1] == (report.rows, report.rows)
    text = workspace.customers.import_csv(data.decode("utf-8-sig"), profile)
    check_report(text, "erp")
    assert text.imported == 0


def test_import_errors(workspace, tmp_path):
    profile = str(DATA / "erp-mde.profile.json")
    with pytest.raises(relais.NotFoundError):
        workspace.customers.import_file(str(tmp_path / "missing.csv"), profile)
    with pytest.raises(relais.InvalidInputError):
        workspace.customers.import_csv(b"a;b\n1;2\n", "{not json")

    def stop(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        workspace.customers.import_file(str(DATA / "erp-mde-clients.csv"), profile, progress=stop)
