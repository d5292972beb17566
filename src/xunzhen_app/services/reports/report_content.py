"""What the 质量巡诊报告 says: a VisitDetail (and the visit it follows up) in, a ``Document`` out.

Sections are numbered as Chinese official documents number them: 一、 for
sections, （一） below them, 1. below those. Both writers (PDF and Word)
render the Document this builds; no wording lives in a writer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ...core.actions import ActionResult, ActionStatus, status_text
from ...core.domain import Stage, VisitStatus
from ...core.scoring import Score, band, counted_level, display_index, round_half_up, scoring_rule, vetoed
from ..actions import categories
from ..dto import Earlier, VisitDetail
from ..highlights import highlights, item_improvements
from .document import Cell, Cover, Document, Heading, Para, ParaKind, Photo, Radar, Run, Table, Together, cell, runs
from .photos import print_photo
from .team_sections import assignment_table, consensus_table, opinion_signatures

_DIGITS = "零一二三四五六七八九"
METHOD_NOTES = {
    "资料收集": "查阅企业质量管理体系文件、制度流程、质量数据和相关证明材料",
    "实地调研": "深入生产、检验和仓储等现场，核对制度在一线的执行情况",
    "深度访谈": "与企业负责人、质量管理人员和一线员工座谈，了解做法、成效与堵点",
}
FAILED_FILL, TOTAL_FILL, LABEL_FILL, ITEM_FILL = "#fbe9e9", "#f2f2f2", "#f2f2f2", "#eef2f7"
ROUNDING_NOTE = ("注：表中等级保留一位小数，指数按未经四舍五入的得分计算，故由表中等级换算的指数可能相差 1 左右；"
                 "培育目标得分为其主要举措得分按权重的加权平均，不是表中数字的简单平均。")


def cn_number(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else _DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


def cn_date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def visit_dates(detail: VisitDetail) -> str:
    start, end = detail.row.start_date, detail.row.end_date
    first = cn_date(start)
    if end == start:
        return first
    if end.year == start.year:
        return first + f"至{end.month}月{end.day}日"
    return first + f"至{cn_date(end)}"


def level_text(score: Score) -> str:
    """The level without its status: "3.6", or "—" when nothing was rated."""
    return "—" if score.level is None else f"{round_half_up(score.level, 1)}"


def change_text(before: Score | None, after: Score) -> str:
    if before is None or before.level is None or after.level is None:
        return "—"
    delta = round_half_up(after.level, 1) - round_half_up(before.level, 1)
    if delta == 0:
        return "持平"
    return f"+{delta}" if delta > 0 else f"−{-delta}"


def _level_of(r) -> str:
    if r is None or (r.level is None and not r.not_applicable):
        return "—"
    return "不适用" if r.not_applicable else str(r.level)


CONCLUSION_ITEMS = 5  # the conclusion names the first few; the sections above list them all
REPORT_NAMES = {Stage.SUMMARY.value: "成效总结报告", Stage.FOLLOW_UP.value: "培育跟踪报告"}


def build_document(detail: VisitDetail, previous: VisitDetail | None,
                   photo_bytes: Callable[[str], bytes]) -> Document:
    return _Builder(detail, previous, photo_bytes).document()


class _Builder:
    def __init__(self, detail: VisitDetail, previous: VisitDetail | None, photo_bytes: Callable[[str], bytes]):
        self.d, self.prev, self.photo_bytes = detail, previous, photo_bytes
        self.scale = detail.template.scale
        self.blocks: list = []
        self._section = self._sub = self._figure = 0

    # -- helpers ---------------------------------------------------------
    def section(self, title: str) -> None:
        self._section += 1
        self._sub = 0
        self.blocks.append(Heading(1, f"{cn_number(self._section)}、{title}"))

    def sub(self, title: str) -> None:
        self._sub += 1
        self.blocks.append(Heading(2, f"（{cn_number(self._sub)}）{title}"))

    def para(self, *parts: str | Run, kind: ParaKind = "body") -> None:
        self.blocks.append(Para(runs(*parts), kind))

    def figure_caption(self, text: str) -> str:
        self._figure += 1
        return f"图{self._figure} {text}"

    def level_name(self, score: Score) -> str:
        lv = band(score, self.scale)
        return lv.name if lv else "—"

    def level_phrase(self, score: Score) -> str:
        """"3.6（规范级）", "2.7（基础级，暂定）": one bracket, however many qualifiers."""
        if score.level is None:
            return "—（未评）"
        qualifiers = [self.level_name(score)] + (["暂定"] if score.provisional else [])
        return f"{level_text(score)}（{'，'.join(qualifiers)}）"

    def failed_check_texts(self) -> list[tuple[str, str]]:
        """(item code, the check's wording) of every failed 否决项, in template order."""
        out = []
        for code in self.d.result.failed_checks:
            item = self.d.template.item(code)
            out.append((code, item.check.text if item.check else item.text))
        return out

    # -- the report --------------------------------------------------------
    def document(self) -> Document:
        d = self.d
        self.enterprise_section()
        self.process_section()
        self.maturity_section()
        self.strengths_section()
        self.problems_section()
        self.plan_section()
        self.actions_review()
        self.conclusion()
        self.opinion_section()
        self.consensus_section()
        self.detail_section()
        self.attachments_section()
        self.signatures()
        return Document(
            cover=self.cover(), blocks=tuple(self.blocks), header=d.enterprise.name,
            draft=d.row.status != VisitStatus.FINALIZED, title=f"{self.report_title()} — {d.enterprise.name}",
            author="、".join(m.name for m in d.team), subject=f"{d.row.stage} {d.row.start_date}",
            keywords=("质量巡诊", d.row.stage, d.enterprise.city), report_name=self.report_title())

    def report_title(self) -> str:
        """A follow-up's report is named after its stage (成效总结报告, 培育跟踪报告), variants of the
        质量巡诊报告 that compare with the visits before."""
        return REPORT_NAMES.get(self.d.row.stage, "质量巡诊报告")

    def cover(self) -> Cover:
        d = self.d
        team = "、".join(f"{m.name}（{m.role}）" if m.role == "组长" else m.name for m in d.team)
        fields = [
            ("报告编号", d.report_number),
            ("企业名称", d.enterprise.name),
            ("统一社会信用代码", d.enterprise.uscc),
            ("所属地市", d.enterprise.city + (f" {d.enterprise.county}" if d.enterprise.county else "")),
            ("培育类型", d.enterprise.cultivation_type),
            ("巡诊阶段", d.row.stage),
            ("巡诊日期", visit_dates(d)),
            ("专家组", team),
        ]
        return Cover(title=self.report_title(), subtitle=d.row.stage, fields=tuple((k, v) for k, v in fields if v),
                     issuer=self.issuer(), source=d.template.source or "")

    def issuer(self) -> tuple[str, str]:
        """The 落款: the organising unit and the report's date."""
        d = self.d
        organiser = d.organiser or "质量巡诊专家组"
        issued = d.report_date or (d.finalized_at.date() if d.finalized_at else d.row.end_date)
        return organiser, cn_date(issued)

    def enterprise_section(self) -> None:
        e = self.d.enterprise
        profile = e.profile
        self.section("企业基本情况")
        if profile is not None and profile.introduction:
            self.para(profile.introduction)
        rows = [("企业名称", e.name), ("统一社会信用代码", e.uscc), ("所属地市", e.city), ("所属区县", e.county),
                ("所属行业", e.industry), ("培育类型", e.cultivation_type),
                ("主营产品", profile.main_products if profile else ""), ("规模", profile.scale() if profile else ""),
                ("认证情况", profile.certifications if profile else ""),
                ("荣誉资质", "；".join(h.describe() for h in e.honours)),
                ("联系人", "；".join(" ".join(p for p in (c.name, c.position, c.phone) if p) for c in e.contacts))]
        self.blocks.append(Table(tuple((cell(k, head=True), cell(v)) for k, v in rows if v), (36, 0), header_rows=0))

    def process_section(self) -> None:
        d = self.d
        self.section("巡诊方式与过程")
        team = "、".join(f"{m.name}（{m.organisation}{'，' + m.title if m.title else ''}）" if m.organisation
                        else m.name for m in d.team) or "专家组"
        self.para(f"{visit_dates(d)}，专家组{team}对{d.enterprise.name}开展{d.row.stage}，"
                  f"对照《{d.template.title}》逐项评价。")
        if (duties := assignment_table(d)) is not None:
            self.sub("专家组分工")
            self.para("专家组成员按分工独立评定，评定不一致的条目经合议确定等级（见“合议记录”）。")
            self.blocks.append(duties)
        self.sub("巡诊方式")
        for n, method in enumerate(d.methods, start=1):
            note = METHOD_NOTES.get(method)
            self.para(f"{n}. {method}" + (f"：{note}。" if note else "。"))
        self.sub("访谈人员")
        if d.interviewees:
            rows = [(cell("序号", center=True, head=True), cell("姓名", center=True, head=True),
                     cell("职务", center=True, head=True))]
            rows += [(cell(str(n), center=True), cell(p.name), cell(p.position))
                     for n, p in enumerate(d.interviewees, start=1)]
            self.blocks.append(Table(tuple(rows), (14, 60, 0)))
        else:
            self.para("未记录访谈人员。")

    def maturity_section(self) -> None:
        d, result = self.d, self.d.result
        self.section("质量成熟度评价")
        self.sub("总体评价")
        overall = result.overall
        failed = self.failed_check_texts()
        if failed:  # a failed 否决项 comes before every figure
            self.para(Run(f"否决项未通过 {len(failed)} 项：" + "；".join(f"{c} {t}" for c, t in failed) + "。",
                          red=True))
        self.para(f"总体成熟度等级 {self.level_phrase(overall)}，成熟度指数 {display_index(overall)}。")
        if d.summary:
            self.para(d.summary)
        self.sub("各培育目标得分")
        head = ("编号", "培育目标", "等级", "指数", "等级名称", "说明")
        rows = [tuple(cell(h, center=True, head=True) for h in head)]
        for g in result.goals:
            notes = []
            if g.failed_checks:
                notes.append(Run("否决项未通过：" + "、".join(g.failed_checks), red=True))
            if g.unrated:
                notes.append(Run(("；" if notes else "") + f"未评 {len(g.unrated)} 项，得分暂定"))
            fill = FAILED_FILL if g.failed_checks else None
            rows.append((cell(g.code, center=True, fill=fill), cell(g.title, fill=fill),
                         cell(level_text(g.score), center=True, fill=fill),
                         cell(display_index(g.score), center=True, fill=fill),
                         cell(self.level_name(g.score), center=True, fill=fill), Cell(tuple(notes), fill=fill)))
        rows.append((cell("", fill=TOTAL_FILL), cell("总体", fill=TOTAL_FILL),
                     cell(level_text(overall), center=True, fill=TOTAL_FILL),
                     cell(display_index(overall), center=True, fill=TOTAL_FILL),
                     cell(self.level_name(overall), center=True, fill=TOTAL_FILL),
                     cell("暂定" if overall.provisional else "", fill=TOTAL_FILL)))
        self.blocks.append(Table(tuple(rows), (12, 50, 16, 14, 20, 0)))
        self.para(ROUNDING_NOTE, kind="note")
        before = tuple(g.score.level for g in self.prev.result.goals) if self.prev and self._comparable() else None
        legend = "各培育目标成熟度雷达图（实线为本次" + ("，虚线为上次巡诊）" if before else "）")
        self.blocks.append(Radar(tuple(g.title for g in result.goals), tuple(g.score.level for g in result.goals),
                                 before, max(lv.level for lv in self.scale.levels), self.figure_caption(legend)))
        if self.prev is not None:
            self.comparison(self.prev)
            self.item_changes()
        self.sub("分项评价")
        for n, g in enumerate(result.goals, start=1):
            self.goal_table(n, g)
        self.sub("评分规则")
        self.para(scoring_rule(self.scale), kind="note")

    def _comparable(self) -> bool:
        return self.prev is not None and [g.code for g in self.prev.result.goals] == [
            g.code for g in self.d.result.goals]

    def _baseline(self) -> Earlier | None:
        """The 前期巡诊 the chain started from, where it is not the previous visit itself."""
        b = self.d.baseline
        return b if b is not None and b.visit_id != self.d.previous_visit_id else None

    def comparison(self, prev: VisitDetail) -> None:
        """Per goal: 前期 → 上次 → 本次 (a 成效总结 measures itself against the 前期 baseline)."""
        base = self._baseline()
        self.sub("与前期巡诊对比" if base is not None else "与上次巡诊对比")
        if base is not None:
            self.para(f"前期巡诊：{cn_date(base.start_date)}；上次巡诊：{prev.row.stage}，{visit_dates(prev)}。")
        else:
            self.para(f"上次巡诊：{prev.row.stage}，{visit_dates(prev)}。")
        before_by_code = {g.code: g.score for g in prev.result.goals}
        base_by_code = {g.code: g.score for g in base.result.goals} if base else {}
        # With three visits the dates are in the sentence above; the columns keep to short names.
        head = (("编号", "培育目标", "前期", "上次", "本次", "较上次", "较前期") if base else
                ("编号", "培育目标", f"上次（{prev.row.start_date}）", f"本次（{self.d.row.start_date}）", "变化"))
        rows = [tuple(cell(h, center=True, head=True) for h in head)]
        lines = [(g.code, g.title, base_by_code.get(g.code), before_by_code.get(g.code), g.score)
                 for g in self.d.result.goals]
        lines.append(("", "总体", base.result.overall if base else None, prev.result.overall, self.d.result.overall))
        for code, title, first, before, after in lines:
            shown = [cell(code, center=True), cell(title)]
            if base:
                shown.append(cell(level_text(first) if first else "—", center=True))
            shown += [cell(level_text(before) if before else "—", center=True), cell(level_text(after), center=True),
                      cell(change_text(before, after), center=True)]
            if base:
                shown.append(cell(change_text(first, after), center=True))
            rows.append(tuple(shown))
        self.blocks.append(Table(tuple(rows), (12, 0, 17, 17, 17, 17, 17) if base else (12, 52, 32, 32, 0)))

    def item_changes(self) -> None:
        """The items whose level moved since the previous visit or the 前期 baseline."""
        d, base = self.d, self._baseline()
        prev = d.previous
        changed = []
        for item in d.template.items():
            now = d.assessments.get(item.code)
            levels = [_level_of(e.ratings.get(item.code) if e else None) for e in (base, prev)]
            current = _level_of(now.rating if now else None)
            if current != "—" and any(x not in ("—", current) for x in levels):
                changed.append((item, levels, current))
        if not changed:
            return
        head = ("条目", "具体内容") + (("前期",) if base else ()) + ("上次", "本次")
        rows = [tuple(cell(h, center=True, head=True) for h in head)]
        for item, (first, before), current in changed:
            rows.append((cell(item.code, center=True), cell(item.text))
                        + ((cell(first, center=True),) if base else ())
                        + (cell(before, center=True), cell(current, center=True)))
        self.blocks.append(Para(runs(f"等级有变化的条目（{len(changed)} 项）："), "plain"))
        self.blocks.append(Table(tuple(rows), (14, 0, 14, 14, 14) if base else (14, 0, 16, 16)))

    def actions_review(self) -> None:
        """A follow-up's account of the actions it carried on: done, verified, overdue, each one's 核验结果."""
        d, as_of = self.d, self.d.row.end_date
        carried = [p for p in d.plan if p.carried_from_id]
        if not carried:
            return
        self.sub("一企一策落实情况")
        done = sum(p.status in (ActionStatus.DONE, ActionStatus.VERIFIED) for p in carried)
        verified = sum(p.status == ActionStatus.VERIFIED for p in carried)
        late = sum(p.overdue(as_of) for p in carried)
        self.para(f"延续的帮扶举措 {len(carried)} 项：已完成 {done} 项（其中已核验 {verified} 项），",
                  Run(f"逾期 {late} 项", red=True) if late else "无逾期", "。")
        head = ("序号", "帮扶举措", "完成时限", "状态", "核验结果", "说明")
        rows = [tuple(cell(h, center=True, head=True) for h in head)]
        for n, p in enumerate(carried, start=1):
            rows.append((cell(str(n), center=True), cell(p.measure), cell(p.due.isoformat() if p.due else "", center=True),
                         cell(Run(status_text(p.status, p.due, as_of), red=p.overdue(as_of)), center=True),
                         cell(p.result or "未核验", center=True), cell(p.result_note)))
        self.blocks.append(Table(tuple(rows), (12, 46, 24, 20, 24, 0)))

    def conclusion(self) -> None:
        """成效总结: where the year took the enterprise, against the 前期 baseline."""
        d = self.d
        base = d.baseline
        if d.row.stage != Stage.SUMMARY or base is None:
            return
        self.section("成效总结")
        first, now = base.result.overall, d.result.overall
        text = [f"与前期巡诊（{cn_date(base.start_date)}）相比，总体成熟度由 {level_text(first)} "
                f"变为 {level_text(now)}（{change_text(first, now)}）"]
        ups = [g.title for g, b in zip(d.result.goals, base.result.goals, strict=False)
               if g.score.level is not None and b.score.level is not None and g.score.level > b.score.level]
        if ups:
            text.append(f"，{len(ups)} 个培育目标得到提升（{'、'.join(ups)}）")
        carried = [p for p in d.plan if p.carried_from_id]
        if carried:
            done = sum(p.status in (ActionStatus.DONE, ActionStatus.VERIFIED) for p in carried)
            effective = sum(p.result == ActionResult.EFFECTIVE for p in carried)
            text.append(f"；延续的一企一策举措 {len(carried)} 项，已完成 {done} 项，经核验完成并见效 {effective} 项")
        self.para("".join(text) + "。")
        risen = item_improvements(d)
        if risen:
            shown = "；".join(i.describe() for i in risen[:CONCLUSION_ITEMS])
            more = f"等 {len(risen)} 项" if len(risen) > CONCLUSION_ITEMS else f"共 {len(risen)} 项"
            self.para(f"提升明显的条目：{shown}，{more}。")
        found = highlights(d)
        if found:
            self.para("主要亮点：" + "；".join(f"{h.text.rstrip('。；;.')}（条目 {h.code}）"
                                                for h in found[:CONCLUSION_ITEMS]) + "。")

    def goal_table(self, n: int, g) -> None:
        head = ("编号", "主要举措", "权重", "已评", "不适用", "未评", "等级", "等级名称")
        goal = next(x for x in self.d.template.goals if x.code == g.code)
        weights = {m.code: m.weight for m in goal.measures}
        rows = [tuple(cell(h, center=True, head=True) for h in head)]
        for m in g.measures:
            rows.append((cell(m.code, center=True), cell(m.title), cell(f"{weights.get(m.code, 1):g}", center=True),
                         cell(str(m.rated), center=True), cell(str(m.not_applicable), center=True),
                         cell(str(len(m.unrated)), center=True), cell(level_text(m.score), center=True),
                         cell(self.level_name(m.score), center=True)))
        rows.append((cell("", fill=TOTAL_FILL), cell("培育目标得分（加权平均）", fill=TOTAL_FILL))
                    + tuple(cell("", fill=TOTAL_FILL) for _ in range(4))
                    + (cell(level_text(g.score), center=True, fill=TOTAL_FILL),
                       cell(self.level_name(g.score), center=True, fill=TOTAL_FILL)))
        blocks: list = [Heading(3, f"{n}. {g.title}"), Table(tuple(rows), (14, 0, 12, 12, 14, 12, 14, 18))]
        for code in g.failed_checks:
            item = self.d.template.item(code)
            check = item.check.text if item.check else item.text
            blocks.append(Para((Run(f"否决项未通过：{code} {check}", red=True),), "warn"))
        if g.unrated:
            blocks.append(Para(runs(f"未评条目（得分为暂定）：{'、'.join(g.unrated)}"), "note"))
        self.blocks.append(Together(tuple(blocks)))

    def strengths_section(self) -> None:
        """亮点与优势: what the experts recorded item by item, else the goals that scored well."""
        d = self.d
        self.section("亮点与优势")
        recorded = [(code, a.strength) for code, a in sorted(d.assessments.items())]
        strengths = [(code, text) for code, text in recorded if text.strip()]
        for n, (code, strength) in enumerate(strengths, start=1):
            self.para(f"{n}. {strength}（条目 {code}）")
        if strengths:
            return
        top = max(lv.level for lv in self.scale.levels)
        strong = [g for g in d.result.goals if g.score.level is not None and not g.failed_checks
                  and float(round_half_up(g.score.level, 1)) >= top - 1]
        for n, g in enumerate(strong, start=1):
            self.para(f"{n}. {g.title}：成熟度等级 {self.level_phrase(g.score)}，处于较高水平。")
        if not strong:
            self.para("本次巡诊未记录突出的亮点与优势。")

    def opinion_section(self) -> None:
        opinion = self.d.expert_opinion
        if not opinion.strip():
            return
        self.section("专家组意见")
        self.para(opinion)
        self.blocks += opinion_signatures(self.d)
        organiser, issued = self.issuer()
        self.para(organiser, kind="right")
        self.para(issued, kind="right")

    def consensus_section(self) -> None:
        if (record := consensus_table(self.d)) is not None:
            self.section("合议记录")
            self.blocks.append(record)

    def problems_section(self) -> None:
        d = self.d
        self.section("主要问题与堵点")
        failed = self.failed_check_texts()
        problems: list[tuple[str, str | None]] = [(p.text, p.item_code) for p in d.problems]
        if not problems:  # fall back to what was written item by item
            problems = [(a.problem, code) for code, a in sorted(d.assessments.items()) if a.problem.strip()]
        if not problems and not failed:
            self.para("本次巡诊未记录问题。")
        n = 0
        for code, check in failed:  # a failed 否决项 outweighs any other finding, so it comes first
            n += 1
            self.para(Run(f"{n}. 否决项未通过：{check}（条目 {code}）", red=True))
        for problem, item_code in problems:
            n += 1
            self.para(f"{n}. {problem}" + (f"（条目 {item_code}）" if item_code else ""))

    def plan_section(self) -> None:
        d = self.d
        self.section("改进建议与帮扶举措")
        self.sub("一企一策帮扶举措")
        if d.plan:
            self.blocks.append(self.plan_table())
        else:
            self.para("尚未制定帮扶举措。")
        suggestions = [(code, a.suggestion) for code, a in sorted(d.assessments.items()) if a.suggestion.strip()]
        if suggestions:
            self.sub("逐项改进建议")
            for n, (code, suggestion) in enumerate(suggestions, start=1):
                self.para(f"{n}. {suggestion}（条目 {code}）")

    def plan_table(self) -> Table:
        """The actions grouped by 附件1's categories (in their order, uncategorised last); a status past its
        完成时限 as at the visit is marked 逾期 in red."""
        d, as_of = self.d, self.d.row.end_date  # as at the visit: a report does not change with the printing day
        order = {c: n for n, c in enumerate(categories(d.enterprise.cultivation_type))}
        groups: dict[str, list] = {}
        for p in sorted(d.plan, key=lambda p: order.get(p.category, len(order))):
            groups.setdefault(p.category, []).append(p)
        head = ("序号", "帮扶举措", "责任部门（人）", "完成时限", "预期成效", "状态")
        rows: list[tuple[Cell, ...]] = [tuple(cell(h, center=True, head=True) for h in head)]
        spans = []
        n = 0
        for category, actions in groups.items():
            if len(groups) > 1 or category:
                spans.append((len(rows), 0, len(head) - 1))
                rows.append((cell(Run(category or "其他举措", bold=True), fill=LABEL_FILL),)
                            + tuple(cell("", fill=LABEL_FILL) for _ in head[1:]))
            for p in actions:
                n += 1
                status = status_text(p.status, p.due, as_of)
                rows.append((cell(str(n), center=True), cell(p.measure),
                             cell("　".join(x for x in (p.department, p.owner) if x)),
                             cell(p.due.isoformat() if p.due else "", center=True), cell(p.expected_outcome),
                             cell(Run(status, red=p.overdue(as_of)), center=True)))
        return Table(tuple(rows), (12, 44, 26, 24, 0, 20), spans=tuple(spans))

    def rating(self, item) -> tuple[Run, ...]:
        """The level the item counts with; for a team, the consensus (合议) or what awaits it."""
        a = self.d.assessments.get(item.code)
        r = a.rating if a is not None else None
        if r is not None and r.not_applicable:
            return runs(self.scale.not_applicable)
        if a is None or r is None or r.level is None:
            return (Run("未评", red=True),)
        if r.provisional:
            given = "/".join(str(x.value) for x in a.all_ratings)
            return (Run(f"待合议（{given}，暂按 {round_half_up(r.level, 1)}）", red=True),)
        level = int(r.level)
        agreed = "（合议）" if a.consensus is not None else ""
        counted = counted_level(item, r)
        if counted is not None and vetoed(item, r) and counted != level:
            return (Run(f"{level}→{int(counted)} {self.scale.name(int(counted))}（否决封顶）{agreed}", red=True),)
        return runs(f"{level} {self.scale.name(level)}{agreed}")

    def detail_section(self) -> None:
        self.section("逐项评价明细")
        for goal in self.d.template.goals:
            self.sub(goal.title)
            for item in goal.items():
                a = self.d.assessments.get(item.code)
                rows = [(cell(item.code, center=True, fill=ITEM_FILL), cell(item.text, fill=ITEM_FILL),
                         Cell(self.rating(item), center=True, fill=ITEM_FILL))]
                spans = []
                if item.check is not None:
                    passed = a.check_passed if a else None
                    verdict = {True: runs("通过"), False: (Run("未通过（否决项）", red=True),),
                               None: (Run("未检查", red=True),)}[passed]
                    rows.append((cell("否决项", center=True, head=True), cell(item.check.text),
                                 Cell(verdict, center=True)))
                # Only what was written: an empty field is left out, not shown as "—".
                for label, value in (("佐证材料", a.evidence if a else ""), ("问题", a.problem if a else ""),
                                     ("改进建议", a.suggestion if a else "")):
                    if value.strip():
                        rows.append((cell(label, center=True, head=True), cell(value), cell("")))
                        spans.append((len(rows) - 1, 1, 2))
                self.blocks.append(Table(tuple(rows), (20, 0, 24), header_rows=0, spans=tuple(spans),
                                         keep_together=True))

    def attachments_section(self) -> None:
        d = self.d
        if not d.attachments:
            return
        self.section("附件")
        others = []
        for att in d.attachments:
            photo = (print_photo(att.sha256, partial(self.photo_bytes, att.sha256))
                     if att.media_type.startswith("image/") else None)
            if photo is None:
                others.append(att)
                continue
            where = f"（条目 {att.item_code}）" if att.item_code else ""
            self.blocks.append(Photo(photo.jpeg, photo.width, photo.height,
                                     self.figure_caption(f"{att.caption or att.filename}{where}")))
        if others:
            self.para("其他附件：", kind="plain")
            for n, att in enumerate(others, start=1):
                self.para(f"{n}. {att.filename}（{att.size // 1024 + 1} KB）" + (f"：{att.caption}" if att.caption else ""))

    def signatures(self) -> None:
        date_blank = "    年  月  日"
        head = ("专家组成员", "单位", "签字", "日期")
        rows = [tuple(cell(h, center=True, head=True) for h in head)]
        rows += [(cell(f"{m.name}（{m.role}）"), cell(m.organisation), cell(""), cell(date_blank, center=True))
                 for m in self.d.team]
        enterprise = ((cell("企业代表（签字）", head=True), cell(""), cell("职务", head=True), cell("")),
                      (cell("企业（盖章）", head=True), cell(""), cell("日期", head=True), cell(date_blank, center=True)))
        self.blocks.append(Together((
            Heading(2, "签字确认"), Table(tuple(rows), (40, 0, 34, 32), kind="form"),
            Table(enterprise, (34, 0, 20, 42), header_rows=0, kind="form"),
            Para(runs("本报告一式两份，企业与巡诊专家组（所属市场监管局）各执一份。"), "note"))))
