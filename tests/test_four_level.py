"""A four-level template end to end: rating, scores, the PDF report, the summary workbook,
the bureau's distribution and the workbench's level cards and keys."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from gui_helpers import make_ctx, settle
from pypdf import PdfReader
from PySide6.QtCore import Qt

from xunzhen_app.core.errors import UserError
from xunzhen_app.core.scoring import band, display_index, scoring_rule
from xunzhen_app.services import bureau, reports, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise

FOUR = Path(__file__).parent / "data" / "four-level-template.json"
NAMES = ["起步", "成长", "成熟", "卓越"]


@pytest.fixture
def four_visit(store, paths):
    paths.checklists.mkdir(exist_ok=True)
    shutil.copy(FOUR, paths.checklists / FOUR.name)
    e = create_enterprise(store, EnterpriseInput(name="四级量表测试有限公司", city="晋中市"))
    return visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, template_id="county-four",
                                                      start_date=date(2026, 3, 2))).id


def _rate_all(store, vid):
    for code, level in (("1.1.1", 4), ("1.1.2", 3), ("2.1.1", 2), ("2.1.2", 3), ("3.1.1", 4)):
        visits.rate_item(store, vid, code, level=level)
    visits.rate_item(store, vid, "1.1.2", check_passed=True)


def test_levels_run_one_to_four_and_the_index_uses_n_minus_one(store, four_visit):
    with pytest.raises(UserError, match="1.1.1 的成熟度等级：应为 1–4，实际为 5"):
        visits.rate_item(store, four_visit, "1.1.1", level=5)
    with pytest.raises(UserError, match="2.1.2 不能标为“不适用”：检查表规定"):
        visits.rate_item(store, four_visit, "2.1.2", not_applicable=True)
    _rate_all(store, four_visit)
    d = visits.get_visit(store, four_visit)
    goals = d.result.goals
    assert [g.score.level for g in goals] == [3.5, 2.5, 4]
    assert d.result.overall.level == pytest.approx(10 / 3)
    assert d.result.overall.index == pytest.approx((10 / 3 - 1) / 3 * 100)  # 77.8 → 78
    assert display_index(d.result.overall) == "78" and display_index(goals[2].score) == "100"
    assert [band(g.score, d.template.scale).name for g in goals] == ["成熟", "成长", "卓越"]
    assert "÷ 3 × 100" in scoring_rule(d.template.scale) and "1–4 级" in scoring_rule(d.template.scale)


def test_the_pdf_report_speaks_the_four_level_scale(store, four_visit, tmp_path):
    _rate_all(store, four_visit)
    written = reports.write_visit_pdf(store, four_visit, tmp_path / "four.pdf")
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(written.path).pages))
    assert "总体成熟度等级3.3（成熟），成熟度指数78" in text
    assert "4卓越" in text and "1–4级" in text and "÷3×100" in text
    for name in ("初始级", "基础级", "规范级", "先进级", "领先级"):
        assert name not in text


def test_the_summary_workbook_holds_the_four_level_figures(store, four_visit, tmp_path):
    _rate_all(store, four_visit)
    # The visit is a draft: the summary takes it only when asked to (by default it takes finalized ones).
    written = reports.write_workbook(store, reports.ExportSelection(include_drafts=True), tmp_path / "summary.xlsx")
    ws = openpyxl.load_workbook(written.path)["成熟度汇总"]
    header, *rows = list(ws.iter_rows(values_only=True))
    (row,) = rows
    assert [row[header.index(h)] for h in ("1 质量基础", "2 质量提升", "3 示范带动")] == [3.5, 2.5, 4]
    assert (row[header.index("总体等级")], row[header.index("总体指数")], row[header.index("等级名称")]) == (
        3.3, 78, "成熟")
    (rule,) = ws.conditional_formatting
    assert rule.rules[0].colorScale.cfvo[-1].val == 4


def test_the_bureau_distribution_has_a_column_per_level_of_the_template(store, four_visit):
    _rate_all(store, four_visit)
    dist = bureau.score_distribution(bureau.overview(store))
    assert all(d.levels == tuple(NAMES) for d in dist)
    total = next(d for d in dist if d.code == "")
    assert total.counts == (0, 0, 1, 0)


def test_the_workbench_offers_four_level_cards_and_keys_1_to_4(qtbot, store, four_visit, tmp_path):
    from xunzhen_app.gui.workbench import WorkbenchPage

    ctx = make_ctx(store, tmp_path)
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    page.open_visit(four_visit)
    qtbot.waitUntil(lambda: page.current_code() == "1.1.1", timeout=5000)
    assert page.selector.values() == (1, 2, 3, 4, 0)
    assert page.selector.button(4).title.text() == "4　卓越"
    assert page.selector.button(4).descriptor.text() == "制度持续改进并有外部认可"  # the item's own
    assert page.selector.button(2).descriptor.text() == "有所成长"  # the scale's, where the item has none
    qtbot.keyClick(page, Qt.Key.Key_5)  # no fifth level: nothing happens
    assert page.current_code() == "1.1.1" and "1.1.1" not in visits.get_visit(store, four_visit).assessments
    qtbot.keyClick(page, Qt.Key.Key_4)  # rates and moves on
    settle(qtbot, ctx)
    assert visits.get_visit(store, four_visit).assessments["1.1.1"].level == 4
    assert page.current_code() == "1.1.2"

    assert page.selector.values() == (1, 2, 3, 4)  # a veto item offers no 不适用
    assert "本条目不可标为不适用" in page.ui.levelBox.title()
    assert "最高按 2 级（成长）计分" in page.ui.checkTextLabel.text()
    assert "不得标为“不适用”" in page.ui.checkTextLabel.text()
    qtbot.keyClick(page, Qt.Key.Key_0)
    settle(qtbot, ctx)
    assert "1.1.2" not in visits.get_visit(store, four_visit).assessments and page.current_code() == "1.1.2"
    qtbot.keyClick(page, Qt.Key.Key_3)  # rated 3, then the check fails: the tree shows it counts as 2
    page.show_item("1.1.2")
    qtbot.keyClick(page, Qt.Key.Key_F)
    settle(qtbot, ctx)
    assert visits.get_visit(store, four_visit).result.goals[0].failed_checks == ("1.1.2",)
    index = page.model.index_for_code("1.1.2")
    assert page.model.data(index.siblingAtColumn(1)) == "3→2  否决"
    page.show_item("2.1.2")
    assert NAMES[0] in page.selector.button(1).title.text() and 0 not in page.selector.values()


def test_the_word_report_speaks_the_four_level_scale(store, four_visit, tmp_path):
    import docx

    _rate_all(store, four_visit)
    written = reports.write_visit_docx(store, four_visit, tmp_path / "four.docx")
    document = docx.Document(str(written.path))
    text = "".join(p.text for p in document.paragraphs) + "".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    text = re.sub(r"\s+", "", text)
    assert "总体成熟度等级3.3（成熟），成熟度指数78" in text and "÷3×100" in text and "4卓越" in text
