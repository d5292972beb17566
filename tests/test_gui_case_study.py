"""典型案例 in the GUI, by real key and mouse events: drafted and edited from 企业 (saved as one types),
reopened from 评价总结, exported to Word, and selected (入选) on the bureau desk."""

from __future__ import annotations

import docx
import pytest
from gui_helpers import make_ctx, settle, type_chinese
from PySide6.QtCore import Qt
from test_case_studies import make_chain

from xunzhen_app.services import cases

pytest.importorskip("pytestqt")


def _click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_draft_edit_export_and_select(qtbot, store, tmp_path):
    from xunzhen_app.gui.bureau_page import BureauPage
    from xunzhen_app.gui.enterprise_page import EnterprisePage
    from xunzhen_app.gui.summary import SummaryPage

    eid, (_, _, summary) = make_chain(store)
    ctx = make_ctx(store, tmp_path)
    page = EnterprisePage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    _click_row(qtbot, page.table, 0)
    qtbot.mouseClick(page.case_button, Qt.MouseButton.LeftButton)
    dialog = page.case_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.goalList.count() > 0, timeout=5000)
    assert "还没有典型案例" in dialog.status.text() and not dialog.wordButton.isEnabled()

    qtbot.mouseClick(dialog.draftButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.case is not None and dialog.titleEdit.text() != "", timeout=5000)
    assert dialog.titleEdit.text().endswith("晋阳机械有限公司质量提升典型案例")
    assert "质量体系成熟由 2 级提升至 4 级" in dialog.editors["results"].toPlainText()
    assert dialog.photoList.count() == 1 and dialog.visitList.count() == 3

    lessons = dialog.editors["lessons"]
    lessons.setFocus()
    lessons.moveCursor(lessons.textCursor().MoveOperation.End)
    qtbot.keyClick(lessons, Qt.Key.Key_Return)
    type_chinese(lessons, ["3. ", "班组", "自主", "改善"])
    qtbot.waitUntil(lambda: cases.get_case(store, dialog.case.id).lessons.endswith("3. 班组自主改善"), timeout=5000)

    # Untick 培育目标 2 by keyboard: its row, then Space.
    dialog.goalList.setFocus()
    dialog.goalList.setCurrentRow(1)
    qtbot.keyClick(dialog.goalList, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: cases.get_case(store, dialog.case.id).goal_codes == ("1",), timeout=5000)

    dialog.export(".docx", tmp_path / "案例.docx")
    qtbot.waitUntil(lambda: (tmp_path / "案例.docx").exists(), timeout=10000)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "案例.docx")).paragraphs)
    assert "3. 班组自主改善" in text and "关联培育目标：1 质量体系成熟" in text and "2 质量技术先进" not in text
    dialog.grab().save(str(tmp_path / "case_dialog.png"))
    dialog.close()
    settle(qtbot, ctx)

    desk = BureauPage(ctx)
    qtbot.addWidget(desk)
    desk.resize(1234, 700)
    desk.show()
    desk.refresh()
    panel = desk.cases
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    tabs = desk.ui.tabs
    assert tabs.tabText(desk.tab_of(panel)) == "典型案例（0/1 入选）"
    tabs.setCurrentIndex(desk.tab_of(panel))
    _click_row(qtbot, panel.table, 0)
    qtbot.mouseClick(panel.selectButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tabs.tabText(desk.tab_of(panel)) == "典型案例（1/1 入选）", timeout=5000)
    assert panel.model.index(0, 4).data() == "已入选" and cases.list_cases(store, selected_only=True)
    desk.grab().save(str(tmp_path / "desk_cases.png"))

    summary_page = SummaryPage(ctx)
    qtbot.addWidget(summary_page)
    summary_page.resize(1180, 700)
    summary_page.show()
    summary_page.open_visit(summary)
    qtbot.waitUntil(lambda: summary_page.detail is not None, timeout=5000)
    summary_page.ui.tabs.setCurrentWidget(summary_page.ui.planTab)
    qtbot.mouseClick(summary_page.caseButton, Qt.MouseButton.LeftButton)
    again = summary_page.case_dialog
    qtbot.waitUntil(lambda: again is not None and again.case is not None, timeout=5000)
    assert "已入选" in again.status.text() and again.editors["lessons"].toPlainText().endswith("班组自主改善")
    again.close()
    settle(qtbot, ctx)
