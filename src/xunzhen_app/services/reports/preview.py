"""PDF pages as pixels, for the report preview (pypdfium2; no Qt here).

QtPdf is not in PySide6-Essentials and pdftoppm is not on Windows, so the
pages are rasterised with PDFium. Opening reads only the page sizes; each page
is rendered when asked for, so a 20-page report shows its first page at once.

PDFium is not thread-safe: open, render and close one ``PdfPages`` on a single
thread (the GUI's worker).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.errors import UserError


@dataclass(frozen=True)
class PageImage:
    """One page as RGBX pixels, 4 bytes each, rows top to bottom (QImage.Format_RGBX8888)."""

    width: int
    height: int
    stride: int
    data: bytes


class PdfPages:
    def __init__(self, data: bytes):
        import pypdfium2 as pdfium

        try:
            self._doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise UserError(f"无法打开报告 PDF：{exc}") from exc
        # Points (1/72 inch), read once so the viewer can lay out every page before any is rendered.
        self.sizes: tuple[tuple[float, float], ...] = tuple(
            self._doc[i].get_size() for i in range(len(self._doc)))

    def __len__(self) -> int:
        return len(self.sizes)

    def render(self, index: int, width_px: int) -> PageImage:
        """Page ``index`` (from 0) scaled to ``width_px`` pixels wide."""
        if not 0 <= index < len(self):
            raise UserError(f"报告没有第 {index + 1} 页（共 {len(self)} 页）")
        page_width = self.sizes[index][0]
        bitmap = self._doc[index].render(scale=max(width_px, 1) / page_width,
                                          prefer_bgrx=True, rev_byteorder=True)
        return PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))

    def close(self) -> None:
        self._doc.close()


__all__ = ["PageImage", "PdfPages"]
