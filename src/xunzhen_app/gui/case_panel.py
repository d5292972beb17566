"""汇总台 → 典型案例: every enterprise's case study with its 入选 flag, which the bureau sets here
(services.cases.set_selected); a double click opens the case (gui/case_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.collation import pinyin_text, region_text
from ..services import cases
from .case_dialog import CaseDialog
from .guarded import WorkerCalls
from .table_models import RowTableModel

SELECTED, WAITING = "已入选", "待遴选"


class CaseListModel(RowTableModel):
    columns = (
        ("企业名称", lambda c: c.enterprise),
        ("所属地市", lambda c: c.city),
        ("培育类型", lambda c: c.cultivation_type),
        ("题目", lambda c: c.title),
        ("入选", lambda c: SELECTED if c.selected else WAITING),
        ("修改时间", lambda c: c.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")),
    )
    sort_keys = {0: lambda c: pinyin_text(c.enterprise), 1: lambda c: region_text(c.city, c.enterprise)}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 4 \
                and self.row_at(index.row()).selected:
            return QColor("#2e8b57")
        return super().data(index, role)


class CasePanel(QWidget):
    counted = Signal(int, int)  # cases, of which selected — for the tab's title

    def __init__(self, calls: WorkerCalls, parent=None):
        super().__init__(parent)
        self.calls = calls
        self.dialog: CaseDialog | None = None
        layout = QVBoxLayout(self)
        self.hint = QLabel("各企业的典型案例（由专家根据巡诊亮点和提升情况起草）。选中一行后点击“入选”或“取消入选”；双击打开。",
                           wordWrap=True)
        layout.addWidget(self.hint)
        self.model = CaseListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_case(index.row()))
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.selectButton, self.unselectButton = QPushButton("入选"), QPushButton("取消入选")
        self.openButton = QPushButton("打开…")
        for b in (self.selectButton, self.unselectButton, self.openButton):
            b.setMinimumHeight(40)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.selectButton.clicked.connect(lambda: self.set_selected(True))
        self.unselectButton.clicked.connect(lambda: self.set_selected(False))
        self.openButton.clicked.connect(lambda: self.open_case(self.table.currentIndex().row()))

    def refresh(self) -> None:
        store = self.calls.ctx.store
        self.calls.run(lambda: cases.list_cases(store), self._show)

    def _show(self, found: list[cases.CaseStudyInfo]) -> None:
        keep = self._current()
        self.model.set_rows(found)
        for n, c in enumerate(found):
            if keep is not None and c.id == keep.id:
                self.table.selectRow(n)
        self.counted.emit(len(found), sum(c.selected for c in found))

    def _current(self) -> cases.CaseStudyInfo | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def set_selected(self, on: bool) -> None:
        case = self._current()
        if case is None:
            return
        store = self.calls.ctx.store
        self.calls.run(lambda: cases.set_selected(store, case.id, on), lambda _: self.refresh())

    def open_case(self, row: int) -> CaseDialog | None:
        if not 0 <= row < self.model.rowCount():
            return None
        case = self.model.row_at(row)
        dialog = CaseDialog(self.calls.ctx, case.enterprise_id, case.enterprise, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda _: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog
