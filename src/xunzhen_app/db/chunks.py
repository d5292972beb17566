"""Lookups by a list of ids, a slice at a time: one ``IN (…)`` with thousands of bound parameters
passes SQLite's and PostgreSQL's limits, so every such query takes its ids through ``in_chunks``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

IN_CHUNK = 500  # ids per IN (…): well under SQLite's and PostgreSQL's parameter limits


def in_chunks(ids: Iterable) -> Iterator[list]:
    """``ids`` in lists of at most ``IN_CHUNK``, in their order."""
    ids = list(ids)
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start:start + IN_CHUNK]
