"""The 质量巡诊报告: a VisitDetail (and the visit it follows up) in, PDF bytes out.

Sections are numbered as Chinese official documents number them: 一、 for
sections, （一） below them, 1. below those.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
)

from ...core.domain import VisitStatus
from ...core.scoring import SCORING_RULE, Score, band, display_index, display_level, round_half_up
from ..dto import VisitDetail
from .cjk_paragraph import CJKParagraph as Paragraph
from .fonts import register_report_fonts
from .pdf_canvas import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, canvas_maker
from .pdf_styles import Styles, cells, grid_table, red, text
from .photos import prepare_photo
from .radar import radar_chart

CONTENT_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
_DIGITS = "零一二三四五六七八九"
METHOD_NOTES = {
    "资料收集": "查阅企业质量管理体系文件、制度流程、质量数据和相关证明材料",
    "实地调研": "深入生产、检验和仓储等现场，核对制度在一线的执行情况",
    "深度访谈": "与企业负责人、质量管理人员和一线员工座谈，了解做法、成效与堵点",
}


def cn_number(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else _DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def render_visit_pdf(detail: VisitDetail, previous: VisitDetail | None,
                     photo_bytes: Callable[[str], bytes]) -> RenderedPdf:
    fonts = register_report_fonts()
    # Binary image streams: ASCII85 makes photos 25 % larger and, without
    # reportlab's optional C accelerator, costs most of the rendering time.
    rl_config.useA85 = 0
    builder = _ReportBuilder(detail, previous, Styles(fonts), fonts.hei, photo_bytes)
    out, stats = io.BytesIO(), {}
    doc = SimpleDocTemplate(
        out, pagesize=A4, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT, title=f"质量巡诊报告 — {detail.enterprise.name}",
        author="、".join(m.name for m in detail.team), subject=f"{detail.row.stage} {detail.row.start_date}",
        creator="巡诊 Xunzhen", initialFontName=fonts.song,
    )
    draft = detail.row.status != VisitStatus.FINALIZED
    doc.build(builder.story(), canvasmaker=canvas_maker(fonts.hei, detail.enterprise.name, draft, stats))
    return RenderedPdf(out.getvalue(), stats.get("pages", 0))


def _dates(detail: VisitDetail) -> str:
    start, end = detail.row.start_date, detail.row.end_date
    first = f"{start.year}年{start.month}月{start.day}日"
    if end == start:
        return first
    if end.year == start.year:
        return first + f"至{end.month}月{end.day}日"
    return first + f"至{end.year}年{end.month}月{end.day}日"


class _ReportBuilder:
    def __init__(self, detail: VisitDetail, previous: VisitDetail | None, styles: Styles, font: str,
                 photo_bytes: Callable[[str], bytes]):
        self.d, self.prev, self.s, self.font, self.photo_bytes = detail, previous, styles, font, photo_bytes
        self.scale = detail.template.scale
        self.flow: list = []
        self._section = 0

    # -- helpers ---------------------------------------------------------
    def section(self, title: str, keep_with_next: float = 40 * mm) -> None:
        self._section += 1
        self._sub = 0
        self.flow.append(CondPageBreak(keep_with_next))
        self.flow.append(Paragraph(f"{cn_number(self._section)}、{text(title)}", self.s.h1))

    def sub(self, title: str) -> None:
        self._sub += 1
        self.flow.append(Paragraph(f"（{cn_number(self._sub)}）{text(title)}", self.s.h2))

    def para(self, markup: str) -> None:
        self.flow.append(Paragraph(markup, self.s.body))

    def score_name(self, score: Score) -> str:
        lv = band(score, self.scale)
        return lv.name if lv else "—"

    # -- the report --------------------------------------------------------
    def story(self) -> list:
        self.cover()
        self.enterprise_section()
        self.process_section()
        self.maturity_section()
        self.problems_section()
        self.plan_section()
        self.detail_section()
        self.attachments_section()
        self.signatures()
        return self.flow

    def cover(self) -> None:
        d, s = self.d, self.s
        team = "、".join(f"{m.name}（{m.role}）" if m.role == "组长" else m.name for m in d.team) or "—"
        rows = [
            ("企业名称", d.enterprise.name),
            ("统一社会信用代码", d.enterprise.uscc or "—"),
            ("所属地市", d.enterprise.city + (f" {d.enterprise.county}" if d.enterprise.county else "")),
            ("培育类型", d.enterprise.cultivation_type),
            ("巡诊阶段", d.row.stage),
            ("巡诊日期", _dates(d)),
            ("专家组", team),
            ("报告编号", d.report_number or "（未编号）"),
            ("检查表", f"{d.template.title}（版本 {d.template.version}）"),
        ]
        table = grid_table([[Paragraph(text(k), s.cover_label), Paragraph(text(v), s.cover_value)] for k, v in rows],
                           [46 * mm, CONTENT_WIDTH - 46 * mm], header_rows=0,
                           extra=[("GRID", (0, 0), (-1, -1), 0, "white"),
                                  ("LINEBELOW", (1, 0), (1, -1), 0.5, "#7a7a7a"),
                                  ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
        self.flow += [Spacer(1, 28 * mm), Paragraph("质量巡诊报告", s.title), Spacer(1, 6 * mm),
                      Paragraph(text(d.row.stage), s.subtitle), Spacer(1, 30 * mm), table, Spacer(1, 30 * mm),
                      Paragraph(text(d.template.source or ""), s.caption), PageBreak()]

    def enterprise_section(self) -> None:
        e, s = self.d.enterprise, self.s
        self.section("企业基本情况")
        rows = [("企业名称", e.name), ("统一社会信用代码", e.uscc or "—"),
                ("所属地市", e.city), ("所属区县", e.county or "—"), ("所属行业", e.industry or "—"),
                ("培育类型", e.cultivation_type),
                ("荣誉资质", "；".join(h.describe() for h in e.honours) or "—"),
                ("联系人", "；".join(" ".join(p for p in (c.name, c.position, c.phone) if p) for c in e.contacts) or "—")]
        self.flow.append(grid_table([cells(s.cell, [text(k), text(v)]) for k, v in rows],
                                    [36 * mm, CONTENT_WIDTH - 36 * mm], header_rows=0,
                                    extra=[("BACKGROUND", (0, 0), (0, -1), "#f2f2f2")]))

    def process_section(self) -> None:
        d, s = self.d, self.s
        self.section("巡诊方式与过程")
        team = "、".join(f"{m.name}（{m.organisation}{'，' + m.title if m.title else ''}）" if m.organisation else m.name
                        for m in d.team) or "—"
        self.para(f"{_dates(d)}，专家组{text(team)}对{text(d.enterprise.name)}开展{text(d.row.stage)}，"
                  f"对照《{text(d.template.title)}》逐项评价。")
        self.sub("巡诊方式")
        for n, method in enumerate(d.methods, start=1):
            self.flow.append(Paragraph(f"{n}. {text(method)}：{text(METHOD_NOTES.get(method, ''))}。", s.body))
        self.sub("访谈人员")
        if d.interviewees:
            rows = [cells(s.cell_head, ["序号", "姓名", "职务"])]
            rows += [cells(s.cell, [str(n), text(p.get("name")), text(p.get("position"))])
                     for n, p in enumerate(d.interviewees, start=1)]
            self.flow.append(grid_table(rows, [14 * mm, 60 * mm, CONTENT_WIDTH - 74 * mm]))
        else:
            self.para("未记录访谈人员。")

    def maturity_section(self) -> None:
        d, s, result = self.d, self.s, self.d.result
        self.section("质量成熟度评价")
        self.sub("总体评价")
        overall = result.overall
        line = (f"总体成熟度等级 <b>{display_level(overall)}</b>（{self.score_name(overall)}），"
                f"成熟度指数 <b>{display_index(overall)}</b>。")
        if result.failed_checks:
            line += red(f"否决项未通过：{text('、'.join(result.failed_checks))}。")
        self.para(line)
        if d.summary:
            self.para(text(d.summary))
        self.sub("各培育目标得分")
        rows = [cells(s.cell_head, ["编号", "培育目标", "等级", "指数", "等级名称", "说明"])]
        extra = []
        for r, g in enumerate(result.goals, start=1):
            notes = []
            if g.failed_checks:
                notes.append(red("否决项未通过：" + "、".join(g.failed_checks)))
                extra.append(("BACKGROUND", (0, r), (-1, r), "#fbe9e9"))
            if g.unrated:
                notes.append(f"未评 {len(g.unrated)} 项")
            rows.append(cells(s.cell_center, [g.code]) + cells(s.cell, [text(g.title)]) + cells(
                s.cell_center, [display_level(g.score), display_index(g.score), self.score_name(g.score)])
                + cells(s.cell, ["；".join(notes) or ""]))
        rows.append(cells(s.cell_center, ["", "总体", display_level(overall), display_index(overall),
                                          self.score_name(overall), ""]))
        widths = [12 * mm, 50 * mm, 24 * mm, 14 * mm, 18 * mm]
        widths.append(CONTENT_WIDTH - sum(widths))
        self.flow.append(grid_table(rows, widths, extra=extra + [("BACKGROUND", (0, -1), (-1, -1), "#f2f2f2")]))
        labels = [g.title for g in result.goals]
        values = [g.score.level for g in result.goals]
        before = [g.score.level for g in self.prev.result.goals] if self._comparable() else None
        chart = radar_chart(self.font, labels, values, before, width=CONTENT_WIDTH, height=92 * mm)
        legend = "图1 各培育目标成熟度雷达图（实线为本次" + ("，虚线为上次巡诊）" if before else "）")
        self.flow.append(KeepTogether([Spacer(1, 4 * mm), chart, Paragraph(legend, s.caption)]))
        if self.prev is not None:
            self.comparison()
        self.sub("分项评价")
        for n, g in enumerate(result.goals, start=1):
            self.goal_table(n, g)
        self.sub("评分规则")
        self.flow.append(Paragraph(text(SCORING_RULE), s.note))

    def _comparable(self) -> bool:
        return self.prev is not None and [g.code for g in self.prev.result.goals] == [
            g.code for g in self.d.result.goals]

    def comparison(self) -> None:
        s, prev = self.s, self.prev
        self.sub("与上次巡诊对比")
        self.para(f"上次巡诊：{text(prev.row.stage)}，{_dates(prev)}。")
        before_by_code = {g.code: g for g in prev.result.goals}
        rows = [cells(s.cell_head, ["编号", "培育目标", f"上次（{prev.row.start_date}）",
                                    f"本次（{self.d.row.start_date}）", "变化"])]
        pairs = [(g.code, g.title, before_by_code.get(g.code), g) for g in self.d.result.goals]
        pairs.append(("", "总体", prev.result, self.d.result))
        for code, title, before, after in pairs:
            b = before.score if before is not None and hasattr(before, "score") else getattr(before, "overall", None)
            a = after.score if hasattr(after, "score") else after.overall
            rows.append(cells(s.cell_center, [code]) + cells(s.cell, [text(title)]) + cells(
                s.cell_center, [display_level(b) if b else "—", display_level(a), _change(b, a)]))
        self.flow.append(grid_table(rows, [12 * mm, 52 * mm, 32 * mm, 32 * mm, CONTENT_WIDTH - 128 * mm]))

    def goal_table(self, n: int, g) -> None:
        s = self.s
        rows = [cells(s.cell_head, ["编号", "主要举措", "已评", "不适用", "未评", "等级", "等级名称"])]
        for m in g.measures:
            rows.append(cells(s.cell_center, [m.code]) + cells(s.cell, [text(m.title)]) + cells(
                s.cell_center, [str(m.rated), str(m.not_applicable), str(len(m.unrated)),
                                display_level(m.score), self.score_name(m.score)]))
        rows.append(cells(s.cell_center, ["", "培育目标小计", "", "", "", display_level(g.score),
                                          self.score_name(g.score)]))
        widths = [14 * mm, 0, 12 * mm, 15 * mm, 12 * mm, 26 * mm, 18 * mm]
        widths[1] = CONTENT_WIDTH - sum(widths)
        table = grid_table(rows, widths, extra=[("BACKGROUND", (0, -1), (-1, -1), "#f2f2f2")])
        block = [Paragraph(f"{n}. {text(g.title)}", s.h3), table]
        for code in g.failed_checks:
            item = self.d.template.item(code)
            check = item.check.text if item.check else item.text
            block.append(Paragraph(f"否决项未通过：{text(code)} {text(check)}", s.warn))
        if g.unrated:
            block.append(Paragraph(f"未评条目（得分为暂定）：{text('、'.join(g.unrated))}", s.note))
        self.flow.append(KeepTogether(block))

    def problems_section(self) -> None:
        d = self.d
        self.section("主要问题与堵点")
        problems = [(p.text, p.item_code) for p in d.problems]
        if not problems:  # fall back to what was written item by item
            problems = [(a.problem, code) for code, a in sorted(d.assessments.items()) if a.problem.strip()]
        if not problems:
            self.para("本次巡诊未记录问题。")
        for n, (problem, code) in enumerate(problems, start=1):
            where = f"（条目 {code}）" if code else ""
            self.flow.append(Paragraph(f"{n}. {text(problem)}{text(where)}", self.s.body))

    def plan_section(self) -> None:
        d, s = self.d, self.s
        self.section("改进建议与帮扶举措")
        self.sub("一企一策帮扶举措")
        if d.plan:
            rows = [cells(s.cell_head, ["序号", "帮扶举措", "责任部门", "完成时限", "预期成效"])]
            rows += [cells(s.cell_center, [str(n)]) + cells(s.cell, [text(p.measure), text(p.department),
                                                                   text(p.deadline), text(p.expected_outcome)])
                     for n, p in enumerate(d.plan, start=1)]
            self.flow.append(grid_table(rows, [12 * mm, 52 * mm, 28 * mm, 24 * mm, CONTENT_WIDTH - 116 * mm]))
        else:
            self.para("尚未制定帮扶举措。")
        suggestions = [(code, a.suggestion) for code, a in sorted(d.assessments.items()) if a.suggestion.strip()]
        if suggestions:
            self.sub("逐项改进建议")
            for n, (code, suggestion) in enumerate(suggestions, start=1):
                self.flow.append(Paragraph(f"{n}. {text(suggestion)}（条目 {text(code)}）", s.body))

    def rating_text(self, item) -> str:
        a = self.d.assessments.get(item.code)
        if a is None or (a.level is None and not a.not_applicable):
            return red("未评")
        if a.not_applicable:
            return text(self.scale.not_applicable)
        return f"{a.level} {text(self.scale.name(a.level))}"

    def detail_section(self) -> None:
        s = self.s
        self.section("逐项评价明细")
        label_w, rating_w = 20 * mm, 24 * mm
        for goal in self.d.template.goals:
            self.sub(goal.title)
            for item in goal.items():
                a = self.d.assessments.get(item.code)
                rows = [[Paragraph(text(item.code), s.cell_center), Paragraph(text(item.text), s.cell),
                         Paragraph(self.rating_text(item), s.cell_center)]]
                extra = [("BACKGROUND", (0, 0), (-1, 0), "#eef2f7"), ("BACKGROUND", (0, 1), (0, -1), "#f7f7f7")]
                if item.check is not None:
                    passed = a.check_passed if a else None
                    verdict = {True: "通过", False: red("未通过（否决项）"), None: red("未检查")}[passed]
                    rows.append([Paragraph("否决项", s.cell_center), Paragraph(text(item.check.text), s.cell),
                                 Paragraph(verdict, s.cell_center)])
                for label, value in (("佐证材料", a.evidence if a else ""), ("问题", a.problem if a else ""),
                                     ("改进建议", a.suggestion if a else "")):
                    rows.append([Paragraph(label, s.cell_center), Paragraph(text(value) or "—", s.cell),
                                 Paragraph("", s.cell)])
                    extra.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
                table = grid_table(rows, [label_w, CONTENT_WIDTH - label_w - rating_w, rating_w], header_rows=0,
                                   extra=extra)
                self.flow += [KeepTogether([table]), Spacer(1, 3 * mm)]

    def attachments_section(self) -> None:
        d, s = self.d, self.s
        if not d.attachments:
            return
        self.section("附件", keep_with_next=120 * mm)  # the heading goes with the first photo
        figure, others = 1, []
        for att in d.attachments:
            photo = prepare_photo(self.photo_bytes(att.sha256)) if att.media_type.startswith("image/") else None
            if photo is None:
                others.append(att)
                continue
            figure += 1
            max_w, max_h = CONTENT_WIDTH * 0.8, 95 * mm
            ratio = min(max_w / photo.width, max_h / photo.height)
            image = Image(io.BytesIO(photo.jpeg), width=photo.width * ratio, height=photo.height * ratio)
            caption = att.caption or att.filename
            where = f"（条目 {att.item_code}）" if att.item_code else ""
            self.flow.append(KeepTogether([image, Spacer(1, 2 * mm),
                                           Paragraph(f"图{figure} {text(caption)}{text(where)}", s.caption),
                                           Spacer(1, 6 * mm)]))
        if others:
            self.flow.append(Paragraph("其他附件：", s.plain))
            for n, att in enumerate(others, start=1):
                self.flow.append(Paragraph(f"{n}. {text(att.filename)}（{att.size // 1024 + 1} KB）"
                                           f"{('：' + text(att.caption)) if att.caption else ''}", s.body))

    def signatures(self) -> None:
        s = self.s
        rows = [cells(s.cell_head, ["专家组成员", "单位", "签字"])]
        rows += [cells(s.cell, [text(f"{m.name}（{m.role}）"), text(m.organisation), " "]) for m in self.d.team]
        team_table = grid_table(rows, [40 * mm, 70 * mm, CONTENT_WIDTH - 110 * mm],
                                extra=[("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white"]),
                                       ("TOPPADDING", (0, 1), (-1, -1), 9), ("BOTTOMPADDING", (0, 1), (-1, -1), 9)])
        enterprise = grid_table([cells(s.cell, ["企业代表（签字）", "", "职务", ""]),
                                 cells(s.cell, ["企业（盖章）", "", "日期", "&nbsp;" * 8 + "年" + "&nbsp;" * 5 + "月" + "&nbsp;" * 5 + "日"])],
                                [32 * mm, 52 * mm, 20 * mm, CONTENT_WIDTH - 104 * mm], header_rows=0,
                                extra=[("TOPPADDING", (0, 0), (-1, -1), 11), ("BOTTOMPADDING", (0, 0), (-1, -1), 11)])
        self.flow.append(KeepTogether([
            Spacer(1, 6 * mm), Paragraph("签字确认", s.h2), team_table, Spacer(1, 6 * mm), enterprise,
            Spacer(1, 3 * mm), Paragraph("本报告一式两份，企业与巡诊专家组（所属市场监管局）各执一份。", s.note)]))


def _change(before: Score | None, after: Score) -> str:
    if before is None or before.level is None or after.level is None:
        return "—"
    delta = round_half_up(after.level, 1) - round_half_up(before.level, 1)
    if delta == 0:
        return "持平"
    return f"+{delta}" if delta > 0 else f"−{-delta}"


