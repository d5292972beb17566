"""One conflict, field by field: 本机 beside 导入, pick either or type the value
(form: ui/conflict_dialog.ui).

Resolving goes through ``conflicts.resolve_conflict``, which checks an edited
value against the column like an import does and keeps the conflict row with
what was chosen; a refused value is shown here and nothing is written.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHeaderView

from ..services.exchange import conflicts
from ..services.exchange.conflicts import LOCAL, REMOTE, ConflictInfo
from .bureau_models import entity_name
from .context import AppContext
from .forms.ui_conflict_dialog import Ui_ConflictDialog
from .guarded import WorkerCalls

EDITED = "value"
FIELD_NAMES = {
    "summary": "巡诊总结", "report_number": "报告编号", "stage": "阶段", "status": "状态",
    "start_date": "开始日期", "end_date": "结束日期", "methods": "巡诊方式", "interviewees": "访谈对象",
    "previous_visit_id": "上次巡诊", "finalized_at": "定稿时间", "reopen_reason": "重新打开原因",
    "level": "等级", "not_applicable": "不适用", "check_passed": "否决项通过", "evidence": "佐证材料",
    "problem": "存在问题", "suggestion": "改进建议", "text": "内容", "item_code": "评价项",
    "measure": "帮扶举措", "department": "责任部门", "due": "完成时限", "expected_outcome": "预期成效",
    "goal_codes": "培育目标", "item_codes": "相关条目", "owner": "责任人", "category": "举措类别", "progress": "进展记录",
    "carried_from_id": "延续自", "result": "核验结果", "result_note": "核验说明", "name": "名称", "city": "所属地市", "county": "县（市、区）",
    "cultivation_type": "培育类型", "industry": "行业", "uscc": "统一社会信用代码", "notes": "备注",
    "honours": "荣誉资质", "contacts": "联系人", "organisation": "单位", "title": "职称", "phone": "电话",
    "email": "电子邮箱", "specialty": "专业领域", "role": "角色", "caption": "说明", "position": "顺序",
    "strength": "亮点", "expert_opinion": "专家组意见", "organiser": "组织单位", "report_date": "报告日期",
    "main_products": "主营产品", "employees": "员工人数", "revenue_wan": "营业收入（万元）",
    "certifications": "认证情况", "introduction": "企业简介",
    conflicts.WHOLE: "整条记录",
}
FIELD, LOCAL_COL, REMOTE_COL, RESULT = range(4)
CHOSEN = QColor("#d7ecd9")


def show_value(value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parse_value(text: str, like):
    """Typed text back into the kind of value the field holds (the other side's as a guide)."""
    if isinstance(like, str) or like is None:
        return text
    if isinstance(like, bool):
        if text.strip() in ("是", "否"):
            return text.strip() == "是"
        raise ValueError("请填“是”或“否”")
    if isinstance(like, int):
        return int(text)
    if isinstance(like, float):
        return float(text)
    return json.loads(text)


class FieldChoiceModel(QAbstractTableModel):
    """A row per differing field; which side is taken, or the typed value."""

    headers = ("字段", "本机", "导入", "采用的值")

    def __init__(self, info: ConflictInfo, parent=None):
        super().__init__(parent)
        self.fields = list(info.fields)
        self.choice: list[object] = [LOCAL] * len(self.fields)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def result_value(self, row: int):
        pick, f = self.choice[row], self.fields[row]
        return f.local if pick == LOCAL else f.remote if pick == REMOTE else pick[1]

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (LOCAL_COL, REMOTE_COL):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == RESULT and self.fields[index.row()].field != conflicts.WHOLE:
            return base | Qt.ItemFlag.ItemIsEditable  # a deletion is kept or taken, not typed
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col, f = index.row(), index.column(), self.fields[index.row()]
        side = {LOCAL_COL: LOCAL, REMOTE_COL: REMOTE}.get(col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == FIELD:
                return FIELD_NAMES.get(f.field, f.field) if role == Qt.ItemDataRole.DisplayRole else f.field
            return show_value(f.local if col == LOCAL_COL else f.remote if col == REMOTE_COL else self.result_value(row))
        if role == Qt.ItemDataRole.EditRole and col == RESULT:
            value = self.result_value(row)
            return value if isinstance(value, str) else "" if value is None else show_value(value)
        if role == Qt.ItemDataRole.CheckStateRole and side is not None:
            return Qt.CheckState.Checked if self.choice[row] == side else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if (side is not None and self.choice[row] == side) or (col == RESULT and self.choice[row] not in (LOCAL, REMOTE)):
                return CHOSEN
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col in (LOCAL_COL, REMOTE_COL):
            self.choose(row, LOCAL if col == LOCAL_COL else REMOTE)
            return True
        if role == Qt.ItemDataRole.EditRole and col == RESULT:
            f = self.fields[row]
            try:
                typed = parse_value(str(value), f.local if f.local is not None else f.remote)
            except ValueError:
                return False  # the view keeps the old value; the service would refuse it anyway
            self.set_value(row, typed)
            return True
        return False

    def choose(self, row: int, pick) -> None:
        self.choice[row] = pick
        self.dataChanged.emit(self.index(row, LOCAL_COL), self.index(row, RESULT))

    def set_value(self, row: int, value) -> None:
        f = self.fields[row]
        self.choose(row, LOCAL if value == f.local else REMOTE if value == f.remote else (EDITED, value))

    def choose_all(self, pick) -> None:
        for row in range(len(self.fields)):
            self.choose(row, pick)

    def choices(self) -> dict[str, object]:
        return {f.field: c for f, c in zip(self.fields, self.choice)}


class ConflictDialog(QDialog):
    resolved = Signal(object)  # ConflictInfo, now resolved

    def __init__(self, ctx: AppContext, info: ConflictInfo, sender_name: str = "", place: str = "", parent=None):
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.calls = WorkerCalls(ctx, self, title="解决冲突")
        self.ui = ui = Ui_ConflictDialog()
        ui.setupUi(self)
        self.model = FieldChoiceModel(info, self)
        where = f"{place} — " if place else ""
        ui.titleLabel.setText(f"<b>{where}{entity_name(info.entity)}：{info.label}</b>"
                              f"（{len(info.fields)} 处两边不同）")
        who = f"，来自“{sender_name}”" if sender_name else ""
        why = f"{info.reason.rstrip('。')}。" if info.reason else ""
        # Plain words: a revision number tells the user nothing about which side to keep.
        both = "上次同步之后，本机和对方都改过这条记录：" if not (why or info.is_deletion) else ""
        ui.infoLabel.setText(f"{why}{both}“本机”是这台电脑上的内容，“导入”是数据包带来的内容{who}；"
                             f"收到于 {info.created_at:%Y-%m-%d %H:%M}。")
        ui.errorLabel.hide()
        view = ui.fieldTable
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setMinimumSectionSize(40)  # finger-sized rows
        header = view.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        for col in (LOCAL_COL, REMOTE_COL, RESULT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        # A tap anywhere on a side's cell takes it, not only on its small check box.
        view.clicked.connect(self._clicked)
        ui.allLocalButton.clicked.connect(lambda: self.model.choose_all(LOCAL))
        ui.allRemoteButton.clicked.connect(lambda: self.model.choose_all(REMOTE))
        ui.resolveButton.clicked.connect(self.resolve)
        ui.cancelButton.clicked.connect(self.reject)
        for b in (ui.allLocalButton, ui.allRemoteButton, ui.resolveButton, ui.cancelButton):
            b.setMinimumHeight(40)

    def _clicked(self, index) -> None:
        if index.column() in (LOCAL_COL, REMOTE_COL):
            self.model.choose(index.row(), LOCAL if index.column() == LOCAL_COL else REMOTE)

    def resolve(self) -> None:
        store, cid, choices = self.ctx.store, self.info.id, self.model.choices()
        self.ui.resolveButton.setEnabled(False)
        self.calls.run(lambda: conflicts.resolve_conflict(store, cid, choices, conflicts.LOCAL),
                       self._done, self._failed)

    def _done(self, info: ConflictInfo) -> None:
        self.resolved.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.resolveButton.setEnabled(True)
        self.ui.errorLabel.setText(f"未能解决：{exc}")
        self.ui.errorLabel.show()
