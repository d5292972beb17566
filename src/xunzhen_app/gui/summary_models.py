"""Models behind the 评价总结 page.

``GoalTableModel`` is read-only (scores come from ``core.scoring``). The
problem list and the plan table are editable: ``setData`` updates the row at
once and emits ``edited`` with the old and the new value; the page turns that
into an undo command and a service call on the worker. ``move`` and
``set_field`` show a reordering or an undone edit at once, before the
database has it. The models never touch the
database themselves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from ..core.actions import ActionResult, status_text
from ..core.checklist import Scale
from ..core.errors import UserError
from ..core.scoring import Result, Score, band, display_index, display_level
from ..services.actions import check_due, check_result, check_status
from ..services.dto import PlanRow, ProblemData

RED = QColor("#c0392b")
GREEN = QColor("#2e7d32")


def _delta(now: Score, before: Score | None) -> str:
    if before is None or now.level is None or before.level is None:
        return "—"
    d = now.level - before.level
    return f"{d:+.1f}"


class GoalTableModel(QAbstractTableModel):
    """One row per 培育目标 and a last row 总体; for a follow-up, columns for the 前期 baseline and the
    previous visit with the change since each (baseline → previous → now)."""

    BASE = ("培育目标", "得分", "指数", "等级", "否决项")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, Score, tuple[str, ...], dict[str, Score | None]]] = []
        self._scale: Scale | None = None
        self._extra: list[tuple[str, str, str]] = []  # (header, which earlier visit, "score" or "delta")

    def set_result(self, result: Result, scale: Scale, previous: Result | None = None,
                   baseline: Result | None = None) -> None:
        """``baseline`` is left out where it is the previous visit itself."""
        self.beginResetModel()
        self._scale = scale
        earlier = {k: r for k, r in (("baseline", baseline), ("previous", previous)) if r is not None}
        self._extra = ([("前期得分", "baseline", "score")] if baseline else []) + (
            [("上次得分", "previous", "score"), ("较上次", "previous", "delta")] if previous else []) + (
            [("较前期", "baseline", "delta")] if baseline else [])
        self._rows = [(f"{g.code} {g.title}", g.score, g.failed_checks,
                       {k: r.goals[n].score if n < len(r.goals) else None for k, r in earlier.items()})
                      for n, g in enumerate(result.goals)]
        self._rows.append(("总体", result.overall, result.failed_checks, {k: r.overall for k, r in earlier.items()}))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.BASE) + len(self._extra)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.BASE + tuple(h for h, _, _ in self._extra))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        title, score, failed, before = self._rows[index.row()]
        col = index.column()
        extra = self._extra[col - len(self.BASE)] if col >= len(self.BASE) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if extra is None:
                named = band(score, self._scale)
                return (title, display_level(score), display_index(score), named.name if named else "—",
                        "、".join(failed) if failed else "")[col]
            then = before.get(extra[1])
            if extra[2] == "score":
                return display_level(then) if then else "—"
            return _delta(score, then)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 4 and failed:
                return RED
            if extra is not None and extra[2] == "delta":
                then = before.get(extra[1])
                if then is not None and score.level is not None and then.level is not None:
                    return GREEN if score.level >= then.level else RED
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0 and col != 4:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 4 and failed:
            return "否决项未通过：" + "、".join(failed)
        return None


class _Rows:
    """What the problem list and the plan table share: ordered rows that move."""

    COLUMNS = 1  # QAbstractListModel keeps columnCount() private

    def move(self, row: int, target: int) -> None:
        if row == target or not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return
        # Qt counts the destination before the move: one further when moving down.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if target > row else target)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()

    def set_field(self, row_id: str, field: str, value) -> None:
        """Show a value an undo or redo wrote, without emitting ``edited`` again."""
        for n, r in enumerate(self._rows):
            if r.id == row_id:
                self._rows[n] = replace(r, **{field: value})
                self.dataChanged.emit(self.index(n, 0), self.index(n, self.COLUMNS - 1))
                return


class ProblemListModel(_Rows, QAbstractListModel):
    """主要问题, in order; edited in place."""

    edited = Signal(str, str, str)  # problem id, old text, new text

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ProblemData] = []
        self.read_only = False

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ProblemData]:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {p.text}" + (f"（{p.item_code}）" if p.item_code else "")
        if role == Qt.ItemDataRole.EditRole:
            return p.text
        return None

    def flags(self, index):
        flags = super().flags(index)
        return flags if self.read_only or not index.isValid() else flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        text = str(value).strip()
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not text:
            return False
        p = self._rows[index.row()]
        if text == p.text:
            return False
        self._rows[index.row()] = replace(p, text=text)
        self.dataChanged.emit(index, index)
        self.edited.emit(p.id, p.text, text)
        return True


class PlanTableModel(_Rows, QAbstractTableModel):
    """一企一策: 类别, 措施, 责任部门, 责任人, 完成时限, 预期成效, 状态 — edited cell by cell.

    The 完成时限 is typed as YYYY-MM-DD; a date that is not one is refused with ``refused``'s
    message and the cell keeps its value. An overdue action's status shows its mark in red."""

    FIELDS = ("category", "measure", "department", "owner", "due", "expected_outcome", "status", "result")
    HEADERS = ("类别", "措施", "责任部门", "责任人", "完成时限", "预期成效", "状态", "核验结果")
    COLUMNS = len(FIELDS)
    edited = Signal(str, str, object, object)  # row id, field, old value, new value
    refused = Signal(str)  # why a typed value was not taken

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PlanRow] = []
        self.read_only = False
        self.today = date.today()

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.today = date.today()
        self.endResetModel()

    def rows(self) -> list[PlanRow]:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return {"due": "格式 YYYY-MM-DD，如 2025-10-31",
                    "result": "延续自上次巡诊的举措：" + "、".join(ActionResult)}.get(self.FIELDS[section])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.HEADERS[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, field = self._rows[index.row()], self.FIELDS[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return RED if field in ("status", "due") and row.overdue(self.today) else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if field == "due":
            return row.due.isoformat() if row.due else ""
        if field == "status" and role != Qt.ItemDataRole.EditRole:
            return status_text(row.status, row.due, self.today)
        return getattr(row, field) or ""

    def flags(self, index):
        flags = super().flags(index)
        return flags if self.read_only or not index.isValid() else flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field, text = self.FIELDS[index.column()], str(value).strip()
        row = self._rows[index.row()]
        if field == "measure" and not text:
            return False  # a plan row needs its 措施; keep the old one
        new: object = text
        try:
            if field == "due":
                new = check_due(text)
            elif field == "status":
                new = check_status(text)
            elif field == "result":
                new = check_result(text, carried=row.carried_from_id is not None)
        except UserError as exc:
            self.refused.emit(str(exc))
            return False
        old = getattr(row, field)
        if old == new:
            return False
        self._rows[index.row()] = replace(row, **{field: new})
        self.dataChanged.emit(index, index)
        self.edited.emit(row.id, field, old, new)
        return True


class UnratedListModel(QAbstractListModel):
    """Items still to rate (or to check), each naming its code and requirement."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def code(self, row: int) -> str:
        return self._rows[row][0]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            code, text = self._rows[index.row()]
            return f"{code}  {text}"
        return None
