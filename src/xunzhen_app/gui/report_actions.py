"""预览报告 / 导出PDF… / 导出Word… / 导出Excel… for the visit on screen, as one row of large buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from .context import AppContext
from .report_export import export_visit_docx, export_visit_pdf, export_visit_workbook
from .report_preview import ReportPreviewDialog


class ReportActions(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.visit_id = ctx, ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.preview_button = QPushButton("预览报告")
        self.pdf_button = QPushButton("导出PDF…")
        self.word_button = QPushButton("导出Word…")
        self.excel_button = QPushButton("导出Excel…")
        self.preview_button.setToolTip("查看质量巡诊报告的每一页")
        self.pdf_button.setToolTip("把质量巡诊报告保存为 PDF 文件")
        self.word_button.setToolTip("把质量巡诊报告保存为可编辑的 Word 文档（.docx），可在 Word 或 WPS 中修改")
        self.excel_button.setToolTip("把本次巡诊的明细保存为 Excel 工作簿")
        for button in self.buttons():
            button.setMinimumHeight(44)
            row.addWidget(button)
        row.addStretch(1)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: export_visit_pdf(self.ctx, self, self.visit_id))
        self.word_button.clicked.connect(lambda: export_visit_docx(self.ctx, self, self.visit_id))
        self.excel_button.clicked.connect(lambda: export_visit_workbook(self.ctx, self, self.visit_id))
        self.set_visit("")

    def buttons(self) -> tuple[QPushButton, ...]:
        return self.preview_button, self.pdf_button, self.word_button, self.excel_button

    def set_visit(self, visit_id: str | None) -> None:
        self.visit_id = visit_id or ""
        for button in self.buttons():
            button.setEnabled(bool(self.visit_id))

    def preview(self) -> ReportPreviewDialog:
        dialog = ReportPreviewDialog(self.ctx, self.visit_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
