"""Backups of the SQLite store: consistent online copies, rotation, restore.

Copies use SQLite's backup API, so a backup taken while the app writes is a
consistent snapshot. Restore checks the file before it replaces anything and
keeps a copy of the database it replaces.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from ..core.errors import UserError
from ..fs import describe_os_error, replace_file
from .migrate import REVISIONS
from .store_file import SQLITE_HEADER

DEFAULT_KEEP = 10
AUTO_INTERVAL = timedelta(hours=12)
_PREFIX = "xunzhen-"
# Tables every revision has had since the first: a backup without them is no 巡诊 store.
CORE_TABLES = frozenset({"alembic_version", "checklist_template", "enterprise", "expert", "visit", "assessment",
                         "plan_item", "visit_expert", "visit_history", "visit_problem"})


def _require_sqlite(store) -> Path:
    if store.sqlite_file is None:
        raise UserError(
            f"当前数据库“{store.url}”不是本机 SQLite 文件；共享的 PostgreSQL 数据库请由管理员用 pg_dump 备份"
        )
    return store.sqlite_file


def copy_database(source: Path, dest: Path) -> None:
    """Write a consistent copy of ``source`` to ``dest`` atomically."""
    tmp = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=dest.name, suffix=".part", dir=dest.parent)
        os.close(fd)
        src, dst = sqlite3.connect(source), sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        replace_file(tmp, dest)
    except sqlite3.Error as exc:
        raise UserError(f"备份到“{dest}”失败：{exc}") from exc
    except OSError as exc:
        raise UserError(f"备份到“{dest}”失败：{describe_os_error(exc)}") from exc
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def backup_to(store, dest: Path) -> Path:
    copy_database(_require_sqlite(store), Path(dest))
    return Path(dest)


def list_backups(backups_dir: Path) -> list[Path]:
    return sorted(backups_dir.glob(f"{_PREFIX}*.sqlite3"), reverse=True)


def rotating_backup(store, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """Take a backup into the backups folder and delete all but the newest ``keep``."""
    folder = store.paths.backups
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backup_to(store, folder / f"{_PREFIX}{stamp}-{reason}.sqlite3")
    for old in list_backups(folder)[keep:]:
        old.unlink(missing_ok=True)
    return dest


def auto_backup_if_due(store, keep: int = DEFAULT_KEEP) -> Path | None:
    """At most one automatic backup per interval, taken when the app opens."""
    if store.sqlite_file is None or not store.sqlite_file.exists():
        return None
    existing = list_backups(store.paths.backups)
    if existing and datetime.now() - datetime.fromtimestamp(existing[0].stat().st_mtime) < AUTO_INTERVAL:
        return None
    return rotating_backup(store, "auto", keep)


def backup_before_upgrade(store, from_revision: str) -> Path:
    return rotating_backup(store, f"before-upgrade-{from_revision}")


def check_backup_file(path: Path) -> str:
    """The schema revision of a backup file, or a UserError saying why it is unusable.

    Checked read-only, before anything is replaced: the file is intact, has the app's tables
    and a revision this release knows, and holds no trigger or view (the app creates none, and
    one smuggled in would run on the app's own writes).
    """
    if not path.is_file():
        raise UserError(f"备份文件“{path}”不存在")
    with open(path, "rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise UserError(f"“{path}”不是巡诊的备份文件（不是 SQLite 数据库）")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise UserError(f"备份文件“{path}”已损坏：{ok}")
            objects = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
            tables = {name for kind, name in objects if kind == "table"}
            extra = [f"{'触发器' if kind == 'trigger' else '视图'} {name}" for kind, name in objects
                     if kind in ("trigger", "view")]
            if extra:
                raise UserError(f"备份文件“{path}”含有巡诊不会建立的{'、'.join(extra)}，可能被篡改，未恢复")
            missing = sorted(CORE_TABLES - tables)
            if missing:
                raise UserError(f"备份文件“{path}”缺少巡诊的数据表（{'、'.join(missing)}），不是完整的备份，未恢复")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"备份文件“{path}”无法读取：{exc}") from exc
    if row is None or row[0] not in REVISIONS:
        raise UserError(f"备份文件“{path}”的结构版本 {row[0] if row else '未知'} 不被本程序识别（可能来自更新的版本）")
    return row[0]


def restore_from(store, source: Path) -> Path:
    """Replace the store with ``source``; returns the safety copy of the old store."""
    db_file = _require_sqlite(store)
    check_backup_file(Path(source))
    safety = rotating_backup(store, "before-restore") if db_file.exists() else None
    store.engine.dispose()
    _put_in_place(Path(source), db_file)
    return safety


def restore_over_broken(db_file: Path, source: Path) -> Path:
    """Replace a store file that cannot be opened (empty, corrupt, foreign) with ``source``.

    The broken file is kept beside it under a new name, not deleted: it may still be evidence,
    or hold what a specialist can recover. Returns where it went.
    """
    check_backup_file(Path(source))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db_file.with_name(f"{db_file.name}.broken-{stamp}")
    try:
        os.replace(db_file, kept)
    except OSError as exc:
        raise UserError(f"无法把损坏的数据库“{db_file}”改名保存：{describe_os_error(exc)}；未恢复") from exc
    _put_in_place(Path(source), db_file)
    return kept


def _put_in_place(source: Path, db_file: Path) -> None:
    restoring = db_file.with_name(db_file.name + ".restoring")
    copy_database(source, restoring)
    for suffix in ("-wal", "-shm"):
        Path(str(db_file) + suffix).unlink(missing_ok=True)
    replace_file(restoring, db_file)
