"""File-system failures in the user's words, and the one rename that puts a finished file in place.

Outside the layers (like paths.py) because the store (db) and the exports (services) both
write files this way.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .core.errors import UserError

_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOENT: "文件夹不存在",
    errno.EROFS: "磁盘为只读",
    errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
    errno.EEXIST: "同名文件已存在，无法建立文件夹",
    errno.EISDIR: "目标是一个文件夹",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "磁盘读写错误",
}

HELD_OPEN = "文件正被其他程序打开，请关闭后重试"


def describe_os_error(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def replace_file(tmp: str | os.PathLike, target: Path) -> None:
    """``os.replace`` with the failure explained. On Windows a target open in Excel or a PDF
    viewer refuses the rename with PermissionError; the user can close it and try again."""
    try:
        os.replace(tmp, target)
    except PermissionError as exc:
        if Path(target).is_dir():
            raise UserError(f"无法写入文件 {target}：目标是一个文件夹") from exc
        if Path(target).exists():
            raise UserError(f"无法写入文件 {target}：{HELD_OPEN}") from exc
        raise UserError(f"无法写入文件 {target}：{describe_os_error(exc)}") from exc
    except OSError as exc:
        raise UserError(f"无法写入文件 {target}：{describe_os_error(exc)}") from exc
