"""Undo for the workbench and the 评价总结 page: commands, and the keys that reach them.

A value command (rating, text, a listed row's field) holds the old and new
value and nothing else; ``redo``/``undo`` call the page's ``apply_*`` methods
(or the ``apply`` given), which update the screen at once and queue the
service call on the worker thread. A ``WorkerCommand`` is for edits whose
undo needs what only the database knows (a new row's id, what a removal
took); the screen follows the database there. The first ``redo`` (run by
``QUndoStack.push``) is the edit itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QToolButton, QWidget

TEXT_LABELS = {"evidence": "核查记录", "problem": "问题", "suggestion": "改进建议", "strength": "亮点",
               "summary": "总体评价", "expert_opinion": "专家组意见"}
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


class ValueCommand(QUndoCommand):
    """One value set in place: ``apply(value)`` shows it and queues its write."""

    def __init__(self, text: str, apply: Callable[[object], None], old, new):
        super().__init__(text)
        self._apply, self.old, self.new = apply, old, new

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class WorkerCommand(QUndoCommand):
    """An edit as two functions for the worker: ``forward`` does it, ``back`` undoes it.

    ``run(fn)`` queues one of them. What they learn from the database they keep
    in state they share (``forward`` stores the new id, ``back`` the removed
    row): the single worker runs them one at a time in push order, so each
    finds what the one before it left.
    """

    def __init__(self, text: str, run: Callable[[Callable], None], forward: Callable, back: Callable):
        super().__init__(text)
        self._run, self._forward, self._back = run, forward, back

    def redo(self) -> None:
        self._run(self._forward)

    def undo(self) -> None:
        self._run(self._back)


def _is_undo_key(event) -> bool:
    return (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined())


class UndoKeys(QObject):
    """撤销 (Ctrl+Z) and 重做 (Ctrl+Y, Ctrl+Shift+Z) for a page and everything in it.

    Editors handed to ``route`` give those keys up to the page, so one stack
    covers every edit rather than each editor undoing its own typing.
    ``set_locked`` disables both while the visit is finalized. ``before`` runs
    first: text still waiting in an autosave timer becomes its own step, so
    undo takes back the latest edit rather than skipping it.
    """

    def __init__(self, page: QWidget, stack: QUndoStack, before: Callable[[], None]):
        super().__init__(page)
        self._locked = False
        self._stack, self._before = stack, before
        self.undoAction = QAction("撤销", page, shortcut=QKeySequence.StandardKey.Undo)
        self.redoAction = QAction("重做", page)
        self.redoAction.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action, slot in ((self.undoAction, self.undo), (self.redoAction, self.redo)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            page.addAction(action)
        # The flags come with the signals: the stack may be mid-destruction when it sends them.
        self._can = {"undo": stack.canUndo(), "redo": stack.canRedo()}
        stack.canUndoChanged.connect(lambda ok: self._set("undo", ok))
        stack.canRedoChanged.connect(lambda ok: self._set("redo", ok))
        self._update()

    def buttons(self) -> tuple[QToolButton, QToolButton]:
        """撤销 and 重做 as large buttons for a touch screen, where there is no Ctrl+Z."""
        made = []
        for action, tip in ((self.undoAction, "撤销上一步（Ctrl+Z）"), (self.redoAction, "重做（Ctrl+Y）")):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolTip(tip)
            button.setMinimumSize(64, 36)
            made.append(button)
        return made[0], made[1]

    def undo(self) -> None:
        self._before()
        if not self._locked:
            self._stack.undo()

    def redo(self) -> None:
        self._before()
        if not self._locked:
            self._stack.redo()

    def route(self, *editors: QWidget) -> None:
        for editor in editors:
            editor.installEventFilter(self)

    def set_locked(self, locked: bool) -> None:
        self._locked = locked
        self._update()

    def _set(self, which: str, ok: bool) -> None:
        self._can[which] = ok
        self._update()

    def _update(self) -> None:
        self.undoAction.setEnabled(self._can["undo"] and not self._locked)
        self.redoAction.setEnabled(self._can["redo"] and not self._locked)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()  # not the editor's: the page's action takes the key
            return True
        return False
