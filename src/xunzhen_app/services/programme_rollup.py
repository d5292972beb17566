"""The roll-up for the province's 综合评估: a workbook of every figure the desk shows, and a one-page
工作进展 PDF — per city, or for the province with every city side by side.

The workbook uses the report workbooks' sheet style (services.reports.xlsx_style); the PDF the
reports' bundled faces and table style (services.reports.fonts, pdf_styles), on one landscape A4
page: the tables shrink to fit rather than run over.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment

from ..core import programme_targets as targets
from ..core.errors import UserError
from . import programme_desk as desk
from .reports import WrittenFile
from .reports.atomic import write_atomically
from .reports.report_content import cn_date
from .reports.xlsx_style import TITLE_FONT, put, write_table

PROGRESS_HEADERS = ["地市", "培育库企业", "领军型", "重点培育型", "附件2报送日期", "按期报送", "前期巡诊完成",
                    "培育跟踪完成", "成效总结完成", "阶段缺项", "巡诊", "已定稿", "已审核", "退回", "逾期举措", "平均等级",
                    "前期平均", "较前期", "否决项企业", "培育成功", "培育库达标", "培育成功达标"]
ENTERPRISE_HEADERS = ["企业名称", "所属地市", "所属县（市、区）", "质量强县", "培育类型", "总体等级", "前期等级",
                      "较前期", "否决项未通过", "已定稿阶段", "逾期举措", "培育成功认定日期", "认定理由"]
CANDIDATE_HEADERS = ["名次", "企业名称", "所属地市", "培育类型", "总体等级", "较前期", "质量标杆", "推荐名单"]


def scope_title(progress: list[desk.CityProgress]) -> str:
    return progress[0].city if len(progress) == 1 else "全省"


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def progress_row(p: desk.CityProgress) -> list:
    return [p.city, p.enterprises, p.by_type.get("领军型", 0), p.by_type.get("重点培育型", 0), p.list_sent_on,
            _yes(p.list_in_time), *p.stages.values(), p.stage_gaps, p.visits, p.visits_finalized, p.visits_reviewed,
            p.visits_returned, p.overdue_actions, p.mean_level, p.mean_baseline, p.mean_improvement,
            "、".join(p.vetoed), "、".join(p.successes), _yes(p.enterprises_met), _yes(p.successes_met)]


def _title(ws, text: str, columns: int) -> None:
    put(ws, 1, 1, text).font = TITLE_FONT
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30


def build_rollup_workbook(store, city: str | None = None) -> Workbook:
    progress = desk.progress(store, city)
    shown = {p.city for p in progress}
    wb = Workbook()
    ws = wb.active
    ws.title = "各市进展"
    _title(ws, f"质量强省建设领军企业培育工作进展（{scope_title(progress)}）", len(PROGRESS_HEADERS))
    write_table(ws, PROGRESS_HEADERS, [progress_row(p) for p in progress], header_row=2)
    firms = [f for f in desk.standings(store) if f.city in shown]
    write_table(wb.create_sheet("企业情况"), ENTERPRISE_HEADERS, [
        [f.name, f.city, f.county, _yes(f.quality_county), f.cultivation_type, f.level, f.baseline, f.improvement,
         "、".join(f.failed_checks), "、".join(f.stages), f.overdue_actions,
         f.success.decided_on if f.success else None, f.success.reason if f.success else ""] for f in firms],
        wrap_columns=(13,))
    write_table(wb.create_sheet("标杆候选"), CANDIDATE_HEADERS, [
        [c.rank, c.standing.name, c.standing.city, c.standing.cultivation_type, c.standing.level,
         c.standing.improvement, _yes(c.benchmark), _yes(c.recommended)]
        for c in desk.benchmark_candidates(store) if c.standing.city in shown])
    write_table(wb.create_sheet("质量强县"), ["所属地市", "质量强县（县、市、区）", "培育库企业"],
                [[p.city, county, n] for p in progress for county, n in p.counties.items()])
    return wb


def write_rollup_workbook(store, path: Path, city: str | None = None) -> WrittenFile:
    wb = build_rollup_workbook(store, city)
    final = write_atomically(Path(path), wb.save)
    return WrittenFile(final, final.stat().st_size)


# -- 工作进展 PDF ----------------------------------------------------------------


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def render_progress_pdf(store, city: str | None = None, on: date | None = None) -> tuple[bytes, int]:
    """The one-page 工作进展 as PDF bytes, and its page count (1)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepInFrame, SimpleDocTemplate, Spacer

    from .reports.cjk_paragraph import CJKParagraph
    from .reports.fonts import register_report_fonts
    from .reports.pdf_styles import RED_HEX, Styles, grid_table

    progress = desk.progress(store, city)
    if not progress:
        raise UserError("没有可汇总的地市")
    fonts = register_report_fonts()
    s = Styles(fonts)
    page_w, page_h = landscape(A4)
    margin = 14 * mm
    width = page_w - 2 * margin

    def p(text, style=s.cell_center) -> CJKParagraph:
        return CJKParagraph(escape(str(text)), style)

    def flag(text: str, ok: bool) -> CJKParagraph:
        return CJKParagraph(escape(text) if ok else f'<font color="{RED_HEX}">{escape(text)}</font>', s.cell_center)

    head = ["地市", f"培育库\n（≥{targets.MIN_ENTERPRISES}家）", "领军型/\n重点培育型", "附件2报送\n（5月21日前）",
            "前期/跟踪/\n总结完成", "定稿/巡诊", "已审核/\n退回", "逾期\n举措", "平均\n等级", "较前期", "否决项",
            f"培育成功\n（≥{targets.MIN_SUCCESSES}家）"]
    rows = [[CJKParagraph(escape(h).replace("\n", "<br/>"), s.cell_head) for h in head]]
    for c in progress:
        sent = c.list_sent_on.isoformat() if c.list_sent_on else "未报送"
        rows.append([p(c.city, s.cell), flag(f"{c.enterprises}", c.enterprises_met),
                     p(f"{c.by_type.get('领军型', 0)}/{c.by_type.get('重点培育型', 0)}"), flag(sent, c.list_in_time),
                     p("/".join(str(n) for n in c.stages.values())), p(f"{c.visits_finalized}/{c.visits}"),
                     p(f"{c.visits_reviewed}/{c.visits_returned}"), p(c.overdue_actions), p(_num(c.mean_level)),
                     p(_num(c.mean_improvement)), p(len(c.vetoed)), flag(str(len(c.successes)), c.successes_met)])
    fixed = [22, 18, 20, 26, 22, 20, 16, 12, 14, 14, 14, 20]
    widths = [w * width / sum(fixed) for w in fixed]
    title = f"质量强省建设领军企业培育工作进展（{scope_title(progress)}）"
    story: list = [CJKParagraph(escape(title), s.h1), CJKParagraph(escape(
        f"截至{cn_date(on or date.today())}　依据晋市监发〔2025〕100号：每市培育库不少于{targets.MIN_ENTERPRISES}家、"
        f"5月21日前报送附件2、至少培育成功{targets.MIN_SUCCESSES}家；红色为未达标。"), s.note), Spacer(1, 3 * mm),
        grid_table(rows, widths)]
    totals = (f"合计：培育库 {sum(c.enterprises for c in progress)} 家，巡诊 {sum(c.visits for c in progress)} 次"
              f"（已定稿 {sum(c.visits_finalized for c in progress)} 次），逾期举措 {sum(c.overdue_actions for c in progress)} 项，"
              f"培育成功 {sum(len(c.successes) for c in progress)} 家。")
    story += [Spacer(1, 3 * mm), CJKParagraph(escape(totals), s.plain)]
    counties = [f"{c.city}：" + "、".join(f"{county}{n}家" for county, n in c.counties.items())
                for c in progress if c.counties]
    if counties:
        story.append(CJKParagraph(escape("质量强县培育库县（市、区）的培育库企业——" + "；".join(counties) + "。"), s.plain))
    if len(progress) > 1:
        names = {f.id: f.name for f in desk.standings(store)}
        for kind, label, limit in ((targets.BENCHMARK, "质量标杆企业（3-5家）", targets.BENCHMARKS_MAX),
                                   (targets.RECOMMENDED, "推荐领军企业（不超过5家）", targets.MAX_RECOMMENDATIONS)):
            chosen = [names[i] for i in desk.picks(store, kind)]
            story.append(CJKParagraph(escape(f"{label}：{'、'.join(chosen) or '尚未选定'}（{len(chosen)}/{limit}）"), s.plain))
    else:
        firms = [f for f in desk.standings(store) if f.city == progress[0].city]
        head = ["企业名称", "所属县（市、区）", "培育类型", "总体等级", "较前期", "已定稿阶段", "逾期举措", "否决项",
                "培育成功"]
        table = [[CJKParagraph(escape(h), s.cell_head) for h in head]]
        for f in firms:
            county = f.county + ("（质量强县）" if f.quality_county else "")
            table.append([p(f.name, s.cell), p(county, s.cell), p(f.cultivation_type), p(_num(f.level)),
                          p(_num(f.improvement)), p("、".join(f.stages) or "—"), p(f.overdue_actions),
                          flag("、".join(f.failed_checks) or "无", not f.failed_checks),
                          p(f.success.decided_on.isoformat() if f.success else "")])
        if firms:
            fixed = [56, 30, 20, 14, 14, 40, 14, 16, 20]
            story += [Spacer(1, 3 * mm), CJKParagraph("培育库企业", s.h3),
                      grid_table(table, [w * width / sum(fixed) for w in fixed])]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(page_w, page_h), leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=title, author="巡诊 Xunzhen", creator="巡诊 Xunzhen",
                            initialFontName=fonts.song)
    # One page whatever the number of cities: the whole story shrinks into the frame if it must.
    doc.build([KeepInFrame(width, page_h - 2 * margin - 12, story, mode="shrink")])
    return out.getvalue(), 1


def write_rollup(store, path: Path, city: str | None = None) -> WrittenFile:
    """FILE.xlsx: the roll-up workbook; FILE.pdf: the one-page 工作进展."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_rollup_workbook(store, path, city)
    if suffix == ".pdf":
        data, pages = render_progress_pdf(store, city)
        final = write_atomically(path, lambda out: out.write(data))
        return WrittenFile(final, len(data), pages=pages)
    raise UserError(f"“{path.name}”：汇总材料只能保存为 .xlsx（汇总表）或 .pdf（工作进展）")
