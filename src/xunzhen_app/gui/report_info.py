"""评价总结's 专家组意见 and 报告信息 tabs: what the report's 落款 and interview table carry.

Each edit is an undo command on the page's stack, like every other edit there:
专家组意见 autosaves as 总体评价 does; 报告编号, 组织单位 and 报告日期 are written
when the field is left; the interview table when a cell is edited. A row whose
职务 is typed before its 姓名 waits for the name, since the service refuses
an interviewee without one. Rules (a number another visit holds …) are the
service's; its message is shown by the page.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from ..services import visits
from ..services.dto import Interviewee, VisitDetail
from .autosave import TextAutosave
from .text_limits import limit_lengths
from .workbench_commands import TextCommand, ValueCommand

LINE_LABELS = {"report_number": "报告编号", "organiser": "组织单位"}


class ReportInfoEditor(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page, ui = page, page.ui
        self.values: dict[str, object] = {}
        self._loading = False
        self.opinionSaver = TextAutosave(ui.expertOpinionEdit, self._opinion_committed, self)
        page.undo_keys.route(ui.expertOpinionEdit)
        self.lines = {"report_number": ui.reportNumberEdit, "organiser": ui.organiserEdit}
        limit_lengths({f"visit.{name}": edit for name, edit in self.lines.items()})
        for name, edit in self.lines.items():
            edit.editingFinished.connect(lambda n=name: self._line_left(n))
        ui.reportDateEdit.editingFinished.connect(self._date_left)
        table = ui.intervieweeTable
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(32)  # rows tall enough for a finger
        table.itemChanged.connect(self._table_edited)
        ui.addIntervieweeButton.clicked.connect(self._add_row)
        ui.removeIntervieweeButton.clicked.connect(self._remove_row)

    # --- showing ---------------------------------------------------------------------
    def load(self, detail: VisitDetail) -> None:
        self.opinionSaver.load(detail.row.id, detail.expert_opinion)
        self.values = {"report_number": detail.report_number, "organiser": detail.organiser,
                       "report_date": detail.report_date, "interviewees": list(detail.interviewees)}
        for name, edit in self.lines.items():
            if not edit.isModified():  # not while the user types in it (another edit's reload)
                edit.setText(self.values[name])
        self._show_date(detail.report_date)
        self._show_interviewees(self.values["interviewees"])

    def _show_date(self, value) -> None:
        edit = self.page.ui.reportDateEdit
        blocked = edit.blockSignals(True)
        edit.setDate(QDate(value.year, value.month, value.day) if value else edit.minimumDate())
        edit.blockSignals(blocked)

    def _show_interviewees(self, people: list[Interviewee]) -> None:
        table = self.page.ui.intervieweeTable
        self._loading = True
        try:
            table.setRowCount(len(people))
            for row, p in enumerate(people):
                table.setItem(row, 0, QTableWidgetItem(p.name))
                table.setItem(row, 1, QTableWidgetItem(p.position))
        finally:
            self._loading = False

    def set_locked(self, locked: bool) -> None:
        ui = self.page.ui
        ui.expertOpinionEdit.setReadOnly(locked)
        for edit in self.lines.values():
            edit.setReadOnly(locked)
        ui.reportDateEdit.setReadOnly(locked)
        ui.intervieweeTable.setEditTriggers(
            ui.intervieweeTable.EditTrigger.NoEditTriggers if locked
            else ui.intervieweeTable.EditTrigger.DoubleClicked | ui.intervieweeTable.EditTrigger.EditKeyPressed
            | ui.intervieweeTable.EditTrigger.AnyKeyPressed)
        ui.addIntervieweeButton.setEnabled(not locked)
        ui.removeIntervieweeButton.setEnabled(not locked)

    def flush(self) -> None:
        self.opinionSaver.flush()

    # --- edits -------------------------------------------------------------------------
    def _opinion_committed(self, visit_id, old: str, new: str) -> None:
        if not self.page.locked and visit_id:
            self.page.undo_stack.push(TextCommand(self.page, visit_id, "expert_opinion", old, new))

    def _push(self, name: str, label: str, new) -> None:
        old = self.values.get(name)
        if self.page.locked or self.page.visit_id is None or new == old:
            return
        vid, store = self.page.visit_id, self.page.ctx.store

        def apply(value):
            self.values[name] = value
            self._show(name, value)
            self.page.write(lambda: visits.set_visit_field(store, vid, name, value))

        self.page.undo_stack.push(ValueCommand(f"修改{label}", apply, old, new))

    def _show(self, name: str, value) -> None:
        if name in self.lines:
            if self.lines[name].text() != value:
                self.lines[name].setText(value)
        elif name == "report_date":
            self._show_date(value)
        elif name == "interviewees":
            if self._table_people() != value:
                self._show_interviewees(value)

    def _line_left(self, name: str) -> None:
        edit = self.lines[name]
        edit.setModified(False)
        self._push(name, LINE_LABELS[name], edit.text().strip())

    def _date_left(self) -> None:
        edit = self.page.ui.reportDateEdit
        self._push("report_date", "报告日期", None if edit.date() == edit.minimumDate() else edit.date().toPython())

    def _cell(self, row: int, col: int) -> str:
        item = self.page.ui.intervieweeTable.item(row, col)
        return item.text().strip() if item is not None else ""

    def _table_people(self) -> list[Interviewee] | None:
        """The table's people, blank rows left out; None while a row has a 职务 but no 姓名 yet."""
        people = []
        for row in range(self.page.ui.intervieweeTable.rowCount()):
            name, position = self._cell(row, 0), self._cell(row, 1)
            if not name and position:
                return None
            if name:
                people.append(Interviewee(name, position))
        return people

    def _table_edited(self, _item) -> None:
        if self._loading:
            return
        people = self._table_people()
        if people is not None:
            self._push("interviewees", "访谈人员", people)

    def _add_row(self) -> None:
        table = self.page.ui.intervieweeTable
        row = table.rowCount()
        self._loading = True
        try:
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(""))
            table.setItem(row, 1, QTableWidgetItem(""))
        finally:
            self._loading = False
        table.setCurrentCell(row, 0)
        table.setFocus()
        table.editItem(table.item(row, 0))

    def _remove_row(self) -> None:
        table = self.page.ui.intervieweeTable
        row = table.currentRow()
        if row < 0:
            return
        self._loading = True
        try:
            table.removeRow(row)
        finally:
            self._loading = False
        people = self._table_people()
        if people is not None:
            self._push("interviewees", "访谈人员", people)
