"""Undo/redo of 主要问题, 一企一策 and attachments: each step is in the database at once.

Every case does an edit through the page, undoes it with Ctrl+Z, checks a
page newly opened over the database shows the original state, redoes it with
Ctrl+Shift+Z and checks a new page shows the changed state again.
"""

from __future__ import annotations

import pytest
from gui_helpers import confirm_finalize, make_ctx, new_visit, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from xunzhen_app.gui.summary import SummaryPage
from xunzhen_app.gui.workbench import WorkbenchPage
from xunzhen_app.services import visits

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _summary(qtbot, ctx, vid) -> SummaryPage:
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.open_visit(vid)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    return page


def _workbench(qtbot, ctx, vid) -> WorkbenchPage:
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    page.open_visit(vid, "1.1.1")
    qtbot.waitUntil(lambda: page.current_code() == "1.1.1", timeout=5000)
    settle(qtbot, ctx)
    return page


def _lists(qtbot, ctx, vid):
    """Problems and plan rows as a fresh page shows them from the database."""
    page = _summary(qtbot, ctx, vid)
    page.close()
    return page.problemModel.rows(), page.planModel.rows()


def _press(qtbot, ctx, widget, key, modifiers) -> None:
    """A key as the expert presses it: the page's window active, the widget focused."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=5000)
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)
    settle(qtbot, ctx)


@pytest.fixture
def filled(store):
    vid = new_visit(store)
    visits.add_problem(store, vid, "质量目标未分解", "1.1.2")
    visits.add_problem(store, vid, "品牌投入不足")
    visits.add_problem(store, vid, "数据未归集")
    visits.add_plan_row(store, vid, measure="建立质量数据平台", department="信息中心", due="2025-12-31")
    visits.add_plan_row(store, vid, measure="开展QC小组活动", department="质量部")
    return vid


def _select(view, row) -> None:
    view.setCurrentIndex(view.model().index(row, 0))


EDITS = {
    "problem-add": lambda ui, page: (ui.problemInput.setText("检验设备老化"), ui.addProblemButton.click()),
    "problem-edit": lambda ui, page: page.problemModel.setData(page.problemModel.index(1), "品牌建设投入不足"),
    "problem-remove": lambda ui, page: (_select(ui.problemView, 0), ui.removeProblemButton.click()),
    "problem-reorder": lambda ui, page: (_select(ui.problemView, 2), ui.problemUpButton.click()),
    "plan-add": lambda ui, page: (ui.planMeasureInput.setText("完善供应商审核"), ui.addPlanButton.click()),
    "plan-edit": lambda ui, page: page.planModel.setData(page.planModel.index(1, 2), "2026年6月"),
    "plan-remove": lambda ui, page: (_select(ui.planView, 0), ui.removePlanButton.click()),
    "plan-reorder": lambda ui, page: (_select(ui.planView, 0), ui.planDownButton.click()),
}


@pytest.mark.parametrize("edit", EDITS)
def test_problem_and_plan_edits_undo_and_redo_through_the_database(qtbot, store, tmp_path, filled, edit):
    ctx = make_ctx(store, tmp_path)
    original = _lists(qtbot, ctx, filled)
    page = _summary(qtbot, ctx, filled)
    view = page.ui.problemView if edit.startswith("problem") else page.ui.planView
    page.ui.tabs.setCurrentWidget(page.ui.problemTab if edit.startswith("problem") else page.ui.planTab)
    EDITS[edit](page.ui, page)
    settle(qtbot, ctx)
    changed = _lists(qtbot, ctx, filled)
    assert changed != original

    _press(qtbot, ctx, view, Qt.Key.Key_Z, CTRL)
    assert _lists(qtbot, ctx, filled) == original
    assert (page.problemModel.rows(), page.planModel.rows()) == original  # the page itself follows

    _press(qtbot, ctx, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _lists(qtbot, ctx, filled) == changed  # the very same rows, ids included


def test_several_picked_problems_are_one_step_and_ctrl_y_redoes(qtbot, store, tmp_path, filled):
    ctx = make_ctx(store, tmp_path)
    page = _summary(qtbot, ctx, filled)
    page.add_problems([("1.2.1", "培训记录不全"), ("2.1.1", "标准未更新")])
    settle(qtbot, ctx)
    assert len(visits.get_visit(store, filled).problems) == 5
    _press(qtbot, ctx, page.ui.problemView, Qt.Key.Key_Z, CTRL)
    assert len(visits.get_visit(store, filled).problems) == 3
    _press(qtbot, ctx, page.ui.problemView, Qt.Key.Key_Y, CTRL)
    assert [p.item_code for p in visits.get_visit(store, filled).problems][3:] == ["1.2.1", "2.1.1"]


def test_ctrl_z_in_the_summary_text_and_the_inputs_undoes_page_edits(qtbot, store, tmp_path, filled):
    ctx = make_ctx(store, tmp_path)
    page = _summary(qtbot, ctx, filled)
    page.ui.tabs.setCurrentWidget(page.ui.problemTab)
    page.ui.problemInput.setFocus()
    page.ui.problemInput.setText("新问题")
    qtbot.keyClick(page.ui.problemInput, Qt.Key.Key_Return)
    settle(qtbot, ctx)
    assert len(visits.get_visit(store, filled).problems) == 4
    _press(qtbot, ctx, page.ui.problemInput, Qt.Key.Key_Z, CTRL)  # the row goes, not the typing
    assert len(visits.get_visit(store, filled).problems) == 3

    page.ui.tabs.setCurrentWidget(page.ui.summaryTab)
    page.ui.summaryEdit.setFocus()
    page.ui.summaryEdit.insertPlainText("总体规范")
    page.commit_pending()
    assert visits.get_visit(store, filled).summary == "总体规范"
    _press(qtbot, ctx, page.ui.summaryEdit, Qt.Key.Key_Z, CTRL)
    assert visits.get_visit(store, filled).summary == ""
    assert page.ui.summaryEdit.toPlainText() == ""


def test_no_undo_into_a_finalized_visit(qtbot, store, tmp_path, filled):
    ctx = make_ctx(store, tmp_path)
    page = _summary(qtbot, ctx, filled)
    _select(page.ui.problemView, 0)
    page.ui.removeProblemButton.click()
    settle(qtbot, ctx)
    confirm_finalize(qtbot, page)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert not page.undo_keys.undoAction.isEnabled()
    _press(qtbot, ctx, page.ui.problemView, Qt.Key.Key_Z, CTRL)
    assert len(visits.get_visit(store, filled).problems) == 2

    page.reopen_visit("补充问题")
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=5000)
    assert not page.undo_stack.canUndo()  # 定稿 closed the history; reopening starts a new one
    _press(qtbot, ctx, page.ui.problemView, Qt.Key.Key_Z, CTRL)
    assert len(visits.get_visit(store, filled).problems) == 2


def _attachments(qtbot, ctx, vid):
    page = _workbench(qtbot, ctx, vid)
    page.close()
    return page.attachmentModel.rows()


def test_attachment_add_undo_and_redo(qtbot, store, tmp_path):
    from xunzhen_app.services.demo_photos import demo_photo

    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _workbench(qtbot, ctx, vid)
    photos = [tmp_path / "车间.jpg", tmp_path / "仓库.jpg"]
    for n, photo in enumerate(photos):
        photo.write_bytes(demo_photo(n + 3))
    page.add_files(photos)
    settle(qtbot, ctx)
    added = _attachments(qtbot, ctx, vid)
    assert [a.filename for a in added] == ["车间.jpg", "仓库.jpg"]

    _press(qtbot, ctx, page.tree, Qt.Key.Key_Z, CTRL)  # both files were one step
    assert _attachments(qtbot, ctx, vid) == [] and page.attachmentModel.rowCount() == 0
    _press(qtbot, ctx, page.tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _attachments(qtbot, ctx, vid) == added
    assert page.attachmentModel.rows() == added


def test_attachment_remove_undo_brings_back_the_same_file(qtbot, store, tmp_path):
    from xunzhen_app.services.demo_photos import demo_photo

    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    for n, name in enumerate(("一.png", "二.png")):
        visits.add_attachment_bytes(store, vid, name, demo_photo(n + 5), "1.1.1", caption=f"照片{n + 1}")
    original = _attachments(qtbot, ctx, vid)
    page = _workbench(qtbot, ctx, vid)
    page.ui.attachmentView.setCurrentIndex(page.attachmentModel.index(0))
    page.ui.removeAttachmentButton.click()
    settle(qtbot, ctx)
    assert [a.filename for a in _attachments(qtbot, ctx, vid)] == ["二.png"]

    _press(qtbot, ctx, page.ui.attachmentView, Qt.Key.Key_Z, CTRL)
    back = _attachments(qtbot, ctx, vid)
    assert back == original  # same id, file, caption and place
    assert visits.attachment_bytes(store, back[0].sha256) == demo_photo(5)
    _press(qtbot, ctx, page.ui.attachmentView, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [a.filename for a in _attachments(qtbot, ctx, vid)] == ["二.png"]


def test_touch_buttons_undo_and_redo_and_follow_the_lock(qtbot, store, tmp_path, filled):
    ctx = make_ctx(store, tmp_path)
    page = _summary(qtbot, ctx, filled)
    by_action = {b.defaultAction(): b for b in page.findChildren(QToolButton)}
    undo, redo = by_action[page.undo_keys.undoAction], by_action[page.undo_keys.redoAction]
    assert (undo.text(), redo.text()) == ("撤销", "重做") and undo.isVisible()
    assert undo.x() < redo.x() < page.ui.finalizeButton.x()  # 撤销 first, as in every editor
    assert not undo.isEnabled() and not redo.isEnabled()  # nothing done yet
    _select(page.ui.problemView, 0)
    page.ui.removeProblemButton.click()
    settle(qtbot, ctx)
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)
    assert len(visits.get_visit(store, filled).problems) == 3
    qtbot.mouseClick(redo, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)
    assert len(visits.get_visit(store, filled).problems) == 2
    confirm_finalize(qtbot, page)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert not undo.isEnabled()

    bench = _workbench(qtbot, ctx, new_visit(store))
    assert {b.text() for b in bench.findChildren(QToolButton) if b.defaultAction()} >= {"撤销", "重做"}
