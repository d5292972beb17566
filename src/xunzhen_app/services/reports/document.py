"""The report as a document model: what it says, in which order, with which emphasis.

``report_content`` builds one ``Document`` from a visit; ``pdf_report`` and
``docx_report`` each render it, so the PDF and the Word file cannot drift
apart in content, numbering or wording. The model knows nothing about
reportlab or python-docx: sizes are in millimetres, emphasis is a flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Run:
    text: str
    red: bool = False
    bold: bool = False


def runs(*parts: str | Run) -> tuple[Run, ...]:
    """Plain strings and Runs in one tuple; empty parts dropped."""
    return tuple(p if isinstance(p, Run) else Run(p) for p in parts if (p.text if isinstance(p, Run) else p))


ParaKind = Literal["body", "plain", "note", "caption", "warn", "right"]


@dataclass(frozen=True)
class Para:
    content: tuple[Run, ...]
    kind: ParaKind = "body"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.content)


@dataclass(frozen=True)
class Heading:
    level: int  # 1: 一、  2: （一）  3: 1.
    text: str   # numbered already


@dataclass(frozen=True)
class Cell:
    content: tuple[Run, ...]
    center: bool = False
    head: bool = False     # a header or label cell (黑体, shaded)
    fill: str | None = None  # background, "#rrggbb"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.content)


def cell(value: str | Run | tuple[Run, ...], **kw) -> Cell:
    content = value if isinstance(value, tuple) else runs(value)
    return Cell(content, **kw)


TableKind = Literal["grid", "form", "cover"]


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # mm; one 0 takes what the others leave of the text width
    header_rows: int = 1
    spans: tuple[tuple[int, int, int], ...] = ()  # (row, first column, last column) merged
    kind: TableKind = "grid"  # form: tall rows to write in; cover: label/value lines without a grid
    keep_together: bool = False


@dataclass(frozen=True)
class Radar:
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    previous: tuple[float | None, ...] | None
    top: int  # the scale's highest level
    caption: str


@dataclass(frozen=True)
class Photo:
    jpeg: bytes
    width: int
    height: int
    caption: str


@dataclass(frozen=True)
class Together:
    """Blocks kept on one page (a goal's table with its notes, the signatures)."""
    blocks: tuple[Para | Heading | Table, ...]


Block = Para | Heading | Table | Radar | Photo | Together


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    fields: tuple[tuple[str, str], ...]
    issuer: tuple[str, ...]  # the 落款 lines at the foot of the cover: organising unit, date
    source: str


@dataclass(frozen=True)
class Document:
    cover: Cover
    blocks: tuple[Block, ...]
    header: str   # the running header's left text
    draft: bool
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = field(default=())
    report_name: str = "质量巡诊报告"  # the running header's right text: which report this is
