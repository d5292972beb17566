"""汇总台 → 阶段缺项: the 培育库 enterprises that lack a stage of the programme calendar as of today
(services.calendar.missing_stages): no 前期巡诊 by the end of May, no 培育跟踪 in June–November,
no 成效总结 in December; missed stages (window over) in red, stages still open in amber.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..core.collation import pinyin_text, region_text
from ..services import calendar
from .guarded import WorkerCalls
from .table_models import RowTableModel

MISSED, OPEN = QColor("#b3261e"), QColor("#9a6700")


class StageGapModel(RowTableModel):
    columns = (
        ("企业名称", lambda g: g.enterprise),
        ("所属地市", lambda g: g.city),
        ("县（市、区）", lambda g: g.county),
        ("培育类型", lambda g: g.cultivation_type),
        ("缺少的阶段", lambda g: g.stage),
        ("情况", lambda g: g.describe()),
    )
    sort_keys = {0: lambda g: pinyin_text(g.enterprise), 1: lambda g: region_text(g.city, g.enterprise)}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 5:
            return MISSED if self.row_at(index.row()).closed else OPEN
        return super().data(index, role)


class StageGapsPanel(QWidget):
    """Its own worker calls, so the desk only adds the tab and asks it to refresh."""

    counted = Signal(int)  # gaps shown, for the tab's title

    def __init__(self, calls: WorkerCalls, parent=None):
        super().__init__(parent)
        self.calls = calls
        self.today = date.today  # a test sets another day
        layout = QVBoxLayout(self)
        self.hint = QLabel(wordWrap=True)
        layout.addWidget(self.hint)
        self.model = StageGapModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        store, today = self.calls.ctx.store, self.today()
        self.calls.run(lambda: (calendar.missing_stages(store, today), calendar.programme_calendar(store, today.year)),
                       lambda result: self._show(today, *result))

    def _show(self, today: date, gaps: list[calendar.StageGap], cal) -> None:
        self.model.set_rows(gaps)
        missed = sum(g.closed for g in gaps)
        self.hint.setText(
            f"截至 {today:%Y-%m-%d}：{len(gaps)} 项阶段缺项，其中 {missed} 项已过阶段时间（红色）。"
            f"{cal.year} 年时间安排：前期巡诊 {cal.initial.describe()}，培育跟踪 {cal.follow_up.describe()}，"
            f"成效总结 {cal.summary.describe()}；附件2名单报送截止 {cal.list_deadline.month}月{cal.list_deadline.day}日"
            "（可在“设置”中修改）。")
        self.counted.emit(len(gaps))
