"""The strip shown over a finalized (定稿) visit, with its 重新打开 button.

The banner only asks for the reason; the page performs the reopening through
the service so the reason lands in the visit's history.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QInputDialog, QLabel, QPushButton, QSizePolicy


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

    def ask_reason(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(self, "重新打开巡诊", "请说明重新打开的原因（将记入修改记录）：")
        if ok and reason.strip():
            self.reopenRequested.emit(reason.strip())
