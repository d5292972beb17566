"""质量巡诊报告 PDF and Word, and Excel exports — the service API the CLI and the GUI call.

Every function takes the store and returns plain data; files are written
atomically (see ``atomic``). reportlab, python-docx and openpyxl are imported only
when a report is made, so starting the app does not pay for them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...core.errors import UserError
from ...fs import describe_os_error
from .. import visits as visit_service
from .atomic import write_atomically
from .photos import forget_prepared_photos
from .selection import ExportSelection, enterprises_for, load_details, resolve_visit_ids


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    size: int
    pages: int = 0  # PDF pages; 0 for workbooks
    rows: int = 0   # data rows written (visits or enterprises) for workbooks


@dataclass(frozen=True)
class BatchResult:
    written: tuple[WrittenFile, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (visit id, Chinese message)
    cancelled: bool = False
    out_dir: Path | None = None


def visit_document(store, visit_ref: str):
    """The report's document model (``document.Document``) of one visit, which both writers render."""
    from .report_content import build_document

    detail = visit_service.get_visit(store, visit_ref)
    previous = visit_service.previous_visit(store, detail.row.id)
    return build_document(detail, previous, lambda sha: visit_service.attachment_bytes(store, sha))


def render_visit_pdf_bytes(store, visit_ref: str) -> tuple[bytes, int]:
    """The report as bytes and its page count, without writing a file (for a preview)."""
    from .pdf_report import render_pdf

    rendered = render_pdf(visit_document(store, visit_ref))
    return rendered.data, rendered.pages


def write_visit_pdf(store, visit_ref: str, path: Path) -> WrittenFile:
    data, pages = render_visit_pdf_bytes(store, visit_ref)
    final = write_atomically(Path(path), lambda out: out.write(data))
    return WrittenFile(final, len(data), pages=pages)


def write_visit_docx(store, visit_ref: str, path: Path) -> WrittenFile:
    """The same report as an editable Word file (pages are counted by Word, so ``pages`` is 0)."""
    from .docx_report import render_docx

    data = render_docx(visit_document(store, visit_ref))
    final = write_atomically(Path(path), lambda out: out.write(data))
    return WrittenFile(final, len(data))


def write_workbook(store, selection: ExportSelection, path: Path) -> WrittenFile:
    """One named visit: the per-visit workbook. Anything else: the summary across visits."""
    visit_ids = resolve_visit_ids(store, selection)
    details = load_details(store, visit_ids)
    if selection.single_visit:
        from .xlsx_visit import build_visit_workbook

        workbook, rows = build_visit_workbook(details[0]), 1
    else:
        from .xlsx_summary import build_summary_workbook

        enterprises = enterprises_for(store, selection, details)
        if not enterprises:
            raise UserError("所选范围内没有企业，未生成文件")
        workbook, rows = build_summary_workbook(enterprises, details, selection.summary_includes_drafts), len(enterprises)
    final = write_atomically(Path(path), workbook.save)
    return WrittenFile(final, final.stat().st_size, rows=rows)


def report_filename(row, suffix: str = ".pdf") -> str:
    """企业名称-阶段-日期-编号.pdf (or .docx), safe on Windows and Linux."""
    name = f"{row.enterprise}-{row.stage}-{row.start_date.isoformat()}-{row.id[:8]}{suffix}"
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name)


def visit_report_filename(store, visit_ref: str, suffix: str = ".pdf") -> str:
    """``report_filename`` of the visit ``visit_ref`` names (the default name a save dialog offers)."""
    with store.session() as s:
        return report_filename(visit_service._row(visit_service.resolve_visit(s, visit_ref)), suffix)


def batch_export_pdfs(store, visit_ids: list[str], out_dir: Path,
                      progress: Callable[[int, int], bool] | None = None) -> BatchResult:
    """One PDF per visit into ``out_dir``.

    ``progress(done, total)`` is called before each file and once at the end;
    returning False stops before the next file (files already written stay).
    A visit that fails is recorded and the batch goes on.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建文件夹 {out_dir}：{describe_os_error(exc)}") from exc
    total = len(visit_ids)
    written: list[WrittenFile] = []
    failed: list[tuple[str, str]] = []
    for done, visit_id in enumerate(visit_ids):
        if progress is not None and progress(done, total) is False:
            return BatchResult(tuple(written), tuple(failed), cancelled=True, out_dir=out_dir)
        try:
            written.append(write_visit_pdf(store, visit_id, out_dir / visit_report_filename(store, visit_id)))
        except UserError as exc:
            failed.append((visit_id, str(exc)))
    forget_prepared_photos()
    if progress is not None:
        progress(total, total)
    return BatchResult(tuple(written), tuple(failed), cancelled=False, out_dir=out_dir)


class _Stop(Exception):
    """Raised inside the archive writer so ``write_atomically`` drops the partial zip."""


def export_pdf_zip(store, visit_ids: list[str], zip_path: Path,
                   progress: Callable[[int, int], bool] | None = None) -> BatchResult:
    """One zip holding a PDF per visit, named by ``report_filename``.

    Same progress convention as ``batch_export_pdfs``. The zip appears under
    its final name only when complete: a cancelled batch, or one where every
    visit failed, leaves no zip (and an older zip of that name untouched).
    ``written`` lists the members, their paths relative to the archive.
    """
    zip_path = Path(zip_path).expanduser().absolute()
    total, written, failed = len(visit_ids), [], []

    def fill(out) -> None:
        # PDFs are compressed already; deflating them again gains little and costs time.
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
            for done, visit_id in enumerate(visit_ids):
                if progress is not None and progress(done, total) is False:
                    raise _Stop
                try:
                    name = visit_report_filename(store, visit_id)
                    data, pages = render_visit_pdf_bytes(store, visit_id)
                except UserError as exc:
                    failed.append((visit_id, str(exc)))
                    continue
                archive.writestr(name, data)
                written.append(WrittenFile(Path(name), len(data), pages=pages))
            if not written:
                raise _Stop

    try:
        write_atomically(zip_path, fill)
    except _Stop:
        forget_prepared_photos()
        cancelled = len(written) + len(failed) < total
        return BatchResult((), tuple(failed), cancelled=cancelled, out_dir=zip_path.parent)
    forget_prepared_photos()
    if progress is not None:
        progress(total, total)
    return BatchResult(tuple(written), tuple(failed), cancelled=False, out_dir=zip_path.parent)


__all__ = [
    "BatchResult", "ExportSelection", "WrittenFile", "batch_export_pdfs", "export_pdf_zip",
    "render_visit_pdf_bytes", "report_filename", "visit_document", "visit_report_filename", "write_visit_docx",
    "write_visit_pdf", "write_workbook",
]
