"""Render each main screen over the current data to PNG files, offscreen.

Used by `xunzhen screenshots OUT_DIR` to look at the screens at the size of a
common laptop (1366×768 less the taskbar) and to illustrate the README. The
window state is kept in a throw-away settings file, so taking screenshots
never changes the user's last page or last visit.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

WINDOW_SIZE = (1366, 720)  # a 1366×768 screen less a Windows taskbar


def _settle(app, tasks, rounds: int = 12) -> None:
    """Let worker jobs finish and their callbacks (which may queue more) run."""
    for _ in range(rounds):
        tasks.flush()
        app.processEvents()
        time.sleep(0.02)
        app.processEvents()


def _pick_visit(store) -> str:
    """The most recent visit, preferring one that has a previous visit to compare with."""
    from ..services import visits

    rows = visits.list_visits(store)
    follow_ups = [v for v in rows if v.stage != "前期巡诊"]
    chosen = (follow_ups or rows or [None])[0]
    return chosen.id if chosen else ""


def _report_preview(app, ctx, visit_id: str, window, path: Path) -> Path:
    """The report preview dialog with its first pages rendered (it needs PDFium, so the
    frozen app's smoke test sees a missing library here too)."""
    from .report_preview import ReportPreviewDialog

    dialog = ReportPreviewDialog(ctx, visit_id, window)
    dialog.resize(900, 700)
    dialog.show()
    _settle(app, ctx.tasks, rounds=40)
    try:
        if dialog.page_count == 0:
            raise OSError("报告预览没有打开，未能截图")
        if not dialog.grab().save(str(path)):
            raise OSError(f"无法写入截图“{path}”")
    finally:
        dialog.close()
        _settle(app, ctx.tasks, rounds=2)
    return path


def render_screenshots(out_dir: Path, data_dir: str | None = None, db_url: str | None = None) -> list[Path]:
    # Offscreen unless the caller chose a platform; harmless once a QApplication exists.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from .app import make_application, open_context
    from .main_window import BUREAU, ENTERPRISES, SETTINGS, SUMMARY_PAGE, WORKBENCH_PAGE, MainWindow

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "screenshots.ini"), QSettings.Format.IniFormat)
        ctx, _ = open_context(data_dir, db_url, settings, auto_backup=False)
        try:
            window = MainWindow(ctx, restore_visit=False)
            window.resize(*WINDOW_SIZE)
            window.show()
            _settle(app, ctx.tasks)
            visit_id = _pick_visit(ctx.store)
            written = []
            # ASCII names: they end up in docs/ and on Windows shares where CJK names get mangled.
            shots = [(ENTERPRISES, "enterprises"), (WORKBENCH_PAGE, "workbench"),
                     (SUMMARY_PAGE, "summary"), (BUREAU, "bureau"), (SETTINGS, "settings")]
            if visit_id:
                window.open_visit(visit_id, switch=False)
                _settle(app, ctx.tasks)
                from ..services.visits import get_visit

                window.enterprise_page.select_enterprise(get_visit(ctx.store, visit_id).row.enterprise_id)
            for index, name in shots:
                window.show_page(index)
                _settle(app, ctx.tasks)
                path = out_dir / f"{name}.png"
                if not window.grab().save(str(path)):
                    raise OSError(f"无法写入截图“{path}”")
                written.append(path)
            if visit_id:
                written.append(_report_preview(app, ctx, visit_id, window, out_dir / "report.png"))
            window.close()
            _settle(app, ctx.tasks, rounds=2)
            return written
        finally:
            ctx.tasks.flush()
            ctx.store.close()
            del settings

