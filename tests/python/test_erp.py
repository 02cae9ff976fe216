"""Exchanging customers with the ERP and Sage through the "files" connector.

Copying a system's outbox into its inbox stands for the system exporting its
customers: it assumes its export layout is its import layout (docs/erp.md).
"""
import json
import shutil
from pathlib import Path

import pytest

import relais

DATA = Path(__file__).resolve().parents[2] / "examples" / "data"
PROFILES = {"erp": "erp-mde.profile.json", "sage": "sage100.profile.json"}


def files_config(tmp_path, system):
    return {"system": system, "profile": str(DATA / PROFILES[system]),
            "outbox": str(tmp_path / f"to-{system}"), "inbox": str(tmp_path / f"from-{system}"),
            "id_prefix": "411R" if system == "sage" else "R", "id_width": 5}


@pytest.fixture
def configured(workspace, tmp_path):
    """The workspace with both systems configured, and some customers."""
    workspace.erp.configure("erp", "files", files_config(tmp_path, "erp"))
    workspace.erp.configure("sage", "files", json.dumps(files_config(tmp_path, "sage")))
    workspace.customers.create(name="Syndic Ar Mor", kind="company", phones=["02 99 40 12 85"],
                               emails=["contact@syndic-armor.fr"],
                               sites=[{"street": "14 rue de Dinan", "postcode": "35400", "city": "Saint-Malo"}])
    workspace.customers.create(name="Hélène Kerjean", phones=["06 78 12 34 56"],
                               contacts=[{"name": "Mme Guéguen", "phones": ["02 98 11 22 33"]}])
    return workspace


def send_back(tmp_path, system):
    for sent in (tmp_path / f"to-{system}").iterdir():
        shutil.copy(sent, tmp_path / f"from-{system}" / sent.name)


def test_exporting_to_both_systems_then_importing_their_files_creates_no_duplicate(configured, tmp_path):
    ws = configured
    reports = {system: ws.erp.export_changes(system) for system in ("erp", "sage")}
    for system, report in reports.items():
        assert (report.system, report.exported, report.ids_assigned) == (system, 2, 2)
        assert report.cursor == ws.erp.system(system).export_cursor
    ids = sorted(customer.external_ids["sage"] for customer in ws.customers.iter_all())
    assert ids == ["411R00001", "411R00002"]
    assert "Hélène Kerjean".encode("cp1252") in Path(reports["sage"].file).read_bytes()

    for system in ("erp", "sage"):
        send_back(tmp_path, system)
        [result] = ws.erp.import_pending(system)
        assert result.imported_ok, result.error
        assert (result.report.imported, result.report.merged, result.report.rejected) == (0, 2, 0)
        assert (tmp_path / f"from-{system}" / "done" / result.file).exists()
    assert len(list(ws.customers.iter_all())) == 2
    assert ws.customers.duplicate_queue().items == []
    assert ws.erp.export_changes("erp").exported == 0


def test_only_the_changed_customer_is_sent_again(configured):
    ws = configured
    ws.erp.export_changes("erp")
    [helene] = ws.customers.lookup(phone="06 78 12 34 56")
    ws.customers.update(helene.id, version=helene.version, notes="Sonner deux fois")
    report = ws.erp.export_changes("erp")
    assert report.exported == 1
    text = Path(report.file).read_text(encoding="utf-8-sig")
    assert "Sonner deux fois" in text and "Syndic Ar Mor" not in text
    nothing = ws.erp.export_changes("erp")
    assert (nothing.exported, nothing.file) == (0, "")


def test_systems_are_listed_and_versioned(configured, tmp_path):
    ws = configured
    assert [system.system for system in ws.erp.systems()] == ["erp", "sage"]
    sage = ws.erp.system("sage")
    assert sage.plugin == "files" and sage.version == 1 and sage.next_sequence == 1
    assert json.loads(sage.config)["id_prefix"] == "411R"
    with pytest.raises(relais.ConflictError):
        ws.erp.configure("sage", "files", files_config(tmp_path, "sage"))
    changed = ws.erp.configure("sage", "files", files_config(tmp_path, "sage") | {"id_width": 6},
                               version=sage.version)
    assert changed.version == 2 and "ErpSystem" in repr(changed)


def test_a_bad_config_is_a_value_error_naming_the_key(workspace, tmp_path):
    config = files_config(tmp_path, "sage")
    del config["outbox"]
    with pytest.raises(relais.InvalidInputError) as caught:
        workspace.erp.configure("sage", "files", config)
    assert isinstance(caught.value, ValueError)
    assert caught.value.field_errors[0].field == "config.outbox"
    with pytest.raises(relais.PluginError):
        workspace.erp.configure("sage", "ftp", files_config(tmp_path, "sage"))
    assert workspace.erp.systems() == []


def test_unknown_systems_and_non_admins_are_refused(workspace, tmp_path):
    with pytest.raises(relais.NotFoundError):
        workspace.erp.export_changes("sage")
    with pytest.raises(KeyError):
        workspace.erp.import_pending("sage")
    workspace.users.create("marie", "Marie", role="assistant")
    marie = workspace.as_user("marie")
    with pytest.raises(relais.PermissionDeniedError):
        marie.erp.configure("sage", "files", files_config(tmp_path, "sage"))
