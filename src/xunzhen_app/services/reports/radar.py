"""Radar chart of the goal scores, drawn with reportlab graphics (vector, same fonts as the text).

The scale numbers sit on the white gap between the first and the last spoke,
in a white box, so the data line never covers them; they are 9 pt, the
labels 10.5 pt, both legible on paper.
"""

from __future__ import annotations

import io
import math

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor, white

from .document import Radar

_GRID = HexColor("#b8b8b8")
_SCALE = HexColor("#555555")
_CURRENT = HexColor("#1f5fa8")
_PREVIOUS = HexColor("#8a8a8a")
SCALE_SIZE, LABEL_SIZE = 9, 10.5


def radar_chart(font: str, labels: list[str], values: list[float | None], previous: list[float | None] | None = None,
                top: int = 5, width: float = 420, height: float = 300) -> Drawing:
    """Levels 0–``top`` on each spoke; a missing score sits at the centre."""
    d = Drawing(width, height)
    cx, cy, radius = width / 2, height / 2 - 2, min(width, height) / 2 - 40
    n = len(labels)

    def point(k: float, level: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * k / n
        r = radius * level / top
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for level in range(1, top + 1):
        ring = [c for k in range(n) for c in point(k, level)]
        d.add(Polygon(ring, strokeColor=_GRID, strokeWidth=0.5, fillColor=None))
    for k, label in enumerate(labels):
        x, y = point(k, top)
        d.add(Line(cx, cy, x, y, strokeColor=_GRID, strokeWidth=0.5))
        lx, ly = point(k, top + 0.5)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        d.add(String(lx, ly - LABEL_SIZE / 3, label, fontName=font, fontSize=LABEL_SIZE, textAnchor=anchor))
    if previous is not None:
        pts = [c for k in range(n) for c in point(k, previous[k] or 0)]
        d.add(PolyLine(pts + pts[:2], strokeColor=_PREVIOUS, strokeWidth=1.2, strokeDashArray=[4, 2]))
    pts = [c for k in range(n) for c in point(k, values[k] or 0)]
    d.add(Polygon(pts, strokeColor=_CURRENT, strokeWidth=1.6, fillColor=Color(0.12, 0.37, 0.66, alpha=0.16)))
    # Drawn last, on the bisector of the last sector, so no line crosses them.
    for level in range(1, top + 1):
        x, y = point(n - 0.5, level)
        w = SCALE_SIZE * 0.62
        d.add(Rect(x - w / 2 - 1, y - SCALE_SIZE / 2, w + 2, SCALE_SIZE, fillColor=white, strokeColor=None))
        d.add(String(x, y - SCALE_SIZE / 3, str(level), fontName=font, fontSize=SCALE_SIZE, fillColor=_SCALE,
                     textAnchor="middle"))
    return d


def radar_png(radar: Radar, width_mm: float = 156, height_mm: float = 100, dpi: int = 200) -> bytes:
    """The same chart as a PNG, for the Word file: drawn as a one-page PDF and rasterised by PDFium.

    One drawing for both formats, so the Word radar cannot differ from the PDF's.
    """
    import pypdfium2
    from reportlab.graphics import renderPDF
    from reportlab.lib.units import mm

    from .fonts import register_report_fonts

    fonts = register_report_fonts()
    drawing = radar_chart(fonts.hei, list(radar.labels), list(radar.values),
                          list(radar.previous) if radar.previous else None, top=radar.top,
                          width=width_mm * mm, height=height_mm * mm)
    pdf = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = pdf[0].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()
    out = io.BytesIO()
    image.convert("RGB").save(out, "PNG", optimize=False)
    return out.getvalue()
