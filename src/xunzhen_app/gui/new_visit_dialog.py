"""新建巡诊 (form: ui/new_visit_dialog.ui).

Choices are loaded on the worker thread; a 培育跟踪 or 成效总结 visit offers the
enterprise's previous visits and, by default, starts from the latest one
(services.visits.NewVisit.copy_previous). Rules (dates, stage, template) are
the service's; its message is shown under the form.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ..core.domain import Method, Stage
from ..services import checklists, enterprises, experts, visits
from ..services.dto import VisitRow
from .context import AppContext
from .form_errors import FieldErrors
from .forms.ui_new_visit_dialog import Ui_NewVisitDialog
from .guarded import WorkerCalls
from .table_models import visit_label

DEFAULT_TEMPLATE_KEY = "defaults/template"
EXPERT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class NewVisitDialog(QDialog):
    created = Signal(object)  # VisitRow, after the transaction committed
    loaded = Signal()  # choices are in place (tests wait for this)

    def __init__(self, ctx: AppContext, enterprise_id: str = "", parent=None):
        super().__init__(parent)
        self.ctx, self._wanted_enterprise = ctx, enterprise_id
        self.calls = WorkerCalls(ctx, self, title="新建巡诊")
        self.ui = ui = Ui_NewVisitDialog()
        ui.setupUi(self)
        self.errors = FieldErrors({"team": ui.teamError, "methods": ui.methodsError, "dates": ui.datesError},
                                  ui.formError)
        self.team_model = QStandardItemModel(self)
        ui.teamView.setModel(self.team_model)
        ui.teamView.setSpacing(4)  # rows tall enough for a finger
        self._methods = {Method.DOCUMENTS: ui.methodDocuments, Method.SITE: ui.methodSite,
                         Method.INTERVIEW: ui.methodInterview}
        for stage in Stage:
            ui.stageCombo.addItem(stage.value, stage.value)
        today = _qdate(date.today())
        ui.startDate.setDate(today)
        ui.endDate.setDate(today)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("创建并打开")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        ui.buttonBox.accepted.connect(self.create)
        ui.buttonBox.rejected.connect(self.reject)
        ui.startDate.dateChanged.connect(lambda d: ui.endDate.setMinimumDate(d))
        ui.stageCombo.currentIndexChanged.connect(self._stage_changed)
        ui.enterpriseCombo.currentIndexChanged.connect(self._load_previous)
        ui.addExpertButton.clicked.connect(self._add_expert)
        self._initial: VisitRow | None = None  # the chosen enterprise's 前期巡诊, if it has one
        ui.stageWarning.hide()
        ui.followUpButton.clicked.connect(
            lambda: ui.stageCombo.setCurrentIndex(ui.stageCombo.findData(Stage.FOLLOW_UP.value)))
        self._stage_changed()
        self._load_choices()

    # -- loading --------------------------------------------------------------

    def _load_choices(self) -> None:
        store = self.ctx.store

        def job():
            return (enterprises.list_enterprises(store), experts.list_experts(store),
                    checklists.usable_templates(store))

        self.calls.run(job, self._fill, self._failed)

    def _fill(self, result) -> None:
        ents, people, templates = result
        ui = self.ui
        ui.enterpriseCombo.blockSignals(True)
        for e in ents:
            ui.enterpriseCombo.addItem(f"{e.name}（{e.city}）", e.id)
        ui.enterpriseCombo.setCurrentIndex(max(0, ui.enterpriseCombo.findData(self._wanted_enterprise)))
        ui.enterpriseCombo.blockSignals(False)
        for person in people:
            self._add_expert_row(person, checked=person.is_self)
        preferred = self.ctx.settings.value(DEFAULT_TEMPLATE_KEY, checklists.DEFAULT_TEMPLATE_ID)
        for t in templates:
            ui.templateCombo.addItem(f"{t.short_title or t.title}（{t.id} {t.version}）", (t.id, t.version))
            if t.id == preferred:
                ui.templateCombo.setCurrentIndex(ui.templateCombo.count() - 1)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(ents))
        if not ents:
            self.errors.show({"": "企业库中还没有企业，请先在“企业库”中添加或导入企业"})
        self._load_previous()
        self.loaded.emit()

    def _add_expert_row(self, person, checked: bool) -> None:
        label = person.name + (f"（{person.organisation}）" if person.organisation else "")
        item = QStandardItem(label + ("  — 本人" if person.is_self else ""))
        item.setData(person.id, EXPERT_ID_ROLE)
        item.setCheckable(True)
        item.setEditable(False)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.team_model.appendRow(item)

    def _stage_changed(self) -> None:
        follow_up = self.ui.stageCombo.currentData() != Stage.INITIAL.value
        self._warn_second_initial()
        for w in (self.ui.previousCombo, self.ui.copyPreviousCheck, self.ui.previousLabel):
            w.setEnabled(follow_up)
        if follow_up and self.ui.previousCombo.count() > 1 and self.ui.previousCombo.currentIndex() == 0:
            self.ui.previousCombo.setCurrentIndex(1)

    def _load_previous(self) -> None:
        enterprise_id = self.ui.enterpriseCombo.currentData()
        self._initial = None
        self._warn_second_initial()
        self.ui.previousCombo.clear()
        self.ui.previousCombo.addItem("（不基于上次巡诊）", None)
        if not enterprise_id:
            return
        store, flt = self.ctx.store, visits.VisitFilter(enterprise_id=enterprise_id)
        self.calls.run(lambda: (visits.list_visits(store, flt), visits.initial_visit(store, enterprise_id)),
                       self._fill_previous, self._failed)

    def _warn_second_initial(self) -> None:
        """An enterprise has one 前期巡诊: offer a follow-up instead of silently making a second."""
        v = self._initial
        show = v is not None and self.ui.stageCombo.currentData() == Stage.INITIAL.value
        if show:
            self.ui.stageWarningLabel.setText(
                f"该企业已有前期巡诊（{v.start_date:%Y-%m-%d}，{v.status}）。一家企业只做一次前期巡诊，"
                "本次通常应为培育跟踪。")
        self.ui.stageWarning.setVisible(show)

    def _fill_previous(self, result) -> None:
        rows, initial = result
        if initial is not None and initial.enterprise_id != self.ui.enterpriseCombo.currentData():
            return  # the user picked another enterprise meanwhile; its own answer follows
        self._initial = initial
        for v in rows:  # newest first, so index 1 is the latest visit
            self.ui.previousCombo.addItem(visit_label(v), v.id)
        self._stage_changed()

    def _add_expert(self) -> None:
        name, org = self.ui.newExpertName.text(), self.ui.newExpertOrg.text().strip()
        store = self.ctx.store

        def added(person):
            self._add_expert_row(person, checked=True)
            self.ui.newExpertName.clear()
            self.ui.newExpertOrg.clear()
            self.errors.set("team", None)

        self.calls.run(lambda: experts.add_expert(store, name, org), added,
                       lambda exc: self.errors.set("team", str(exc)))

    # -- creating -------------------------------------------------------------
    def new_visit(self) -> visits.NewVisit:
        ui = self.ui
        team = tuple(self.team_model.item(r).data(EXPERT_ID_ROLE) for r in range(self.team_model.rowCount())
                     if self.team_model.item(r).checkState() == Qt.CheckState.Checked)
        template = ui.templateCombo.currentData() or (None, None)
        follow_up = ui.stageCombo.currentData() != Stage.INITIAL.value
        previous = ui.previousCombo.currentData() if follow_up else None
        return visits.NewVisit(
            enterprise_id=ui.enterpriseCombo.currentData(), stage=ui.stageCombo.currentData(),
            start_date=ui.startDate.date().toPython(), end_date=ui.endDate.date().toPython(), team=team,
            methods=tuple(m.value for m, box in self._methods.items() if box.isChecked()),
            template_id=template[0], template_version=template[1],
            previous_visit_id=previous, copy_previous=bool(previous) and ui.copyPreviousCheck.isChecked())

    def create(self) -> None:
        new = self.new_visit()
        self.errors.clear()
        if not new.methods:  # the form's own rule: an empty 巡诊方式 would print an empty line
            self.errors.show({"methods": "请至少选择一种巡诊方式"})
            return
        self.ui.buttonBox.setEnabled(False)
        store = self.ctx.store
        self.calls.run(lambda: visits.create_visit(store, new), self._created, self._failed)

    def _created(self, row: VisitRow) -> None:
        self.created.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.errors.show({"": str(exc)})
