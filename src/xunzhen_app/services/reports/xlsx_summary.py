"""The summary workbook across visits: 附件2 list, 成熟度汇总, 问题清单."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ...core.scoring import band
from ..dto import EnterpriseInfo, VisitDetail
from .xlsx_style import write_table
from .xlsx_values import index_value, level_value

ANNEX2_SHEET = "附件2"
ANNEX2_TITLE = "质量强省领军企业重点培育名单"
ANNEX2_HEADERS = ["序号", "企业名称", "所属地市", "培育类型", "备注"]


def build_summary_workbook(enterprises: list[EnterpriseInfo], details: list[VisitDetail]) -> Workbook:
    wb = Workbook(write_only=False)
    annex2(wb.active, enterprises)
    latest = latest_per_enterprise(details)
    maturity(wb.create_sheet("成熟度汇总"), latest)
    problems(wb.create_sheet("问题清单"), details)
    return wb


def latest_per_enterprise(details: list[VisitDetail]) -> list[VisitDetail]:
    latest: dict[str, VisitDetail] = {}
    for d in details:
        known = latest.get(d.enterprise.id)
        if known is None or (d.row.start_date, d.row.updated_at) > (known.row.start_date, known.row.updated_at):
            latest[d.enterprise.id] = d
    return sorted(latest.values(), key=lambda d: (d.enterprise.city, d.enterprise.name))


def annex2(ws, enterprises: list[EnterpriseInfo]) -> None:
    """附件2 as the province's form has it: the title row, then 序号, 企业名称, 所属地市, 培育类型, 备注."""
    ws.title = ANNEX2_SHEET
    ws.cell(row=1, column=1, value=ANNEX2_TITLE).font = Font(size=16, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ANNEX2_HEADERS))
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    rows = [[n, e.name, e.city, e.cultivation_type, e.notes] for n, e in enumerate(enterprises, start=1)]
    write_table(ws, ANNEX2_HEADERS, rows, header_row=2, wrap_columns=(5,))


def maturity(ws, latest: list[VisitDetail]) -> None:
    # Goals are taken from the first template; visits on another template
    # version are matched by goal code, which templates keep stable.
    goals = [(g.code, g.title) for g in latest[0].template.goals] if latest else []
    headers = ["序号", "企业名称", "所属地市", "培育类型", "巡诊日期", "巡诊阶段", "状态",
               *[f"{code} {title}" for code, title in goals], "总体等级", "总体指数", "等级名称", "暂定", "否决项未通过"]
    rows = []
    for n, d in enumerate(latest, start=1):
        by_code = {g.code: g for g in d.result.goals}
        overall = d.result.overall
        lv = band(overall, d.template.scale)
        rows.append([n, d.enterprise.name, d.enterprise.city, d.enterprise.cultivation_type, d.row.start_date,
                     d.row.stage, d.row.status,
                     *[level_value(by_code[c].score) if c in by_code else None for c, _ in goals],
                     level_value(overall), index_value(overall), lv.name if lv else "",
                     "是" if overall.provisional else "", "、".join(d.result.failed_checks)])
    write_table(ws, headers, rows)
    if rows:
        first, last = get_column_letter(8), get_column_letter(8 + len(goals))  # goals and 总体等级
        top = max(d.template.scale.top for d in latest)  # the colours span the templates' scale 1…N
        ws.conditional_formatting.add(
            f"{first}2:{last}{len(rows) + 1}",
            ColorScaleRule(start_type="num", start_value=1, start_color="F8696B",
                           mid_type="num", mid_value=(1 + top) / 2, mid_color="FFEB84",
                           end_type="num", end_value=top, end_color="63BE7B"))


def problems(ws, details: list[VisitDetail]) -> None:
    rows: list[list] = []
    ordered = sorted(details, key=lambda d: (d.enterprise.city, d.enterprise.name, d.row.start_date))
    for d in ordered:
        # The visit's 主要问题与堵点 as its report lists them; the item-level notes
        # stand in only when none were written (the report does the same).
        found = [(p.text, p.item_code or "", "主要问题") for p in d.problems]
        if not found:
            found = [(a.problem, code, "逐项评价") for code, a in sorted(d.assessments.items()) if a.problem.strip()]
        for problem, code, source in found:
            rows.append([len(rows) + 1, d.enterprise.name, d.enterprise.city, d.enterprise.cultivation_type,
                         d.row.start_date, d.row.stage, problem, code, source])
    write_table(ws, ["序号", "企业名称", "所属地市", "培育类型", "巡诊日期", "巡诊阶段", "问题与堵点", "相关条目", "来源"],
                rows, wrap_columns=(7,))
