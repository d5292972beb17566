"""The application icon, drawn from the bundled SVG (crisp at every DPI)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap

from .. import resources_access

ICON_FILE = "icons/xunzhen.svg"


@cache
def app_icon() -> QIcon:
    """Needs a QGuiApplication; the SVG image plugin ships with PySide6."""
    source = QPixmap()
    source.loadFromData(resources_access.read_bytes(ICON_FILE), "SVG")
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(source.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation))
    return icon
