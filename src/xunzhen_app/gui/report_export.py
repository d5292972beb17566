"""Exporting reports from any screen: one PDF or Word file, a workbook, or many PDFs at once.

Each function asks where to write (unless given ``target``), does the work on
the worker and ends with a message that offers 打开文件夹. The folder last
written to is remembered in the settings and offered next time.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..services import reports
from ..services.reports import BatchResult, ExportSelection, WrittenFile
from .context import AppContext
from .guarded import run_guarded
from .long_task import run_long_task
from .messages import show_info

LAST_FOLDER_KEY = "reports/last_folder"
OPEN_FOLDER = "打开文件夹"


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the system's file manager (tests replace this to record the folder)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _last_folder(ctx: AppContext) -> Path:
    saved = ctx.settings.value(LAST_FOLDER_KEY, "")
    return Path(saved) if saved and Path(saved).is_dir() else Path.home()


def _ask_file(ctx: AppContext, parent: QWidget, title: str, name: str, file_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(_last_folder(ctx) / name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    suffix = Path(name).suffix
    if path.suffix.lower() != suffix:  # some platforms' dialogs do not add it
        path = path.with_name(path.name + suffix)
    ctx.settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    return path


def _done_message(parent: QWidget, title: str, text: str, folder: Path | None,
                  details: str = "", warn: bool = False) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, parent)
    if folder is not None:
        button = box.addButton(OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda: open_folder(folder))
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _write(ctx: AppContext, parent: QWidget, title: str, job, describe) -> None:
    """Run ``job() -> WrittenFile`` on the worker and report where it went."""
    def done(written: WrittenFile) -> None:
        _done_message(parent, title, describe(written), written.path.parent)

    run_guarded(ctx, parent, title, job, done)


def _with_target(ctx: AppContext, parent: QWidget, title: str, target: Path | None, default_name,
                 file_filter: str, then) -> None:
    """Call ``then(path)`` with ``target``, or with the file the user picks under a default name.

    The default name may need the database (the visit's enterprise), so it is
    worked out on the worker before the dialog opens.
    """
    if target is not None:
        then(Path(target))
        return

    def ask(name: str) -> None:
        path = _ask_file(ctx, parent, title, name, file_filter)
        if path is not None:
            then(path)

    run_guarded(ctx, parent, title, default_name, ask)


def export_visit_pdf(ctx: AppContext, parent: QWidget, visit_id: str, target: Path | None = None) -> None:
    title, store = "导出报告", ctx.store

    def write(path: Path) -> None:
        _write(ctx, parent, title, lambda: reports.write_visit_pdf(store, visit_id, path),
               lambda w: f"已导出报告：{w.path}（{w.pages} 页）")

    _with_target(ctx, parent, title, target, lambda: reports.visit_report_filename(store, visit_id),
                 "PDF 文件 (*.pdf)", write)


def export_visit_docx(ctx: AppContext, parent: QWidget, visit_id: str, target: Path | None = None) -> None:
    title, store = "导出Word", ctx.store

    def write(path: Path) -> None:
        _write(ctx, parent, title, lambda: reports.write_visit_docx(store, visit_id, path),
               lambda w: f"已导出可编辑的报告：{w.path}")

    _with_target(ctx, parent, title, target, lambda: reports.visit_report_filename(store, visit_id, ".docx"),
                 "Word 文档 (*.docx)", write)


def export_visit_workbook(ctx: AppContext, parent: QWidget, visit_id: str, target: Path | None = None) -> None:
    title, store = "导出Excel", ctx.store

    def write(path: Path) -> None:
        selection = ExportSelection(visit_refs=(visit_id,))
        _write(ctx, parent, title, lambda: reports.write_workbook(store, selection, path),
               lambda w: f"已导出本次巡诊明细：{w.path}")

    _with_target(ctx, parent, title, target,
                 lambda: str(Path(reports.visit_report_filename(store, visit_id)).with_suffix(".xlsx")),
                 "Excel 文件 (*.xlsx)", write)


def export_workbook(ctx: AppContext, parent: QWidget, selection: ExportSelection,
                    target: Path | None = None) -> None:
    title, store = "导出汇总", ctx.store

    def write(path: Path) -> None:
        _write(ctx, parent, title, lambda: reports.write_workbook(store, selection, path),
               lambda w: f"已导出汇总（{w.rows} 家企业）：{w.path}")

    scope = "-".join(v for v in (selection.city, selection.cultivation_type, selection.stage, selection.status) if v)
    name = f"巡诊汇总-{scope + '-' if scope else ''}{date.today().isoformat()}.xlsx"
    _with_target(ctx, parent, title, target, lambda: name, "Excel 文件 (*.xlsx)", write)


def export_pdfs(ctx: AppContext, parent: QWidget, visit_ids: list[str], target: Path | None = None,
                as_zip: bool = False) -> None:
    """Many reports: one PDF each into a folder, or all of them in one .zip, with progress and 取消."""
    title, store, ids = "批量导出报告", ctx.store, list(visit_ids)
    if not ids:
        show_info(parent, title, "没有选中任何巡诊，未导出报告。")
        return
    if target is None:
        target = _ask_target(ctx, parent, title, as_zip)
        if target is None:
            return
    target = Path(target)

    def work(report):
        if as_zip:
            return reports.export_pdf_zip(store, ids, target, report)
        return reports.batch_export_pdfs(store, ids, target, report)

    run_long_task(ctx, parent, title, f"正在生成 {len(ids)} 份报告", work,
                  lambda result: _batch_message(parent, title, result, target if as_zip else None))


def _ask_target(ctx: AppContext, parent: QWidget, title: str, as_zip: bool) -> Path | None:
    if as_zip:
        return _ask_file(ctx, parent, title, f"质量巡诊报告-{date.today().isoformat()}.zip", "压缩包 (*.zip)")
    chosen = QFileDialog.getExistingDirectory(parent, f"{title}：选择文件夹", str(_last_folder(ctx)))
    if not chosen:
        return None
    ctx.settings.setValue(LAST_FOLDER_KEY, chosen)
    return Path(chosen)


def _batch_message(parent: QWidget, title: str, result: BatchResult, zip_path: Path | None) -> QMessageBox:
    count = len(result.written)
    where = zip_path if zip_path is not None else result.out_dir
    if result.cancelled and zip_path is not None:
        lines = [f"已取消，未生成压缩包 {zip_path}。"]
    elif result.cancelled:
        lines = [f"已取消：之前已生成的 {count} 份报告保留在 {where}。"]
    elif count:
        lines = [f"已导出 {count} 份报告到 {where}。"]
    else:
        lines = ["没有生成任何报告。"]
    if result.failed:
        lines.append(f"{len(result.failed)} 份未能生成，原因见“详细信息”。")
    details = "\n".join(f"巡诊 {visit_id[:8]}：{reason}" for visit_id, reason in result.failed)
    folder = result.out_dir if count and result.out_dir is not None else None
    return _done_message(parent, title, "\n".join(lines), folder, details,
                         warn=result.cancelled or bool(result.failed))


__all__ = ["export_pdfs", "export_visit_docx", "export_visit_pdf", "export_visit_workbook", "export_workbook", "open_folder"]


def export_case(ctx: AppContext, parent: QWidget, case_id: str, suffix: str, target: Path | None = None) -> None:
    """A 典型案例 as Word (``.docx``) or PDF (``.pdf``)."""
    from ..services import cases
    from ..services.reports.case_report import write_case

    title, store = "导出典型案例", ctx.store

    def write(path: Path) -> None:
        _write(ctx, parent, title, lambda: write_case(store, case_id, path),
               lambda w: f"已导出典型案例：{w.path}" + (f"（{w.pages} 页）" if w.pages else ""))

    _with_target(ctx, parent, title, target,
                 lambda: f"典型案例-{cases.get_case(store, case_id).enterprise}{suffix}",
                 "Word 文档 (*.docx)" if suffix == ".docx" else "PDF 文件 (*.pdf)", write)
