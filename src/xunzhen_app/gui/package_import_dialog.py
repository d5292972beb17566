"""What a batch import would do, before anything is written (form: ui/package_import_dialog.ui).

导入 first asks, once per unregistered sender, whether to accept it — with its
name, organisation and fingerprint, so the person can check the fingerprint
with the sender — and then hands on the files to import and the ones whose
sender was accepted. Declined senders' packages are left out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox

from ..services.bureau import PackagePreview, PreviewBatch
from ..services.exchange.signing import Card, pretty
from .bureau_models import PreviewModel, entity_name
from .forms.ui_package_import_dialog import Ui_PackageImportDialog
from .table_models import ROW_ROLE


def describe(p: PackagePreview) -> str:
    """The detail of one package: whole-package refusal, or its conflicts and refused records."""
    if p.error:
        return p.error
    rep = p.report
    lines = [rep.summary()]
    if p.unknown_sender is not None:
        c = p.unknown_sender
        lines.append(f"发送者未登记：{c.name}（{c.organisation or '未填单位'}），指纹 {pretty(c.fingerprint)}")
    lines += [f"冲突：{entity_name(r.entity)} {r.label}（本机的版本保持不变，导入的版本待您逐字段决定）"
              for r in rep.conflicts]
    lines += [f"拒收：{entity_name(r.entity)} {r.label}：{r.reason}" for r in rep.refused]
    return "\n".join(lines)


def batch_summary(batch: PreviewBatch) -> str:
    ok = [p for p in batch.previews if p.importable]
    new = sum(len(p.report.new) for p in ok)
    updated = sum(len(p.report.updated) for p in ok)
    deleted = sum(len(p.report.deleted) for p in ok)
    conflicts = sum(len(p.report.conflicts) for p in ok)
    refused = sum(len(p.report.refused) for p in ok)
    whole = sum(1 for p in batch.previews if p.error)
    done = sum(1 for p in batch.previews if p.report is not None and p.report.already_imported)
    unknown = len({p.unknown_sender.fingerprint for p in ok if p.unknown_sender is not None})
    parts = [f"共 {len(batch.previews)} 个数据包，可导入 {len(ok)} 个：新增 {new} 条、更新 {updated} 条、"
             f"删除 {deleted} 条、冲突 {conflicts} 条、拒收 {refused} 条"]
    if done:
        parts.append(f"{done} 个已导入过")
    if whole:
        parts.append(f"{whole} 个整包拒收")
    if unknown:
        parts.append(f"{unknown} 个发送者未登记（导入时逐一询问）")
    if batch.cancelled:
        parts.append("预览被取消，只列出已检查的数据包")
    return "；".join(parts) + "。"


class PackageImportDialog(QDialog):
    importRequested = Signal(list, list)  # files to import, files whose unknown sender was accepted

    def __init__(self, batch: PreviewBatch, parent=None):
        super().__init__(parent)
        self.batch = batch
        self.ui = ui = Ui_PackageImportDialog()
        ui.setupUi(self)
        self.model = PreviewModel(self)
        self.model.set_rows(batch.previews)
        ui.summaryLabel.setText(batch_summary(batch))
        view = ui.previewTable
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(36)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ui.splitter.setSizes([340, 160])
        view.selectionModel().currentRowChanged.connect(self._show_detail)
        ui.importButton.setEnabled(any(p.importable for p in batch.previews))
        ui.importButton.clicked.connect(self.start_import)
        ui.cancelButton.clicked.connect(self.reject)
        for b in (ui.importButton, ui.cancelButton):
            b.setMinimumSize(110, 40)
        if batch.previews:
            view.setCurrentIndex(self.model.index(0, 0))
        self._pending: list[tuple[Card, list[Path]]] = []
        self._accepted: list[Path] = []
        self._declined: set[Path] = set()
        self.question: QMessageBox | None = None

    def _show_detail(self, index) -> None:
        p = index.data(ROW_ROLE) if index.isValid() else None
        self.ui.detailText.setPlainText(describe(p) if p else "")

    def start_import(self) -> None:
        unknown: dict[str, tuple[Card, list[Path]]] = {}
        for p in self.batch.previews:
            if p.importable and p.unknown_sender is not None:
                unknown.setdefault(p.unknown_sender.fingerprint, (p.unknown_sender, []))[1].append(p.path)
        self._pending = list(unknown.values())
        self._accepted, self._declined = [], set()
        self.ui.importButton.setEnabled(False)
        self._ask_next()

    def _ask_next(self) -> None:
        if not self._pending:
            self._finish()
            return
        card, paths = self._pending.pop(0)
        files = "、".join(p.name for p in paths)
        box = QMessageBox(QMessageBox.Icon.Question, "发送者未登记",
                          f"数据包 {files} 的发送者未在本机登记：\n\n"
                          f"姓名：{card.name}\n单位：{card.organisation or '（未填）'}\n指纹：{pretty(card.fingerprint)}\n\n"
                          "请先与发送者核对指纹。仍然导入？导入后本机将登记此发送者。",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText("仍然导入")
        box.button(QMessageBox.StandardButton.No).setText("不导入")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Closing the box any other way counts as 不导入.
        box.finished.connect(lambda _: self._answered(paths, box.clickedButton() is yes))
        self.question = box
        box.open()

    def _answered(self, paths: list[Path], yes: bool) -> None:
        self.question = None
        (self._accepted.extend if yes else self._declined.update)(paths)
        self._ask_next()

    def _finish(self) -> None:
        wanted = [p.path for p in self.batch.previews if p.importable and p.path not in self._declined]
        self.importRequested.emit(wanted, list(self._accepted))
        self.accept()
