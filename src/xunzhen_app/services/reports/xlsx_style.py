"""Shared sheet formatting: header row, frozen panes, auto-filter, widths that fit Chinese text,
a Chinese font in every cell, and a page set-up that prints the sheet as a bureau files it."""

from __future__ import annotations

import unicodedata
from copy import copy
from datetime import date, datetime

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
# 宋体 is on every Chinese Windows and in WPS; Excel's default Calibri has no Chinese glyphs, so the
# reader's system substitutes one. charset 134 is GB2312, which tells Excel the face is Chinese.
FONT_NAME = "宋体"
BODY_FONT = Font(name=FONT_NAME, size=11, charset=134)
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True, charset=134)
TITLE_FONT = Font(name="黑体", size=16, charset=134)
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
LEVEL_FORMAT = "0.0"
MAX_WIDTH = 60


def display_width(value) -> int:
    """Excel column units: a CJK character is about two Latin ones wide."""
    if value is None:
        return 0
    if isinstance(value, (date, datetime)):
        return 10
    if isinstance(value, float):
        return 6
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in str(value).splitlines()), default=0)


# A text starting with one of these is a formula to Excel or LibreOffice once the cell is edited
# or the sheet saved as CSV ("=HYPERLINK(…)", "+cmd|…", "@SUM(…)"); names and notes come from
# other people's spreadsheets and packages, so such a text is kept as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def put(ws, row: int, column: int, value):
    """Write one cell; a formula-like text is stored as a string with Excel's quote prefix (the
    leading ' Excel shows and does not print), never as a formula."""
    cell = ws.cell(row=row, column=column, value=value)
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_table(ws, headers: list[str], rows: list[list], header_row: int = 1,
                wrap_columns: tuple[int, ...] = ()) -> None:
    """Header at ``header_row``, data below; freeze and filter the header, fit the widths."""
    for col, title in enumerate(headers, start=1):
        cell = put(ws, header_row, col, title)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    # Styling cell by cell makes openpyxl hash a style per cell (seconds for
    # 1,000 visits); a style is built once per column and value type, then its
    # StyleArray is copied.
    styles: dict[tuple[int, type, bool], object] = {}
    for r, values in enumerate(rows, start=header_row + 1):
        for col, value in enumerate(values, start=1):
            cell = put(ws, r, col, value)
            key = (col, type(value), is_formula_like(value))
            style = styles.get(key)
            if style is None:
                cell.border, cell.font = BORDER, BODY_FONT
                if isinstance(value, (date, datetime)):
                    cell.number_format = DATE_FORMAT
                elif isinstance(value, float):
                    cell.number_format = LEVEL_FORMAT
                if col in wrap_columns:
                    cell.alignment = WRAP
                styles[key] = copy(cell._style)
            else:
                cell._style = copy(style)
    last_col = get_column_letter(len(headers))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.auto_filter.ref = f"A{header_row}:{last_col}{header_row + max(len(rows), 1)}"
    for col, title in enumerate(headers, start=1):
        # Sample the rows: measuring 1,000 rows of every column costs more than it helps.
        sample = [row[col - 1] for row in rows[:200]]
        width = max([display_width(title) + 4] + [display_width(v) + 2 for v in sample])
        ws.column_dimensions[get_column_letter(col)].width = min(width, MAX_WIDTH)
    print_setup(ws, header_row)


def print_setup(ws, header_row: int) -> None:
    """A4 landscape, as wide as the page, the header rows on every page, 第 N 页 in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # 0: as many pages down as it takes
    ws.print_title_rows = f"1:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, footer=0.3)
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = FONT_NAME
