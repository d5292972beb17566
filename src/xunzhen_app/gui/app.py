"""Starting the desktop workbench."""

from __future__ import annotations

import sys


def run_gui(data_dir: str | None = None, db_url: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    from .. import APP_NAME, __version__

    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel(f"{APP_NAME} {__version__}")
    label.setWindowTitle(f"{APP_NAME} {__version__}")
    label.resize(800, 600)
    label.show()
    return app.exec()
