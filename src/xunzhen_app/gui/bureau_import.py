"""Importing a batch of packages from the 汇总台: preview → 导入/取消 → import → report.

Both the preview and the import run on the worker behind the shared progress
dialog, whose 取消 takes effect between packages. The preview writes nothing;
the import is one transaction per package, as on the command line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ..services import bureau
from ..services.exchange import signing
from ..services.import_counts import package_counts, total
from .bureau_models import entity_name
from .context import AppContext
from .long_task import run_long_task
from .messages import show_info
from .package_import_dialog import PackageImportDialog

TITLE = "导入数据包"


def left_out(preview: bureau.PreviewBatch, wanted: list[Path]) -> list[str]:
    """Packages of the preview that were not imported, and why."""
    lines = [f"整包拒收：{p.error}" for p in preview.previews if p.error]
    lines += [f"未导入：{p.path.name}（发送者“{p.unknown_sender.name}”未被接受）"
              for p in preview.previews if p.importable and p.path not in wanted]
    return lines


def batch_report(batch: bureau.ImportBatch, skipped: list[str]) -> str:
    lines = []
    for rep in batch.reports:
        if rep.already_imported or rep.kind == "receipt":
            lines.append(rep.summary())
        else:  # in visits and enterprises, not records
            lines.append(f"{rep.source}：已导入来自“{rep.sender_name}”的数据包："
                         f"{package_counts(rep.new, rep.updated, rep.visit_ids).describe()}")
        lines += [f"  冲突：{entity_name(r.entity)} {r.label}（待逐字段解决）" for r in rep.conflicts]
        lines += [f"  拒收：{entity_name(r.entity)} {r.label}：{r.reason}" for r in rep.refused]
        if rep.sender_registered:
            lines.append(f"  已登记新的发送者：{rep.sender_name}（指纹 {signing.pretty(rep.sender_fingerprint)}）")
    lines += [f"错误：{exc}" for exc in batch.errors] + skipped
    if batch.cancelled:
        lines.append(f"导入已取消：{len(batch.not_started)} 个数据包未导入（{'、'.join(p.name for p in batch.not_started)}）")
    return "\n".join(lines) or "没有导入任何数据包。"


def headline(batch: bureau.ImportBatch) -> str:
    done = [r for r in batch.reports if not r.already_imported]
    conflicts = sum(len(r.conflicts) for r in done)
    counts = total(package_counts(r.new, r.updated, r.visit_ids) for r in done)
    text = (f"已导入 {len(done)} 个数据包：{counts.describe()}，冲突 {conflicts} 处，"
            f"拒收 {sum(len(r.refused) for r in done)} 处")
    if batch.errors:
        text += f"；{len(batch.errors)} 个数据包被拒绝"
    if batch.cancelled:
        text += "；已取消，其余数据包未导入"
    return text + "。"


class BatchImport(QObject):
    """One run of the flow; ``finished`` carries the report once the user has decided."""

    finished = Signal(str, bool)  # report text, whether the store changed

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx, self.page = ctx, parent
        self.dialog: PackageImportDialog | None = None
        self.preview = bureau.PreviewBatch(())
        self.skipped: list[str] = []

    def start(self, paths: list[Path]) -> None:
        store = self.ctx.store

        def work(report):
            files = bureau.package_files(paths)
            keys = signing.load_or_create_keys(store.paths, store)
            return bureau.preview_packages(store, keys, files, report)

        run_long_task(self.ctx, self.page, TITLE, "正在检查数据包…", work, self._previewed)

    def _previewed(self, batch: bureau.PreviewBatch) -> None:
        if not batch.previews:
            show_info(self.page, TITLE, "所选位置没有数据包（.xzp 文件）。")
            return
        self.preview = batch
        self.dialog = PackageImportDialog(batch, self.page)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.importRequested.connect(self._import)
        self.dialog.open()

    def _import(self, paths: list[Path], accepted: list[Path]) -> None:
        self.dialog = None
        self.skipped = left_out(self.preview, paths)
        if not paths:
            self.finished.emit("\n".join(["没有导入任何数据包，数据库未作任何修改。", "", *self.skipped]), False)
            return
        store = self.ctx.store

        def work(report):
            keys = signing.load_or_create_keys(store.paths, store)
            return bureau.import_packages(store, keys, paths, accepted, report)

        run_long_task(self.ctx, self.page, TITLE, "正在导入数据包…", work, self._imported)

    def _imported(self, batch: bureau.ImportBatch) -> None:
        details = batch_report(batch, self.skipped)
        head = headline(batch) + (f"另有 {len(self.skipped)} 个数据包未导入，见详情。" if self.skipped else "")
        self.finished.emit(f"{head}\n\n{details}", bool(batch.reports))
        show_info(self.page, TITLE, head, details)
