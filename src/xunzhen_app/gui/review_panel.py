"""审核 on the 汇总台: a filter by review status and 审核… for the selected visit (services.reviews).

The page keeps only a small hook: it places the panel in its filter row, hands it the visits it loaded
and asks it whether a row passes. The rule (only finalized visits, a note for 退回) is the service's;
the dialog only mirrors it so 确定 is not offered for what would be refused.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import VisitStatus
from ..services.reviews import AMENDED, APPROVED, RETURNED, review_mark
from .context import AppContext
from .guarded import WorkerCalls
from .table_models import ROW_ROLE

NOT_REVIEWED = "未审核"
FILTER_CHOICES = (("审核：全部", ""), (NOT_REVIEWED, NOT_REVIEWED), (APPROVED, APPROVED), (RETURNED, RETURNED),
                  (AMENDED, AMENDED))


def review_label(state) -> str:
    """What the desk shows for a visit's review state (a reviews.ReviewState, or None)."""
    return review_mark(state) or NOT_REVIEWED


class ReviewDialog(QDialog):
    """已审核, or 退回 with what to change; 确定 stays disabled for a 退回 without a note."""

    reviewGiven = Signal(str, str)  # status, note

    def __init__(self, enterprise: str, current=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("审核巡诊")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"审核“{enterprise}”的巡诊："))
        self.approveButton = QRadioButton("已审核(&A)")
        self.returnButton = QRadioButton("退回修改(&R)")
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        for b in (self.approveButton, self.returnButton):
            self.group.addButton(b)
            b.setMinimumHeight(32)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        label = QLabel("审核意见（退回时必填，将随下次发给专家的数据包送达）(&N)：")
        self.noteEdit = QPlainTextEdit()
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setPlaceholderText("例如：1.1.1 证据不足，请补充班组质量目标分解表")
        label.setBuddy(self.noteEdit)
        layout.addWidget(label)
        layout.addWidget(self.noteEdit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.okButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText("确定")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if current is not None:
            self.noteEdit.setPlainText(current.note)
        (self.returnButton if current is not None and current.returned else self.approveButton).setChecked(True)
        for signal in (self.approveButton.toggled, self.noteEdit.textChanged):
            signal.connect(self._update)
        self._update()
        self.resize(480, 260)

    def status(self) -> str:
        return APPROVED if self.approveButton.isChecked() else RETURNED

    def note(self) -> str:
        return self.noteEdit.toPlainText().strip()

    def _update(self) -> None:
        self.okButton.setEnabled(self.status() == APPROVED or bool(self.note()))

    def accept(self) -> None:
        if self.okButton.isEnabled():  # Ctrl+Enter must not slip past the disabled button
            super().accept()
            self.reviewGiven.emit(self.status(), self.note())


class ReviewPanel(QWidget):
    """The 审核 filter and button in the desk's filter row, and the selected visit's review under it."""

    changed = Signal()  # a review was recorded: the page's counts and filters follow

    def __init__(self, ctx: AppContext, calls: WorkerCalls, view: QTableView, parent=None):
        super().__init__(parent)
        self.ctx, self.calls, self.view = ctx, calls, view
        self.states: dict = {}  # visit id → reviews.ReviewState
        self.wanted = ""
        self.onFilterChanged = None  # set by the page: re-applies its filters
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filterCombo = QComboBox()
        for label, value in FILTER_CHOICES:
            self.filterCombo.addItem(label, value)
        self.reviewButton = QPushButton("审核所选巡诊…")
        self.reviewButton.setMinimumHeight(40)
        self.reviewButton.setToolTip("已定稿的巡诊：标记“已审核”，或退回并写明修改意见")
        self.stateLabel = QLabel()
        # A long note must not widen the desk: the label takes the width the row has.
        self.stateLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.filterCombo)
        layout.addWidget(self.reviewButton)
        layout.addWidget(self.stateLabel, 1)
        self.filterCombo.currentIndexChanged.connect(self._filter_changed)
        self.reviewButton.clicked.connect(self.review_selected)
        self.dialog: ReviewDialog | None = None

    # -- the page's hook --------------------------------------------------------------
    def load(self, visit_ids: list[str]) -> None:
        store = self.ctx.store

        def job():
            from ..services.reviews import review_states

            with store.session() as s:
                return review_states(s, visit_ids)

        self.calls.run(job, self._loaded)

    def accepts(self, row) -> bool:
        return not self.wanted or review_label(self.states.get(row.visit_id)) == self.wanted

    @property
    def active(self) -> bool:
        return bool(self.wanted)

    def connect_selection(self) -> None:
        """After the page has set the view's model: the label follows the selected visit."""
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

    # -- reviewing ---------------------------------------------------------------------
    def selected_row(self):
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def review_selected(self) -> ReviewDialog | None:
        row = self.selected_row()
        if row is None:
            self.stateLabel.setText("请先在表中选中一次巡诊")
            return None
        if row.status != VisitStatus.FINALIZED:
            self.stateLabel.setText("只能审核已定稿的巡诊")
            return None
        self.dialog = dialog = ReviewDialog(row.enterprise, self.states.get(row.visit_id), self.window())
        dialog.reviewGiven.connect(lambda status, note, vid=row.visit_id: self._record(vid, status, note))
        dialog.open()
        return dialog

    def _record(self, visit_id: str, status: str, note: str) -> None:
        store = self.ctx.store

        def job():
            from ..services import reviews
            from ..services.exchange import signing

            reviewer = signing.load_or_create_keys(store.paths, store).name
            return reviews.review_visit(store, visit_id, status, note, reviewer)

        def done(state) -> None:
            self.states[visit_id] = state
            self._filter_changed()
            self._show_selected()
            self.changed.emit()

        self.calls.run(job, done)

    # -- showing -----------------------------------------------------------------------
    def _loaded(self, states: dict) -> None:
        self.states = states
        self._filter_changed()
        self._show_selected()

    def _filter_changed(self) -> None:
        self.wanted = self.filterCombo.currentData() or ""
        if self.onFilterChanged is not None:
            self.onFilterChanged()

    def _show_selected(self) -> None:
        row = self.selected_row()
        state = self.states.get(row.visit_id) if row is not None else None
        if state is None:
            self.stateLabel.setText("" if row is None else NOT_REVIEWED)
            return
        text = f"{review_label(state)}（{state.by}，{state.at.astimezone():%m-%d %H:%M}）"
        self.stateLabel.setText(text + (f"：{state.note[:30]}" if state.note else ""))
        self.stateLabel.setToolTip(state.note)
