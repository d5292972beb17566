"""First run: who is this expert? (form: ui/first_run_dialog.ui)

Asked once, when the store has no profile, because the name signs every
change, the 质量巡诊报告 and the key card other installations see on this
one's packages — without it they would show the computer's name. 稍后填写
skips it; the next start asks again, and 设置 can fill it in any time.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ..services import experts
from .context import AppContext
from .forms.ui_first_run_dialog import Ui_FirstRunDialog
from .guarded import WorkerCalls


class FirstRunDialog(QDialog):
    saved = Signal(object)  # ExpertInfo

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_FirstRunDialog()
        ui.setupUi(self)
        self.calls = WorkerCalls(ctx, self, title="欢迎使用巡诊")
        self.okButton = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText("开始使用")
        self.okButton.setEnabled(False)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("稍后填写")
        ui.nameEdit.textChanged.connect(lambda t: self.okButton.setEnabled(bool(t.strip())))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        name, org, store = self.ui.nameEdit.text(), self.ui.orgEdit.text().strip(), self.ctx.store
        self.okButton.setEnabled(False)
        self.calls.run(lambda: experts.save_profile(store, name, org), self._saved, self._failed)

    def _saved(self, info) -> None:
        self.saved.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.okButton.setEnabled(True)
        self.ui.errorLabel.setText(str(exc))

