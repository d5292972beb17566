"""The red strip over a page that says why the last action did not happen.

Known errors (a finalized visit, a refused value) are the user's to act on and
belong next to the work rather than in a box to click away; the strip hides
itself after a while or when clicked.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy

SHOWN_MS = 10000


class ErrorBanner(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setWordWrap(True)
        self.setStyleSheet("#errorBanner { color: #b00020; font-weight: bold; background: #fdecee;"
                           " border: 1px solid #e8a5ae; border-radius: 4px; padding: 6px 10px; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.show()
        self._timer.start()

    def mousePressEvent(self, event) -> None:
        self.hide()
        super().mousePressEvent(event)
