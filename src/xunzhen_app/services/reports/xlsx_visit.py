"""The workbook for one visit: 概览, 逐项评价, 问题清单, 帮扶举措."""

from __future__ import annotations

from openpyxl import Workbook

from ...core.actions import status_text
from ...core.scoring import band, scoring_rule
from ..dto import VisitDetail
from .xlsx_style import BODY_FONT, write_table
from .xlsx_values import index_value, level_value, rating_cells


def build_visit_workbook(d: VisitDetail) -> Workbook:
    wb = Workbook()
    overview(wb.active, d)
    items(wb.create_sheet("逐项评价"), d)
    problems(wb.create_sheet("问题清单"), d)
    plan(wb.create_sheet("帮扶举措"), d)
    return wb


def overview(ws, d: VisitDetail) -> None:
    ws.title = "概览"
    scale, result = d.template.scale, d.result
    info = [
        ("企业名称", d.enterprise.name), ("统一社会信用代码", d.enterprise.uscc), ("所属地市", d.enterprise.city),
        ("培育类型", d.enterprise.cultivation_type), ("巡诊阶段", d.row.stage), ("状态", d.row.status),
        ("开始日期", d.row.start_date), ("结束日期", d.row.end_date), ("报告编号", d.report_number),
        ("组织单位", d.organiser), ("报告日期", d.report_date),
        ("专家组", "、".join(m.name for m in d.team)), ("检查表", f"{d.template.title} {d.template.version}"),
    ]
    rows = [[None, label, None, None, None, value] for label, value in info]
    rows.append([None, None, None, None, None, None])
    for g in result.goals:
        lv = band(g.score, scale)
        rows.append([g.code, g.title, level_value(g.score), index_value(g.score), lv.name if lv else None,
                     "；".join(x for x in ("暂定" if g.score.provisional else "",
                                           "否决项未通过：" + "、".join(g.failed_checks) if g.failed_checks else "")
                              if x)])
    lv = band(result.overall, scale)
    rows.append([None, "总体", level_value(result.overall), index_value(result.overall), lv.name if lv else None,
                 "暂定" if result.overall.provisional else ""])
    write_table(ws, ["编号", "项目", "等级", "指数", "等级名称", "内容/说明"], rows, wrap_columns=(6,))
    ws.cell(row=len(rows) + 3, column=2, value=scoring_rule(scale)).font = BODY_FONT


def items(ws, d: VisitDetail) -> None:
    rows = []
    for goal in d.template.goals:
        for measure in goal.measures:
            for item in measure.items:
                a = d.assessments.get(item.code)
                rows.append([item.code, goal.title, measure.title, item.text, *rating_cells(d, item),
                             a.evidence if a else "", a.problem if a else "", a.suggestion if a else "",
                             a.strength if a else ""])
    write_table(ws, ["编号", "培育目标", "主要举措", "具体内容", "等级", "等级名称", "否决项检查",
                     "佐证材料", "问题", "改进建议", "亮点"], rows, wrap_columns=(4, 8, 9, 10, 11))


def problems(ws, d: VisitDetail) -> None:
    rows = [[n, p.text, p.item_code or ""] for n, p in enumerate(d.problems, start=1)]
    start = len(rows)
    rows += [[start + n, a.problem, code] for n, (code, a) in
             enumerate(sorted((c, a) for c, a in d.assessments.items() if a.problem.strip()), start=1)]
    write_table(ws, ["序号", "问题与堵点", "相关条目"], rows, wrap_columns=(2,))


def plan(ws, d: VisitDetail) -> None:
    as_of = d.row.end_date  # overdue as at the visit, so the report does not change with the day it is printed
    rows = [[n, p.category, p.measure, p.department, p.owner, p.due, p.expected_outcome, "、".join(p.item_codes),
             "、".join(p.goal_codes), status_text(p.status, p.due, as_of), p.result]
            for n, p in enumerate(d.plan, start=1)]
    write_table(ws, ["序号", "类别", "帮扶举措", "责任部门", "责任人", "完成时限", "预期成效", "相关条目", "相关培育目标",
                     "状态", "核验结果"], rows, wrap_columns=(3, 7))
