"""The summary workbook across visits: 附件2 list, 成熟度汇总, 问题清单.

成熟度汇总 and 问题清单 show each enterprise's latest finalized visit — what a bureau
reports is what the experts signed off; ``include_drafts`` lets a later draft stand
in, marked 草稿 and shaded. Every list runs in the province's city order, then by
name in pinyin order (core.collation).
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter

from ...core.collation import region_key
from ...core.domain import VisitStatus
from ...core.scoring import band
from ..dto import EnterpriseInfo, VisitDetail
from .xlsx_style import TITLE_FONT, write_table
from .xlsx_values import index_value, level_value

ANNEX2_SHEET = "附件2"
ANNEX2_TITLE = "质量强省领军企业重点培育名单"
# The province's form first, in its order; then what a round trip through the 附件2 import needs.
ANNEX2_HEADERS = ["序号", "企业名称", "所属地市", "培育类型", "备注", "统一社会信用代码", "区县"]
DRAFT_MARK = "草稿（未定稿）"
DRAFT_FILL = PatternFill("solid", fgColor="FFF2CC")


def build_summary_workbook(enterprises: list[EnterpriseInfo], details: list[VisitDetail],
                           include_drafts: bool = False) -> Workbook:
    wb = Workbook()
    annex2(wb.active, enterprises)
    latest = latest_per_enterprise(details, include_drafts)
    maturity(wb.create_sheet("成熟度汇总"), latest)
    problems(wb.create_sheet("问题清单"), latest)
    return wb


def _enterprise_order(d: VisitDetail) -> tuple:
    return region_key(d.enterprise.city, d.enterprise.name)


def latest_per_enterprise(details: list[VisitDetail], include_drafts: bool = False) -> list[VisitDetail]:
    """Each enterprise's latest finalized visit (or latest visit of any status, with drafts)."""
    latest: dict[str, VisitDetail] = {}
    for d in details:
        if not include_drafts and d.row.status != VisitStatus.FINALIZED:
            continue
        known = latest.get(d.enterprise.id)
        if known is None or (d.row.start_date, d.row.updated_at) > (known.row.start_date, known.row.updated_at):
            latest[d.enterprise.id] = d
    return sorted(latest.values(), key=_enterprise_order)


def annex2(ws, enterprises: list[EnterpriseInfo]) -> None:
    """附件2 as the province's form has it: the title row, then 序号, 企业名称, 所属地市, 培育类型, 备注."""
    ws.title = ANNEX2_SHEET
    ws.cell(row=1, column=1, value=ANNEX2_TITLE).font = TITLE_FONT
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ANNEX2_HEADERS))
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ordered = sorted(enterprises, key=lambda e: region_key(e.city, e.name))
    rows = [[n, e.name, e.city, e.cultivation_type, e.notes, e.uscc, e.county] for n, e in enumerate(ordered, 1)]
    write_table(ws, ANNEX2_HEADERS, rows, header_row=2, wrap_columns=(5,))


def _status(d: VisitDetail) -> str:
    return d.row.status if d.row.status == VisitStatus.FINALIZED else DRAFT_MARK


def _shade_drafts(ws, latest: list[VisitDetail], first_row: int, columns: int) -> None:
    for r, d in enumerate(latest, start=first_row):
        if d.row.status != VisitStatus.FINALIZED:
            for col in range(1, columns + 1):
                ws.cell(row=r, column=col).fill = DRAFT_FILL


MATURITY_LEADING = ["序号", "企业名称", "统一社会信用代码", "所属地市", "区县", "培育类型", "报告编号",
                    "巡诊日期", "巡诊阶段", "状态"]


def maturity(ws, latest: list[VisitDetail]) -> None:
    # Goals are taken from the first template; visits on another template
    # version are matched by goal code, which templates keep stable.
    goals = [(g.code, g.title) for g in latest[0].template.goals] if latest else []
    headers = [*MATURITY_LEADING, *[f"{code} {title}" for code, title in goals],
               "总体等级", "总体指数", "等级名称", "暂定", "否决项未通过"]
    rows = []
    for n, d in enumerate(latest, start=1):
        by_code = {g.code: g for g in d.result.goals}
        overall = d.result.overall
        lv = band(overall, d.template.scale)
        e = d.enterprise
        rows.append([n, e.name, e.uscc, e.city, e.county, e.cultivation_type, d.report_number, d.row.start_date,
                     d.row.stage, _status(d),
                     *[level_value(by_code[c].score) if c in by_code else None for c, _ in goals],
                     level_value(overall), index_value(overall), lv.name if lv else "",
                     "是" if overall.provisional else "", "、".join(d.result.failed_checks)])
    write_table(ws, headers, rows)
    _shade_drafts(ws, latest, 2, len(headers))
    if rows:
        first = len(MATURITY_LEADING) + 1
        last = get_column_letter(first + len(goals))  # goals and 总体等级
        top = max(d.template.scale.top for d in latest)  # the colours span the templates' scale 1…N
        ws.conditional_formatting.add(
            f"{get_column_letter(first)}2:{last}{len(rows) + 1}",
            ColorScaleRule(start_type="num", start_value=1, start_color="F8696B",
                           mid_type="num", mid_value=(1 + top) / 2, mid_color="FFEB84",
                           end_type="num", end_value=top, end_color="63BE7B"))


def _item_code_of(d: VisitDetail, text: str, code: str | None) -> str:
    """A problem's item: as recorded, or the item whose finding it was picked from."""
    if code:
        return code
    for c, a in d.assessments.items():
        if a.problem.strip() and a.problem.strip() == text.strip():
            return c
    return ""


def _goal_of(d: VisitDetail, code: str) -> str:
    if not code:
        return ""
    goal = next((g for g in d.template.goals if code.split(".")[0] == g.code), None)
    return f"{goal.code} {goal.title}" if goal else ""


def _item_label(d: VisitDetail, code: str) -> str:
    try:
        return f"{code} {d.template.item(code).text}" if code else ""
    except KeyError:
        return code


def problems(ws, latest: list[VisitDetail]) -> None:
    rows: list[list] = []
    for d in latest:
        e = d.enterprise
        # The visit's 主要问题与堵点 as its report lists them; the item-level notes
        # stand in only when none were written (the report does the same).
        found = [(p.text, _item_code_of(d, p.text, p.item_code), "主要问题") for p in d.problems]
        if not found:
            found = [(a.problem, code, "逐项评价") for code, a in sorted(d.assessments.items()) if a.problem.strip()]
        # A failed 否决项 outweighs every other finding: its problems come first.
        failed = set(d.result.failed_checks)
        found.sort(key=lambda f: f[1] not in failed)
        for problem, code, source in found:
            rows.append([len(rows) + 1, e.name, e.uscc, e.city, e.county, d.report_number, d.row.start_date,
                         d.row.stage, _status(d), problem, _item_label(d, code), _goal_of(d, code), source])
    write_table(ws, ["序号", "企业名称", "统一社会信用代码", "所属地市", "区县", "报告编号", "巡诊日期", "巡诊阶段",
                     "状态", "问题与堵点", "相关条目", "培育目标", "来源"],
                rows, wrap_columns=(10, 11))
