"""Table models of the 汇总台: visits with scores, their filter, the score spread,
unvisited enterprises, waiting conflicts, the import history and a batch preview.

Rows are service dataclasses; the page replaces them after each worker query.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from ..core.calendar import stage_label
from ..core.collation import pinyin_text, region_text
from ..core.goal_names import short_goal_title
from ..core.scoring import round_half_up
from ..services.bureau import GoalDistribution, OverviewRow, PackagePreview
from .table_models import ROW_ROLE, SORT_ROLE, EnterpriseTableModel, RowTableModel

DELIVERED, NOT_DELIVERED = "已交付", "未交付"


def _level(value: float | None) -> str:
    return "—" if value is None else str(round_half_up(value, 1))


class OverviewModel(RowTableModel):
    """One row per visit; a column per 培育目标 of the templates in use."""

    fixed = (
        ("企业名称", lambda r: r.enterprise),
        ("所属地市", lambda r: r.city),
        ("培育类型", lambda r: r.cultivation_type),
        ("阶段", lambda r: stage_label(r.stage, r.outside_window)),
        ("状态", lambda r: r.status),
        ("交付", lambda r: DELIVERED if r.delivered else NOT_DELIVERED),
        ("日期", lambda r: r.start_date.isoformat()),
        ("专家组", lambda r: "、".join(r.experts)),
        ("否决", lambda r: "未通过 " + "、".join(r.failed_checks) if r.failed_checks else ""),
        ("逾期举措", lambda r: str(r.overdue_actions) if r.overdue_actions else ""),
        ("总体", lambda r: _level(r.overall.level) + ("（暂定）" if r.provisional else "")),
    )
    sort_keys = {0: lambda r: pinyin_text(r.enterprise), 1: lambda r: region_text(r.city, r.enterprise)}

    def set_rows(self, rows) -> None:
        goals = {g.code: g.title for r in rows for g in r.goals}
        self.beginResetModel()
        # Short goal names (质量体系成熟 → 体系成熟) keep six goals on a 1366-wide screen; the full
        # title is in the tooltip and in the distribution table below.
        self.columns = (*self.fixed, *((short_goal_title(goals[code]), self._goal_getter(code)) for code in sorted(goals)))
        self.goal_titles = [f"{code} {goals[code]}" for code in sorted(goals)]
        self._rows = list(rows)
        self.endResetModel()

    @staticmethod
    def _goal_getter(code: str):
        def get(r: OverviewRow):
            return next((_level(g.level) for g in r.goals if g.code == code), "")
        return get

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        goal = section - len(self.fixed)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and goal >= 0:
            return self.goal_titles[goal]
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == SORT_ROLE and index.isValid() and index.column() not in self.sort_keys:
            # numbers sort as numbers, blanks last
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            try:
                return float(text.split("（")[0])
            except ValueError:
                return -1.0 if text in ("—", "") else text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= len(self.fixed) - 1:
            return Qt.AlignmentFlag.AlignCenter
        return super().data(index, role)


class OverviewFilter(QSortFilterProxyModel):
    """Exact-match filters on the loaded rows: changing one never waits for the database."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.wanted: dict[str, str] = {}
        self.extra = None  # a filter of another module's (review_panel.ReviewPanel.accepts): row → bool

    def refilter(self) -> None:
        """After ``extra`` changed its mind."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_filter(self, name: str, value: str) -> None:
        self.beginFilterChange()
        self.wanted[name] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, row) -> bool:
        for name, value in self.wanted.items():
            if not value:
                continue
            if name == "delivered":
                if (DELIVERED if row.delivered else NOT_DELIVERED) != value:
                    return False
            elif hasattr(row, name) and getattr(row, name) != value:
                return False
        return self.extra is None or self.extra(row)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        return self.accepts(self.sourceModel().row_at(source_row))

    def visible_rows(self) -> list:
        return [self.index(i, 0).data(ROW_ROLE) for i in range(self.rowCount())]


class DistributionModel(RowTableModel):
    """Per goal, enterprises per named level — a column per level of the templates in
    use — shaded so the bulk stands out at a glance."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.level_count = 0
        self.columns = self._columns(())

    @staticmethod
    def _columns(levels: tuple[str, ...]):
        return (
            ("培育目标", lambda d: f"{d.code} {d.title}".strip()),
            *((name, (lambda i: lambda d: d.counts[i] or "")(i)) for i, name in enumerate(levels)),  # noqa: B023 (bound by the outer call)
            ("未评", lambda d: d.unscored or ""),
            ("最低", lambda d: _level(d.low)),
            ("中位数", lambda d: _level(d.median)),
            ("最高", lambda d: _level(d.high)),
        )

    def set_rows(self, rows) -> None:
        levels = rows[0].levels if rows else ()
        self.beginResetModel()
        self.level_count, self.columns = len(levels), self._columns(levels)
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d: GoalDistribution = self.row_at(index.row())
        level_col = 1 <= index.column() <= self.level_count
        if role == Qt.ItemDataRole.BackgroundRole and level_col:
            n = d.counts[index.column() - 1]
            most = max(d.counts) or 1
            return QColor(31, 95, 168, int(30 + 170 * n / most)) if n else None
        if role == Qt.ItemDataRole.ForegroundRole and level_col:
            n = d.counts[index.column() - 1]
            return QColor("white") if n and n * 2 > max(d.counts) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and not d.code:  # the 总体 row
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class NumbersCentred(RowTableModel):
    """Counts sit centred under their short headers."""

    first_number = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.first_number > 0:
            return Qt.AlignmentFlag.AlignCenter
        return super().data(index, role)


class UnvisitedModel(RowTableModel):
    columns = EnterpriseTableModel.columns[:4]  # 企业名称 … 培育类型, as the 企业库 shows them


ENTITY_NAMES = {"visit": "巡诊", "enterprise": "企业", "expert": "专家", "assessment": "评价项",
                "visit_problem": "问题", "plan_item": "帮扶举措", "attachment": "附件", "visit_expert": "巡诊组成员",
                "assignment": "任务分配", "checklist_template": "检查表模板", "visit_history": "修改记录",
                "case_study": "典型案例", "cultivation_success": "培育成功认定", "list_submission": "附件2报送"}


def entity_name(entity: str) -> str:
    return ENTITY_NAMES.get(entity, entity)


class ConflictListModel(RowTableModel):
    """Conflicts with where they belong (enterprise, visit), which the page looks up."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.places: dict[str, str] = {}
        self.columns = (
            ("记录", lambda c: entity_name(c.entity)),
            ("所属", lambda c: self.places.get(c.id, "")),
            ("内容", lambda c: c.label),
            ("不同的字段", lambda c: len(c.fields)),
            ("本机版本", lambda c: c.local_revision),
            ("对方版本", lambda c: c.remote_revision),
            ("收到时间", lambda c: f"{c.created_at:%Y-%m-%d %H:%M}"),
        )

    def set_conflicts(self, rows, places: dict[str, str]) -> None:
        self.places = places
        self.set_rows(rows)


class ImportLogModel(NumbersCentred):
    first_number = 3
    columns = (
        ("导入时间", lambda g: f"{g.imported_at.astimezone():%Y-%m-%d %H:%M}"),
        ("文件", lambda g: g.file_name),
        ("发送者", lambda g: g.sender_name),
        ("巡诊（次）", lambda g: g.counts.visits),
        ("其中新增", lambda g: g.counts.new_visits),
        ("企业（家）", lambda g: g.counts.enterprises),
        ("冲突（处）", lambda g: g.conflicts),
        ("拒收（处）", lambda g: g.refused),
    )


def preview_state(p: PackagePreview) -> str:
    if p.error:
        return "拒收整个数据包"
    if p.report.already_imported:
        return "已导入过，不会再改动"
    if p.unknown_sender is not None:
        return "发送者未登记（导入时询问）"
    if p.report.kind == "receipt":
        return "回执"
    return "可导入"


class PreviewModel(NumbersCentred):
    first_number = 2
    columns = (
        ("文件", lambda p: p.path.name),
        ("发送者", lambda p: p.report.sender_name if p.report else ""),
        ("新增", lambda p: len(p.report.new) if p.importable else ""),
        ("更新", lambda p: len(p.report.updated) if p.importable else ""),
        ("删除", lambda p: len(p.report.deleted) if p.importable else ""),
        ("未变", lambda p: p.report.unchanged if p.importable else ""),
        ("冲突", lambda p: len(p.report.conflicts) if p.importable else ""),
        ("拒收", lambda p: len(p.report.refused) if p.importable else ""),
        ("结果", preview_state),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            p = self.row_at(index.row())
            if p.error or (p.importable and (p.report.conflicts or p.report.refused)):
                return QColor("#b00020")
            if p.unknown_sender is not None:
                return QColor("#a15c00")
            return None
        return super().data(index, role)
