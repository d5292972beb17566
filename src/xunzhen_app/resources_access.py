"""The one place that reads bundled resources (checklists, fonts, icons, regions).

``importlib.resources`` finds them the same way in an editable checkout (the
``xunzhen_app.resources`` package maps to the top-level resources/ folder), an
installed wheel and a frozen app.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

_PACKAGE = "xunzhen_app.resources"


def resource(relative: str) -> Traversable:
    node = resources.files(_PACKAGE)
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node


def read_text(relative: str) -> str:
    return resource(relative).read_text(encoding="utf-8")


def read_bytes(relative: str) -> bytes:
    return resource(relative).read_bytes()


def listing(folder: str) -> list[Traversable]:
    return sorted((n for n in resource(folder).iterdir() if n.is_file()), key=lambda n: n.name)
