"""巡诊工作台: keyboard rating, autosave on close, undo, attachments, finalized visits."""

from __future__ import annotations

from gui_helpers import make_ctx, new_visit, settle
from PySide6.QtCore import Qt

from xunzhen_app.gui.workbench import WorkbenchPage
from xunzhen_app.services import visits


def _page(qtbot, ctx, visit_id, owned_by_test=True):
    page = WorkbenchPage(ctx)
    if owned_by_test:
        qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    page.open_visit(visit_id)
    qtbot.waitUntil(lambda: page.current_code() is not None, timeout=5000)
    return page


def test_keyboard_rating_and_text_survive_closing(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _page(qtbot, ctx, vid, owned_by_test=False)  # destroyed below, like a closed window
    assert page.current_code() == "1.1.1"
    # each digit rates and moves on: 3, 4, 0 (不适用), 5, then back to the last one rated
    for key in (Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_0, Qt.Key.Key_5):
        qtbot.keyClick(page, key)
    assert page.current_code() == "2.1.1"
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    assert page.current_code() == "1.2.1"
    assert page.ui.progressLabel.text() == "已评 4/24"
    page.ui.problemEdit.setFocus()
    page.ui.problemEdit.insertPlainText("记录不全")  # as an input method commits it
    page.commit_pending()  # what the main window does on close
    page.close()
    page.deleteLater()
    qtbot.wait(10)

    detail = visits.get_visit(store, vid)
    a = detail.assessments
    assert (a["1.1.1"].level, a["1.1.2"].level, a["1.1.3"].not_applicable, a["1.2.1"].level) == (3, 4, True, 5)
    assert a["1.2.1"].problem == "记录不全"

    again = _page(qtbot, ctx, vid)
    assert again.current_code() == "1.2.1"  # the item last open
    again.show_item("1.2.1")
    assert again.ui.problemEdit.toPlainText() == "记录不全"
    assert again.selector.current() == 5
    assert again.ui.progressLabel.text() == "已评 4/24"


def test_undo_restores_previous_level_and_text(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _page(qtbot, ctx, vid)
    qtbot.keyClick(page, Qt.Key.Key_2)
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    qtbot.keyClick(page, Qt.Key.Key_4)  # 1.1.1 again: 2 → 4
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    page.ui.evidenceEdit.setPlainText("查阅质量手册")
    page.commit_pending()
    assert visits.get_visit(store, vid).assessments["1.1.1"].evidence == "查阅质量手册"

    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the text
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # 4 → 2
    settle(qtbot, ctx)
    a = visits.get_visit(store, vid).assessments["1.1.1"]
    assert (a.level, a.evidence) == (2, "")
    assert page.ui.evidenceEdit.toPlainText() == ""
    assert page.selector.current() == 2
    qtbot.keyClick(page, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ctx)
    assert visits.get_visit(store, vid).assessments["1.1.1"].level == 4


def test_check_item_and_next_unrated(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _page(qtbot, ctx, vid)
    page.show_item("3.1.1")
    assert page.ui.checkBox.isVisibleTo(page)
    qtbot.keyClick(page, Qt.Key.Key_4)
    assert page.ui.progressLabel.text() == "已评 0/24"  # the check is still open
    assert page.current_code() == "3.1.2"
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    page.ui.checkFailButton.click()
    assert page.ui.progressLabel.text() == "已评 1/24"
    assert "否决" in page.model.data(page.model.index_for_code("3").siblingAtColumn(1))
    page.next_unrated()
    assert page.current_code() == "3.1.2"
    page.show_item("1.1.1")
    assert not page.ui.checkBox.isVisibleTo(page)
    settle(qtbot, ctx)
    assert visits.get_visit(store, vid).assessments["3.1.1"].check_passed is False


def test_attachment_added_and_finalized_visit_is_read_only(qtbot, store, tmp_path):
    from xunzhen_app.services.demo_photos import demo_photo

    ctx = make_ctx(store, tmp_path)
    vid = new_visit(store)
    page = _page(qtbot, ctx, vid)
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(demo_photo(7))
    page.add_files([photo])
    qtbot.waitUntil(lambda: page.attachmentModel.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.attachmentModel.has_thumbnail(page.attachmentModel.info(0).sha256), timeout=5000)
    assert visits.get_visit(store, vid).attachments[0].item_code == "1.1.1"

    visits.finalize(store, vid)
    page.open_visit(vid)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert page.ui.evidenceEdit.isReadOnly() and not page.selector.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_5)
    settle(qtbot, ctx)
    assert "定稿" in page.errorBanner.text()
    assert visits.get_visit(store, vid).assessments.get("1.1.1") is None

    page.reopen_visit("企业补充了资料")
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=5000)
    assert any(h.reason == "企业补充了资料" for h in visits.history(store, vid))
    qtbot.keyClick(page, Qt.Key.Key_5)
    settle(qtbot, ctx)
    assert visits.get_visit(store, vid).assessments["1.1.1"].level == 5


def test_tree_model_is_consistent(qtmodeltester, store, tmp_path):
    from xunzhen_app.gui.workbench_model import ChecklistTreeModel

    detail = visits.get_visit(store, new_visit(store))
    model = ChecklistTreeModel()
    model.set_template(detail.template, {})
    qtmodeltester.check(model)


def test_splitter_and_last_item_are_remembered_per_visit(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    vid, other = new_visit(store), new_visit(store)
    visits.rate_item(store, other, "1.1.1", level=3)
    page = _page(qtbot, ctx, vid)
    page.splitter.setSizes([300, 900])
    page.splitter.splitterMoved.emit(300, 1)  # what dragging the handle sends
    sizes = page.splitter.sizes()
    page.show_item("4.1.2")
    page.open_visit(other)  # the other visit had nothing open yet: its first unrated item
    qtbot.waitUntil(lambda: page.current_code() == "1.1.2", timeout=5000)
    page.close()

    ctx.settings.sync()
    again = _page(qtbot, make_ctx(store, tmp_path), vid)  # a new session over the same settings file
    assert again.current_code() == "4.1.2"
    assert again.splitter.sizes() == sizes
    again.open_visit(other)
    qtbot.waitUntil(lambda: again.current_code() == "1.1.2", timeout=5000)
