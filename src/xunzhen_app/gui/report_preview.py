"""报告预览 (form: ui/report_preview.ui): the 质量巡诊报告 as its printed pages.

The PDF is made and rasterised on the worker (services.reports.preview). Every
page gets a placeholder of the right size at once; only the pages in view are
rendered, one job at a time, so a long report opens fast and scrolling never
queues up work for pages already scrolled past. On zoom the pixels shown are
stretched at once and re-rendered sharp afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QStyle

from ..core.errors import UserError
from ..services import reports
from ..services.reports.preview import PageImage, PdfPages
from .context import AppContext
from .forms.ui_report_preview import Ui_ReportPreviewDialog
from .guarded import WorkerCalls
from .report_export import export_visit_pdf

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.4, 4.0  # logical pixels per PDF point
SCREEN_PX_PER_POINT = 96 / 72  # "100 %" is the page at its printed size on a 96 dpi screen


def _pixmap(image: PageImage, ratio: float) -> QPixmap:
    qimage = QImage(image.data, image.width, image.height, image.stride, QImage.Format.Format_RGBX8888)
    pixmap = QPixmap.fromImage(qimage)  # copies, so ``image.data`` may go
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class ReportPreviewDialog(QDialog):
    opened = Signal(int)  # page count, once the placeholders are laid out
    page_rendered = Signal(int)  # page index, sharp at the current zoom

    def __init__(self, ctx: AppContext, visit_id: str, parent=None):
        super().__init__(parent)
        self.ctx, self.visit_id = ctx, visit_id
        self.calls = WorkerCalls(ctx, self, title="报告预览")
        self.ui = ui = Ui_ReportPreviewDialog()
        ui.setupUi(self)
        for button in self.findChildren(QPushButton):
            button.setMinimumHeight(44)  # a finger on a laptop's touch screen
            button.setAutoDefault(False)
        ui.zoomInButton.setShortcut(QKeySequence.StandardKey.ZoomIn)
        ui.zoomOutButton.setShortcut(QKeySequence.StandardKey.ZoomOut)
        ui.previousButton.setShortcut(QKeySequence.StandardKey.MoveToPreviousPage)
        ui.nextButton.setShortcut(QKeySequence.StandardKey.MoveToNextPage)
        ui.pagesLayout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._doc: PdfPages | None = None
        self._closed = False
        self._labels: list[QLabel] = []
        self._sharp: dict[int, int] = {}  # page → device pixel width it was rendered at
        self._rendering = False
        self._scale = 1.0
        self._set_controls(False)
        ui.previousButton.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        ui.nextButton.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        ui.zoomInButton.clicked.connect(lambda: self._zoom_to(self._scale * ZOOM_STEP))
        ui.zoomOutButton.clicked.connect(lambda: self._zoom_to(self._scale / ZOOM_STEP))
        ui.fitWidthButton.clicked.connect(self._fit_width_clicked)
        ui.exportPdfButton.clicked.connect(lambda: export_visit_pdf(ctx, self, visit_id))
        ui.closeButton.clicked.connect(self.reject)
        bar = ui.scrollArea.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._scrolled)  # the page column got its new size after a zoom
        self.finished.connect(self._release)
        store = ctx.store

        def job():
            data, _pages = reports.render_visit_pdf_bytes(store, visit_id)
            return PdfPages(data)

        self.calls.run(job, self._opened, self._failed, on_dropped=self._release_unused)

    # -- state ------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self._labels)

    def page_label(self, index: int) -> QLabel:
        return self._labels[index]

    def current_page(self) -> int:
        """The page under the upper third of the view (from 0)."""
        bar = self.ui.scrollArea.verticalScrollBar()
        line = bar.value() + self.ui.scrollArea.viewport().height() // 3
        for index, label in enumerate(self._labels):
            if label.geometry().bottom() >= line:
                return index
        return max(self.page_count - 1, 0)

    def go_to_page(self, index: int) -> None:
        if not self._labels:
            return
        index = min(max(index, 0), self.page_count - 1)
        top = self._labels[index].y() - self.ui.pagesLayout.spacing()
        self.ui.scrollArea.verticalScrollBar().setValue(max(top, 0))
        self._update_page_label()

    # -- loading ----------------------------------------------------------------

    def _release_unused(self, doc: PdfPages) -> None:
        self.ctx.tasks.run(doc.close)  # the dialog went while the report was being made

    def _opened(self, doc: PdfPages) -> None:
        if self._closed:
            self._release_unused(doc)
            return
        self._doc = doc
        self.ui.statusLabel.hide()
        for index in range(len(doc)):
            label = QLabel(f"正在生成第 {index + 1} 页…")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setScaledContents(True)  # on zoom the old pixels stretch until the sharp ones arrive
            label.setStyleSheet("background: white; color: #777; border: 1px solid #5a5f66;")
            self.ui.pagesLayout.addWidget(label)
            self._labels.append(label)
        self._set_controls(True)
        self._scale = self._fit_scale()
        self._layout_pages()
        self.opened.emit(len(doc))

    def _failed(self, exc: BaseException) -> None:
        self.ui.statusLabel.setStyleSheet("color: #c62828;")
        if isinstance(exc, UserError):
            self.ui.statusLabel.setText(f"无法生成报告：{exc}")
        else:  # the bug has been logged and shown
            self.ui.statusLabel.setText("无法生成报告，请把日志发给维护人员。")

    def _release(self) -> None:
        doc, self._doc, self._closed = self._doc, None, True
        if doc is not None:
            self.ctx.tasks.run(doc.close)  # after any render still queued: one worker, in order

    # -- zoom and layout --------------------------------------------------------

    def _fit_scale(self) -> float:
        width_pt = max(w for w, _ in self._doc.sizes)
        # A report always scrolls: leave room for the scroll bar even before it shows, or the
        # width that fits would itself add a horizontal one.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = (self.ui.scrollArea.contentsRect().width() - bar
                - 2 * self.ui.pagesLayout.contentsMargins().left() - 2)
        return min(max(room / width_pt, MIN_SCALE), MAX_SCALE)

    def _zoom_to(self, scale: float) -> None:
        self.ui.fitWidthButton.setChecked(False)
        page = self.current_page()
        self._scale = min(max(scale, MIN_SCALE), MAX_SCALE)
        self._layout_pages()
        self.go_to_page(page)

    def _fit_width_clicked(self) -> None:
        self.ui.fitWidthButton.setChecked(True)
        page = self.current_page()
        self._scale = self._fit_scale()
        self._layout_pages()
        self.go_to_page(page)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._doc is not None and self.ui.fitWidthButton.isChecked():
            self._scale = self._fit_scale()
            self._layout_pages()

    def _layout_pages(self) -> None:
        for label, (w, h) in zip(self._labels, self._doc.sizes):
            label.setFixedSize(round(w * self._scale), round(h * self._scale))
        self.ui.zoomLabel.setText(f"{round(self._scale / SCREEN_PX_PER_POINT * 100)}%")
        self.ui.zoomInButton.setEnabled(self._scale < MAX_SCALE)
        self.ui.zoomOutButton.setEnabled(self._scale > MIN_SCALE)
        self.ui.pagesLayout.activate()  # page positions now, for choosing what to render
        self._scrolled()

    def _set_controls(self, enabled: bool) -> None:
        ui = self.ui
        for widget in (ui.previousButton, ui.nextButton, ui.zoomInButton, ui.zoomOutButton, ui.fitWidthButton):
            widget.setEnabled(enabled)

    # -- rendering what is in view ----------------------------------------------

    def _scrolled(self) -> None:
        self._update_page_label()
        self._render_next()

    def _update_page_label(self) -> None:
        if self._labels:
            page = self.current_page()
            self.ui.pageLabel.setText(f"第 {page + 1} 页 / 共 {self.page_count} 页")
            self.ui.previousButton.setEnabled(page > 0)
            self.ui.nextButton.setEnabled(page < self.page_count - 1)

    def _wanted(self) -> list[int]:
        """Pages in view, then the one after (so paging down finds it ready)."""
        bar = self.ui.scrollArea.verticalScrollBar()
        top, bottom = bar.value(), bar.value() + self.ui.scrollArea.viewport().height()
        seen = [i for i, label in enumerate(self._labels) if label.y() <= bottom and label.geometry().bottom() >= top]
        if seen and seen[-1] + 1 < self.page_count:
            seen.append(seen[-1] + 1)
        return seen

    def _render_next(self) -> None:
        if self._rendering or self._doc is None:
            return
        ratio = self.devicePixelRatioF()
        for index in self._wanted():
            width_px = round(self._labels[index].contentsRect().width() * ratio)
            if self._sharp.get(index) != width_px:
                break
        else:
            return
        self._rendering = True
        doc = self._doc
        self.calls.run(lambda: doc.render(index, width_px),
                       lambda image: self._rendered(index, width_px, image), self._render_failed)

    def _rendered(self, index: int, width_px: int, image: PageImage) -> None:
        self._rendering = False
        if self._doc is None:
            return
        self._labels[index].setPixmap(_pixmap(image, self.devicePixelRatioF()))
        self._sharp[index] = width_px
        self.page_rendered.emit(index)
        self._render_next()

    def _render_failed(self, exc: BaseException) -> None:
        self._rendering = False
        self._failed(exc)
        self.ui.statusLabel.show()
