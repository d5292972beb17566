"""What the province sends to the national level (市监质发〔2024〕62号 三（二）): the 推荐名单汇总表
(附件3, at most 5 enterprises) as a workbook, and a 推荐报告 (附件2) per enterprise as a Word file,
drafted from its finalized visits for the bureau to edit.

The workbook uses the report workbooks' sheet style (services.reports.xlsx_style, formula-like texts
kept as text); the Word file is a ``reports.document.Document`` rendered by ``reports.docx_report``,
so it has the fonts and styles of the 质量巡诊报告.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

from ..core import programme_targets as targets
from ..core.domain import Stage, VisitStatus
from ..core.errors import UserError
from ..core.goal_names import short_goal_title
from ..core.regions import is_quality_county
from ..core.scoring import band, round_half_up
from . import programme_desk, visits
from .cases import case_of_enterprise
from .dto import EnterpriseInfo, VisitDetail
from .enterprises import find_enterprise, get_enterprise
from .reports import WrittenFile
from .reports.atomic import write_atomically
from .reports.document import Cover, Document, Heading, Para, Table, cell, runs
from .reports.report_content import cn_date
from .reports.xlsx_style import BODY_FONT, TITLE_FONT, put, write_table

SUMMARY_TITLE = "质量强国建设领军企业推荐名单汇总表"
REPORT_TITLE = "质量强国建设领军企业推荐报告"
SUMMARY_HEADERS = ["序号", "企业名称", "统一社会信用代码", "所属地市", "所属县（市、区）", "所属行业", "培育类型",
                   "主要荣誉", "总体等级", "较前期提升", "质量强县", "联系人", "联系电话", "备注"]
PROVINCE_BUREAU = "山西省市场监督管理局"
MAX_STRENGTHS = 8


def recommended(store) -> list[EnterpriseInfo]:
    return [get_enterprise(store, eid) for eid in programme_desk.picks(store, targets.RECOMMENDED)]


def build_summary_workbook(store, on: date | None = None) -> Workbook:
    firms = recommended(store)
    if not firms:
        raise UserError("推荐名单为空：请先用“xunzhen desk recommend 企业名称”（或汇总台的 推荐 按钮）列入企业")
    standing = {f.id: f for f in programme_desk.standings(store)}
    wb = Workbook()
    ws = wb.active
    ws.title = "推荐名单汇总表"
    put(ws, 1, 1, SUMMARY_TITLE).font = TITLE_FONT
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(SUMMARY_HEADERS))
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    put(ws, 2, 1, f"推荐单位（盖章）：{PROVINCE_BUREAU}　　填报日期：{cn_date(on or date.today())}").font = BODY_FONT
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(SUMMARY_HEADERS))
    rows = []
    for n, e in enumerate(firms, 1):
        s = standing[e.id]
        contact = e.contacts[0] if e.contacts else None
        rows.append([n, e.name, e.uscc, e.city, e.county, e.industry, e.cultivation_type,
                     "；".join(h.describe() for h in e.honours), s.level, s.improvement,
                     "是" if is_quality_county(e.city, e.county) else "", contact.name if contact else "",
                     contact.phone if contact else "", e.notes])
    write_table(ws, SUMMARY_HEADERS, rows, header_row=3, wrap_columns=(8, 14))
    return wb


def write_summary_workbook(store, path: Path) -> WrittenFile:
    wb = build_summary_workbook(store)
    final = write_atomically(Path(path), wb.save)
    return WrittenFile(final, final.stat().st_size)


# -- 推荐报告 --------------------------------------------------------------------


@dataclass(frozen=True)
class _History:
    enterprise: EnterpriseInfo
    finalized: list[VisitDetail]  # oldest first

    @property
    def latest(self) -> VisitDetail:
        return self.finalized[-1]

    @property
    def baseline(self) -> VisitDetail | None:
        return next((d for d in self.finalized if d.row.stage == Stage.INITIAL), None)


def _history(store, enterprise: str) -> _History:
    firm = find_enterprise(store, enterprise)
    rows = [r for r in visits.list_visits(store, visits.VisitFilter(enterprise_id=firm.id))
            if r.status == VisitStatus.FINALIZED]
    if not rows:
        raise UserError(f"“{firm.name}”还没有已定稿的巡诊，推荐报告无从起草")
    return _History(firm, [visits.get_visit(store, r.id) for r in sorted(rows, key=lambda r: r.start_date)])


def _level(d: VisitDetail | None, score=None) -> str:
    if d is None:
        return "—"
    score = score or d.result.overall
    if score.level is None:
        return "—"
    named = band(score, d.template.scale)
    return f"{round_half_up(score.level, 1)}（{named.name}）" if named else str(round_half_up(score.level, 1))


def recommendation_document(store, enterprise: str, on: date | None = None) -> Document:
    h = _history(store, enterprise)
    e, latest, base = h.enterprise, h.latest, h.baseline
    unit, day = PROVINCE_BUREAU, cn_date(on or date.today())
    p = e.profile
    blocks: list = [Heading(1, "一、企业基本情况")]
    if p.introduction:
        blocks.append(Para(runs(p.introduction)))
    facts = [("所属地市", f"{e.city}{e.county}"), ("所属行业", e.industry), ("主营产品", p.main_products),
             ("企业规模", p.scale()), ("认证情况", p.certifications),
             ("主要荣誉", "；".join(h.describe() for h in e.honours)), ("培育类型", e.cultivation_type)]
    blocks.append(Table(tuple((cell(k, head=True), cell(v or "—")) for k, v in facts), (36, 0), header_rows=0))

    blocks.append(Heading(1, "二、质量巡诊与培育过程"))
    stages = "、".join(f"{d.row.stage}（{cn_date(d.row.start_date)}）" for d in h.finalized)
    blocks.append(Para(runs(f"按照“头雁行动”实施方案，专家组对企业开展了 {len(h.finalized)} 次已定稿的质量巡诊：{stages}。")))
    head = tuple(cell(t, head=True, center=True) for t in ("巡诊阶段", "巡诊日期", "报告编号", "总体等级", "专家组"))
    blocks.append(Table((head, *(
        (cell(d.row.stage, center=True), cell(d.row.start_date.isoformat(), center=True),
         cell(d.report_number or "—", center=True), cell(_level(d), center=True),
         cell("、".join(m.name for m in d.team))) for d in h.finalized)), (26, 28, 44, 30, 0)))

    blocks.append(Heading(1, "三、质量水平与提升成效"))
    base_goals = {g.code: g for g in base.result.goals} if base else {}
    head = tuple(cell(t, head=True, center=True) for t in ("培育目标", "前期巡诊", "最近一次巡诊", "变化"))
    rows = []
    for g in latest.result.goals:
        b = base_goals.get(g.code)
        change = (f"{round_half_up(g.score.level - b.score.level, 1):+}" if b and base is not latest
                  and g.score.level is not None and b.score.level is not None else "—")
        rows.append((cell(f"{g.code} {short_goal_title(g.title)}"), cell(_level(base, b.score) if b else "—", center=True),
                     cell(_level(latest, g.score), center=True), cell(change, center=True)))
    rows.append((cell("总体", head=True), cell(_level(base), center=True), cell(_level(latest), center=True),
                 cell(_overall_change(base, latest), center=True)))
    blocks.append(Table((head, *rows), (0, 34, 34, 22)))
    if latest.summary:
        blocks.append(Para(runs(latest.summary)))

    blocks.append(Heading(1, "四、质量管理亮点与典型经验"))
    strengths = [(code, a.strength) for code, a in sorted(latest.assessments.items()) if a.strength.strip()]
    for code, text in strengths[:MAX_STRENGTHS]:
        blocks.append(Para(runs(f"{code}　{text}"), "plain"))
    case = case_of_enterprise(store, e.id)
    if case is not None:  # the 典型案例 the bureau wrote up says it better than the item notes
        blocks.append(Heading(2, f"典型案例：{case.title}"))
        for label, text in (("背景", case.background), ("主要做法", case.practices), ("取得成效", case.results),
                            ("可推广经验", case.lessons)):
            if text.strip():
                blocks += [Para(runs(f"{label}："), "plain"), *(Para(runs(line)) for line in text.splitlines() if line.strip())]
    if not strengths and case is None:
        blocks.append(Para(runs("（巡诊记录中尚无亮点，请补充企业的典型经验。）"), "note"))

    blocks.append(Heading(1, "五、问题整改与“一企一策”落实"))
    if base and base.problems:
        blocks.append(Para(runs("前期巡诊发现的主要问题：" + "；".join(q.text.rstrip("。") for q in base.problems) + "。")))
    counts = Counter(r.status for r in latest.plan)
    if counts:
        blocks.append(Para(runs(f"帮扶举措共 {sum(counts.values())} 项，其中"
                                + "，".join(f"{s} {n} 项" for s, n in sorted(counts.items())) + "。")))
    if not counts and not (base and base.problems):
        blocks.append(Para(runs("（巡诊未发现需要整改的主要问题，也未制定帮扶举措。）"), "note"))

    blocks.append(Heading(1, "六、推荐意见"))
    if latest.expert_opinion:
        blocks.append(Para(runs(latest.expert_opinion)))
    blocks.append(Para(runs(f"推荐单位：{unit}（盖章）"), "right"))
    blocks.append(Para(runs(day), "right"))
    cover = Cover(REPORT_TITLE, e.name,
                  (("推荐企业", e.name), ("统一社会信用代码", e.uscc or "—"), ("所属地市", e.city),
                   ("推荐单位", unit), ("填报日期", day)),
                  (unit, day), "依据市监质发〔2024〕62号附件2，由巡诊记录起草；报送前请核改。")
    return Document(cover, tuple(blocks), header=e.name, draft=False, title=f"{REPORT_TITLE}：{e.name}",
                    author=unit, subject=REPORT_TITLE, keywords=("推荐报告", e.name), report_name="领军企业推荐报告")


def _overall_change(base: VisitDetail | None, latest: VisitDetail) -> str:
    if base is None or base is latest or base.result.overall.level is None or latest.result.overall.level is None:
        return "—"
    return f"{round_half_up(latest.result.overall.level - base.result.overall.level, 1):+}"


def write_recommendation_report(store, enterprise: str, path: Path) -> WrittenFile:
    from .reports.docx_report import render_docx

    data = render_docx(recommendation_document(store, enterprise))
    final = write_atomically(Path(path), lambda out: out.write(data))
    return WrittenFile(final, len(data))
