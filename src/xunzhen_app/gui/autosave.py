"""Save-as-you-type for plain-text editors: no save button, nothing lost.

A ``TextAutosave`` watches one QPlainTextEdit. Typing (re)starts a short
timer (DEBOUNCE_MS), so a pause commits at once; a second timer, started by
the first keystroke after a commit and never restarted, commits within
MAX_WAIT_MS however fast the expert keeps typing (a crash loses at most the
last second). It also commits when the editor loses focus and when the owner
calls ``flush()`` (item change, page change, window close): the text is
handed to ``commit(key, old, new)`` if it differs from the last committed
value. The owner turns that into a service call (usually an undo command,
whose successive steps merge) — this class only decides *when*.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

DEBOUNCE_MS = 400
MAX_WAIT_MS = 800  # under a second, with room for the worker's write


class TextAutosave(QObject):
    def __init__(self, editor: QPlainTextEdit, commit: Callable[[object, str, str], None], parent=None):
        super().__init__(parent or editor)
        self.editor, self._commit = editor, commit
        self.key: object = None
        self.committed = ""
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._deadline.timeout.connect(self.flush)
        editor.textChanged.connect(self._typed)
        editor.installEventFilter(self)

    def _typed(self) -> None:
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def load(self, key: object, text: str) -> None:
        """Show a stored value without treating it as an edit."""
        self._stop()
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

    def _stop(self) -> None:
        self._timer.stop()
        self._deadline.stop()

    def flush(self) -> None:
        self._stop()
        if not self.dirty():
            return
        old, new = self.committed, self.editor.toPlainText()
        self.committed = new
        self._commit(self.key, old, new)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False
