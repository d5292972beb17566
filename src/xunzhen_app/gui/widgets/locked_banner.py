"""The strip shown over a finalized (定稿) visit, with its 重新打开 button.

The banner only asks for the reason — in a dialog whose 重新打开 button stays
disabled until one is typed — and the page performs the reopening through the
service so the reason lands in the visit's history.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)


class ReopenDialog(QDialog):
    """Asks why a finalized visit is reopened; 重新打开 is enabled only once a reason is typed."""

    reasonGiven = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("重新打开巡诊")
        layout = QVBoxLayout(self)
        label = QLabel("请说明重新打开的原因（将记入修改记录）(&R)：")
        self.reasonEdit = QPlainTextEdit()
        self.reasonEdit.setTabChangesFocus(True)
        self.reasonEdit.setPlaceholderText("例如：企业补充了现场资料，需修改 4.5.1 的评级")
        label.setBuddy(self.reasonEdit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.okButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText("重新打开")
        self.okButton.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reasonEdit.textChanged.connect(
            lambda: self.okButton.setEnabled(bool(self.reasonEdit.toPlainText().strip())))
        for w in (label, self.reasonEdit, self.buttons):
            layout.addWidget(w)
        self.resize(460, 220)

    def accept(self) -> None:
        reason = self.reasonEdit.toPlainText().strip()
        if reason:  # the button is disabled otherwise; Ctrl+Enter must not slip past it
            super().accept()
            self.reasonGiven.emit(reason)


class LockedBanner(QFrame):
    reopenRequested = Signal(str)  # the reason, non-empty

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lockedBanner")
        self.setStyleSheet("#lockedBanner { background: #fff4d6; border: 1px solid #e0b94f; border-radius: 4px; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel("本巡诊已定稿，内容只读。如需修改，请“重新打开”并说明原因。")
        self.label.setWordWrap(True)
        self.reopenButton = QPushButton("重新打开…")
        self.reopenButton.setMinimumHeight(36)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reopenButton)
        self.reopenButton.clicked.connect(self.ask_reason)
        self.hide()

    def set_finalized(self, finalized_at) -> None:
        """Show the banner for a finalized visit (``finalized_at`` a datetime) or hide it (None)."""
        if finalized_at is None:
            self.hide()
            return
        if finalized_at.tzinfo is None:  # the store keeps UTC; show the expert's local time
            finalized_at = finalized_at.replace(tzinfo=UTC)
        when = finalized_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.label.setText(f"本巡诊已于 {when} 定稿，内容只读。如需修改，请“重新打开”并说明原因（记入修改记录）。")
        self.show()

    def ask_reason(self) -> ReopenDialog:
        dialog = ReopenDialog(self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reasonGiven.connect(self.reopenRequested)
        dialog.open()
        return dialog
