"""汇总台 → 校准 (issue 16): per expert across visits, how far their independent ratings lie from the
others' and from the team's agreed levels, on how many items; experts consistently apart are flagged
(services.calibration states the rule), with the items behind it; and the items whose ratings spread
widest across the programme — candidates for clearer rubric text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from ..services import calibration
from .guarded import WorkerCalls
from .table_models import RowTableModel

FLAG = QColor("#b3261e")


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


class ExpertModel(RowTableModel):
    columns = (
        ("专家", lambda e: e.name),
        ("条目数", lambda e: str(e.items)),
        ("与他人平均偏差", lambda e: _figure(e.mean_from_others)),
        ("已定等级条目数", lambda e: str(e.consensus_items)),
        ("与合议平均偏差", lambda e: _figure(e.mean_from_consensus)),
        ("标记", lambda e: f"需校准（{e.direction}）" if e.flagged else ""),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self.row_at(index.row()).flagged:
            return FLAG
        return super().data(index, role)


class BehindModel(RowTableModel):
    columns = (
        ("企业", lambda d: d.enterprise),
        ("条目", lambda d: d.item_code),
        ("本人等级", lambda d: str(d.level)),
        ("他人平均", lambda d: f"{d.others_mean:.1f}"),
        ("合议等级", lambda d: "待合议" if d.consensus is None else str(d.consensus)),
    )


class SpreadModel(RowTableModel):
    columns = (
        ("条目", lambda i: i.code),
        ("要求", lambda i: i.text),
        ("多人评定次数", lambda i: str(i.instances)),
        ("平均分歧（级）", lambda i: f"{i.mean_spread:.2f}"),
        ("最大分歧", lambda i: str(i.max_spread)),
        ("待合议", lambda i: str(i.pending)),
    )


def _table(model, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class CalibrationPanel(QWidget):
    """Its own worker calls, so the desk only adds the tab and asks it to refresh."""

    counted = Signal(int)  # experts flagged, for the tab's title

    def __init__(self, calls: WorkerCalls, parent=None):
        super().__init__(parent)
        self.calls = calls
        layout = QVBoxLayout(self)
        self.rule = QLabel(f"与合议（或专家组一致）等级的平均偏差达 {calibration.THRESHOLD} 级、且至少有 "
                           f"{calibration.MIN_ITEMS} 个条目时标记为“需校准”；与他人平均偏差仅供参考"
                           "（两人评同一条目时两人的偏差相同而方向相反）。")
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        split = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(split, 1)
        self.experts = ExpertModel(self)
        self.expertView = _table(self.experts, 0)
        self.expertView.setObjectName("calibrationExperts")
        self.expertView.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_behind(cur.row()))
        self.behind = BehindModel(self)
        self.behindView = _table(self.behind, 0)
        self.behindView.setObjectName("calibrationBehind")
        self.behindLabel = QLabel("选中一位专家，查看其偏差所依据的条目：")
        self.spread = SpreadModel(self)
        self.spreadView = _table(self.spread, 1)
        self.spreadView.setObjectName("calibrationSpread")
        for title, widget in (("各专家的评定偏差", self.expertView), (None, self.behindView),
                              ("分歧最大的条目（可考虑细化评分说明）", self.spreadView)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(f"<b>{title}</b>") if title else self.behindLabel)
            inner.addWidget(widget)
            split.addWidget(box)

    def refresh(self) -> None:
        store = self.calls.ctx.store
        self.calls.run(lambda: calibration.calibration(store), self._show)

    def _show(self, result: calibration.Calibration) -> None:
        self.experts.set_rows(list(result.experts))
        self.spread.set_rows(list(result.items))
        self.behind.set_rows([])
        flagged = [n for n, e in enumerate(result.experts) if e.flagged]
        if flagged:
            self.expertView.selectRow(flagged[0])
        self.counted.emit(len(flagged))

    def _show_behind(self, row: int) -> None:
        if 0 <= row < len(self.experts.rows()):
            e = self.experts.row_at(row)
            self.behindLabel.setText(f"“{e.name}”的偏差依据的 {len(e.behind)} 个条目（偏差最大者在前）：")
            self.behind.set_rows(list(e.behind))
