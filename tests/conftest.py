"""Shared fixtures: real SQLite files in temporary data folders."""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from xunzhen_app.db.store import open_store  # noqa: E402
from xunzhen_app.paths import AppPaths  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path):
    # A developer's own XUNZHEN_* settings must never leak into a test.
    monkeypatch.delenv("XUNZHEN_DB_URL", raising=False)
    monkeypatch.setenv("XUNZHEN_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("XUNZHEN_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths(tmp_path / "data").ensure()


@pytest.fixture
def store(paths):
    s = open_store(paths)
    yield s
    s.close()


@pytest.fixture(scope="session")
def _demo_database(tmp_path_factory):
    from xunzhen_app.services.demo import load_demo

    p = AppPaths(tmp_path_factory.mktemp("demo")).ensure()
    s = open_store(p)
    load_demo(s)
    s.close()
    return p.database


@pytest.fixture
def demo_store(paths, _demo_database):
    """A store holding the demo data set, copied fresh for each test."""
    shutil.copy(_demo_database, paths.database)
    s = open_store(paths)
    yield s
    s.close()


# Two installations for exchange tests: an expert's laptop and the city bureau, each its own store and keys.
@pytest.fixture
def expert(tmp_path):
    from exchange_helpers import make_side

    side = make_side(tmp_path / "expert")
    yield side
    side.store.close()


@pytest.fixture
def bureau(tmp_path):
    from exchange_helpers import make_side

    side = make_side(tmp_path / "bureau")
    yield side
    side.store.close()
