"""The migrations and the merge tests against a real PostgreSQL server (tests/pg.py).

The bureau's shared store is PostgreSQL; the expert side stays SQLite, as in
the field. The merge tests are the SQLite ones, re-run with the bureau here.
"""

from __future__ import annotations

import pytest
from exchange_helpers import make_side
from pg import pg_server, pg_url  # noqa: F401  (fixtures)
from sqlalchemy import create_engine, text
from test_exchange import (  # noqa: F401  (re-run here against PostgreSQL)
    package,
    test_bad_packages_are_refused_and_change_nothing,
    test_both_changed_keeps_both_and_resolves_field_by_field,
    test_deletion_arriving_before_the_row_keeps_it_deleted,
    test_deletion_of_a_row_changed_here_is_a_conflict,
    test_deletions_travel_and_stale_copies_stay_deleted,
    test_edit_of_a_row_deleted_here_is_a_conflict,
    test_format_1_package_without_tombstones_imports_as_before,
    test_preview_commits_nothing,
    test_random_corruption_is_refused_or_harmless,
    test_receipt_marks_visits_delivered,
    test_revoked_key_is_refused,
    test_round_trip_and_reimport_is_a_no_op,
    test_same_uuid_different_content_from_a_third_party_is_refused,
    test_their_edit_updates_ours_kept_when_only_we_changed,
    test_undone_deletion_travels_back,
    test_uscc_clash_is_a_conflict_and_the_rest_imports,
)
from test_migrations import insert_0003_rows

from xunzhen_app.db import migrate
from xunzhen_app.db.models import Base
from xunzhen_app.db.store import open_store
from xunzhen_app.paths import AppPaths


@pytest.fixture
def bureau(tmp_path, pg_url):  # noqa: F811
    side = make_side(tmp_path / "bureau", pg_url)
    assert side.store.engine.dialect.name == "postgresql"
    yield side
    side.store.close()


def test_postgres_built_at_first_revision_upgrades_to_head(pg_url, tmp_path):  # noqa: F811
    engine = create_engine(pg_url)
    migrate.upgrade(engine, migrate.REVISIONS[0])
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO enterprise (id, name, uscc, city, county, industry, cultivation_type, honours, contacts,"
            " notes, created_at, updated_at, revision) VALUES ('e1', '旧库企业', NULL, '太原市', '', '', '领军型',"
            " '[]', '[]', '', '2025-05-01 00:00:00+00', '2025-05-01 00:00:00+00', 1)"))
    engine.dispose()
    store = open_store(AppPaths(tmp_path / "data").ensure(), pg_url)
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            assert conn.execute(text("SELECT name FROM enterprise")).scalar() == "旧库企业"
    finally:
        store.close()


def test_postgres_at_0003_upgrades_to_tombstones_with_its_data(pg_url, tmp_path):  # noqa: F811
    engine = create_engine(pg_url)
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        insert_0003_rows(conn)
    engine.dispose()
    store = open_store(AppPaths(tmp_path / "data").ensure(), pg_url)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM enterprise")).scalar() == "旧库企业"
            assert conn.execute(text("SELECT kind, reason, remote_data FROM sync_conflict")).one() == (
                "changed", "", {"name": "对方的名称"})
            assert conn.execute(text("SELECT count(*) FROM tombstone")).scalar() == 0
    finally:
        store.close()
