"""Radar chart of the goal scores, drawn with reportlab graphics (vector, same font as the text)."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Polygon, String
from reportlab.lib.colors import Color, HexColor

_GRID = HexColor("#b8b8b8")
_CURRENT = HexColor("#1f5fa8")
_PREVIOUS = HexColor("#9a9a9a")


def radar_chart(font: str, labels: list[str], values: list[float | None],
                previous: list[float | None] | None = None, width: float = 420, height: float = 300) -> Drawing:
    """Levels 0–5 on each spoke; a missing score sits at the centre."""
    d = Drawing(width, height)
    cx, cy, radius = width / 2, height / 2 - 4, min(width, height) / 2 - 42
    n = len(labels)

    def point(k: int, level: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * k / n
        r = radius * level / 5
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for level in range(1, 6):
        ring = [c for k in range(n) for c in point(k, level)]
        d.add(Polygon(ring, strokeColor=_GRID, strokeWidth=0.5, fillColor=None))
        x, y = point(0, level)
        d.add(String(x + 3, y - 3, str(level), fontName=font, fontSize=7, fillColor=_PREVIOUS))
    for k, label in enumerate(labels):
        x, y = point(k, 5)
        d.add(Line(cx, cy, x, y, strokeColor=_GRID, strokeWidth=0.5))
        lx, ly = point(k, 5.45)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        d.add(String(lx, ly - 4, label, fontName=font, fontSize=9, textAnchor=anchor))
    if previous is not None:
        pts = [c for k in range(n) for c in point(k, previous[k] or 0)]
        d.add(PolyLine(pts + pts[:2], strokeColor=_PREVIOUS, strokeWidth=1, strokeDashArray=[3, 2]))
    pts = [c for k in range(n) for c in point(k, values[k] or 0)]
    d.add(Polygon(pts, strokeColor=_CURRENT, strokeWidth=1.5, fillColor=Color(0.12, 0.37, 0.66, alpha=0.18)))
    return d
