"""Rotating backups, `backup FILE` and `restore FILE`."""

import os
import sqlite3

import pytest

from xunzhen_app.core.errors import UserError
from xunzhen_app.db import backup
from xunzhen_app.db.store import open_store
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise, list_enterprises


def names(store):
    return [e.name for e in list_enterprises(store)]


def test_backup_and_restore_round_trip(store, paths, tmp_path):
    create_enterprise(store, EnterpriseInput(name="备份前企业", city="太原市"))
    copy = backup.backup_to(store, tmp_path / "copy.sqlite3")
    create_enterprise(store, EnterpriseInput(name="备份后企业", city="太原市"))
    safety = backup.restore_from(store, copy)
    reopened = open_store(paths)
    try:
        assert names(reopened) == ["备份前企业"]
    finally:
        reopened.close()
    with sqlite3.connect(safety) as conn:  # the replaced store was kept
        assert {r[0] for r in conn.execute("SELECT name FROM enterprise")} == {"备份前企业", "备份后企业"}


def test_rotation_keeps_the_newest_n(store):
    made = [backup.rotating_backup(store, "test", keep=3) for _ in range(5)]
    kept = backup.list_backups(store.paths.backups)
    assert kept == sorted(made[-3:], reverse=True)


def test_auto_backup_at_most_once_per_interval(store):
    create_enterprise(store, EnterpriseInput(name="企业", city="太原市"))
    assert backup.auto_backup_if_due(store) is not None
    assert backup.auto_backup_if_due(store) is None
    old = backup.list_backups(store.paths.backups)[0]
    os.utime(old, (0, 0))
    assert backup.auto_backup_if_due(store) is not None


@pytest.mark.parametrize("content, message", [
    (b"not a database at all", "不是巡诊的备份文件"),
    (b"", "不是巡诊的备份文件"),
])
def test_restore_refuses_a_bad_file_and_keeps_the_store(store, paths, tmp_path, content, message):
    create_enterprise(store, EnterpriseInput(name="原有企业", city="太原市"))
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(UserError, match=message):
        backup.restore_from(store, bad)
    assert names(store) == ["原有企业"]


def test_restore_refuses_a_backup_from_a_newer_release(store, tmp_path):
    copy = backup.backup_to(store, tmp_path / "copy.sqlite3")
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(UserError, match="不被本程序识别"):
        backup.restore_from(store, copy)


def test_backup_into_an_unwritable_place_says_so(store, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="备份到"):
        backup.backup_to(store, blocker / "sub" / "copy.sqlite3")
    assert not list(tmp_path.glob("**/*.part"))


def test_postgres_store_is_told_to_use_pg_dump(paths):
    from types import SimpleNamespace

    fake = SimpleNamespace(sqlite_file=None, url="postgresql+psycopg://bureau/xunzhen")
    with pytest.raises(UserError, match="pg_dump"):
        backup.backup_to(fake, paths.data_dir / "x.sqlite3")
