"""Non-blocking message boxes.

``open()`` instead of ``exec()``: a nested event loop would let worker replies
run inside it, and tests would hang on a modal box. A UserError is the user's
to fix and shows its Chinese message; anything else is a bug and carries its
traceback in the details.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.errors import UserError


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    if isinstance(exc, UserError):
        box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc), QMessageBox.StandardButton.Ok, parent)
    else:
        box = QMessageBox(QMessageBox.Icon.Critical, title, f"程序出错：{exc!r}\n请把详细信息发给维护人员。",
                          QMessageBox.StandardButton.Ok, parent)
        box.setDetailedText(getattr(exc, "__traceback_text__", ""))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_info(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
