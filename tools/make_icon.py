"""Render resources/icons/xunzhen.svg to the committed raster icons.

    uv run python tools/make_icon.py

writes resources/icons/xunzhen.ico (16–256 px, for the Windows executables and
the installer) and resources/icons/xunzhen-256.png (for Linux desktops). Each
size is rendered from the SVG rather than scaled down from 256 px, so the small
sizes stay sharp. Run it again after editing the SVG and commit the results.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> None:
    _app = QGuiApplication([])  # QPainter needs one for its font and raster set-up
    renderer = QSvgRenderer(str(ICONS / "xunzhen.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/icons/xunzhen.svg could not be read")
    images = [render(renderer, size) for size in SIZES]
    largest = images[-1]
    largest.save(ICONS / "xunzhen.ico", format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    largest.save(ICONS / "xunzhen-256.png", optimize=True)
    print(f"wrote {ICONS / 'xunzhen.ico'} ({', '.join(map(str, SIZES))} px) and {ICONS / 'xunzhen-256.png'}")


if __name__ == "__main__":
    main()
