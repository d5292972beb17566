"""汇总台 (form: ui/bureau_page.ui): the city bureau's desk.

Every visit with its scores, filtered at once on the loaded rows; the spread
of scores per 培育目标 over what the filters show; 培育库 enterprises not yet
visited; conflicts waiting; the import history. Packages come in by file,
folder, drag and drop, or the sync folder; summaries go out through the
shared export dialogs of ``report_export``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHeaderView,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)

from ..core.domain import CultivationType, Stage, VisitStatus
from ..core.errors import UserError
from ..core.regions import cities
from ..services import bureau, enterprises
from ..services.exchange import conflicts, signing, sync
from .bureau_import import BatchImport
from .bureau_models import (
    DELIVERED,
    NOT_DELIVERED,
    ConflictListModel,
    DistributionModel,
    ImportLogModel,
    OverviewFilter,
    OverviewModel,
    UnvisitedModel,
)
from .calibration_panel import CalibrationPanel
from .case_panel import CasePanel
from .conflict_dialog import ConflictDialog
from .context import AppContext
from .forms.ui_bureau_page import Ui_BureauPage
from .guarded import WorkerCalls
from .programme_desk_panel import ProgrammeDeskPanel
from .proposals_panel import ProposalsPanel
from .review_panel import ReviewPanel
from .stage_gaps_panel import StageGapsPanel
from .table_models import ROW_ROLE
from .widgets.error_banner import ErrorBanner

SYNC_FOLDER_KEY = "bureau/sync_folder"
SEND_TO_KEY = "bureau/sync_send_to"  # fingerprint of the card 同步 writes packages for; "" = receive only
FILTERS = ("city", "cultivation_type", "stage", "status", "delivered")
TAB_DISTRIBUTION, TAB_UNVISITED, TAB_CONFLICTS, TAB_IMPORTS = range(4)


def _fill_combo(combo: QComboBox, all_label: str, values) -> None:
    combo.addItem(all_label, "")
    for v in values:
        combo.addItem(str(v), str(v))
    combo.setMinimumWidth(130)


def _prepare(view: QTableView, stretch: int | None = 0) -> None:
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(34)  # finger-sized rows
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def add_scrolling_tab(tabs: QTabWidget, panel: QWidget, title: str) -> int:
    """``panel`` as a tab that scrolls when the window is short: a tab widget is as tall as its
    tallest page, and the desk's panels together would not fit 1366×768 at 150 %."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return tabs.addTab(area, title)


class BureauPage(QWidget):
    openVisit = Signal(str)
    storeChanged = Signal()  # an import, sync or resolution changed visits other pages show

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_BureauPage()
        ui.setupUi(self)
        self.errorBanner = ErrorBanner(self)
        ui.pageLayout.insertWidget(0, self.errorBanner)
        self.calls = WorkerCalls(ctx, self, self.errorBanner, "汇总台")
        self.sender_names: dict[str, str] = {}
        self.conflict_dialog: ConflictDialog | None = None
        self.batch_import: BatchImport | None = None
        self.overview = OverviewModel(self)
        self.proxy = OverviewFilter(self)
        self.proxy.setSourceModel(self.overview)
        self.distribution = DistributionModel(self)
        self.unvisited = UnvisitedModel(self)
        self.unvisited_proxy = OverviewFilter(self)
        self.unvisited_proxy.setSourceModel(self.unvisited)
        self.conflicts = ConflictListModel(self)
        self.imports = ImportLogModel(self)
        self._build()  # the data comes with refresh(), which the window calls when the page is first shown

    def _build(self) -> None:
        ui = self.ui
        for combo, label, values in ((ui.cityFilter, "全部地市", cities()),
                                     (ui.typeFilter, "全部培育类型", [t.value for t in CultivationType]),
                                     (ui.stageFilter, "全部阶段", [s.value for s in Stage]),
                                     (ui.statusFilter, "全部状态", [s.value for s in VisitStatus]),
                                     (ui.deliveryFilter, "交付：全部", [DELIVERED, NOT_DELIVERED])):
            _fill_combo(combo, label, values)
        self.filter_combos = dict(zip(FILTERS, (ui.cityFilter, ui.typeFilter, ui.stageFilter,
                                                ui.statusFilter, ui.deliveryFilter)))
        for name, combo in self.filter_combos.items():
            combo.currentIndexChanged.connect(lambda _, n=name, c=combo: self._filter(n, c.currentData()))
        for view, model, stretch in ((ui.overviewTable, self.proxy, 0), (ui.distributionTable, self.distribution, None),
                                     (ui.unvisitedTable, self.unvisited_proxy, 0),
                                     (ui.conflictTable, self.conflicts, 2), (ui.importLogTable, self.imports, 1)):
            view.setModel(model)
            _prepare(view, stretch)
        ui.distributionTable.verticalHeader().setDefaultSectionSize(26)  # read-only figures: all rows in view
        ui.overviewTable.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # newest visits first
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.splitter.setSizes([300, 300])
        ui.overviewTable.doubleClicked.connect(lambda i: self.openVisit.emit(i.data(ROW_ROLE).visit_id))
        ui.conflictTable.doubleClicked.connect(lambda i: self.resolve_conflict(self.conflicts.row_at(i.row())))
        ui.resolveButton.clicked.connect(self._resolve_selected)
        ui.conflictBannerButton.clicked.connect(lambda: ui.tabs.setCurrentIndex(TAB_CONFLICTS))
        ui.conflictBannerButton.hide()
        ui.importFilesButton.clicked.connect(self.choose_files)
        ui.importFolderButton.clicked.connect(self.choose_folder)
        ui.exportWorkbookButton.clicked.connect(lambda: self.export_workbook())
        ui.exportPdfsButton.clicked.connect(lambda: self.export_pdfs())
        ui.syncFolderEdit.setText(str(self.ctx.settings.value(SYNC_FOLDER_KEY, "")))
        ui.syncFolderEdit.editingFinished.connect(
            lambda: self.ctx.settings.setValue(SYNC_FOLDER_KEY, ui.syncFolderEdit.text().strip()))
        ui.chooseSyncFolderButton.clicked.connect(self.choose_sync_folder)
        ui.syncButton.clicked.connect(self.sync_now)
        ui.sendToCombo.currentIndexChanged.connect(
            lambda: self.ctx.settings.setValue(SEND_TO_KEY, ui.sendToCombo.currentData() or ""))
        for b in (ui.importFilesButton, ui.importFolderButton, ui.exportWorkbookButton, ui.exportPdfsButton,
                  ui.syncButton, ui.chooseSyncFolderButton, ui.resolveButton, ui.conflictBannerButton):
            b.setMinimumHeight(40)
        ui.syncButton.setMinimumWidth(96)
        # 审核: its filter, button and the selected visit's review, in the actions row's spare width
        # (beside the other filters, or in a row of its own, the desk would not fit 1366×768 at 150 %).
        self.review_panel = ReviewPanel(self.ctx, self.calls, ui.overviewTable, self)
        ui.actionsLayout.insertWidget(ui.actionsLayout.indexOf(ui.dropHint) + 1, self.review_panel, 1)
        self.proxy.extra = self.review_panel.accepts
        self.review_panel.onFilterChanged = lambda: (self.proxy.refilter(), self._update_counts())
        self.review_panel.connect_selection()
        self.review_panel.changed.connect(self.storeChanged)  # visit lists show the 审核 mark
        self.stage_gaps = StageGapsPanel(self.calls, self)
        gaps_tab = add_scrolling_tab(ui.tabs, self.stage_gaps, "阶段缺项")
        self.stage_gaps.counted.connect(lambda n: ui.tabs.setTabText(gaps_tab, f"阶段缺项（{n}）"))
        self.cases = CasePanel(self.calls, self)
        cases_tab = add_scrolling_tab(ui.tabs, self.cases, "典型案例")
        self.cases.counted.connect(lambda n, chosen: ui.tabs.setTabText(cases_tab, f"典型案例（{chosen}/{n} 入选）"))
        self.programme = ProgrammeDeskPanel(self.calls, self)
        add_scrolling_tab(ui.tabs, self.programme, "工作进展")
        self.programme.changed.connect(self.storeChanged)
        self.proposals = ProposalsPanel(self.calls, self)
        proposals_tab = add_scrolling_tab(ui.tabs, self.proposals, "修改建议")
        self.proposals.counted.connect(lambda n: ui.tabs.setTabText(proposals_tab, f"修改建议（{n}）"))
        self.proposals.decided.connect(lambda: (self.storeChanged.emit(), self.refresh()))
        self.calibration = CalibrationPanel(self.calls, self)  # 校准: experts' ratings against the team's
        calibration_tab = add_scrolling_tab(ui.tabs, self.calibration, "校准")
        self.calibration.counted.connect(
            lambda n: ui.tabs.setTabText(calibration_tab, f"校准（需校准 {n} 人）" if n else "校准"))

    def tab_of(self, panel: QWidget) -> int:
        """The index of the tab showing ``panel`` (added with add_scrolling_tab), or -1."""
        tabs = self.ui.tabs
        return next((i for i in range(tabs.count())
                     if isinstance(area := tabs.widget(i), QScrollArea) and area.widget() is panel), -1)

    def _show_recipients(self, cards) -> None:
        combo, wanted = self.ui.sendToCombo, str(self.ctx.settings.value(SEND_TO_KEY, ""))
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("（不发送）", "")
        for card in cards:
            label = f"{card.name}（{card.organisation}）" if card.organisation else card.name
            combo.addItem(label, card.fingerprint)
            combo.setItemData(combo.count() - 1, f"指纹 {signing.pretty(card.fingerprint)}", Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(wanted)))
        combo.blockSignals(False)

    # -- data -------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.ctx.store

        def job():
            waiting = conflicts.list_conflicts(store)
            return (bureau.overview(store),
                    enterprises.list_enterprises(store, enterprises.EnterpriseFilter(visit_status="未巡诊")),
                    waiting, bureau.conflict_places(store, waiting), bureau.import_history(store),
                    signing.list_cards(store))

        self.calls.run(job, self._show)
        self.stage_gaps.refresh()
        self.cases.refresh()
        self.programme.refresh()
        self.proposals.refresh()
        self.calibration.refresh()

    def _show(self, result) -> None:
        rows, unvisited, waiting, places, history, cards = result
        self.sender_names = {c.fingerprint: c.name for c in cards}
        self._show_recipients([c for c in cards if not c.revoked])
        self.overview.set_rows(rows)
        self.review_panel.load([r.visit_id for r in rows])
        # The goal columns come with the rows, and a reset forgets per-column modes.
        self.ui.overviewTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.unvisited.set_rows(unvisited)
        self.conflicts.set_conflicts(waiting, places)
        self.imports.set_rows(history)
        ui = self.ui
        ui.tabs.setTabText(TAB_CONFLICTS, f"待解决冲突（{len(waiting)}）")
        ui.conflictBannerButton.setText(f"有 {len(waiting)} 项冲突待解决")
        ui.conflictBannerButton.setVisible(bool(waiting))
        ui.resolveButton.setEnabled(bool(waiting))
        self._update_counts()

    def _filter(self, name: str, value: str) -> None:
        self.proxy.set_filter(name, value)
        if name in ("city", "cultivation_type"):
            self.unvisited_proxy.set_filter(name, value)
        self._update_counts()

    def _update_counts(self) -> None:
        shown = self.proxy.visible_rows()
        self.distribution.set_rows(bureau.score_distribution(shown))
        # The level columns share the width, so the shading reads as bars of equal scale.
        header = self.ui.distributionTable.horizontalHeader()
        for col in range(1, 1 + self.distribution.level_count):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        firms = len({r.enterprise_id for r in shown})
        ui = self.ui
        ui.countLabel.setText(f"{len(shown)} 次巡诊，{firms} 家企业")
        ui.distributionHint.setText(f"筛选出的 {firms} 家企业，各按其最近一次巡诊计：每个培育目标达到各等级的企业数"
                                    "（颜色越深企业越多），及得分的最低、中位数、最高。")
        ui.tabs.setTabText(TAB_UNVISITED, f"未巡诊企业（{self.unvisited_proxy.rowCount()}）")

    # -- importing ----------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择数据包", "", "巡诊数据包 (*.xzp);;所有文件 (*)")
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择存放数据包的文件夹")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> BatchImport:
        """Preview what importing these files (folders: the packages inside) would do, then ask."""
        self.batch_import = BatchImport(self.ctx, self)
        self.batch_import.finished.connect(self._import_finished)
        self.batch_import.start(paths)
        return self.batch_import

    def _import_finished(self, text: str, changed: bool) -> None:
        self.ui.lastImportText.setPlainText(text)
        self.ui.tabs.setCurrentIndex(TAB_IMPORTS)
        if changed:
            self.storeChanged.emit()
        self.refresh()

    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- conflicts ------------------------------------------------------------------
    def _resolve_selected(self) -> None:
        index = self.ui.conflictTable.currentIndex()
        row = index.row() if index.isValid() else 0
        if 0 <= row < self.conflicts.rowCount():
            self.resolve_conflict(self.conflicts.row_at(row))

    def resolve_conflict(self, info: conflicts.ConflictInfo) -> ConflictDialog:
        dialog = ConflictDialog(self.ctx, info, self.sender_names.get(info.sender, ""),
                                self.conflicts.places.get(info.id, ""), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(lambda _: (self.storeChanged.emit(), self.refresh()))
        dialog.open()
        self.conflict_dialog = dialog
        return dialog

    # -- sync folder ----------------------------------------------------------------
    def choose_sync_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择同步文件夹", self.ui.syncFolderEdit.text())
        if folder:
            self.ui.syncFolderEdit.setText(folder)
            self.ctx.settings.setValue(SYNC_FOLDER_KEY, folder)

    def sync_now(self) -> None:
        text = self.ui.syncFolderEdit.text().strip()
        if not text:
            self.ui.syncMessage.setText("请先选择同步文件夹。")
            return
        self.ctx.settings.setValue(SYNC_FOLDER_KEY, text)
        store, folder = self.ctx.store, Path(text)
        # Only the chosen card: a bureau registers every expert's card and must not send
        # the whole city's visits back to each of them.
        send_to = self.ui.sendToCombo.currentData() or ""
        recipients = [send_to] if send_to else []

        def job():
            keys = signing.load_or_create_keys(store.paths, store)
            return sync.sync_folder(store, keys, folder, recipients=recipients)

        self.ui.syncButton.setEnabled(False)
        self.ui.syncMessage.setText("正在同步…")
        self.calls.run(job, self._synced, self._sync_failed)

    def _synced(self, res: sync.SyncResult) -> None:
        ui = self.ui
        ui.syncButton.setEnabled(True)
        receipts = sum(1 for p in res.written if "-receipt-" in p.name)
        summary = (f"同步完成：导入 {len(res.imported)} 个数据包，写出回执 {receipts} 个、"
                   f"数据包 {len(res.written) - receipts} 个，跳过 {res.skipped} 个，拒收 {len(res.refused)} 个。")
        ui.syncMessage.setText(summary)
        details = [r.summary() for r in res.imported] + [f"拒收：{exc}" for exc in res.refused]
        ui.lastImportText.setPlainText("\n".join([summary, "", *details]))
        if res.imported:
            self.storeChanged.emit()
        self.refresh()

    def _sync_failed(self, exc: BaseException) -> None:
        self.ui.syncButton.setEnabled(True)
        self.ui.syncMessage.setText(f"同步未完成：{exc}" if isinstance(exc, UserError) else "同步未完成。")

    # -- export -----------------------------------------------------------------------
    def selection(self):
        from ..services.reports import ExportSelection

        wanted = self.proxy.wanted
        if wanted.get("delivered") or self.review_panel.active:  # not filters the workbook knows: name the visits
            return ExportSelection(visit_refs=tuple(r.visit_id for r in self.proxy.visible_rows()))
        return ExportSelection(city=wanted.get("city", ""), cultivation_type=wanted.get("cultivation_type", ""),
                               stage=wanted.get("stage", ""), status=wanted.get("status", ""))

    def export_workbook(self, target: Path | None = None) -> None:
        """The summary workbook of what the filters show; without ``target`` the user picks the file."""
        from .report_export import export_workbook

        export_workbook(self.ctx, self, self.selection(), target)

    def export_pdfs(self, target: Path | None = None) -> None:
        """One zip of the reports of the visits the filters show."""
        from .report_export import export_pdfs

        export_pdfs(self.ctx, self, [r.visit_id for r in self.proxy.visible_rows()], target, as_zip=True)
