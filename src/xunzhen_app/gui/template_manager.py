"""检查表模板 (in 设置): the installed templates with their versions and sources; import
from an Excel workbook after a preview of what it holds (or what is wrong with it);
export; retire a version or bring it back; move draft visits to another version
(template_migration_dialog). docs/template-workbook.md is the author's guide.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..core.checklist import Template
from ..core.errors import UserError
from ..services import checklists, template_migration
from ..services.checklist_workbook import example_template, read_template_workbook, write_template_workbook
from .context import AppContext
from .guarded import WorkerCalls
from .messages import show_info
from .table_models import RowTableModel
from .template_migration_dialog import TemplateMigrationDialog

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


class TemplateTableModel(RowTableModel):
    columns = (
        ("名称", lambda i: i.template.short_title or i.template.title),
        ("编号", lambda i: i.template.id),
        ("版本", lambda i: i.template.version),
        ("等级", lambda i: i.template.scale.top),
        ("条目", lambda i: sum(1 for _ in i.template.items())),
        ("安装方式", lambda i: i.origin),
        ("巡诊", lambda i: i.visits),
        ("状态", lambda i: "已停用" if i.retired else "使用中"),
        ("来源", lambda i: i.template.source),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self.row_at(index.row()).retired:
            return QColor("#8a96a3")
        return super().data(index, role)


def template_summary(t: Template) -> str:
    items = list(t.items())
    vetoes = [i for i in items if i.veto]
    levels = "、".join(lv.name for lv in t.scale.levels)
    text = (f"{t.title}（{t.id} 版本 {t.version}）\n来源：{t.source or '—'}\n"
            f"{t.scale.top} 级量表：{levels}；{len(t.goals)} 个培育目标、"
            f"{sum(len(g.measures) for g in t.goals)} 项主要举措、{len(items)} 个条目")
    if vetoes:
        text += "；否决项 " + "、".join(i.code for i in vetoes)
    return text


class TemplateImportDialog(QDialog):
    """What a workbook holds before it is installed: goals → measures → items, or the problem."""

    def __init__(self, path: Path, template: Template | None, problem: str | None, parent=None):
        super().__init__(parent)
        self.template = template
        self.setWindowTitle(f"导入检查表模板：{path.name}")
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        self.summary = QLabel(template_summary(template) if template else "")
        self.summary.setWordWrap(True)
        self.problem = QLabel(problem or "")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.problem.setVisible(bool(problem))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["编号", "内容", "否决条件 / 说明"])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setWordWrap(True)
        if template is not None:
            self._fill(template)
        self.tree.setVisible(template is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.installButton = buttons.addButton("安装", QDialogButtonBox.ButtonRole.AcceptRole)
        self.installButton.setEnabled(template is not None and not problem)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for w in (self.summary, self.problem, self.tree):
            layout.addWidget(w)
        if template is None:
            layout.addStretch(1)
        layout.addWidget(buttons)

    def _fill(self, t: Template) -> None:
        for g in t.goals:
            gi = QTreeWidgetItem([g.code, g.title, f"权重 {g.weight:g}" if g.weight != 1 else ""])
            self.tree.addTopLevelItem(gi)
            for m in g.measures:
                mi = QTreeWidgetItem([m.code, m.title, f"权重 {m.weight:g}" if m.weight != 1 else ""])
                gi.addChild(mi)
                for i in m.items:
                    note = ""
                    if i.veto:
                        note = f"否决：{i.veto.text}（最高 {i.veto.cap} 级）"
                    elif not i.may_be_not_applicable:
                        note = "不允许不适用"
                    mi.addChild(QTreeWidgetItem([i.code, i.text, note]))
        self.tree.expandAll()


class TemplateManager(QGroupBox):
    changed = Signal()  # a template was installed, retired or brought back

    def __init__(self, ctx: AppContext, calls: WorkerCalls, parent=None):
        super().__init__("检查表模板", parent)
        self.ctx, self.calls = ctx, calls
        self.dialog: TemplateImportDialog | None = None
        self.migration: TemplateMigrationDialog | None = None
        layout = QVBoxLayout(self)
        self.model = TemplateTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # 来源, a long text: elided, in full in its tooltip
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.importButton = QPushButton("从 Excel 导入…")
        self.exportButton = QPushButton("导出 Excel…")
        self.retireButton = QPushButton("停用此版本")
        self.migrateButton = QPushButton("更换巡诊版本…")
        self.exampleButton = QPushButton("模板样例…")
        for b in (self.importButton, self.exportButton, self.retireButton, self.migrateButton, self.exampleButton):
            b.setMinimumHeight(34)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.hint = QLabel("停用的版本不再用于新巡诊，已有巡诊照常显示。Excel 格式见 docs/template-workbook.md。")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6b77;")
        layout.addWidget(self.hint)
        self.importButton.clicked.connect(self.choose_import)
        self.exportButton.clicked.connect(self.choose_export)
        self.retireButton.clicked.connect(self.toggle_retired)
        self.exampleButton.clicked.connect(self.choose_example)
        self.migrateButton.clicked.connect(self.open_migration)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def refresh(self) -> None:
        store = self.ctx.store
        self.calls.run(lambda: checklists.installed_templates(store), self._fill)

    def _fill(self, rows) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        keys = [r.key for r in rows]
        if chosen is not None and chosen.key in keys:
            self.view.selectRow(keys.index(chosen.key))
        self._update_buttons()

    def selected(self):
        index = self.view.currentIndex()
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(index.row()) if index.isValid() and rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.exportButton.setEnabled(chosen is not None)
        self.retireButton.setEnabled(chosen is not None)
        self.migrateButton.setEnabled(chosen is not None and chosen.visits > 0)
        self.retireButton.setText("恢复使用此版本" if chosen is not None and chosen.retired else "停用此版本")

    # -- import ------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择检查表模板工作簿", "", XLSX_FILTER)
        if path:
            self.preview(Path(path))

    def preview(self, path: Path) -> None:
        """Read the workbook on the worker, then show what it holds (nothing installed yet)."""
        store = self.ctx.store

        def job():
            try:
                template = read_template_workbook(path)
            except UserError as exc:
                return None, str(exc)
            return template, checklists.install_problem(store, template)

        self.calls.run(job, lambda result: self._show_preview(path, *result))

    def _show_preview(self, path: Path, template, problem) -> None:
        self.dialog = dialog = TemplateImportDialog(path, template, problem, self)
        dialog.accepted.connect(lambda: self._install(dialog.template))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        dialog.open()

    def _install(self, template: Template) -> None:
        store = self.ctx.store
        self.calls.run(lambda: checklists.install(store, template), lambda _: self._installed(template))

    def _installed(self, template: Template) -> None:
        self.refresh()
        self.changed.emit()
        self.hint.setText(f"已安装 {template.id} 版本 {template.version}。")

    # -- export, example, retire -----------------------------------------------------
    def choose_export(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        t = chosen.template
        path, _ = QFileDialog.getSaveFileName(self, "导出检查表模板", f"{t.id}-{t.version}.xlsx", XLSX_FILTER)
        if path:
            self.export_to(t, Path(path))

    def export_to(self, template: Template, path: Path) -> None:
        self.calls.run(lambda: write_template_workbook(template, path),
                       lambda written: show_info(self, "导出检查表模板", f"已写出：{written}"))

    def choose_example(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "保存模板样例", "模板样例.xlsx", XLSX_FILTER)
        if path:
            bundled = next(t for t in checklists.bundled_templates() if t.id == checklists.DEFAULT_TEMPLATE_ID)
            self.export_to(example_template(bundled), Path(path))

    def toggle_retired(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        store, (tid, version), retire = self.ctx.store, chosen.key, not chosen.retired

        def done(_):
            self.refresh()
            self.changed.emit()

        self.calls.run(lambda: checklists.set_retired(store, tid, version, retire), done)

    def open_migration(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        store, (tid, version) = self.ctx.store, chosen.key

        def job():
            return (template_migration.drafts_on(store, tid, version),
                    template_migration.newer_versions(store, tid, version))

        self.calls.run(job, lambda result: self._show_migration(chosen.key, *result))

    def _show_migration(self, key, drafts, targets) -> None:
        if not targets:
            show_info(self, "更换巡诊版本", f"模板 {key[0]} 没有其他可用的版本。请先导入新版本。")
            return
        if not drafts:
            show_info(self, "更换巡诊版本", f"版本 {key[1]} 上没有草稿巡诊；已定稿的巡诊须先重新打开。")
            return
        self.migration = dialog = TemplateMigrationDialog(self.ctx, key, drafts, targets, self)
        dialog.migrated.connect(self.refresh)
        dialog.migrated.connect(self.changed.emit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "migration", None))
        dialog.open()
