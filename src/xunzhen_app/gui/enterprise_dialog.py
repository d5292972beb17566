"""Add or edit an enterprise of the 培育库 (form: ui/enterprise_dialog.ui).

Validation is the service's own (validate_enterprise before saving, and the
ValidationError the service raises, e.g. for a duplicate code); the dialog only
shows each message beside its field. Saving runs on the worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView

from ..core.domain import UNLEVELLED, CultivationType, Honour, HonourKind, HonourLevel, suggest_cultivation_type
from ..core.regions import cities, counties_by_city
from ..core.uscc import normalize_uscc, uscc_problem
from ..services import enterprises
from ..services.dto import EnterpriseInfo, EnterpriseInput, EnterpriseProfile
from .context import AppContext
from .edit_models import ContactTableModel, HonourListModel
from .form_errors import FieldErrors
from .forms.ui_enterprise_dialog import Ui_EnterpriseDialog
from .guarded import WorkerCalls
from .text_limits import limit_lengths

SUGGESTED = None  # typeCombo data meaning "take the suggestion from the honours"


class EnterpriseDialog(QDialog):
    saved = Signal(object)  # EnterpriseInfo, after the transaction committed

    def __init__(self, ctx: AppContext, info: EnterpriseInfo | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.calls = WorkerCalls(ctx, self, title="企业信息")
        self.ui = Ui_EnterpriseDialog()
        self.ui.setupUi(self)
        self.setWindowTitle("编辑企业" if info else "添加企业")
        ui = self.ui
        self.errors = FieldErrors({"name": ui.nameError, "uscc": ui.usccError, "city": ui.cityError,
                                   "cultivation_type": ui.typeError}, ui.formError)
        limit_lengths({"enterprise.name": ui.nameEdit, "enterprise.industry": ui.industryEdit,
                       "honour.name": ui.honourNameEdit, "enterprise.main_products": ui.mainProductsEdit,
                       "enterprise.certifications": ui.certificationsEdit})
        self._fill_choices()
        self.honours = HonourListModel(info.honours if info else (), self)
        ui.honoursView.setModel(self.honours)
        ui.honoursView.setSpacing(4)  # rows tall enough for a finger
        self.contacts = ContactTableModel(info.contacts if info else (), self)
        ui.contactsView.setModel(self.contacts)
        ui.contactsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.contactsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        if info:
            self._load(info)
        self._connect()
        self._update_suggestion()

    # -- set-up -------------------------------------------------------------

    def _fill_choices(self) -> None:
        ui = self.ui
        ui.cityCombo.addItem("请选择地市", "")
        for city in cities():
            ui.cityCombo.addItem(city, city)
        ui.typeCombo.addItem("按荣誉资质建议", SUGGESTED)
        for t in CultivationType:
            ui.typeCombo.addItem(t.value, t.value)
        for kind in HonourKind:
            ui.honourKindCombo.addItem(kind.value, kind)
        ui.honourLevelCombo.addItem("（不分级别）", None)
        for level in HonourLevel:
            ui.honourLevelCombo.addItem(level.value, level)

    def _load(self, info: EnterpriseInfo) -> None:
        ui = self.ui
        ui.nameEdit.setText(info.name)
        ui.usccEdit.setText(info.uscc)
        ui.cityCombo.setCurrentIndex(max(0, ui.cityCombo.findData(info.city)))
        self._fill_counties()
        ui.countyCombo.setCurrentText(info.county)
        ui.industryEdit.setText(info.industry)
        ui.typeCombo.setCurrentIndex(max(0, ui.typeCombo.findData(info.cultivation_type)))
        ui.notesEdit.setPlainText(info.notes)
        profile = info.profile
        ui.mainProductsEdit.setText(profile.main_products)
        ui.employeesSpin.setValue(profile.employees or 0)
        ui.revenueSpin.setValue(profile.revenue_wan or 0)
        ui.certificationsEdit.setText(profile.certifications)
        ui.introductionEdit.setPlainText(profile.introduction)

    def _connect(self) -> None:
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.cityCombo.currentIndexChanged.connect(self._fill_counties)
        ui.usccEdit.textChanged.connect(self._check_uscc_live)
        ui.typeCombo.currentIndexChanged.connect(self._update_suggestion)
        ui.honourKindCombo.currentIndexChanged.connect(self._offer_levels)
        ui.addHonourButton.clicked.connect(self._add_honour)
        ui.removeHonourButton.clicked.connect(
            lambda: self.honours.remove(ui.honoursView.currentIndex().row()) or self._update_suggestion())
        ui.addContactButton.clicked.connect(self._add_contact)
        ui.removeContactButton.clicked.connect(lambda: self.contacts.remove(ui.contactsView.currentIndex().row()))

    # -- live feedback --------------------------------------------------------
    def _fill_counties(self) -> None:
        combo, current = self.ui.countyCombo, self.ui.countyCombo.currentText()
        combo.clear()
        combo.addItems(["", *counties_by_city().get(self.ui.cityCombo.currentData() or "", ())])
        combo.setCurrentText(current)

    def _check_uscc_live(self, text: str) -> None:
        # Only a complete code is judged while typing; a partial one is not yet wrong.
        code = normalize_uscc(text)
        self.errors.set("uscc", uscc_problem(code) if len(code) == 18 else None)

    def _update_suggestion(self) -> None:
        s = suggest_cultivation_type(list(self.honours.honours()))
        chosen = self.ui.typeCombo.currentData()
        text = f"请补充：{s.question}" if s.question else f"建议：{s.type.value}（{s.reason}）"
        if chosen and not s.question and chosen != s.type.value:
            text += f"；已手动选择“{chosen}”"
        self.ui.suggestionLabel.setText(text)
        self.ui.honourSuggestionLabel.setText(text)

    def _offer_levels(self) -> None:
        """山西精品 has no 省级/市级: its level box is emptied and disabled rather than offering one."""
        unlevelled = self.ui.honourKindCombo.currentData() in UNLEVELLED
        if unlevelled:
            self.ui.honourLevelCombo.setCurrentIndex(0)
        self.ui.honourLevelCombo.setEnabled(not unlevelled)

    def _add_honour(self) -> None:
        ui = self.ui
        # Qt hands combo data back as plain str: the rule compares enum members, so convert them again.
        level = ui.honourLevelCombo.currentData()
        self.honours.add(Honour(HonourKind(ui.honourKindCombo.currentData()), HonourLevel(level) if level else None,
                                ui.honourYearSpin.value(), ui.honourNominationCheck.isChecked(),
                                ui.honourNameEdit.text().strip()))
        ui.honourNameEdit.clear()
        self._update_suggestion()

    def _add_contact(self) -> None:
        row = self.contacts.add()
        self.ui.contactsView.edit(self.contacts.index(row, 0))

    # -- saving ---------------------------------------------------------------
    def data(self) -> EnterpriseInput:
        ui = self.ui
        return EnterpriseInput(
            name=ui.nameEdit.text(), city=ui.cityCombo.currentData() or "",
            cultivation_type=ui.typeCombo.currentData(), uscc=ui.usccEdit.text(),
            county=ui.countyCombo.currentText().strip(), industry=ui.industryEdit.text(),
            honours=self.honours.honours(), contacts=self.contacts.contacts(),
            notes=ui.notesEdit.toPlainText().strip(),
            profile=EnterpriseProfile(
                main_products=ui.mainProductsEdit.text(), certifications=ui.certificationsEdit.text(),
                # The spin boxes' lowest value reads 未填写: nobody counts a firm of no people.
                employees=ui.employeesSpin.value() or None, revenue_wan=ui.revenueSpin.value() or None,
                introduction=ui.introductionEdit.toPlainText()))

    def save(self) -> None:
        data = self.data()
        problems = enterprises.validate_enterprise(data)  # pure check, no database
        if problems:
            self._show_problems(problems)
            return
        self.errors.clear()
        self.ui.buttonBox.setEnabled(False)
        store, info = self.ctx.store, self.info
        if info is None:
            job = lambda: enterprises.create_enterprise(store, data)  # noqa: E731
        else:
            job = lambda: enterprises.update_enterprise(store, info.id, data)  # noqa: E731
        self.calls.run(job, self._saved, self._failed)

    def _saved(self, info: EnterpriseInfo) -> None:
        self.info = info
        self.saved.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        if isinstance(exc, enterprises.ValidationError):
            self._show_problems(exc.fields)
        else:
            self.errors.show({"": f"保存失败：{exc}"})

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.errors.show(problems)
        self.ui.tabs.setCurrentWidget(self.ui.basicTab)
        first = next(iter(problems))
        widget = {"name": self.ui.nameEdit, "uscc": self.ui.usccEdit, "city": self.ui.cityCombo}.get(first)
        if widget is not None:
            widget.setFocus()
