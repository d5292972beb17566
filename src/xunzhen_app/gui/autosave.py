"""Save-as-you-type for plain-text editors: no save button, nothing lost.

A ``TextAutosave`` watches one QPlainTextEdit. Typing (re)starts a short
timer (DEBOUNCE_MS); when it fires, when the editor loses focus, or when the
owner calls ``flush()`` (item change, window close), the text is handed to
``commit(key, old, new)`` if it differs from the last committed value. The
owner turns that into a service call (usually an undo command) — this class
only decides *when*.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

DEBOUNCE_MS = 400


class TextAutosave(QObject):
    def __init__(self, editor: QPlainTextEdit, commit: Callable[[object, str, str], None], parent=None):
        super().__init__(parent or editor)
        self.editor, self._commit = editor, commit
        self.key: object = None
        self.committed = ""
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        editor.textChanged.connect(self._timer.start)
        editor.installEventFilter(self)

    def load(self, key: object, text: str) -> None:
        """Show a stored value without treating it as an edit."""
        self._timer.stop()
        self.key, self.committed = key, text
        if self.editor.toPlainText() != text:
            blocked = self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(blocked)

    def show_committed(self, text: str) -> None:
        """An undo/redo wrote ``text``: show it unless the editor already does (keeps the cursor)."""
        if self.editor.toPlainText() != text:
            self.load(self.key, text)
        self.committed = text

    def dirty(self) -> bool:
        return self.key is not None and self.editor.toPlainText() != self.committed

    def flush(self) -> None:
        self._timer.stop()
        if not self.dirty():
            return
        old, new = self.committed, self.editor.toPlainText()
        self.committed = new
        self._commit(self.key, old, new)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False
