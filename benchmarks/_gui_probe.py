"""Child process for the GUI benchmarks: start the app as `xunzhen` does and
report once the main window has been shown (then quit).

Usage: python _gui_probe.py DATA_DIR [--memory]
Prints "SHOWN <seconds since interpreter start> <heavy modules loaded>" when
the window is first shown, "READY <seconds>" when its pages hold the data,
and, with --memory, "RSS <MiB>" after every page has been shown once.
"""

from __future__ import annotations

import sys
import time

T0 = time.perf_counter()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from xunzhen_app.gui import main_window  # noqa: E402

HEAVY = ("reportlab", "openpyxl", "alembic")
memory = "--memory" in sys.argv


def rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def visit_every_page(window) -> None:
    for i in range(4):
        window.show_page(i)
        for _ in range(20):
            window.ctx.tasks.flush()
            QApplication.processEvents()
            time.sleep(0.01)
    print(f"RSS {rss_mib():.1f}", flush=True)
    QApplication.quit()


_original = main_window.MainWindow.showEvent


_attach = main_window.MainWindow.attach


def _shown(self, event):
    _original(self, event)
    loaded = [m for m in HEAVY if m in sys.modules]
    print(f"SHOWN {time.perf_counter() - T0:.3f} {','.join(loaded) or '-'}", flush=True)


def _attached(self, ctx, restore_visit=True):
    _attach(self, ctx, restore_visit)

    def ready():
        ctx.tasks.flush()  # the first page's query and the reopened visit
        QApplication.processEvents()
        loaded = [m for m in HEAVY if m in sys.modules]
        print(f"READY {time.perf_counter() - T0:.3f} {','.join(loaded) or '-'}", flush=True)
        if memory:
            visit_every_page(self)
        else:
            QApplication.quit()

    QTimer.singleShot(0, ready)


main_window.MainWindow.showEvent = _shown
main_window.MainWindow.attach = _attached

if "--direct" in sys.argv:  # the GUI without the command-line front end, for comparison
    from xunzhen_app.gui.app import run_gui  # noqa: E402

    sys.exit(run_gui(sys.argv[1]))
from xunzhen_app.cli import main  # noqa: E402

sys.exit(main(["--data-dir", sys.argv[1]]))
