"""The keyboard contract of the workbench, driven key by key on the real window.

Every key goes to the widget that has the focus, as on a real keyboard, so a
digit that would land in a text box lands there in the test too.
"""

from __future__ import annotations

import pytest
from gui_helpers import make_ctx, new_visit, settle, type_chinese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from xunzhen_app.gui.main_window import MainWindow
from xunzhen_app.services import visits

DIGIT = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}


@pytest.fixture
def window(qtbot, store, tmp_path):
    w = MainWindow(make_ctx(store, tmp_path), restore_visit=False)
    qtbot.addWidget(w)
    w.resize(1366, 720)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    return w


def start(qtbot, window, vid):
    window.start_rating(vid)
    page = window.workbench_page
    qtbot.waitUntil(lambda: page.current_code() is not None, timeout=5000)
    return page


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, text=None):
    """One key to whatever has the focus, as the keyboard would send it."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the focus"
    qtbot.keyClick(target, key, modifier)


def text_boxes(page):
    return [page.ui.evidenceEdit, page.ui.problemEdit, page.ui.suggestionEdit, page.ui.strengthEdit]


def test_a_whole_checklist_in_25_keys(qtbot, window, store):
    vid = new_visit(store)
    page = start(qtbot, window, vid)
    codes = page.model.item_codes()
    assert len(codes) == 24 and page.current_code() == codes[0]
    wanted = {code: (n % 5) + 1 for n, code in enumerate(codes)}
    keys = 0
    for code in codes:
        assert page.current_code() == code
        if code == "3.1.1":
            press(qtbot, Qt.Key.Key_P)
            keys += 1
        press(qtbot, DIGIT[wanted[code]])
        keys += 1
    assert keys == 25
    assert page.ui.progressLabel.text() == "已评 24/24"
    settle(qtbot, window.ctx)
    a = visits.get_visit(store, vid).assessments
    assert {c: a[c].level for c in codes} == wanted
    assert a["3.1.1"].check_passed is True
    assert all(not (x.evidence or x.problem or x.suggestion) for x in a.values())
    assert all(box.toPlainText() == "" for box in text_boxes(page))


def test_zero_is_not_applicable_and_keys_above_the_scale_do_nothing(qtbot, window, store):
    vid = new_visit(store)
    page = start(qtbot, window, vid)
    press(qtbot, DIGIT[0])
    assert page.current_code() == "1.1.2"
    press(qtbot, DIGIT[len(page.detail.template.scale.levels) + 1])  # 6 on a five-level scale
    assert page.current_code() == "1.1.2"
    settle(qtbot, window.ctx)
    a = visits.get_visit(store, vid).assessments
    assert a["1.1.1"].not_applicable and "1.1.2" not in a


def test_after_clicking_a_check_button_digits_still_rate(qtbot, window, store):
    vid = new_visit(store)
    page = start(qtbot, window, vid)
    page.show_item("3.1.1")
    qtbot.mouseClick(page.ui.checkPassButton, Qt.MouseButton.LeftButton)
    for n in (4, 3, 2):
        press(qtbot, DIGIT[n])
    assert page.current_code() == "3.2.2"
    settle(qtbot, window.ctx)
    a = visits.get_visit(store, vid).assessments
    assert (a["3.1.1"].check_passed, a["3.1.1"].level, a["3.1.2"].level, a["3.2.1"].level) == (True, 4, 3, 2)
    assert all(box.toPlainText() == "" for box in text_boxes(page))
    assert not isinstance(QApplication.focusWidget(), QPlainTextEdit)


def test_tab_goes_through_the_text_boxes_only_and_never_sets_a_check(qtbot, window, store):
    vid = new_visit(store)
    page = start(qtbot, window, vid)
    page.show_item("3.1.1")
    seen = []
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert page.ui.checkFailButton not in seen and page.ui.checkPassButton not in seen
    assert set(seen) <= {page.tree, *text_boxes(page), page.ui.attachmentView}
    settle(qtbot, window.ctx)
    assert "3.1.1" not in visits.get_visit(store, vid).assessments


def test_mnemonics_put_the_cursor_in_a_text_box_and_esc_gives_the_keys_back(qtbot, window, store):
    vid = new_visit(store)
    page = start(qtbot, window, vid)
    for key, box in ((Qt.Key.Key_E, page.ui.evidenceEdit), (Qt.Key.Key_W, page.ui.problemEdit),
                     (Qt.Key.Key_L, page.ui.strengthEdit), (Qt.Key.Key_J, page.ui.suggestionEdit)):
        press(qtbot, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is box
    press(qtbot, Qt.Key.Key_3)  # the user put the cursor here: a digit is text
    assert page.ui.suggestionEdit.toPlainText() == "3"
    assert page.current_code() == "1.1.1"
    press(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.tree
    press(qtbot, Qt.Key.Key_4)
    assert page.current_code() == "1.1.2"
    settle(qtbot, window.ctx)
    a = visits.get_visit(store, vid).assessments["1.1.1"]
    assert (a.level, a.suggestion) == (4, "3")


def test_moving_on_from_a_text_box_leaves_it(qtbot, window, store):
    vid = new_visit(store)
    page = start(qtbot, window, vid)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    type_chinese(QApplication.focusWidget(), "查阅手册")
    press(qtbot, Qt.Key.Key_PageDown)
    assert page.current_code() == "1.1.2"
    assert QApplication.focusWidget() is page.tree
    press(qtbot, Qt.Key.Key_2)
    assert page.ui.evidenceEdit.toPlainText() == ""  # 1.1.3's box, untouched
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Left)
    assert page.current_code() == "1.1.1"
    press(qtbot, Qt.Key.Key_Right)
    assert page.current_code() == "1.1.2"
    qtbot.mouseClick(page.ui.nextButton, Qt.MouseButton.LeftButton)
    assert page.current_code() == "1.1.3" and QApplication.focusWidget() is page.tree
    settle(qtbot, window.ctx)
    a = visits.get_visit(store, vid).assessments
    assert (a["1.1.1"].evidence, a["1.1.2"].level, a["1.1.2"].evidence) == ("查阅手册", 2, "")


def test_a_goal_row_shows_the_goal_and_the_rating_keys_are_inert(qtbot, window, store):
    vid = new_visit(store)
    visits.rate_item(store, vid, "1.1.1", level=3)
    page = start(qtbot, window, vid)
    assert page.current_code() == "1.1.2"
    goal = page.model.index_for_code("1")
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=page.tree.visualRect(goal).center())
    assert page.current_node() == "1" and page.current_code() is None
    assert page.ui.contentStack.currentWidget() is page.ui.nodeScroll
    assert "1.1.1" in page.ui.nodeLabel.text() and "得分" in page.ui.nodeLabel.text()
    press(qtbot, Qt.Key.Key_5)
    press(qtbot, Qt.Key.Key_P)
    assert page.current_node() == "1"
    settle(qtbot, window.ctx)
    assert set(visits.get_visit(store, vid).assessments) == {"1.1.1"}
    press(qtbot, Qt.Key.Key_Down)  # to the measure 1.1
    assert page.current_node() == "1.1"
    press(qtbot, Qt.Key.Key_Return)  # opens its first item
    assert page.current_code() == "1.1.1"
    assert page.ui.contentStack.currentWidget() is page.ui.scrollArea
    press(qtbot, Qt.Key.Key_Home)
    assert page.current_node() == "1"
    press(qtbot, Qt.Key.Key_PageDown)
    assert page.current_code() == "1.1.1"


def test_f1_lists_the_keys(qtbot, window, store):
    start(qtbot, window, new_visit(store))
    press(qtbot, Qt.Key.Key_F1)
    from xunzhen_app.gui.keyboard_help import KeyboardHelpDialog

    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(KeyboardHelpDialog)), timeout=3000)
    [dialog] = [d for d in window.findChildren(KeyboardHelpDialog) if d.isVisible()]
    for words in ("Alt+E", "Esc", "PgDn", "不适用", "P / F"):
        assert words in dialog.label.text()
    dialog.close()


def test_ctrl_q_commits_what_is_being_typed_and_quits(qtbot, window, store):
    vid = new_visit(store)
    start(qtbot, window, vid)
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    type_chinese(QApplication.focusWidget(), "记录不全")
    press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # within the autosave pause
    assert not window.isVisible()
    assert visits.get_visit(store, vid).assessments["1.1.1"].problem == "记录不全"
