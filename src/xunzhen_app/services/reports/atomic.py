"""Atomic file writes: a crash or a full disk never leaves half a file under the final name.

The writer fills a temporary file in the destination folder (so the final
``os.replace`` is a rename on the same file system, atomic on Windows and
POSIX), flushes it to disk, then renames it over the target.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ...core.errors import UserError

_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
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


def describe_os_error(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _umask() -> int:
    """The process's umask. Linux shows it in /proc; elsewhere it can only be read by setting it,
    which is set back at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _final_mode(path: Path) -> int:
    """The permissions the file would have if written in place: a replaced file keeps its own,
    a new one gets what the user's umask gives (mkstemp's 0600 would hide it from the group)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def write_atomically(path: Path, fill: Callable[[BinaryIO], object]) -> Path:
    """Call ``fill(binary_file)`` on a temporary file, then rename it to ``path``.

    Any failure removes the temporary file and leaves an existing ``path``
    untouched; OS errors become a UserError naming the file.
    """
    path = Path(path).expanduser().absolute()
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        if os.name == "posix":
            os.fchmod(fd, _final_mode(path))
        with os.fdopen(fd, "wb") as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise UserError(f"无法写入文件 {path}：{describe_os_error(exc)}") from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return path
