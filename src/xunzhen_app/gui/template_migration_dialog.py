"""更换版本: move draft visits on one template version to another, after seeing, visit by
visit, which items keep their rating and which must be rated again
(services.template_migration). A visit left alone stays on its version."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..services import template_migration
from .context import AppContext
from .guarded import WorkerCalls

VISIT_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateMigrationDialog(QDialog):
    migrated = Signal()

    def __init__(self, ctx: AppContext, key: tuple[str, str], drafts, targets: list[str], parent=None):
        super().__init__(parent)
        self.ctx, self.key = ctx, key
        self.calls = WorkerCalls(ctx, self, title="更换检查表版本")
        self.setWindowTitle(f"更换检查表版本：{key[0]} {key[1]}")
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.target = QComboBox()
        self.target.addItems(targets)
        form.addRow("换到版本", self.target)
        layout.addLayout(form)
        layout.addWidget(QLabel("该版本上的草稿巡诊（已定稿的巡诊须先重新打开）："))
        self.visits = QListWidget()
        self.visits.setSpacing(3)
        for v in drafts:
            item = QListWidgetItem(f"{v.enterprise}　{v.stage}　{v.start_date:%Y-%m-%d}")
            item.setData(VISIT_ROLE, v.id)
            self.visits.addItem(item)
        layout.addWidget(self.visits, 1)
        self.plan = QLabel("请选择一次巡诊，查看条目的对应关系。")
        self.plan.setWordWrap(True)
        layout.addWidget(self.plan)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.moveButton = buttons.addButton("更换此巡诊的版本", QDialogButtonBox.ButtonRole.ActionRole)
        self.moveButton.setEnabled(False)
        buttons.rejected.connect(self.reject)
        self.moveButton.clicked.connect(self.move_selected)
        layout.addWidget(buttons)
        self.visits.currentItemChanged.connect(lambda *_: self.show_plan())
        self.target.currentIndexChanged.connect(lambda *_: self.show_plan())

    def _selected(self) -> str | None:
        item = self.visits.currentItem()
        return item.data(VISIT_ROLE) if item is not None else None

    def show_plan(self) -> None:
        vid, version = self._selected(), self.target.currentText()
        self.moveButton.setEnabled(False)
        if vid is None or not version:
            return
        store = self.ctx.store
        self.calls.run(lambda: template_migration.plan(store, vid, version), self._planned,
                       lambda exc: self.plan.setText(str(exc)))

    def _planned(self, plan) -> None:
        if plan.visit_id != self._selected():
            return
        lines = [plan.summary() + "。"]
        if plan.rerate:
            lines.append(f"需重新评定：{'、'.join(plan.rerate)}")
        moved = [f"{old}→{new}" for old, new in plan.kept if old != new]
        if moved:
            lines.append(f"编号改变：{'、'.join(moved)}")
        if plan.dropped:
            lines.append(f"新版本已删除：{'、'.join(plan.dropped)}")
        self.plan.setText("\n".join(lines))
        self.moveButton.setEnabled(True)

    def move_selected(self) -> None:
        vid, version = self._selected(), self.target.currentText()
        if vid is None:
            return
        store = self.ctx.store
        self.moveButton.setEnabled(False)
        self.calls.run(lambda: template_migration.migrate(store, vid, version), self._moved)

    def _moved(self, plan) -> None:
        row = next(n for n in range(self.visits.count()) if self.visits.item(n).data(VISIT_ROLE) == plan.visit_id)
        self.visits.takeItem(row)
        self.plan.setText(f"已更换为版本 {plan.target[1]}：{plan.summary()}。")
        self.migrated.emit()
