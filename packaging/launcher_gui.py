"""Frozen entry point for the windowed app (Xunzhen.exe): always the GUI."""

import os
import sys


def report_start_up_to(path: str) -> None:
    """For benchmarks/frozen_startup.py: append "SHOWN <epoch>" when the main window is
    first shown and "READY <epoch>" once its pages hold the data, then quit.

    The frozen app cannot be wrapped by benchmarks/_gui_probe.py, so the same two
    hooks are installed here, only when XUNZHEN_STARTUP_REPORT names a file. A file
    rather than stdout, because the windowed executable has no console on Windows.
    """
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from xunzhen_app.gui import main_window

    def note(event: str) -> None:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{event} {time.time():.6f}\n")

    window_class = main_window.MainWindow
    show_event, attach = window_class.showEvent, window_class.attach

    def shown(self, event):
        show_event(self, event)
        note("SHOWN")

    def attached(self, ctx, restore_visit=True):
        attach(self, ctx, restore_visit)

        def ready():
            ctx.tasks.flush()
            QApplication.processEvents()
            note("READY")
            QApplication.quit()

        QTimer.singleShot(0, ready)

    window_class.showEvent = shown
    window_class.attach = attached


if os.environ.get("XUNZHEN_STARTUP_REPORT"):
    report_start_up_to(os.environ["XUNZHEN_STARTUP_REPORT"])

from xunzhen_app.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))
