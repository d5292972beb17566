"""Register the bundled CJK font so Chinese renders on a machine without one."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import resources_access

FONT_FILE = "fonts/wqy-microhei.ttc"


def install_app_font(app: QApplication, point_size: int = 10) -> str:
    """Load the bundled font (must run after QApplication exists); returns its family."""
    font_id = QFontDatabase.addApplicationFontFromData(resources_access.read_bytes(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else app.font().family()
    font = QFont(family, point_size)
    app.setFont(font)
    return family


def enlarge(widget, factor: float, bold: bool = False) -> None:
    """A larger (and bold) font for a heading, as a style sheet: a font set with setFont is
    lost once an application style sheet (触屏模式) is in force."""
    size = widget.font().pointSizeF() * factor
    widget.setStyleSheet(f"font-size: {size:.1f}pt;" + (" font-weight: bold;" if bold else ""))
