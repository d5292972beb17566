"""Atomic file writes: a crash or a full disk never leaves half a file under the final name.

The writer fills a temporary file in the destination folder (so the final
``os.replace`` is a rename on the same file system, atomic on Windows and
POSIX), flushes it to disk, then renames it over the target.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ...core.errors import UserError
from ...fs import describe_os_error, replace_file


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
        replace_file(tmp_name, path)
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
