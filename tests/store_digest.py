"""A digest of everything a SQLite store holds, to assert that a refused input changed nothing.

Read through a read-only connection and SQLite's own dump (schema and rows in a fixed order),
so a checkpoint or a vacuum that moves pages around does not count as a change.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def store_digest(database: Path) -> str:
    conn = sqlite3.connect(f"{Path(database).resolve().as_uri()}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for line in conn.iterdump():
            h.update(line.encode("utf-8") + b"\n")
        return h.hexdigest()
    finally:
        conn.close()
