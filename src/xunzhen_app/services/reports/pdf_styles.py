"""Paragraph and table styles for the report, after GB/T 9704 practice.

Faces (see ``fonts``): body text and table cells in 宋体, the title,
first-level headings and table headers in 黑体, second-level headings,
captions and notes in 楷体. Sizes: 标题 一号 (26 pt), 一级标题 三号 (16 pt),
二级 小三 (15 pt), 三级 四号 (14 pt); body 小四 (12 pt) rather than the 三号
of an official letter because a report carries wide tables; tables 五号
(10.5 pt), the smallest size an official document uses for text.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from .fonts import FONTS, ReportFonts

BLACK = HexColor("#000000")
RED_HEX = "#c00000"
RED = HexColor(RED_HEX)
GREY = HexColor("#666666")
HEADER_FILL = HexColor("#e8eef6")
LINE = HexColor("#7a7a7a")


class Styles:
    def __init__(self, fonts: ReportFonts):
        # allowWidows=0: a paragraph never leaves its last line alone at the top of a page.
        song = dict(fontName=fonts.song, wordWrap="CJK", textColor=BLACK, allowWidows=0)
        hei, kai = dict(song, fontName=fonts.hei), dict(song, fontName=fonts.kai)
        self.title = ParagraphStyle("title", fontSize=26, leading=36, alignment=TA_CENTER, **hei)
        self.subtitle = ParagraphStyle("subtitle", fontSize=16, leading=24, alignment=TA_CENTER, **kai)
        self.h1 = ParagraphStyle("h1", fontSize=16, leading=26, spaceBefore=14, spaceAfter=8, keepWithNext=1, **hei)
        self.h2 = ParagraphStyle("h2", fontSize=15, leading=24, spaceBefore=10, spaceAfter=6, keepWithNext=1, **kai)
        self.h3 = ParagraphStyle("h3", fontSize=14, leading=22, spaceBefore=8, spaceAfter=4, keepWithNext=1, **song)
        self.body = ParagraphStyle("body", fontSize=12, leading=21, firstLineIndent=24, spaceAfter=4, **song)
        self.plain = ParagraphStyle("plain", fontSize=12, leading=21, spaceAfter=2, **song)
        self.cell = ParagraphStyle("cell", fontSize=10.5, leading=15, alignment=TA_LEFT, **song)
        self.cell_center = ParagraphStyle("cellc", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cellh", parent=self.cell, alignment=TA_CENTER, fontName=fonts.hei)
        self.cell_label = ParagraphStyle("celll", parent=self.cell, fontName=fonts.hei)
        self.cover_label = ParagraphStyle("coverl", fontSize=14, leading=24, **hei)
        self.cover_issuer = ParagraphStyle("coveri", fontSize=15, leading=26, alignment=TA_CENTER, **kai)
        self.right = ParagraphStyle("right", fontSize=12, leading=21, alignment=TA_RIGHT, **song)
        self.cover_value = ParagraphStyle("coverv", fontSize=14, leading=24, **song)
        self.caption = ParagraphStyle("caption", fontSize=10.5, leading=16, alignment=TA_CENTER, **dict(kai, textColor=GREY))
        self.note = ParagraphStyle("note", fontSize=10.5, leading=16, **dict(kai, textColor=GREY))
        self.warn = ParagraphStyle("warn", parent=self.cell, leading=16, textColor=RED)


def grid_table(rows: list[list], widths: list[float], header_rows: int = 1, extra: list | None = None) -> Table:
    """A ruled table; header rows shaded and repeated on each page the table runs over."""
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONTS.song),  # else an empty cell references Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    table.setStyle(TableStyle(commands + (extra or [])))
    return table
