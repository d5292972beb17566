"""The checklist tree 培育目标 → 主要举措 → 具体内容 as a QAbstractItemModel.

Column 0 names the node (an item shows a completion mark as its icon),
column 1 shows the live score: an item's level, a measure's and a goal's
score as ``core.scoring`` computes it. The page pushes new ratings with
``set_ratings``; the model recomputes the result (pure, a few microseconds
for 24 items) and repaints the score column.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ..core.checklist import Template
from ..core.follow_up import suggested_rating
from ..core.scoring import (
    Rating,
    Result,
    counted_level,
    display_level,
    item_complete,
    round_half_up,
    score_template,
    vetoed,
)

GOAL, MEASURE, ITEM = range(3)
HEADERS = ("检查内容", "得分")


class _Node:
    __slots__ = ("kind", "obj", "parent", "row", "children")

    def __init__(self, kind: int, obj, parent: _Node | None, row: int):
        self.kind, self.obj, self.parent, self.row = kind, obj, parent, row
        self.children: list[_Node] = []


def _dot(colour: str, filled: bool) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor(colour))
    p.setBrush(QColor(colour) if filled else Qt.BrushStyle.NoBrush)
    p.drawEllipse(2, 2, 10, 10)
    p.end()
    return QIcon(pix)


class ChecklistTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._roots: list[_Node] = []
        self._by_code: dict[str, _Node] = {}
        self._template: Template | None = None
        self._ratings: dict[str, Rating] = {}
        self.result: Result | None = None
        self._last: dict[str, Rating] = {}
        self._assigned: frozenset[str] | None = None  # on a team member's laptop: what they rate
        self._done_icon = _dot("#2e8b57", True)
        self._todo_icon = _dot("#9aa5b1", False)
        self._pending_icon = _dot("#e67e22", False)

    # --- loading ---------------------------------------------------------
    def set_template(self, template: Template, ratings: Mapping[str, Rating],
                     last: Mapping[str, Rating] | None = None) -> None:
        """``last``: the previous visit's ratings, shown as 待复核 where this visit has none yet."""
        self.beginResetModel()
        self._last = dict(last or {})
        self._template = template
        self._roots, self._by_code = [], {}
        for gi, goal in enumerate(template.goals):
            gnode = _Node(GOAL, goal, None, gi)
            self._roots.append(gnode)
            self._by_code[goal.code] = gnode
            for mi, measure in enumerate(goal.measures):
                mnode = _Node(MEASURE, measure, gnode, mi)
                gnode.children.append(mnode)
                self._by_code[measure.code] = mnode
                for ii, item in enumerate(measure.items):
                    inode = _Node(ITEM, item, mnode, ii)
                    mnode.children.append(inode)
                    self._by_code[item.code] = inode
        self._ratings = dict(ratings)
        self.result = score_template(template, self._ratings)
        self.endResetModel()

    def set_assigned(self, codes: frozenset[str] | None) -> None:
        """A team member's assigned items are highlighted, the others greyed (None: all are one's own)."""
        self._assigned = codes
        for gnode in self._roots:
            self._changed(gnode)

    def set_ratings(self, ratings: Mapping[str, Rating]) -> None:
        self._ratings = dict(ratings)
        self.result = score_template(self._template, self._ratings)
        # Every score above a changed item may move; 24 rows repaint in no time.
        for gnode in self._roots:
            self._changed(gnode)

    def _changed(self, node: _Node) -> None:
        self.dataChanged.emit(self.createIndex(node.row, 0, node), self.createIndex(node.row, 1, node))
        for child in node.children:
            self._changed(child)

    # --- lookup ----------------------------------------------------------
    def index_for_code(self, code: str) -> QModelIndex:
        node = self._by_code.get(code)
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

    def code_at(self, index: QModelIndex) -> str | None:
        return index.internalPointer().obj.code if index.isValid() else None

    def item_codes(self) -> list[str]:
        return [i.code for i in self._template.items()] if self._template else []

    # --- QAbstractItemModel ----------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        siblings = parent.internalPointer().children if parent.isValid() else self._roots
        if 0 <= row < len(siblings) and 0 <= column < len(HEADERS):
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        return self.createIndex(up.row, 0, up) if up is not None else QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return len(parent.internalPointer().children) if parent.column() == 0 else 0
        return len(self._roots)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{node.obj.code} {node.obj.title if node.kind != ITEM else node.obj.text}"
            return self._score_text(node)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return node.obj.text if node.kind == ITEM else node.obj.title
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and node.kind == ITEM:
            if item_complete(node.obj, self._ratings.get(node.obj.code)):
                return self._done_icon
            return self._pending_icon if self._suggestion(node.obj.code) else self._todo_icon
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and node.kind == ITEM and self._suggestion(node.obj.code):
            return QColor("#b35900")
        assigned = None if self._assigned is None or node.kind != ITEM else node.obj.code in self._assigned
        if role == Qt.ItemDataRole.BackgroundRole and assigned:
            return QColor("#fff4c2")
        if role == Qt.ItemDataRole.ForegroundRole and assigned is False:
            return QColor("#8a96a3")
        if role == Qt.ItemDataRole.FontRole and (node.kind == GOAL or assigned):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and node.kind == GOAL and self.result:
            goal = self.result.goals[node.row]
            if goal.failed_checks:
                return QColor("#c0392b")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _suggestion(self, code: str) -> Rating | None:
        return suggested_rating(self._ratings.get(code), self._last.get(code))

    def _score_text(self, node: _Node) -> str:
        if self.result is None:
            return ""
        if node.kind == ITEM:
            r = self._ratings.get(node.obj.code)
            if r is None or (r.level is None and not r.not_applicable):
                s = self._suggestion(node.obj.code)
                return "—" if s is None else f"待复核 {'不适用' if s.not_applicable else s.level}"
            if r.not_applicable:
                return "不适用"
            if r.provisional and r.level is not None:  # the team's ratings differ (core.consensus)
                return f"待合议 {round_half_up(r.level, 1)}"
            if vetoed(node.obj, r):  # what counts is the capped level
                counted = counted_level(node.obj, r)
                return (f"{r.level}→{counted}" if counted != r.level else str(r.level)) + "  否决"
            return str(r.level) + ("  否决" if r.check_passed is False else "")
        if node.kind == GOAL:
            goal = self.result.goals[node.row]
            return display_level(goal.score) + ("  否决" if goal.failed_checks else "")
        measure = self.result.goals[node.parent.row].measures[node.row]
        return display_level(measure.score)

