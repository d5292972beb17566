"""触屏模式 and scaling: touch targets of at least 40 px, a window that fits 1366×768 at
150 %, and a restored geometry kept on the screen."""

from __future__ import annotations

import pytest
from gui_helpers import make_ctx, settle
from PySide6.QtCore import QByteArray, QDate, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCalendarWidget

from xunzhen_app.gui.fonts import install_app_font
from xunzhen_app.gui.main_window import GEOMETRY_KEY, PAGES, MainWindow
from xunzhen_app.gui.touch import TARGET, TOUCH_KEY, apply_touch_mode, touch_mode_on, touch_preferred
from xunzhen_app.services import visits

# 1366×768 at 150 %: 911×512 logical pixels, less a 40 px (27 logical) taskbar.
FIT = (1366 / 1.5, (768 - 40) / 1.5)


@pytest.fixture(autouse=True)
def _touch_mode_off_afterwards():
    yield
    apply_touch_mode(False)


def _window(qtbot, store, tmp_path, settings_touch=None):
    ctx = make_ctx(store, tmp_path)
    if settings_touch is not None:
        ctx.settings.setValue(TOUCH_KEY, settings_touch)
    w = MainWindow(ctx, restore_visit=False)
    qtbot.addWidget(w)
    w.resize(1366, 720)
    w.show()
    follow_up = next(r for r in visits.list_visits(store) if r.stage != "前期巡诊")
    w.open_visit(follow_up.id, switch=False)
    settle(qtbot, w.ctx)
    return w


@pytest.mark.parametrize("touch", [False, True])
def test_the_window_fits_1366x768_at_150_percent(qtbot, demo_store, tmp_path, touch):
    install_app_font(QApplication.instance())  # measured in the face the app shows, whichever test ran first
    window = _window(qtbot, demo_store, tmp_path, settings_touch=touch)
    assert touch_mode_on() is touch
    for index, name in enumerate(PAGES):
        window.show_page(index)
        settle(qtbot, window.ctx)
        need = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert need.width() <= FIT[0] and need.height() <= FIT[1], (name, need)


def test_a_saved_geometry_larger_than_the_screen_is_clamped(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    big = MainWindow(ctx, restore_visit=False)
    qtbot.addWidget(big)
    big.setGeometry(-400, -300, 4000, 3000)
    ctx.settings.setValue(GEOMETRY_KEY, big.saveGeometry())
    again = MainWindow(ctx, restore_visit=False)
    qtbot.addWidget(again)
    avail = again.screen().availableGeometry()
    assert avail.contains(again.frameGeometry()), (again.frameGeometry(), avail)
    assert isinstance(ctx.settings.value(GEOMETRY_KEY), QByteArray)


def test_touch_mode_is_a_setting_defaulting_to_the_touch_screen(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    from xunzhen_app.gui.touch import touch_screen_present

    assert touch_preferred(ctx.settings) is touch_screen_present()
    ctx.settings.setValue(TOUCH_KEY, True)
    assert touch_preferred(ctx.settings) is True
    window = MainWindow(ctx, restore_visit=False)
    qtbot.addWidget(window)
    check = window.settings_page.ui.touchModeCheck
    assert check.isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert not touch_mode_on() and touch_preferred(ctx.settings) is False


def _row_height(view: QAbstractItemView, index: QModelIndex) -> int:
    return view.visualRect(index).height()


def test_touch_targets_are_at_least_40_px(qtbot, demo_store, tmp_path):
    window = _window(qtbot, demo_store, tmp_path, settings_touch=True)
    window.show_page(1)
    bench = window.workbench_page
    settle(qtbot, window.ctx)
    tree = bench.tree
    assert _row_height(tree, tree.model().index(0, 0)) >= TARGET
    window.show_page(2)
    tabs = window.summary_page.ui.tabs
    assert tabs.tabBar().tabRect(0).height() >= TARGET

    dialog = window.new_visit(window.current_visit_row.enterprise_id)
    qtbot.waitUntil(lambda: dialog.team_model.rowCount() > 0, timeout=5000)
    ui = dialog.ui
    assert _row_height(ui.teamView, dialog.team_model.index(0, 0)) >= TARGET
    assert ui.methodDocuments.height() >= TARGET
    combo = ui.stageCombo
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible, timeout=3000)
    assert _row_height(combo.view(), combo.model().index(0, 0)) >= TARGET
    combo.hidePopup()
    dialog.reject()

    calendar = QCalendarWidget()  # as QDateEdit's popup holds it, at the smallest size it may take
    qtbot.addWidget(calendar)
    calendar.setSelectedDate(QDate(2026, 12, 1))
    calendar.show()
    calendar.resize(calendar.minimumSizeHint().expandedTo(calendar.minimumSize()))
    view = calendar.findChild(QAbstractItemView, "qt_calendar_calendarview")
    qtbot.waitUntil(view.isVisible, timeout=3000)
    qtbot.wait(20)
    cell = view.visualRect(view.model().index(2, 2))
    assert cell.height() >= TARGET and cell.width() >= TARGET, cell
    assert QApplication.instance().styleSheet()
