"""Opening the store the global options point at."""

from __future__ import annotations

import json
import sys

from ..db.store import Store, open_store
from ..paths import resolve_paths


def store_for(args) -> Store:
    return open_store(resolve_paths(getattr(args, "data_dir", None)).ensure(), getattr(args, "db", None))


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def table(rows: list[list[str]], headers: list[str]) -> None:
    """Columns aligned by display width (a CJK character takes two cells)."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    cols = [max(width(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for r in [headers, *rows]:
        print("  ".join(str(c) + " " * (cols[i] - width(str(c))) for i, c in enumerate(r)).rstrip())
