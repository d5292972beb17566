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


def insert_0003_rows(conn) -> None:
    """An enterprise and an open conflict about it, as a 0003 database holds them."""
    conn.execute(text(
        "INSERT INTO enterprise (id, name, uscc, city, county, industry, cultivation_type, honours, contacts,"
        " notes, created_at, updated_at, revision) VALUES ('e1', '旧库企业', NULL, '太原市', '', '', '领军型',"
        " '[]', '[]', '', '2025-05-01 00:00:00+00', '2025-05-01 00:00:00+00', 2)"))
    conn.execute(text(
        "INSERT INTO sync_base (entity, record_id, revision, digest) VALUES ('enterprise', 'e1', 1, :d)"), {"d": "a" * 64})
    conn.execute(text(
        "INSERT INTO sync_conflict (id, entity, record_id, local_revision, remote_revision, remote_digest,"
        " remote_data, package_id, sender, created_at) VALUES ('c1', 'enterprise', 'e1', 2, 2, :d,"
        " '{\"name\": \"对方的名称\"}', 'p1', 'f1', '2025-05-02 00:00:00+00')"), {"d": "b" * 64})


def test_database_at_0003_upgrades_to_tombstones_with_its_data(paths):
    engine = create_engine(f"sqlite:///{paths.database}")
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        insert_0003_rows(conn)
    engine.dispose()

    store = open_store(paths)
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        from xunzhen_app.services.exchange.conflicts import list_conflicts

        [c] = list_conflicts(store)  # a conflict recorded before kinds existed reads as an edit
        assert (c.id, c.kind, c.reason, c.label) == ("c1", "changed", "", "旧库企业")
        assert [(f.field, f.local, f.remote) for f in c.fields] == [("name", "旧库企业", "对方的名称")]
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT revision, digest FROM sync_base")).one() == (1, "a" * 64)
            assert conn.execute(text("SELECT count(*) FROM tombstone")).scalar() == 0
    finally:
        store.close()


def test_records_imported_before_ownership_belong_to_their_sender(paths):
    engine = create_engine(f"sqlite:///{paths.database}")
    migrate.upgrade(engine, "0005")
    with engine.begin() as conn:
        insert_0003_rows(conn)
        report = '{"new": [{"entity": "enterprise", "id": "e1"}, {"entity": "checklist_template", "id": "t/1"}]}'
        conn.execute(text(
            "INSERT INTO import_log (id, package_id, kind, sender, sender_name, file_name, file_sha256, imported_at,"
            " report) VALUES ('l1', 'p1', 'data', :fp, '张专家', 'p.xzp', :d, '2025-05-02 00:00:00', :r)"),
            {"fp": "f" * 64, "d": "c" * 64, "r": report})
    engine.dispose()
    store = open_store(paths)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT entity, record_id, author FROM record_author")).all() == [
                ("enterprise", "e1", "f" * 64)]
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


def test_plan_rows_at_0005_become_actions_with_dates_and_nothing_lost(paths):
    engine = create_engine(f"sqlite:///{paths.database}")
    migrate.upgrade(engine, "0005")
    stamp = "'2025-05-01 00:00:00', '2025-05-01 00:00:00', 1"
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO enterprise (id, name, uscc, city, county, industry, cultivation_type, honours, contacts,"
            f" notes, created_at, updated_at, revision) VALUES ('e1', '旧库企业', NULL, '太原市', '', '', '领军型',"
            f" '[]', '[]', '', {stamp})"))
        conn.execute(text(
            "INSERT INTO checklist_template (template_id, version, title, content, sha256, installed_at)"
            " VALUES ('t', '1', 't', '{}', '', '2025-05-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO visit (id, enterprise_id, template_id, template_version, stage, status, start_date, end_date,"
            " methods, interviewees, previous_visit_id, report_number, summary, finalized_at, reopen_reason,"
            f" created_at, updated_at, revision) VALUES ('v1', 'e1', 't', '1', '前期巡诊', '草稿', '2025-05-20',"
            f" '2025-05-20', '[]', '[]', NULL, '', '', NULL, '', {stamp})"))
        for n, (deadline, goal) in enumerate((("2025年10月底", "1"), ("年底前视情况", None), ("", "2"))):
            conn.execute(text(
                "INSERT INTO plan_item (id, visit_id, position, measure, department, deadline, expected_outcome,"
                f" goal_code, created_at, updated_at, revision) VALUES (:id, 'v1', :n, :m, '质量部', :d, '', :g,"
                f" {stamp})"), {"id": f"p{n}", "n": n, "m": f"措施{n}", "d": deadline, "g": goal})
    engine.dispose()

    store = open_store(paths)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT id, due, goal_codes, progress, status, item_codes FROM plan_item ORDER BY id")).all()
    finally:
        store.close()
    import json

    assert [(r.id, r.due, json.loads(r.goal_codes), json.loads(r.progress), r.status, json.loads(r.item_codes))
            for r in rows] == [
        ("p0", "2025-10-31", ["1"], [], "未开始", []),
        ("p1", None, [], [{"date": "2025-05-01", "note": "原完成时限：年底前视情况", "status": "未开始"}], "未开始", []),
        ("p2", None, ["2"], [], "未开始", []),
    ]
