"""Page decoration: header, 第 X 页 共 Y 页 footer and the 草稿 watermark.

The total page count is only known at the end, so the canvas keeps each
page's state and draws the decoration when the document is saved (the usual
reportlab two-pass canvas), so 共 N 页 is the file's true page count. The
cover counts as page 1 but carries neither header nor page number.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
WATERMARK_TEXT = "草稿"
_RULE = HexColor("#8a8a8a")


def canvas_maker(font: str, header_text: str, draft: bool, stats: dict, report_name: str):
    """A Canvas class for ``doc.build(canvasmaker=…)``; ``stats['pages']`` receives the page count."""

    class DecoratedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # Without this the canvas starts in Helvetica, a font reference nobody uses.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            stats["pages"] = total
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                if number > 1:
                    self._header_footer(number, total)
                if draft:
                    self._watermark()
                super().showPage()
            super().save()

        def _header_footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(font, 9)
            self.setFillColor(_RULE)
            y = PAGE_HEIGHT - MARGIN_TOP + 8 * mm
            self.drawString(MARGIN_LEFT, y, header_text)
            self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, report_name)
            self.setStrokeColor(_RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_LEFT, y - 2 * mm, PAGE_WIDTH - MARGIN_RIGHT, y - 2 * mm)
            self.setFont(font, 10)
            self.drawCentredString(PAGE_WIDTH / 2, MARGIN_BOTTOM - 14 * mm, f"第 {number} 页 共 {total} 页")
            self.restoreState()

        def _watermark(self) -> None:
            self.saveState()
            self.setFillColor(Color(0.75, 0.1, 0.1, alpha=0.13))
            self.setFont(font, 110)
            self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            self.rotate(35)
            self.drawCentredString(0, -40, WATERMARK_TEXT)
            self.restoreState()

    return DecoratedCanvas
