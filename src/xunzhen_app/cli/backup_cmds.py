"""`xunzhen backup FILE` and `xunzhen restore FILE`."""

from __future__ import annotations

from pathlib import Path

from ..db import backup
from ..db.store_file import StoreFileError
from ..paths import resolve_paths
from .context import store_for


def register(sub, common) -> None:
    b = sub.add_parser("backup", help="把数据库备份到一个文件", parents=[common])
    b.add_argument("file", type=Path, help="备份文件（.sqlite3）")
    b.set_defaults(handler=_backup)
    r = sub.add_parser("restore", help="用备份文件替换当前数据库（先自动备份当前数据库）", parents=[common])
    r.add_argument("file", type=Path)
    r.set_defaults(handler=_restore)


def _backup(args) -> int:
    store = store_for(args)
    dest = backup.backup_to(store, args.file)
    print(f"已备份到 {dest}")
    return 0


def _restore(args) -> int:
    try:
        store = store_for(args)
    except StoreFileError:
        if getattr(args, "db", None):
            raise
        # The store cannot be opened (empty, corrupt, foreign): what restore is for.
        kept = backup.restore_over_broken(resolve_paths(getattr(args, "data_dir", None)).database, args.file)
        print(f"无法打开的原数据库文件已改名保存为 {kept}")
    else:
        safety = backup.restore_from(store, args.file)
        store.close()
        if safety:
            print(f"原数据库已另存为 {safety}")
    store_for(args).close()  # reopening upgrades an older backup to the current schema
    print(f"已从 {args.file} 恢复")
    return 0
