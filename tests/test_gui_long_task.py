"""The shared progress dialog: progress shows, 取消 stops the service at its next step."""

from __future__ import annotations

import threading

from gui_helpers import make_ctx, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from shiboken6 import isValid

from xunzhen_app.core.errors import UserError
from xunzhen_app.gui.long_task import run_long_task


def test_cancel_stops_the_work_at_its_next_step(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    step_reached, go_on = threading.Event(), threading.Event()
    results = []

    def work(report):
        done = 0
        for done in range(100):
            if not report(done, 100):
                return ("cancelled", done)
            if done == 3:
                step_reached.set()
                go_on.wait(5)
        return ("finished", done)

    dialog = run_long_task(ctx, parent, "测试", "正在处理", work, results.append)
    assert step_reached.wait(5)
    qtbot.waitUntil(lambda: dialog.value() == 3)
    assert "3/100" in dialog.labelText()
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.labelText() == "正在取消，请稍候…"
    assert dialog.isVisible()  # stays until the work has really stopped
    go_on.set()
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: results != [])
    assert results == [("cancelled", 4)]


def test_a_failure_reaches_the_error_callback_and_closes_the_dialog(qtbot, store, tmp_path):
    ctx = make_ctx(store, tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []

    def work(report):
        report(0, 1)
        raise UserError("磁盘已满")

    dialog = run_long_task(ctx, parent, "测试", "正在处理", work, on_error=errors.append)
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: errors != [])
    assert str(errors[0]) == "磁盘已满"
    assert not isValid(dialog)  # closed and deleted
