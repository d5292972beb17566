"""认定培育成功: the bureau's decision for one enterprise, with its date and reason
(services.programme_desk.record_success checks both; a refusal shows in the dialog, nothing saved)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from ..services import programme_desk as desk
from .context import AppContext
from .guarded import WorkerCalls
from .widgets.error_banner import ErrorBanner


class SuccessDialog(QDialog):
    saved = Signal(str)  # the enterprise's name

    def __init__(self, ctx: AppContext, firm: desk.EnterpriseStanding, parent=None):
        super().__init__(parent)
        self.ctx, self.firm = ctx, firm
        self.setWindowTitle("认定培育成功")
        layout = QVBoxLayout(self)
        self.errorBanner = ErrorBanner(self)
        layout.addWidget(self.errorBanner)
        self.calls = WorkerCalls(ctx, self, self.errorBanner, "认定培育成功")
        level = f"总体等级 {firm.level:.2f}" if firm.level is not None else "尚无定稿巡诊"
        change = f"，较前期 {firm.improvement:+.2f}" if firm.improvement is not None else ""
        layout.addWidget(QLabel(f"<b>{firm.name}</b>（{firm.city}，{firm.cultivation_type}；{level}{change}）"))
        form = QFormLayout()
        held = firm.success
        self.dateEdit = QDateEdit(QDate(held.decided_on) if held else QDate.currentDate(), calendarPopup=True,
                                  displayFormat="yyyy-MM-dd")
        self.reasonEdit = QPlainTextEdit(held.reason if held else "")
        self.reasonEdit.setPlaceholderText("依据哪些巡诊结果认定，例如：成效总结总体等级较前期提升，否决项全部通过")
        form.addRow("认定日期", self.dateEdit)
        form.addRow("认定理由", self.reasonEdit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 320)

    def save(self) -> None:
        store, on, reason = self.ctx.store, self.dateEdit.date().toPython(), self.reasonEdit.toPlainText()
        self.calls.run(lambda: desk.record_success(store, self.firm.id, on, reason), self._saved)

    def _saved(self, name: str) -> None:
        self.saved.emit(name)
        self.accept()
