"""What can be wrong with the SQLite file and folder of a store, found before anything writes.

Opening a SQLite file through the engine already writes (it switches the file to WAL), so the
file is first looked at with plain reads and a read-only connection: only a missing file means
a new store; an empty, foreign, corrupt or unreadable one is refused with a message that names
it and the newest backups. Errors SQLite raises later (a full disk, a folder turned read-only)
are told in the same words by ``explain_sqlite_error``.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from ..core.errors import UserError
from ..fs import describe_os_error

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_GLOB = "xunzhen-*.sqlite3"
SHOWN_BACKUPS = 3


class StoreFileError(UserError):
    """The store's file is not a usable 巡诊 database; ``restore`` may still replace it."""


def backups_hint(backups: Path) -> str:
    found = sorted(backups.glob(BACKUP_GLOB), reverse=True)[:SHOWN_BACKUPS] if backups.is_dir() else []
    if not found:
        return f"备份文件夹“{backups}”中没有备份；如另有备份文件，可用 xunzhen restore 备份文件 恢复"
    listed = "\n".join(f"  {p}" for p in found)
    return f"可用最近的备份恢复：xunzhen restore “{found[0]}”\n最近的备份：\n{listed}"


def check_store_file(db: Path, backups: Path) -> None:
    """Refuse a store file that is not a 巡诊 database and a data folder that cannot be written."""
    folder = db.parent
    if folder.exists() and not folder.is_dir():
        raise UserError(f"数据文件夹“{folder}”是一个文件，不是文件夹：请改用 --data-dir 选择另一个文件夹")
    if db.is_dir():
        raise StoreFileError(f"数据库路径“{db}”是一个文件夹，不是数据库文件：请移走或改名该文件夹，"
                             "或用 --data-dir 选择另一个数据文件夹；未作任何修改")
    # Writability first: a WAL database in a read-only folder cannot even be read (SQLite must
    # create its -shm file), which is no reason to call the file damaged.
    _check_writable(folder)
    if db.exists():
        _check_existing(db, backups)


def _check_existing(db: Path, backups: Path) -> None:
    try:
        size = db.stat().st_size
        with db.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserError(f"无法读取数据库文件“{db}”：{describe_os_error(exc)}") from None
    if size == 0:
        raise StoreFileError(f"数据库文件“{db}”是空的（0 字节），原有数据不在其中（可能是磁盘故障或复制中断）。"
                             f"未作任何修改，也没有新建空数据库。\n{backups_hint(backups)}")
    if header != SQLITE_HEADER:
        raise StoreFileError(f"数据库文件“{db}”不是 SQLite 数据库（已损坏或被其他文件覆盖），未作任何修改。\n"
                             f"{backups_hint(backups)}")
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:  # not the file's content: permissions, locks, the disk
        raise UserError(f"无法打开数据库文件“{db}”（{exc}）：请检查文件的权限，或是否被其他程序锁定") from None
    except sqlite3.DatabaseError as exc:
        raise StoreFileError(f"数据库文件“{db}”已损坏，无法读取（{exc}），未作任何修改。\n{backups_hint(backups)}") from None
    if tables and "alembic_version" not in tables:
        raise StoreFileError(f"数据库文件“{db}”不是巡诊的数据库（其中的表：{'、'.join(sorted(tables)[:5])}），"
                             "未作任何修改：请用 --data-dir 选择巡诊的数据文件夹")


def _check_writable(folder: Path) -> None:
    """A probe file, since permission bits do not tell (an administrator writes anywhere, a
    read-only disk refuses everyone)."""
    if not folder.exists():
        return  # created by the engine; a failure there is explained as it happens
    try:
        fd, probe = tempfile.mkstemp(prefix=".xunzhen-write-test-", dir=folder)
    except OSError as exc:
        raise UserError(f"数据文件夹“{folder}”无法写入（{describe_os_error(exc)}）：巡诊需要在其中保存数据库；"
                        "请检查磁盘与权限，或用 --data-dir 选择另一个文件夹") from None
    os.close(fd)
    os.unlink(probe)


_SQLITE_REASONS = (
    ("database or disk is full", "磁盘空间不足，无法写入数据库“{db}”：请腾出空间后重试；刚才的修改未保存"),
    ("readonly database", "数据库“{db}”或其文件夹是只读的，无法写入：请检查磁盘与权限；刚才的修改未保存"),
    ("unable to open database file", "无法打开数据库文件“{db}”：文件夹不存在、不可写或没有权限"),
    ("disk i/o error", "读写数据库“{db}”时出现磁盘错误：请检查磁盘（可能已满或已拔出）；刚才的修改未保存"),
    ("malformed", "数据库文件“{db}”已损坏：{hint}"),
    ("file is not a database", "数据库文件“{db}”不是 SQLite 数据库：{hint}"),
    ("database is locked", "数据库“{db}”正被另一个程序占用（另一个巡诊窗口？）：请关闭后重试"),
)


def explain_sqlite_error(exc: BaseException, db: Path, backups: Path) -> UserError | None:
    """A UserError telling what an SQLite error means for the user's file, or None for a bug."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.DatabaseError):
        return None
    text = str(orig).lower()
    for needle, message in _SQLITE_REASONS:
        if needle in text:
            return UserError(message.format(db=db, hint=backups_hint(backups)))
    return None
