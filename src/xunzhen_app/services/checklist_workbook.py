"""Checklist templates as Excel workbooks (信息, 量表, 条目): read, write, and the filled example.

The rules of the sheets live in ``core.checklist_sheets``; this module only moves
cells between openpyxl and plain rows of text. See docs/template-workbook.md.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from ..core.checklist import Template
from ..core.checklist_sheets import (
    INFO_SHEET,
    ITEMS_SHEET,
    SCALE_SHEET,
    Sheet,
    WorkbookError,
    sheets_from_template,
    template_from_sheets,
)
from . import xlsx_input
from .reports.atomic import write_atomically

GUIDE_SHEET = "填写说明"
GUIDE = (
    "本工作簿定义一份巡诊检查表模板，可用 xunzhen checklist import 或“设置 → 检查表模板 → 从 Excel 导入”安装。",
    "信息：A 列为项目（编号、版本、标题、来源，可选 简称、说明），B 列为内容。修改内容后请提高版本号。",
    "量表：等级从 1 起逐行加一（2 至 10 级），名称为该等级的名称，说明为其通用描述。“不适用”总会提供，除非条目不允许。",
    "条目：培育目标、主要举措、具体内容为必填列；培育目标、主要举措留空或合并单元格表示沿用上一行。",
    "同一培育目标在后面再次出现时并入前面的同名目标。具体内容中的编号分条（1. 2.、1、 2、、（1）（2））拆为多个条目。",
    "编号可不填，按 1、1.1、1.1.1 顺序编排；目标权重、举措权重填在该目标或举措的任一行（取第一个非空值），默认等权。",
    "资料收集、实地调研、深度访谈为巡诊要点；否决条件使条目成为否决项（不得标为不适用，未通过时最高按否决封顶等级计分，默认 1 级）。",
    "不允许不适用填“是”表示该条目必须评级；以等级名称为表头的列是该条目在该等级的分级描述，未填的等级使用量表中的说明。",
    "拆为多条的具体内容不能带巡诊要点、否决条件或分级描述：需要时请每个条目单独占一行。",
)
EXAMPLE_ID, EXAMPLE_VERSION = "my-checklist", "2026.1"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _sheet(path: Path, wb, name: str) -> Sheet:
    if name not in wb.sheetnames:
        raise WorkbookError(path.name, name, None, None, f"缺少该工作表（需要：{INFO_SHEET}、{SCALE_SHEET}、{ITEMS_SHEET}）")
    rows = tuple((n, tuple(_text(v) for v in row))
                 for n, row in enumerate(xlsx_input.sheet_rows(path, wb[name]), start=1))
    return Sheet(name, rows)


def read_template_workbook(path: Path) -> Template:
    """The template a workbook defines, or a WorkbookError naming sheet, row, column and problem.

    The file passes the same guard as an enterprise list (services.xlsx_input): not an .xlsx, too
    big, a zip bomb or XML entities — refused with a message before openpyxl parses it."""
    path = Path(path)
    with xlsx_input.open_workbook(path) as wb:
        info, scale, items = (_sheet(path, wb, name) for name in (INFO_SHEET, SCALE_SHEET, ITEMS_SHEET))
    return template_from_sheets(path.name, info, scale, items)


def _fill_workbook(template: Template):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from .reports.xlsx_style import WRAP, write_table

    info, scale, items = sheets_from_template(template)
    wb = Workbook()
    ws = wb.active
    ws.title = INFO_SHEET
    for r, (label, value) in enumerate(info, start=1):
        ws.cell(row=r, column=1, value=label).font = Font(bold=True)
        ws.cell(row=r, column=2, value=value).alignment = WRAP
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 10, 100
    write_table(wb.create_sheet(SCALE_SHEET), scale[0], scale[1:], wrap_columns=(3,))
    sheet = wb.create_sheet(ITEMS_SHEET)
    header = items[0]
    wrap = tuple(n for n, h in enumerate(header, start=1) if h not in ("编号", "目标权重", "举措权重", "否决封顶等级",
                                                                       "不允许不适用"))
    write_table(sheet, header, items[1:], wrap_columns=wrap)
    _merge_titles(sheet, items[1:])
    guide = wb.create_sheet(GUIDE_SHEET)
    for r, line in enumerate(GUIDE, start=1):
        guide.cell(row=r, column=1, value=line).alignment = Alignment(wrap_text=True)
    guide.column_dimensions["A"].width = 120
    return wb


def _merge_titles(ws, rows: list[list]) -> None:
    """Merge each goal's and measure's title down its rows, as 附件3 prints them; reading
    treats the merged (blank) cells as continuing the title above."""
    for col in (2, 3):  # 培育目标, 主要举措
        start = None
        for r, row in enumerate([*rows, ["new"] * 3], start=2):
            if row[col - 1] is not None or (col == 3 and row[1] is not None):
                if start is not None and r - 1 > start:
                    ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
                start = r


def write_template_workbook(template: Template, path: Path) -> Path:
    wb = _fill_workbook(template)
    return write_atomically(path, wb.save)


def example_template(bundled: Template) -> Template:
    """The shipped 附件3 template under a new id and version: a filled example to edit."""
    return replace(bundled, id=EXAMPLE_ID, version=EXAMPLE_VERSION, title=f"（样例）{bundled.title}",
                   short_title=f"（样例）{bundled.short_title}" if bundled.short_title else "")
