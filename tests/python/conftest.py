"""Fixtures of the Python suite.

Every test that asks for `engine` (directly or through `uri`/`workspace`)
runs once per storage engine: SQLite on a temporary file, PostgreSQL on a
fresh database of the run's throwaway cluster, whose URI is in the file named
by RELAIS_TEST_PG_URI_FILE (ctest's `postgres` fixture writes it).
`--engines=sqlite` or `--engines=postgresql` picks one.
"""
import contextlib
import gc
import os
import subprocess
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

import relais

ENGINES = ("sqlite", "postgresql")


def pytest_addoption(parser):
    parser.addoption("--engines", default=",".join(ENGINES),
                     help="comma-separated storage engines for the workspace tests")


def pytest_generate_tests(metafunc):
    if "engine" not in metafunc.fixturenames:
        return
    engines = [name for name in metafunc.config.getoption("engines").split(",") if name]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        raise pytest.UsageError(f"unknown engines {sorted(unknown)}; known: {ENGINES}")
    metafunc.parametrize("engine", engines)


def _cluster_uri():
    path = os.environ.get("RELAIS_TEST_PG_URI_FILE")
    if not path:
        pytest.skip("RELAIS_TEST_PG_URI_FILE is not set: run through ctest for PostgreSQL")
    with open(path, encoding="utf-8") as file:
        return file.read().strip()


def _psql(uri, sql):
    subprocess.run(["psql", uri, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
                   check=True, capture_output=True, text=True)


@contextlib.contextmanager
def _postgres_database():
    cluster = _cluster_uri()
    name = "relais_py_" + uuid.uuid4().hex[:16]
    _psql(cluster, f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(cluster)._replace(path="/" + name))
    finally:
        # Workspaces kept alive by a failed test's traceback still hold
        # connections: collect what can be, and FORCE closes the rest.
        gc.collect()
        _psql(cluster, f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def uri(engine, tmp_path):
    """The URI of an empty workspace on `engine`."""
    if engine == "sqlite":
        yield f"sqlite://{tmp_path / 'relais.db'}"
    else:
        with _postgres_database() as database_uri:
            yield database_uri


@pytest.fixture
def workspace(uri):
    """A new workspace, opened as its only user, admin."""
    return relais.open(uri)


@pytest.fixture
def new_customer(workspace):
    """Creates a company customer; keyword arguments override the defaults.

    The first call of a test uses the defaults below; each further call gets
    its own phone and email, so that customers created one after the other
    are distinct and not refused as duplicates (create() refuses a customer
    that looks like an existing one). A test that wants twins passes
    allow_duplicates=True.
    """
    created = 0

    def create(**overrides):
        nonlocal created
        fields = {
            "name": "Duret Électricité",
            "kind": "company",
            "phones": ["01 23 45 67 89"],
            "emails": ["Contact@Duret-Elec.FR"],
        }
        if created:
            fields["phones"] = [f"01 23 45 {created // 100:02d} {created % 100:02d}"]
            fields["emails"] = [f"contact{created}@duret-elec.fr"]
        fields.update(overrides)
        customer = workspace.customers.create(**fields)
        created += 1
        return customer
    return create
