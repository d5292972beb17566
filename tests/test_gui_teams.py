"""Expert teams in the GUI (issue 16), over real installations exchanging real packages: the
member's workbench (assigned items highlighted, the rest read-only, digits inert there with a
message), the 组长's 专家组 dialog, and the 待合议 tab of 评价总结."""

from __future__ import annotations

import pytest
from gui_helpers import make_ctx, settle, type_chinese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from team_helpers import cli, make_team, receive

from xunzhen_app.gui.summary import SummaryPage
from xunzhen_app.gui.team_dialog import TeamDialog
from xunzhen_app.gui.workbench import WorkbenchPage
from xunzhen_app.services import team, visits


@pytest.fixture
def trio(tmp_path):
    t = make_team(tmp_path)
    receive(t.li, t.package(t.lead))
    return t


def _workbench(qtbot, ctx, visit_id):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.open_visit(visit_id)
    qtbot.waitUntil(lambda: page.current_code() is not None, timeout=5000)
    return page


def _click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_member_rates_the_assigned_items_and_the_rest_stays_read_only(qtbot, trio, tmp_path):
    ctx = make_ctx(trio.li.store, tmp_path)
    page = _workbench(qtbot, ctx, trio.visit_id)
    assert page.team.assignmentLabel.isVisible() and "目标 4、5" in page.team.assignmentLabel.text()
    assert not page.team.teamButton.isEnabled()  # the team is the 组长's to arrange
    model = page.model
    assert model.data(model.index_for_code("4.1.1"), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index_for_code("1.1.1"), Qt.ItemDataRole.BackgroundRole) is None

    page.show_item("1.1.1")
    page.focus_rating()
    qtbot.keyClick(page.tree, Qt.Key.Key_2)
    assert page.current_code() == "1.1.1"  # the key did nothing: no move on
    assert page.errorBanner.isVisible() and "未分配给您" in page.errorBanner.text()
    assert page.ui.problemEdit.isReadOnly() and not page.selector.isEnabled()
    settle(qtbot, ctx)
    assert visits.get_visit(trio.li.store, trio.visit_id).assessments["1.1.1"].level == 3  # the 组长's, untouched

    page.show_item("4.1.1")
    page.focus_rating()
    assert not page.ui.problemEdit.isReadOnly() and page.selector.isEnabled()
    qtbot.keyClick(page.tree, Qt.Key.Key_4)
    assert page.current_code() == "4.1.2"  # rated, and on to the next item as always
    settle(qtbot, ctx)
    mine = visits.get_visit(trio.li.store, trio.visit_id).assessments["4.1.1"]
    assert (mine.level, mine.rater) == (4, "李审核")


def test_the_lead_assigns_a_member_in_the_team_dialog(qtbot, trio, tmp_path):
    ctx = make_ctx(trio.lead.store, tmp_path)
    page = _workbench(qtbot, ctx, trio.visit_id)
    assert page.team.teamButton.isEnabled()
    qtbot.mouseClick(page.team.teamButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, TeamDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TeamDialog))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3 and dialog.cardCombo.count() == 2, timeout=5000)
    _click_row(qtbot, dialog.table, 2)  # 王质量: goal 5 and 1.1.1 come up for editing
    assert dialog.itemsEdit.text() == "1.1.1"
    dialog.goalList.setFocus()
    dialog.goalList.setCurrentRow(1)  # goal 2
    qtbot.keyClick(dialog.goalList, Qt.Key.Key_Space)
    dialog.itemsEdit.clear()
    qtbot.mouseClick(dialog.addButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "目标 2、5" in dialog.table.item(2, 3).text(), timeout=5000)
    rows = {r.name: r for r in team.team_of(trio.lead.store, trio.visit_id)}
    assert rows["王质量"].goals == ("2", "5") and rows["王质量"].items == ()
    dialog.close()


def test_the_summary_lists_what_awaits_consensus_and_the_lead_records_it(qtbot, trio, tmp_path):
    receive(trio.wang, trio.package(trio.lead))
    assert cli(trio.wang, "visit", "rate", trio.visit_id, "1.1.1", "5", "--evidence", "抽查 3 份记录")[0] == 0
    receive(trio.lead, trio.package(trio.wang))
    ctx = make_ctx(trio.lead.store, tmp_path)
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.open_visit(trio.visit_id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    tabs = page.ui.tabs
    index = tabs.indexOf(page.consensus)
    assert tabs.tabText(index) == "待合议（1）"
    assert "1 项的评定不一致" in page.ui.overallLabel.text()
    tabs.setCurrentIndex(index)
    table = page.consensus.table
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert [c[1:3] for c in cells] == [["张测试", "3"], ["王质量", "5"]]
    assert "抽查 3 份记录" in cells[1][3] and "待合议" in cells[0][4]
    _click_row(qtbot, table, 0)
    combo = page.consensus.levelCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # 1 → 2 …
    while combo.currentData() != 4:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    page.consensus.noteEdit.setFocus()
    type_chinese(page.consensus.noteEdit, ["按现场", "记录"])
    qtbot.mouseClick(page.consensus.recordButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tabs.tabText(index) == "待合议（0）", timeout=5000)
    settled = visits.get_visit(trio.lead.store, trio.visit_id).assessments["1.1.1"]
    assert (settled.consensus.level, settled.consensus.note) == (4, "按现场记录")
    assert "已合议：4 级" in table.item(0, 4).text()


def test_on_a_members_laptop_the_summary_is_the_leads_and_read_only(qtbot, trio, tmp_path):
    ctx = make_ctx(trio.li.store, tmp_path)
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.open_visit(trio.visit_id)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    assert not page.ui.finalizeButton.isEnabled() and page.ui.summaryEdit.isReadOnly()
    assert not page.ui.addProblemButton.isEnabled()
    assert not page.consensus.recordButton.isEnabled()  # the consensus is the 组长's
