"""企业库: the 培育库 list with search and filters, the selected enterprise's visits,
add/edit, new visit and 附件2 import (behind the shared progress dialog, with 取消).
An empty 企业库 says so and offers the three ways to fill it: import a 附件2
list, add an enterprise, or load the demo data set.

City, type and visit-status filters are the service's (re-queried on the
worker thread); the search box filters the loaded rows at once through the
proxy model, so typing never waits for the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import CultivationType, VisitStatus
from ..core.regions import cities
from ..services import enterprise_import, enterprises, visits
from ..services.dto import EnterpriseInfo
from .case_dialog import CaseDialog
from .context import AppContext
from .enterprise_dialog import EnterpriseDialog
from .guarded import WorkerCalls
from .long_task import run_long_task
from .messages import show_info
from .table_models import ROW_ROLE, SORT_ROLE, EnterpriseTableModel, VisitTableModel
from .widgets.error_banner import ErrorBanner

NOT_VISITED = "未巡诊"
IMPORT_TITLE = "导入企业名单"
CANCELLED = "已取消，未导入任何企业"


def _combo(all_label: str, values) -> QComboBox:
    combo = QComboBox()
    combo.addItem(all_label, "")
    for v in values:
        combo.addItem(str(v), str(v))
    return combo


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(34)  # finger-sized rows
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class EnterprisePage(QWidget):
    openVisit = Signal(str)  # visit id, double-clicked
    newVisitRequested = Signal(str)  # enterprise id ("" for none selected)
    storeChanged = Signal()  # the demo data set was loaded: every page is out of date

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = EnterpriseTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # name, county, code… any column
        self.proxy.setSortRole(SORT_ROLE)
        self.visit_model = VisitTableModel(self)
        self._build()
        self.refresh()


    def _build(self) -> None:
        self.search = QLineEdit(placeholderText="搜索企业名称、县区或信用代码")
        self.search.setClearButtonEnabled(True)
        self.city_filter = _combo("全部地市", cities())
        self.type_filter = _combo("全部培育类型", [t.value for t in CultivationType])
        self.status_filter = _combo("全部巡诊状态", [NOT_VISITED, *[s.value for s in VisitStatus]])
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for w in (self.city_filter, self.type_filter, self.status_filter):
            filters.addWidget(w, 1)

        self.add_button = QPushButton("添加企业")
        self.edit_button = QPushButton("编辑企业")
        self.new_visit_button = QPushButton("新建巡诊")
        self.import_button = QPushButton("导入附件2名单…")
        self.case_button = QPushButton("典型案例…")
        self.case_button.clicked.connect(self.show_case)
        self.case_dialog: CaseDialog | None = None
        self.count_label = QLabel()
        actions = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.new_visit_button, self.case_button, self.import_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.count_label)

        self.table = _table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the spare width
        header.setStretchLastSection(False)
        self.visits_table = _table(self.visit_model)
        self.visits_caption = QLabel("所选企业的巡诊（双击打开）")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.visits_caption)
        lower_layout.addWidget(self.visits_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        self.empty_state = self._empty_state()

        self.errorBanner = ErrorBanner(self)
        self.calls = WorkerCalls(self.ctx, self, self.errorBanner, "企业库")
        layout = QVBoxLayout(self)
        layout.addWidget(self.errorBanner)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty_state, 1)

        self.search.textChanged.connect(self._text_filter)
        for combo in (self.city_filter, self.type_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._load_visits)
        self.table.doubleClicked.connect(self.edit_selected)
        self.visits_table.doubleClicked.connect(self._open_visit)
        self.add_button.clicked.connect(self.add_enterprise)
        self.edit_button.clicked.connect(self.edit_selected)
        self.new_visit_button.clicked.connect(
            lambda: self.newVisitRequested.emit(e.id if (e := self.selected()) else ""))
        self.import_button.clicked.connect(self.choose_import_file)

    # -- data ---------------------------------------------------------------
    def current_filter(self) -> enterprises.EnterpriseFilter:
        return enterprises.EnterpriseFilter(city=self.city_filter.currentData(),
                                            cultivation_type=self.type_filter.currentData(),
                                            visit_status=self.status_filter.currentData())

    def refresh(self) -> None:
        store, flt = self.ctx.store, self.current_filter()
        self.calls.run(lambda: enterprises.list_enterprises(store, flt), self._show_rows)

    def _empty_state(self) -> QWidget:
        box = QWidget(objectName="emptyState")
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        title = QLabel("企业库中还没有企业", alignment=Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel("先导入市局下发的附件2名单，或逐家新建企业；想先看看各个页面，可载入一套虚构的示例数据。",
                      alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout.addWidget(title)
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.empty_import_button = QPushButton("导入附件2名单…")
        self.empty_add_button = QPushButton("新建企业…")
        self.demo_button = QPushButton("载入示例数据")
        for b in (self.empty_import_button, self.empty_add_button, self.demo_button):
            b.setMinimumSize(180, 56)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.empty_import_button.clicked.connect(self.choose_import_file)
        self.empty_add_button.clicked.connect(self.add_enterprise)
        self.demo_button.clicked.connect(self.load_demo)
        box.hide()
        return box

    def load_demo(self) -> None:
        from ..services.demo import load_demo

        store = self.ctx.store
        self.demo_button.setEnabled(False)
        self.demo_button.setText("正在载入…")

        def done(_count) -> None:
            self.demo_button.setEnabled(True)
            self.demo_button.setText("载入示例数据")
            self.refresh()
            self.storeChanged.emit()

        def failed(exc) -> None:
            self.demo_button.setEnabled(True)
            self.demo_button.setText("载入示例数据")
            self.calls.show(exc)

        self.calls.run(lambda: load_demo(store), done, failed)

    def _filtered(self) -> bool:
        return any(c.currentData() for c in (self.city_filter, self.type_filter, self.status_filter))

    def _show_rows(self, rows: list[EnterpriseInfo]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        empty = not rows and not self._filtered()
        self.empty_state.setVisible(empty)
        self.splitter.setVisible(not empty)
        self._update_count()
        if keep:
            self.select_enterprise(keep.id)
        else:
            self.visit_model.set_rows([])

    def _text_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(f"共 {self.proxy.rowCount()} 家企业")

    def selected(self) -> EnterpriseInfo | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def show_case(self) -> CaseDialog | None:
        """The selected enterprise's 典型案例 (gui/case_dialog.py)."""
        e = self.selected()
        if e is None:
            self.errorBanner.show_message("请先在表中选择一家企业")
            return None
        dialog = CaseDialog(self.ctx, e.id, e.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.case_dialog = dialog
        return dialog

    def select_enterprise(self, enterprise_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == enterprise_id:
                self.table.setCurrentIndex(index)
                self._load_visits(index)
                return

    def _load_visits(self, index=None) -> None:
        e = self.selected()
        if e is None:
            self.visit_model.set_rows([])
            return
        self.visits_caption.setText(f"{e.name} 的巡诊（双击打开）")
        store, flt = self.ctx.store, visits.VisitFilter(enterprise_id=e.id)
        self.calls.run(lambda: visits.list_visits(store, flt), self.visit_model.set_rows)

    def _open_visit(self, index) -> None:
        self.openVisit.emit(self.visit_model.row_at(index.row()).id)

    # -- actions ------------------------------------------------------------
    def add_enterprise(self) -> EnterpriseDialog:
        return self._open_dialog(None)

    def edit_selected(self) -> EnterpriseDialog | None:
        e = self.selected()
        return self._open_dialog(e) if e else None

    def _open_dialog(self, info: EnterpriseInfo | None) -> EnterpriseDialog:
        dialog = EnterpriseDialog(self.ctx, info, self)
        dialog.saved.connect(lambda saved: self._after_save(saved.id))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal but not blocking, so the worker's reply gets through
        return dialog

    def _after_save(self, enterprise_id: str) -> None:
        self.search.clear()
        store, flt = self.ctx.store, self.current_filter()

        def shown(rows):
            self._show_rows(rows)
            self.select_enterprise(enterprise_id)

        self.calls.run(lambda: enterprises.list_enterprises(store, flt), shown)

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "导入附件2企业名单", "", "Excel 文件 (*.xlsx)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Check every row first; if some are invalid, ask before importing the rest."""

        def check(report):
            problems = enterprise_import.read_rows(path)[1]
            return problems if report(0, 0) else None  # None: 取消 pressed while the file was read

        self.import_button.setEnabled(False)
        run_long_task(self.ctx, self, IMPORT_TITLE, f"正在检查“{path.name}”…", check,
                      lambda problems: self._confirm_import(path, problems), self._import_failed)

    def _confirm_import(self, path: Path, problems: list[str] | None) -> None:
        if problems is None:
            self._import_done(CANCELLED)
            return
        if not problems:
            self._run_import(path)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, IMPORT_TITLE,
                          f"“{path.name}”中有 {len(problems)} 行无效（详见下方）。\n跳过这些行，导入其余企业吗？",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        go = box.button(QMessageBox.StandardButton.Yes)
        go.setText("跳过无效行并导入")
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        box.setDetailedText("\n".join(problems))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # finished, not accepted: a message box ends with its button's code, and closing
        # the window clicks no button at all.
        box.finished.connect(lambda _code: self._run_import(path) if box.clickedButton() is go
                             else self.import_button.setEnabled(True))
        box.open()

    def _run_import(self, path: Path) -> None:
        store = self.ctx.store
        run_long_task(
            self.ctx, self, IMPORT_TITLE, f"正在导入“{path.name}”",
            lambda report: enterprise_import.import_enterprises(store, path, skip_invalid=True, progress=report),
            self._imported, self._import_failed)

    def _imported(self, report) -> None:
        self.refresh()
        if report.cancelled:
            self._import_done(CANCELLED)
            return
        details = "\n\n".join(part for part in (
            "按标准值读取：\n" + "\n".join(report.normalised) if report.normalised else "",
            "未导入的行：\n" + "\n".join(report.invalid) if report.invalid else "") if part)
        self._import_done(f"导入完成：{report.summary()}", details)

    def _import_done(self, message: str, details: str = "") -> None:
        self.import_button.setEnabled(True)
        self.last_import_message = message
        show_info(self, IMPORT_TITLE, message, details)

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.calls.show(exc)
