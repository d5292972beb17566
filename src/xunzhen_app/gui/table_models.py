"""Read-only table models over lists of service dataclasses.

Pages replace the whole row list after each worker-thread query (lists are a
few hundred rows at most), so the model only needs reset-and-show; sorting and
text filtering happen in a QSortFilterProxyModel on top.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..core.calendar import OUTSIDE_MARK, stage_label
from ..core.collation import pinyin_text, region_text
from ..core.regions import is_quality_county
from ..services.dto import EnterpriseInfo, VisitRow

Column = tuple[str, Callable[[Any], Any]]
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the dataclass behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what a proxy sorts by: ``sort_keys``, else the text shown


class RowTableModel(QAbstractTableModel):
    columns: Sequence[Column] = ()
    # column → sort value, where the text shown does not sort as a person expects (names, cities)
    sort_keys: dict[int, Callable[[Any], Any]] = {}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            key = self.sort_keys.get(index.column())
            return key(row) if key else self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None


def _visit_status(e: EnterpriseInfo) -> str:
    return e.latest_visit_status if e.visit_count else "未巡诊"


def type_check(e: EnterpriseInfo) -> str:
    """What the 培育类型 check says about the listed type: nothing while it agrees with the honours (or
    none are recorded, so there is nothing to check against), else the suggestion or the missing level."""
    if not e.honours:
        return ""
    if not e.suggested_type:
        return "待补荣誉级别"
    return "" if e.suggested_type == e.cultivation_type else f"建议改为{e.suggested_type}"


def _county(e: EnterpriseInfo) -> str:
    return f"{e.county}（质量强县）" if e.county and is_quality_county(e.city, e.county) else e.county


TYPE_CHECK_COLUMN = 4


class EnterpriseTableModel(RowTableModel):
    columns = (
        ("企业名称", lambda e: e.name),
        ("所属地市", lambda e: e.city),
        ("县（市、区）", _county),
        ("培育类型", lambda e: e.cultivation_type),
        ("类型核对", type_check),
        ("巡诊状态", _visit_status),
        ("巡诊次数", lambda e: e.visit_count),
        ("统一社会信用代码", lambda e: e.uscc),
    )
    # Names by pinyin; cities in the province's order, each city's firms by pinyin.
    sort_keys = {0: lambda e: pinyin_text(e.name), 1: lambda e: region_text(e.city, e.name),
                 2: lambda e: pinyin_text(e.county)}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # The check column explains itself on hover and stands out in the list, not only in the dialog.
        if index.isValid() and index.column() == TYPE_CHECK_COLUMN and type_check(self.row_at(index.row())):
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.row_at(index.row()).suggestion_reason
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#b03a00"))
        return super().data(index, role)


class VisitTableModel(RowTableModel):
    columns = (
        ("日期", lambda v: v.start_date.isoformat()),
        ("阶段", lambda v: stage_label(v.stage, v.outside_window)),
        ("状态", lambda v: v.status),
        ("审核", lambda v: v.review),  # the bureau's 已审核 / 退回, as its last package said
        ("检查表", lambda v: f"{v.template_id} {v.template_version}"),
        ("编号", lambda v: v.id[:8]),
    )


def visit_label(v: VisitRow) -> str:
    return f"{v.start_date.isoformat()} {v.stage}（{v.status}）"


def visit_context(v: VisitRow) -> str:
    """The page header over an open visit: which enterprise, stage, date and status (rich text)."""
    days = f"{v.start_date:%Y-%m-%d}" + (f" 至 {v.end_date:%Y-%m-%d}" if v.end_date and v.end_date != v.start_date else "")
    colour = "#2e8b57" if v.status == "已定稿" else "#9a6700"
    # A date outside the stage's window is shown, never refused (设置 holds the windows).
    outside = f"　<span style='color:#b3261e'><b>{OUTSIDE_MARK}</b></span>" if v.outside_window else ""
    return (f"<b>{html.escape(v.enterprise)}</b>　{html.escape(v.stage)}　{days}{outside}　"
            f"<span style='color:{colour}'><b>{html.escape(v.status)}</b></span>")
