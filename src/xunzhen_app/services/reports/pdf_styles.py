"""Paragraph and table styles for the report.

GB/T 9704 sets headings in 黑体/楷体 and body text in 仿宋; the app ships one
CJK face, so the hierarchy comes from size and spacing instead: 标题 二号
(22 pt), 一级标题 三号 (16 pt), 二级 小三 (15 pt), 三级 四号 (14 pt). Body text
is 小四 (12 pt) rather than the 三号 of an official letter because a report
carries wide tables.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

RED = HexColor("#c00000")
GREY = HexColor("#666666")
HEADER_FILL = HexColor("#e8eef6")
LINE = HexColor("#7a7a7a")


class Styles:
    def __init__(self, font: str):
        base = dict(fontName=font, wordWrap="CJK", textColor=HexColor("#000000"))
        self.title = ParagraphStyle("title", fontSize=30, leading=40, alignment=TA_CENTER, **base)
        self.subtitle = ParagraphStyle("subtitle", fontSize=16, leading=24, alignment=TA_CENTER, **base)
        self.h1 = ParagraphStyle("h1", fontSize=16, leading=24, spaceBefore=14, spaceAfter=8, **base)
        self.h2 = ParagraphStyle("h2", fontSize=14.5, leading=22, spaceBefore=10, spaceAfter=6, leftIndent=0, **base)
        self.h3 = ParagraphStyle("h3", fontSize=13, leading=20, spaceBefore=8, spaceAfter=4, **base)
        self.body = ParagraphStyle("body", fontSize=12, leading=20, firstLineIndent=24, spaceAfter=4, **base)
        self.plain = ParagraphStyle("plain", fontSize=12, leading=20, spaceAfter=2, **base)
        self.cell = ParagraphStyle("cell", fontSize=9.5, leading=13.5, alignment=TA_LEFT, **base)
        self.cell_center = ParagraphStyle("cellc", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cellh", parent=self.cell, alignment=TA_CENTER)
        self.cover_label = ParagraphStyle("coverl", fontSize=13, leading=22, **base)
        self.cover_value = ParagraphStyle("coverv", fontSize=13, leading=22, **base)
        self.caption = ParagraphStyle("caption", fontSize=10, leading=15, alignment=TA_CENTER, textColor=GREY,
                                      fontName=font, wordWrap="CJK")
        self.note = ParagraphStyle("note", fontSize=9.5, leading=15, textColor=GREY, fontName=font, wordWrap="CJK")
        self.warn = ParagraphStyle("warn", parent=self.cell, fontSize=10.5, leading=16, textColor=RED)


def text(value) -> str:
    """Escape user text for a Paragraph and keep its line breaks."""
    return escape(str(value or "")).replace("\n", "<br/>")


def red(markup: str) -> str:
    return f'<font color="#c00000">{markup}</font>'


def grid_table(rows: list[list], widths: list[float], header_rows: int = 1, extra: list | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    table.setStyle(TableStyle(commands + (extra or [])))
    return table


def cells(style, values) -> list[Paragraph]:
    return [v if not isinstance(v, str) else Paragraph(v, style) for v in values]
