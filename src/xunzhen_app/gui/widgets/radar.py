"""A radar (spider) chart of goal levels on the template's 1…N scale, drawn with QPainter.

``set_data(labels, series, top)`` where each series is (name, values, colour),
values are floats 1…top or None (not yet scored: drawn at the centre, and the
axis label says so). Two series give the before/after picture of a follow-up
visit.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

CURRENT = QColor("#2f6db5")
PREVIOUS = QColor("#d9822b")
BASELINE = QColor("#8a96a3")  # the 前期 baseline of a follow-up


class RadarChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._labels: list[str] = []
        self._series: list[tuple[str, list[float | None], QColor]] = []
        self._top = 1
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], series: list[tuple[str, list[float | None], QColor]], top: int) -> None:
        self._labels, self._series, self._top = list(labels), list(series), top
        self.update()

    def _point(self, centre: QPointF, radius: float, axis: int, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * axis / len(self._labels)
        r = radius * max(0.0, value / self._top)  # 0 at the centre so level 1 stays visible
        return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        n = len(self._labels)
        if n < 3:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "暂无得分")
            return
        fm = QFontMetrics(self.font())
        legend_h = fm.height() + 6 if self._series else 0
        label_w = max(fm.horizontalAdvance(t) for t in self._labels)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8 - legend_h)
        radius = max(20.0, min(area.width() / 2 - label_w * 0.6 - 6, area.height() / 2 - fm.height() - 4))
        centre = area.center()
        grid = QPen(QColor("#c8cfd8"), 1)
        painter.setPen(grid)
        rings = range(1, self._top + 1)
        for ring in rings:
            painter.drawPolygon(QPolygonF([self._point(centre, radius, i, ring) for i in range(n)]))
        painter.setPen(QPen(QColor("#8a96a3")))
        for ring in rings:
            p = self._point(centre, radius, 0, ring)
            painter.drawText(QPointF(p.x() + 3, p.y() + fm.ascent() / 2), str(ring))
        painter.setPen(grid)
        for i in range(n):
            painter.drawLine(centre, self._point(centre, radius, i, self._top))
        for _name, values, colour in self._series:
            pts = [self._point(centre, radius, i, v if v is not None else 0) for i, v in enumerate(values)]
            fill = QColor(colour)
            fill.setAlpha(50)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(fill)
            painter.drawPolygon(QPolygonF(pts))
            painter.setBrush(colour)
            for p in pts:
                painter.drawEllipse(p, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.palette().text().color())
        for i, text in enumerate(self._labels):
            p = self._point(centre, radius + 8, i, self._top)
            w = fm.horizontalAdvance(text)
            x = p.x() - w / 2 if abs(p.x() - centre.x()) < 4 else (p.x() if p.x() > centre.x() else p.x() - w)
            y = p.y() + (fm.ascent() if p.y() > centre.y() + 4 else (-2 if p.y() < centre.y() - 4 else fm.ascent() / 2))
            painter.drawText(QPointF(max(0.0, min(x, self.width() - w)), y), text)
        x = 8.0
        for name, _values, colour in self._series:
            painter.fillRect(QRectF(x, self.height() - legend_h + 2, 12, 12), colour)
            painter.drawText(QPointF(x + 16, self.height() - legend_h + 2 + fm.ascent() - 1), name)
            x += 16 + fm.horizontalAdvance(name) + 16
