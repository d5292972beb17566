"""评价总结's 待合议 tab (issue 16): every item an expert team rated more than once, each expert's
level and notes side by side, and — for the 组长 — the consensus level with its note.

What is 待合议 and what an item scores with is core.consensus's; recording goes through
services.team.record_consensus on the worker, with the summary page's reload afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.consensus import CONSENSUS_RULE, spread
from ..services import team
from ..services.dto import AssessmentData, VisitDetail

COLUMNS = ("条目", "专家", "等级", "核查记录与意见", "状态")
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ConsensusPanel(QWidget):
    def __init__(self, record: Callable[[str, int, str], None], parent=None):
        """``record(code, level, note)`` writes a consensus (the page runs it on the worker)."""
        super().__init__(parent)
        self._record = record
        self.detail: VisitDetail | None = None
        layout = QVBoxLayout(self)
        rule = QLabel(CONSENSUS_RULE, self)
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #5f6b77;")
        layout.addWidget(rule)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("consensusTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._picked)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.itemLabel = QLabel("选中条目后记录合议等级：", self)
        row.addWidget(self.itemLabel)
        self.levelCombo = QComboBox(self)
        self.levelCombo.setObjectName("consensusLevel")
        row.addWidget(self.levelCombo)
        self.noteEdit = QLineEdit(self)
        self.noteEdit.setObjectName("consensusNote")
        self.noteEdit.setPlaceholderText("合议说明（如：按现场记录取 4 级）")
        row.addWidget(self.noteEdit, 1)
        self.recordButton = QPushButton("记录合议", self)
        self.recordButton.setObjectName("recordConsensusButton")
        self.recordButton.clicked.connect(self.record_selected)
        row.addWidget(self.recordButton)
        layout.addLayout(row)
        self._code: str | None = None

    def load(self, detail: VisitDetail, locked: bool) -> int:
        """Show the visit's multiply rated items; how many await consensus."""
        self.detail = detail
        items = team.consensus_items(detail)
        self.levelCombo.clear()
        for lv in detail.template.scale.levels:
            self.levelCombo.addItem(f"{lv.level} {lv.name}", lv.level)
        rows = [(a, r) for a in items for r in a.all_ratings]
        self.table.setRowCount(len(rows))
        first_row: dict[str, int] = {}
        for n, (a, r) in enumerate(rows):
            first = a.item_code not in first_row
            first_row.setdefault(a.item_code, n)
            cells = (a.item_code if first else "", r.expert, str(r.value), r.note,
                     self._status(a) if first else "")
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(CODE_ROLE, a.item_code)
                if c == 4 and a.consensus_needed:
                    cell.setForeground(QColor("#c0392b"))
                self.table.setItem(n, c, cell)
        self.table.resizeRowsToContents()
        may_record = detail.authored_here and not locked
        for w in (self.levelCombo, self.noteEdit, self.recordButton):
            w.setEnabled(may_record)
        self._code = None
        return sum(a.consensus_needed for a in items)

    @staticmethod
    def _status(a: AssessmentData) -> str:
        if a.consensus is not None:
            return f"已合议：{a.consensus.level} 级" + (f"（{a.consensus.note}）" if a.consensus.note else "")
        if a.consensus_needed:
            return f"待合议（相差 {spread(a.all_ratings)} 级）"
        return "一致"

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return
        self._code = self.table.item(rows[0].row(), 0).data(CODE_ROLE)
        self.itemLabel.setText(f"条目 {self._code} 的合议等级：")
        a = self.detail.assessments.get(self._code)
        if a is not None and a.consensus is not None:
            self.levelCombo.setCurrentIndex(self.levelCombo.findData(a.consensus.level))
            self.noteEdit.setText(a.consensus.note)

    def select_item(self, code: str) -> None:
        for n in range(self.table.rowCount()):
            if self.table.item(n, 0).data(CODE_ROLE) == code:
                self.table.selectRow(n)
                return

    def record_selected(self) -> None:
        if self._code is None:
            self.itemLabel.setText("请先在上表中选中一个条目：")
            return
        self._record(self._code, self.levelCombo.currentData(), self.noteEdit.text())
        self.noteEdit.clear()
