"""Non-blocking message boxes.

``open()`` instead of ``exec()``: a nested event loop would let worker replies
run inside it, and tests would hang on a modal box. A UserError is the user's
to fix and shows its Chinese message; anything else is a bug: it is written
with its traceback to the log file and shown in a box that offers to open it.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from ..app_log import log_bug, log_file
from ..core.errors import UserError

OPEN_LOG = "打开日志"


class _BugBox:
    shown: QMessageBox | None = None


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    if not isinstance(exc, UserError):
        return show_bug(parent, title, exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc), QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_bug(parent: QWidget | None, title: str, exc: BaseException, log: bool = True) -> QMessageBox:
    """Log a bug with its traceback (unless ``sys.excepthook`` did) and tell the user where the log is."""
    if log:
        log_bug(exc, f"{title}：程序出错")
    if _BugBox.shown is not None and isValid(_BugBox.shown) and _BugBox.shown.isVisible():
        return _BugBox.shown  # one box at a time: a bug repeating in a loop is logged, not piled up on screen
    path = log_file()
    where = f"详细信息已记入日志文件：\n{path}" if path else "详细信息见下。"
    box = QMessageBox(QMessageBox.Icon.Critical, title,
                      f"程序出错（不是您的操作造成的）：{type(exc).__name__}: {exc}\n\n{where}\n请把日志发给维护人员。",
                      QMessageBox.StandardButton.Close, parent)
    box.button(QMessageBox.StandardButton.Close).setText("关闭")
    if path is not None:
        button = box.addButton(OPEN_LOG, QMessageBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda: open_log(path))
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    _BugBox.shown = box
    return box


def open_log(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_info(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
