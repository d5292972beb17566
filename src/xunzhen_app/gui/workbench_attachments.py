"""Attachments of the open item: a list model with thumbnails, and opening originals.

Thumbnails need the file's bytes, which live in the database; the page loads
them on the worker and hands them to ``set_thumbnail``. Opening an original
writes it to a private temporary folder (the viewer needs a real file) and
asks the desktop to open it.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from ..services.dto import AttachmentInfo

THUMB = QSize(96, 72)
_temp_dir: tempfile.TemporaryDirectory | None = None


def is_image(info: AttachmentInfo) -> bool:
    return info.media_type.startswith("image/")


def thumbnail(data: bytes) -> QIcon | None:
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return QIcon(QPixmap.fromImage(image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation)))


def open_original(info: AttachmentInfo, data: bytes) -> Path:
    """Write the stored file to a temp folder (removed at exit) and open it with the desktop's viewer."""
    global _temp_dir
    if _temp_dir is None:
        _temp_dir = tempfile.TemporaryDirectory(prefix="xunzhen-")
    safe = re.sub(r'[\\/:*?"<>|]', "_", info.filename) or "附件"
    path = Path(_temp_dir.name) / info.sha256[:12] / safe
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


class AttachmentListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AttachmentInfo] = []
        self._thumbs: dict[str, QIcon] = {}  # by sha256: the same photo is decoded once

    def set_rows(self, rows: list[AttachmentInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[AttachmentInfo]:
        return list(self._rows)

    def has_thumbnail(self, sha256: str) -> bool:
        return sha256 in self._thumbs

    def set_thumbnail(self, sha256: str, icon: QIcon | None) -> None:
        if icon is None:
            return
        self._thumbs[sha256] = icon
        for n, info in enumerate(self._rows):
            if info.sha256 == sha256:
                self.dataChanged.emit(self.index(n), self.index(n), [Qt.ItemDataRole.DecorationRole])

    def info(self, row: int) -> AttachmentInfo:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            name = info.caption or info.filename
            return name if len(name) <= 12 else name[:11] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{info.filename}（{max(1, info.size // 1024)} KB）{('：' + info.caption) if info.caption else ''}"
        if role == Qt.ItemDataRole.DecorationRole:
            icon = self._thumbs.get(info.sha256)
            if icon is None:
                kind = QStyle.StandardPixmap.SP_FileIcon
                icon = QApplication.style().standardIcon(kind)
            return icon
        return None
