"""Files in the user cache folder that a report derives and can rebuild at any time (parsed fonts, print photos).

Writes are best effort and atomic: a cache that cannot be written only costs
time, and a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ...paths import cache_dir


def cache_file(folder: str, name: str) -> Path:
    return cache_dir() / folder / name


def store_in_cache(path: Path, data: bytes, keep: int | None = None) -> None:
    """Write ``data`` to ``path``; with ``keep``, drop the oldest files of its folder beyond that many."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)  # two processes writing one entry write the same bytes
        tmp = None
        if keep is not None:
            entries = sorted((p for p in path.parent.iterdir() if p.suffix != ".part"), key=lambda p: p.stat().st_mtime)
            for old in entries[:-keep]:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
