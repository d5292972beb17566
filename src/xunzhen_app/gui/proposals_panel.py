"""汇总台 → 修改建议: changes another installation sent for records this one owns
(services.exchange.proposals) — an expert correcting a bureau's 培育库 enterprise, a bureau
rewriting an expert's visit. An import never applies them; here the owner sees each beside
what it holds now and takes it (接受: made as this installation's own edit) or turns it down
(拒绝, with an optional note). The same as `xunzhen package proposals / accept / reject`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.exchange import proposals
from ..services.exchange.proposals import ProposalInfo
from .bureau_models import entity_name
from .conflict_dialog import FIELD_NAMES, show_value
from .guarded import WorkerCalls
from .table_models import RowTableModel

NOTE_MAX = 200  # one line, as the decision note is shown in the proposal's list


class ProposalListModel(RowTableModel):
    columns = (
        ("提出方", lambda p: p.proposer_name),
        ("建议", lambda p: p.kind_text),
        ("记录", lambda p: f"{entity_name(p.entity)}：{p.label}"),
        ("收到于", lambda p: f"{p.created_at:%Y-%m-%d %H:%M}"),
    )


class ProposalsPanel(QWidget):
    """Its own worker calls (the desk's, with its error banner): the desk adds the tab and refreshes it."""

    counted = Signal(int)  # proposals waiting, for the tab's title
    decided = Signal()  # one was accepted or rejected: what other pages show may have changed

    def __init__(self, calls: WorkerCalls, parent=None):
        super().__init__(parent)
        self.calls = calls
        layout = QVBoxLayout(self)
        self.hint = QLabel(wordWrap=True)
        layout.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = ProposalListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)  # finger-sized rows
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(self.table)
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels(["字段", "本机现在", "建议改为"])
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setWordWrap(True)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(self.fields)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText("拒绝说明（可选），例如：以专家组结论为准")
        self.note.setMaxLength(NOTE_MAX)
        row.addWidget(self.note, 1)
        self.acceptButton = QPushButton("接受")
        self.rejectButton = QPushButton("拒绝")
        for b in (self.acceptButton, self.rejectButton):
            b.setMinimumHeight(40)
            b.setEnabled(False)
            row.addWidget(b)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._select(current.row()))
        self.acceptButton.clicked.connect(self.accept_current)
        self.rejectButton.clicked.connect(self.reject_current)

    def refresh(self) -> None:
        store = self.calls.ctx.store
        self.calls.run(lambda: proposals.list_proposals(store), self._show)

    def _show(self, waiting: list[ProposalInfo]) -> None:
        self.model.set_rows(waiting)
        self.hint.setText(f"{len(waiting)} 条修改建议待处理：其他安装发来的、对本机所拥有记录的修改。"
                          "导入时不会直接生效；接受后作为本机的修改，拒绝的不会再次询问。"
                          if waiting else "没有待处理的修改建议。")
        self.counted.emit(len(waiting))
        if waiting:
            self.table.selectRow(0)
        self._select(0 if waiting else -1)

    def current(self) -> ProposalInfo | None:
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def _select(self, row: int) -> None:
        info = self.model.row_at(row) if 0 <= row < self.model.rowCount() else None
        self.fields.setRowCount(0)
        for b in (self.acceptButton, self.rejectButton):
            b.setEnabled(info is not None)
        if info is None:
            return
        for f in info.fields:
            r = self.fields.rowCount()
            self.fields.insertRow(r)
            for col, text in enumerate((FIELD_NAMES.get(f.field, f.field), show_value(f.local), show_value(f.remote))):
                self.fields.setItem(r, col, QTableWidgetItem(text))
        self.fields.resizeRowsToContents()

    def accept_current(self) -> None:
        info = self.current()
        if info is not None:
            self._decide(lambda store: proposals.accept_proposal(store, info.id))

    def reject_current(self) -> None:
        info, note = self.current(), self.note.text()
        if info is not None:
            self._decide(lambda store: proposals.reject_proposal(store, info.id, note))

    def _decide(self, fn) -> None:
        store = self.calls.ctx.store
        for b in (self.acceptButton, self.rejectButton):
            b.setEnabled(False)
        self.calls.run(lambda: fn(store), self._decided, self._failed)

    def _failed(self, exc: BaseException) -> None:
        # Refused (a finalized visit, decided meanwhile): said in the desk's banner; the list shows what is so now.
        self.calls.show(exc)
        self.refresh()

    def _decided(self, _info: ProposalInfo) -> None:
        self.note.clear()
        self.refresh()
        self.decided.emit()
