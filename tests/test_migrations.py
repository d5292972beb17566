"""Schema migrations: from the first revision to head with data kept; newer databases refused."""

import sqlite3

import pytest
from sqlalchemy import create_engine, text

from xunzhen_app.core.errors import UserError
from xunzhen_app.db import migrate
from xunzhen_app.db.backup import list_backups
from xunzhen_app.db.models import Base
from xunzhen_app.db.store import open_store


def test_revision_list_matches_alembic_graph():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config(None))
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == migrate.REVISIONS
    assert script.get_current_head() == migrate.HEAD


def test_database_built_at_first_revision_upgrades_with_its_data(paths):
    engine = create_engine(f"sqlite:///{paths.database}")
    migrate.upgrade(engine, migrate.REVISIONS[0])
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO enterprise (id, name, uscc, city, county, industry, cultivation_type, honours, contacts,"
            " notes, created_at, updated_at, revision) VALUES ('e1', '旧库企业', NULL, '太原市', '', '', '领军型',"
            " '[]', '[]', '', '2025-05-01 00:00:00', '2025-05-01 00:00:00', 1)"))
    engine.dispose()

    store = open_store(paths)  # upgrades to head at start
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        from xunzhen_app.services.enterprises import list_enterprises

        assert [e.name for e in list_enterprises(store)] == ["旧库企业"]
        assert len(list_backups(paths.backups)) == 1  # a copy was taken before upgrading
    finally:
        store.close()


def test_migrated_schema_matches_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_database_from_a_newer_release_is_refused_untouched(paths):
    open_store(paths).close()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = paths.database.read_bytes()
    with pytest.raises(UserError, match="更新版本的巡诊"):
        open_store(paths)
    assert paths.database.read_bytes() == before


def test_foreign_database_is_refused(paths):
    with sqlite3.connect(paths.database) as conn:
        conn.execute("CREATE TABLE other (x)")
    with pytest.raises(UserError, match="不是巡诊的数据库"):
        open_store(paths)


def test_sqlite_runs_in_wal_with_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
