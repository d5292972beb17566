"""举措进展与历史: one 一企一策 action's dated progress notes with their photos and documents, a
form to add a note (date, status, text, files), and its field changes from the visits' history
back through the visits it was carried from (services.actions.action_history).

Opened from the plan table of 评价总结. Adding a note is one transaction (services.actions.
update_action); a finalized visit refuses it, so the form is off there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.actions import ActionStatus, status_text
from ..services import actions, visits
from ..services.attachment_store import read_attachment_file
from ..services.dto import AttachmentInfo
from .context import AppContext
from .guarded import WorkerCalls
from .text_limits import limit_lengths
from .widgets.error_banner import ErrorBanner
from .workbench_attachments import open_original

ATTACHMENTS_ROLE = Qt.ItemDataRole.UserRole + 1


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class ActionHistoryDialog(QDialog):
    changed = Signal(str)  # the action's id, after a note was added

    def __init__(self, ctx: AppContext, action_id: str, *, locked: bool, parent=None):
        super().__init__(parent)
        self.ctx, self.action_id, self.locked = ctx, action_id, locked
        self.setWindowTitle("举措进展与历史")
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.errorBanner = ErrorBanner(self)
        layout.addWidget(self.errorBanner)
        self.calls = WorkerCalls(ctx, self, self.errorBanner, "举措进展与历史")
        self.heading = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        layout.addWidget(self.heading)

        notes_box = QGroupBox("进展记录")
        notes_layout = QVBoxLayout(notes_box)
        self.notesTable = _table(["日期", "状态", "进展", "附件"], 2)
        self.notesTable.cellDoubleClicked.connect(lambda row, _col: self.open_attachments(row))
        notes_layout.addWidget(self.notesTable)
        self.openButton = QPushButton("打开附件")
        self.openButton.clicked.connect(lambda: self.open_attachments(self.notesTable.currentRow()))
        notes_layout.addWidget(self.openButton, alignment=Qt.AlignmentFlag.AlignLeft)

        form = QHBoxLayout()
        self.dateEdit = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.statusCombo = QComboBox()
        self.statusCombo.addItems([s.value for s in ActionStatus])
        self.noteEdit = QLineEdit(placeholderText="今天的进展（可附照片或文件）")
        limit_lengths({"plan.note": self.noteEdit})
        self.attachButton = QPushButton("附件…")
        self.addButton = QPushButton("记录进展")
        for w in (self.dateEdit, self.statusCombo, self.noteEdit, self.attachButton, self.addButton):
            w.setMinimumHeight(36)
        form.addWidget(self.dateEdit)
        form.addWidget(self.statusCombo)
        form.addWidget(self.noteEdit, 1)
        form.addWidget(self.attachButton)
        form.addWidget(self.addButton)
        notes_layout.addLayout(form)
        self.chosenLabel = QLabel(wordWrap=True)
        notes_layout.addWidget(self.chosenLabel)
        self.files: list[Path] = []
        self.attachButton.clicked.connect(self.choose_files)
        self.addButton.clicked.connect(self.add_note)
        self.noteEdit.returnPressed.connect(self.add_note)
        layout.addWidget(notes_box, 3)

        changes_box = QGroupBox("修改记录")
        changes_layout = QVBoxLayout(changes_box)
        self.changesTable = _table(["时间", "所在巡诊", "修改人", "字段", "原值", "新值"], 5)
        changes_layout.addWidget(self.changesTable)
        layout.addWidget(changes_box, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for w in (self.dateEdit, self.statusCombo, self.noteEdit, self.attachButton, self.addButton):
            w.setEnabled(not locked)
        if locked:
            self.chosenLabel.setText("该巡诊已定稿，只能查看；如需记录进展请在后续巡诊中进行。")
        self.load()

    def load(self) -> None:
        store, ref = self.ctx.store, self.action_id
        self.calls.run(lambda: actions.action_history(store, ref), self._show)

    def _show(self, history: actions.ActionHistory) -> None:
        a, today = history.action, date.today()
        due = f"{a.due:%Y-%m-%d}" if a.due else "未设"
        who = "、".join(x for x in (a.department, a.owner) if x) or "未定"
        self.heading.setText(f"<b>{a.measure}</b><br>状态：{status_text(a.status, a.due, today)}"
                             f"　完成时限：{due}　责任：{who}"
                             + (f"　核验结果：{a.result}" if a.result else ""))
        self.statusCombo.setCurrentText(a.status)
        self.notesTable.setRowCount(len(a.progress))
        for row, n in enumerate(a.progress):
            self.notesTable.setItem(row, 0, _cell(f"{n.date:%Y-%m-%d}" if n.date else ""))
            self.notesTable.setItem(row, 1, _cell(n.status))
            self.notesTable.setItem(row, 2, _cell(n.note))
            files = _cell("、".join(x.filename for x in n.attachments))
            files.setData(ATTACHMENTS_ROLE, n.attachments)
            self.notesTable.setItem(row, 3, files)
        self.notesTable.resizeRowsToContents()
        self.changesTable.setRowCount(len(history.changes))
        for row, c in enumerate(history.changes):
            values = (c.at.astimezone().strftime("%Y-%m-%d %H:%M"), f"{c.visit_stage} {c.visit_date:%Y-%m-%d}",
                      c.actor, c.field, _shown(c.old_value), _shown(c.new_value))
            for col, text in enumerate(values):
                self.changesTable.setItem(row, col, _cell(text))
        self.changesTable.resizeRowsToContents()

    def attachments_of(self, row: int) -> tuple[AttachmentInfo, ...]:
        item = self.notesTable.item(row, 3) if row >= 0 else None
        return item.data(ATTACHMENTS_ROLE) if item is not None else ()

    def open_attachments(self, row: int) -> None:
        store = self.ctx.store
        for info in self.attachments_of(row):
            self.calls.run(lambda sha=info.sha256: visits.attachment_bytes(store, sha),
                           lambda data, i=info: open_original(i, data))

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择照片或文件", "", "照片和文件 (*)")
        if files:
            self.set_files([Path(f) for f in files])

    def set_files(self, files: list[Path]) -> None:
        self.files = files
        self.chosenLabel.setText(f"将附上：{'、'.join(f.name for f in files)}" if files else "")

    def add_note(self) -> None:
        if self.locked:
            return
        d = self.dateEdit.date()
        on, status, note, files = date(d.year(), d.month(), d.day()), self.statusCombo.currentText(), \
            self.noteEdit.text(), list(self.files)
        store, ref = self.ctx.store, self.action_id

        def job():
            attached = [read_attachment_file(f) for f in files]
            return actions.update_action(store, ref, status=status, note=note, on=on, attachments=attached)

        self.addButton.setEnabled(False)
        self.calls.run(job, self._added, lambda exc: (self.addButton.setEnabled(True), self.calls.show(exc)))

    def _added(self, _row) -> None:
        self.addButton.setEnabled(True)
        self.noteEdit.clear()
        self.set_files([])
        self.changed.emit(self.action_id)
        self.load()


def _shown(value: str | None) -> str:
    if value is None:
        return ""
    return {"新建": "（新建）", "存在": "（存在）"}.get(value, value)
