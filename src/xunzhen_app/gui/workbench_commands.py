"""Undo commands for the workbench: each writes a value back through the services.

A command holds the old and new value and nothing else; ``redo``/``undo``
call the page's ``apply_*`` methods, which update the screen at once and
queue the service call on the worker thread. The first ``redo`` (run by
``QUndoStack.push``) is the edit itself.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

TEXT_LABELS = {"evidence": "核查记录", "problem": "问题", "suggestion": "改进建议"}
_TEXT_ID = 1001


def rating_label(value: tuple) -> str:
    level, na, _check = value
    return "不适用" if na else (f"{level} 级" if level else "未评")


class RatingCommand(QUndoCommand):
    """value = (level, not_applicable, check_passed)."""

    def __init__(self, page, code: str, old: tuple, new: tuple):
        super().__init__(f"{code} 评级：{rating_label(old)} → {rating_label(new)}")
        self.page, self.code, self.old, self.new = page, code, old, new

    def redo(self) -> None:
        self.page.apply_rating(self.code, self.new)

    def undo(self) -> None:
        self.page.apply_rating(self.code, self.old)


class TextCommand(QUndoCommand):
    def __init__(self, page, code: str, field: str, old: str, new: str):
        super().__init__(f"{code} {TEXT_LABELS.get(field, field)}")
        self.page, self.code, self.field, self.old, self.new = page, code, field, old, new

    def id(self) -> int:
        return _TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Successive autosaves of one field while typing form one undo step.
        if not isinstance(other, TextCommand) or (other.code, other.field) != (self.code, self.field):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.page.apply_text(self.code, self.field, self.new)

    def undo(self) -> None:
        self.page.apply_text(self.code, self.field, self.old)

