"""设置 → 培育工作时间安排: the programme calendar of a year (附件1's stage windows and the
附件2 deadline), as the store holds it (services.calendar), so the desk and the CLI agree.

Dates are edited here; the service checks them (each window inside its year, ending after it
starts) and stores all or nothing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox

from ..core.calendar import ProgrammeCalendar, Window
from ..core.domain import Stage
from ..core.validation import MAX_YEAR, MIN_YEAR
from ..services import calendar
from .guarded import WorkerCalls

WINDOWS = (("initial", "前期质量巡诊"), ("follow_up", "重点培育和质量改进（培育跟踪）"), ("summary", "成效总结"))


def _date_edit() -> QDateEdit:
    edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
    edit.setMinimumHeight(32)
    return edit


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class CalendarSettings(QGroupBox):
    saved = Signal(object)  # ProgrammeCalendar

    def __init__(self, calls: WorkerCalls, parent=None):
        super().__init__("培育工作时间安排（附件1）", parent)
        self.calls = calls
        self.store = calls.ctx.store
        form = QFormLayout(self)
        self.yearSpin = QSpinBox(minimum=MIN_YEAR, maximum=MAX_YEAR, value=date.today().year)
        self.yearSpin.setMinimumHeight(32)
        form.addRow("年度", self.yearSpin)
        self.edits: dict[str, tuple[QDateEdit, QDateEdit]] = {}
        for name, label in WINDOWS:
            start, end = _date_edit(), _date_edit()
            row = QHBoxLayout()
            row.addWidget(start)
            row.addWidget(QLabel("至"))
            row.addWidget(end)
            form.addRow(label, row)
            self.edits[name] = (start, end)
        self.deadlineEdit = _date_edit()
        form.addRow("附件2名单报送截止", self.deadlineEdit)
        buttons = QHBoxLayout()
        self.saveButton = QPushButton("保存时间安排")
        self.resetButton = QPushButton("恢复默认")
        for b in (self.saveButton, self.resetButton):
            b.setMinimumHeight(40)
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.message = QLabel(wordWrap=True)
        form.addRow(self.message)
        self.yearSpin.valueChanged.connect(lambda _: self.load())
        self.saveButton.clicked.connect(self.save)
        self.resetButton.clicked.connect(self.reset)

    def load(self) -> None:
        year, store = self.yearSpin.value(), self.store
        self.calls.run(lambda: calendar.programme_calendar(store, year), self._show)

    def _show(self, cal: ProgrammeCalendar) -> None:
        if cal.year != self.yearSpin.value():  # the year changed again meanwhile
            return
        for name, (start, end) in self.edits.items():
            window = getattr(cal, name)
            start.setDate(_qdate(window.start))
            end.setDate(_qdate(window.end))
        self.deadlineEdit.setDate(_qdate(cal.list_deadline))
        self.message.setText(f"{cal.year} 年采用附件1的默认时间。" if cal.is_default
                             else f"{cal.year} 年采用本机保存的时间安排。")

    def current(self) -> ProgrammeCalendar:
        windows = {name: Window(_pydate(start), _pydate(end)) for name, (start, end) in self.edits.items()}
        return ProgrammeCalendar(self.yearSpin.value(), windows["initial"], windows["follow_up"], windows["summary"],
                                 _pydate(self.deadlineEdit))

    def save(self) -> None:
        cal, store = self.current(), self.store
        self.calls.run(lambda: calendar.save_calendar(store, cal), self._saved,
                       lambda exc: self.message.setText(str(exc)))

    def _saved(self, cal: ProgrammeCalendar) -> None:
        self._show(cal)
        self.message.setText(f"已保存 {cal.year} 年的时间安排：{Stage.INITIAL.value} {cal.initial.describe()}，"
                             f"{Stage.FOLLOW_UP.value} {cal.follow_up.describe()}，{Stage.SUMMARY.value} "
                             f"{cal.summary.describe()}。")
        self.saved.emit(cal)

    def reset(self) -> None:
        year, store = self.yearSpin.value(), self.store
        self.calls.run(lambda: calendar.reset_calendar(store, year), self._reset_done)

    def _reset_done(self, cal: ProgrammeCalendar) -> None:
        self._show(cal)
        self.saved.emit(cal)
