"""Shared set-up for the workbench/summary GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from xunzhen_app.gui.context import AppContext
from xunzhen_app.gui.tasks import TaskRunner
from xunzhen_app.services import enterprises, visits
from xunzhen_app.services.dto import EnterpriseInput


def make_ctx(store, tmp_path) -> AppContext:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(store=store, tasks=TaskRunner(), settings=settings)


def new_visit(store) -> str:
    e = enterprises.create_enterprise(store, EnterpriseInput(name="测试机械有限公司", city="太原市"))
    return visits.create_visit(store, visits.NewVisit(enterprise_id=e.id)).id


def settle(qtbot, ctx) -> None:
    """Wait for the worker, then let its queued callbacks run on the GUI thread."""
    ctx.tasks.flush()
    qtbot.wait(20)


def type_chinese(widget, text: str) -> None:
    """Text as an input method delivers it: one committed string per word (QTest types ASCII only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for word in text:
        event = QInputMethodEvent()
        event.setCommitString(word)
        QApplication.sendEvent(widget, event)


def confirm_finalize(qtbot, page):
    """Click 定稿 on the summary page and confirm; returns the confirmation's text."""
    from PySide6.QtWidgets import QMessageBox

    def shown():
        return [b for b in page.findChildren(QMessageBox) if b.objectName() == "finalizeConfirmation" and b.isVisible()]

    page.ui.finalizeButton.click()
    qtbot.waitUntil(lambda: bool(shown()), timeout=5000)
    [box] = shown()
    text = box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    return text
