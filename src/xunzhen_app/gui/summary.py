"""评价总结: scores per goal with a radar chart, findings, 一企一策, 定稿.

Scores are computed by ``core.scoring`` (the service returns them with the
visit); the page shows them and, for a follow-up visit, the previous visit's
beside them. Texts autosave, list and table edits are written row by row on
the worker (``ctx.tasks``); nothing here decides a score or a rule. Every
edit is an undo command (``workbench_commands``) on the page's own stack; the
lists show what the database holds after each step, the splitter keeps its
sizes in ``ctx.settings``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QPushButton, QSizePolicy, QWidget

from ..core.domain import VisitStatus
from ..core.scoring import band, display_index, display_level, scoring_rule
from ..services import actions, team, visits
from ..services.dto import VisitDetail
from .action_history_dialog import ActionHistoryDialog
from .autosave import TextAutosave
from .case_dialog import CaseDialog
from .consensus_panel import ConsensusPanel
from .context import AppContext
from .fonts import enlarge
from .forms.ui_summary_page import Ui_SummaryPage
from .guarded import WorkerCalls
from .report_actions import ReportActions
from .report_info import ReportInfoEditor
from .summary_models import GoalTableModel, PlanTableModel, ProblemListModel, UnratedListModel
from .summary_pick import ProblemPicker
from .table_models import visit_context
from .widgets.error_banner import ErrorBanner
from .widgets.locked_banner import LockedBanner
from .widgets.radar import BASELINE, CURRENT, PREVIOUS, RadarChart
from .widgets.review_banner import ReviewBanner
from .workbench_commands import TextCommand, UndoKeys, ValueCommand, WorkerCommand

SPLITTER_KEY = "summary/splitter"
KIND_LABELS = {"problem": "主要问题", "plan": "帮扶举措"}


class SummaryPage(QWidget):
    visitChanged = Signal(str)  # an edit of this visit was committed
    itemRequested = Signal(str, str)  # (visit id, item code): open it in the workbench

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id: str | None = None
        self.detail: VisitDetail | None = None
        self.previous: VisitDetail | None = None
        self._locked = False
        self.undo_stack = QUndoStack(self)
        self.ui = Ui_SummaryPage()
        self.ui.setupUi(self)
        self._build()

    def _build(self) -> None:
        ui = self.ui
        self.banner = LockedBanner(self)
        self.banner.reopenRequested.connect(self.reopen_visit)
        ui.pageLayout.insertWidget(1, self.banner)
        self.errorBanner = ErrorBanner(self)
        ui.pageLayout.insertWidget(2, self.errorBanner)
        ui.pageLayout.setStretchFactor(ui.splitter, 1)  # the banners take only their height
        self.calls = WorkerCalls(self.ctx, self, self.errorBanner, "评价总结")
        self.reviewBanner = ReviewBanner(self.ctx, self.calls, self)  # 退回 by the bureau, with its note
        ui.pageLayout.insertWidget(2, self.reviewBanner)
        enlarge(ui.titleLabel, 1.2, bold=True)
        ui.titleLabel.setWordWrap(True)  # a long enterprise name wraps rather than widen the window
        ui.titleLabel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        ui.headerLayout.setStretchFactor(ui.titleLabel, 1)  # and takes the spare width before it wraps
        ui.finalizeButton.setMinimumSize(96, 36)
        ui.finalizeButton.clicked.connect(self.finalize_visit)
        self.report_actions = ReportActions(self.ctx, self)
        ui.headerLayout.insertWidget(ui.headerLayout.indexOf(ui.finalizeButton), self.report_actions)

        self.goalModel = GoalTableModel(self)
        ui.goalTable.setModel(self.goalModel)
        ui.goalTable.verticalHeader().hide()
        ui.goalTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only figures: no focus frame
        self.radar = RadarChart(ui.radarHost)
        ui.radarLayout.addWidget(self.radar)
        ui.ruleLabel.setStyleSheet("color: #5f6b77;")
        small = ui.ruleLabel.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        ui.ruleLabel.setFont(small)
        ui.splitter.setStretchFactor(0, 5)
        ui.splitter.setStretchFactor(1, 4)
        ui.splitter.setSizes([620, 540])
        if state := self.ctx.settings.value(SPLITTER_KEY):
            ui.splitter.restoreState(state)
        ui.splitter.splitterMoved.connect(lambda *_: self.ctx.settings.setValue(SPLITTER_KEY, ui.splitter.saveState()))

        self.undo_keys = UndoKeys(self, self.undo_stack, lambda: self.commit_pending(wait=False))
        for button in self.undo_keys.buttons():
            ui.headerLayout.insertWidget(ui.headerLayout.indexOf(self.report_actions), button)
        # The one-line inputs too: right after 回车 adds a row, Ctrl+Z should take the row away.
        self.undo_keys.route(ui.summaryEdit, ui.problemInput, ui.planMeasureInput)
        self.summarySaver = TextAutosave(ui.summaryEdit, self._summary_committed, self)
        self.report_info = ReportInfoEditor(self)
        self.savers = {"summary": self.summarySaver, "expert_opinion": self.report_info.opinionSaver}

        self.consensus = ConsensusPanel(self._record_consensus, self)  # 待合议: the team's ratings side by side
        ui.tabs.addTab(self.consensus, "待合议")

        self.problemModel = ProblemListModel(self)
        self.problemModel.edited.connect(self._problem_edited)
        ui.problemView.setModel(self.problemModel)
        ui.problemView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed)
        ui.addProblemButton.clicked.connect(self._add_typed_problem)
        ui.problemInput.returnPressed.connect(self._add_typed_problem)
        ui.pickProblemsButton.clicked.connect(self.pick_problems)
        ui.problemUpButton.clicked.connect(lambda: self._move("problem", ui.problemView, -1))
        ui.problemDownButton.clicked.connect(lambda: self._move("problem", ui.problemView, 1))
        ui.removeProblemButton.clicked.connect(lambda: self._remove("problem", ui.problemView))

        self.planModel = PlanTableModel(self)
        self.planModel.edited.connect(self._plan_edited)
        ui.planView.setModel(self.planModel)
        ui.planView.setWordWrap(True)
        plan_header = ui.planView.horizontalHeader()
        # The two free-text columns share the width; the short ones stay narrow.
        for col, field in enumerate(PlanTableModel.FIELDS):
            wide = field in ("measure", "expected_outcome")
            plan_header.setSectionResizeMode(
                col, QHeaderView.ResizeMode.Stretch if wide else QHeaderView.ResizeMode.Interactive)
        for field, width in (("category", 76), ("department", 72), ("owner", 52), ("due", 84), ("status", 64),
                             ("result", 72)):
            ui.planView.setColumnWidth(PlanTableModel.FIELDS.index(field), width)
        self.planModel.refused.connect(self.errorBanner.show_message)
        ui.addPlanButton.clicked.connect(self._add_typed_plan_row)
        ui.planMeasureInput.returnPressed.connect(self._add_typed_plan_row)
        ui.planUpButton.clicked.connect(lambda: self._move("plan", ui.planView, -1))
        ui.planDownButton.clicked.connect(lambda: self._move("plan", ui.planView, 1))
        ui.removePlanButton.clicked.connect(lambda: self._remove("plan", ui.planView))
        self.planHistoryButton = QPushButton("进展与历史…", ui.planTab)
        self.planHistoryButton.setToolTip("所选举措的进展记录（可附照片、文件）和修改记录")
        ui.planButtons.insertWidget(ui.planButtons.indexOf(ui.removePlanButton), self.planHistoryButton)
        self.planHistoryButton.clicked.connect(self.show_action_history)
        self.action_history: ActionHistoryDialog | None = None
        # The enterprise's 典型案例, drafted from what these visits found (gui/case_dialog.py).
        self.caseButton = QPushButton("典型案例…", ui.planTab)
        ui.planButtons.addWidget(self.caseButton)
        self.caseButton.clicked.connect(self.show_case)
        self.case_dialog: CaseDialog | None = None

        self.unratedModel = UnratedListModel(self)
        ui.unratedView.setModel(self.unratedModel)
        ui.unratedView.setWordWrap(True)  # long requirements wrap instead of scrolling sideways
        ui.unratedView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.unratedView.clicked.connect(
            lambda idx: self.itemRequested.emit(self.visit_id or "", self.unratedModel.code(idx.row())))

    # --- loading -----------------------------------------------------------------
    def open_visit(self, visit_id: str) -> None:
        self.commit_pending(wait=False)
        if visit_id != self.visit_id:
            self.undo_stack.clear()
        self.visit_id = visit_id
        self.report_actions.set_visit(visit_id)
        store = self.ctx.store
        self.calls.run(lambda: (visits.get_visit(store, visit_id), visits.previous_visit(store, visit_id)), self._loaded)

    def reload(self) -> None:
        if self.visit_id:
            self.open_visit(self.visit_id)

    def _loaded(self, pair) -> None:
        detail, previous = pair
        if detail.row.id != self.visit_id:
            return
        self.detail, self.previous = detail, previous
        ui, result, template = self.ui, detail.result, detail.template
        self._locked = detail.row.status == VisitStatus.FINALIZED
        if self._locked:
            self.undo_stack.clear()  # 定稿 closes the undo history: nothing undoes into a finalized visit
        r = detail.row
        ui.titleLabel.setText(visit_context(r))
        self.reviewBanner.load(r.id)
        prev_result = previous.result if previous else None
        baseline = detail.baseline if detail.baseline and detail.baseline.visit_id != detail.previous_visit_id else None
        self.goalModel.set_result(result, template.scale, prev_result, baseline.result if baseline else None)
        ui.ruleLabel.setText(scoring_rule(template.scale))
        header = ui.goalTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ui.goalTable.resizeRowsToContents()
        rows_h = sum(ui.goalTable.rowHeight(i) for i in range(self.goalModel.rowCount()))
        ui.goalTable.setFixedHeight(rows_h + header.height() + 2 * ui.goalTable.frameWidth() + 2)

        labels = [g.title for g in template.goals]
        series = []
        if baseline is not None:
            series.append((f"前期（{baseline.start_date:%Y-%m-%d}）",
                           [g.score.level for g in baseline.result.goals], BASELINE))
        if previous is not None:
            series.append((f"上次（{previous.row.start_date:%Y-%m-%d}）",
                           [g.score.level for g in prev_result.goals], PREVIOUS))
        series.append(("本次", [g.score.level for g in result.goals], CURRENT))
        self.radar.set_data(labels, series, template.scale.top)
        ui.overallLabel.setText(self._overall_html(detail, previous))

        self.unratedModel.set_rows([(c, template.item(c).text + self._pending_note(detail, c)) for c in result.unrated])
        ui.tabs.setTabText(ui.tabs.indexOf(ui.unratedTab), f"未评项（{len(result.unrated)}）")
        pending = self.consensus.load(detail, self._locked)
        ui.tabs.setTabText(ui.tabs.indexOf(self.consensus), f"待合议（{pending}）")
        self.summarySaver.load(detail.row.id, detail.summary)
        self.report_info.load(detail)
        self._set_rows(ui.problemView, self.problemModel, detail.problems)
        self._set_rows(ui.planView, self.planModel, detail.plan)
        # Room for the texts: no 类别 column where the 培育类型 has one category, no 核验结果 before a follow-up.
        fields = PlanTableModel.FIELDS
        ui.planView.setColumnHidden(fields.index("category"),
                                    len(actions.categories(detail.enterprise.cultivation_type)) <= 1)
        ui.planView.setColumnHidden(fields.index("result"), not any(p.carried_from_id for p in detail.plan))
        ui.planView.resizeRowsToContents()
        self._apply_lock()

    @staticmethod
    def _pending_note(detail: VisitDetail, code: str) -> str:
        s = detail.suggestion(code)
        if s is None:
            return ""
        return f"（待复核：上次{'不适用' if s.not_applicable else f' {s.level} 级'}）"

    def _overall_html(self, detail: VisitDetail, previous: VisitDetail | None) -> str:
        result, scale = detail.result, detail.template.scale
        named = band(result.overall, scale)
        parts = [f"<span style='font-size:14pt'><b>总体：{display_level(result.overall)}</b>"
                 f"　指数 {display_index(result.overall)}　<b>{named.name if named else '—'}</b></span>"]
        earlier = []
        if detail.baseline is not None and detail.baseline.visit_id != detail.previous_visit_id:
            earlier.append(f"前期 {display_level(detail.baseline.result.overall)}")
        if previous is not None:
            earlier.append(f"上次 {display_level(previous.result.overall)}（指数 {display_index(previous.result.overall)}）")
        if earlier:
            parts.append(" → ".join(earlier))
        if result.failed_checks:
            items = "；".join(f"{c} {detail.template.item(c).check.text}" for c in result.failed_checks)
            parts.append(f"<br><span style='color:#c0392b'><b>否决项未通过：</b>{items}</span>")
        if result.unrated:
            parts.append(f"<br><span style='color:#9a6700'>尚有 {len(result.unrated)} 项未评，得分为暂定（见“未评项”）。</span>")
        if result.pending:
            parts.append(f"<br><span style='color:#9a6700'>专家组对 {len(result.pending)} 项的评定不一致，"
                         "按平均值暂定计分，待组长记录合议（见“待合议”）。</span>")
        return "　".join(parts[:2]) + "".join(parts[2:])

    def _apply_lock(self) -> None:
        # On a team member's laptop the visit's own texts, lists and 定稿 are the 组长's: read-only.
        member = self.detail is not None and self.detail.assigned_items is not None
        editable = not self._locked and not member
        self.banner.set_finalized(self.detail.finalized_at if self._locked else None)
        ui = self.ui
        ui.finalizeButton.setEnabled(editable)
        ui.summaryEdit.setReadOnly(not editable)
        self.report_info.set_locked(self._locked or member)
        self.problemModel.read_only = self.planModel.read_only = not editable
        self.undo_keys.set_locked(self._locked)
        for w in (ui.problemInput, ui.addProblemButton, ui.pickProblemsButton, ui.problemUpButton,
                  ui.problemDownButton, ui.removeProblemButton, ui.planMeasureInput, ui.addPlanButton,
                  ui.planUpButton, ui.planDownButton, ui.removePlanButton):
            w.setEnabled(editable)

    @staticmethod
    def _set_rows(view, model, rows) -> None:
        """Show reloaded rows, keeping the selected row (by id) selected, so 上移 can be pressed again."""
        index = view.currentIndex()
        keep = model.rows()[index.row()].id if index.isValid() else None
        model.set_rows(rows)
        for n, row in enumerate(rows):
            if row.id == keep:
                view.setCurrentIndex(model.index(n, 0))

    @property
    def locked(self) -> bool:
        """The open visit is finalized: nothing on the page edits it."""
        return self._locked

    # --- edits: from the user to an undo command --------------------------------------
    def _summary_committed(self, visit_id, old: str, new: str) -> None:
        if not self._locked and visit_id:
            self.undo_stack.push(TextCommand(self, visit_id, "summary", old, new))

    def _push(self, text: str, forward, back) -> None:
        self.undo_stack.push(WorkerCommand(text, lambda fn: self.write(fn, reload=True), forward, back))

    def _push_added(self, kind: str, add_one, values: list) -> None:
        """Add rows; undo removes them, redo puts the very same rows back."""
        store, added, taken = self.ctx.store, [], []

        def forward():
            if taken:
                while taken:
                    visits.restore(store, taken.pop())
                return
            for v in values:  # one by one, so a row refused halfway leaves the others undoable
                added.append(add_one(v))

        def back():
            # Last first, so each row's saved position is right when it is put back first-to-last.
            taken.extend(visits.remove_row(store, kind, row_id) for row_id in reversed(added))

        self._push(f"添加{KIND_LABELS[kind]}", forward, back)

    def add_problems(self, findings: list[tuple[str | None, str]]) -> None:
        vid, store = self.visit_id, self.ctx.store
        self._push_added("problem", lambda f: visits.add_problem(store, vid, f[1], f[0]), list(findings))

    def _add_typed_problem(self) -> None:
        text = self.ui.problemInput.text().strip()
        if text:
            self.ui.problemInput.clear()
            self.add_problems([(None, text)])

    def pick_problems(self) -> ProblemPicker | None:
        if self.detail is None:
            return None
        findings = [(c, a.problem.strip()) for c, a in sorted(self.detail.assessments.items(),
                                                              key=lambda kv: [int(x) for x in kv[0].split(".")])
                    if a.problem.strip()]
        dialog = ProblemPicker(findings, {p.text for p in self.problemModel.rows()}, self)
        dialog.picked.connect(self.add_problems)
        dialog.open()
        return dialog

    def add_plan_row(self, measure: str, **values) -> None:
        vid, store = self.visit_id, self.ctx.store
        self._push_added("plan", lambda m: visits.add_plan_row(store, vid, measure=m, **values), [measure])

    def show_action_history(self) -> ActionHistoryDialog | None:
        """The selected action's progress notes and changes (gui/action_history_dialog.py)."""
        index = self.ui.planView.currentIndex()
        if not index.isValid():
            self.errorBanner.show_message("请先在表中选择一项帮扶举措")
            return None
        row = self.planModel.rows()[index.row()]
        dialog = ActionHistoryDialog(self.ctx, row.id, locked=self._locked, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda _: (self.visitChanged.emit(self.visit_id), self.reload()))
        dialog.open()
        self.action_history = dialog
        return dialog

    def show_case(self) -> CaseDialog | None:
        if self.detail is None:
            return None
        e = self.detail.enterprise
        dialog = CaseDialog(self.ctx, e.id, e.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.case_dialog = dialog
        return dialog

    def _add_typed_plan_row(self) -> None:
        text = self.ui.planMeasureInput.text().strip()
        if text:
            self.ui.planMeasureInput.clear()
            self.add_plan_row(text)

    def _problem_edited(self, problem_id: str, old: str, new: str) -> None:
        store = self.ctx.store

        def apply(text):
            self.problemModel.set_field(problem_id, "text", text)
            self.write(lambda: visits.update_problem(store, problem_id, text))

        self.undo_stack.push(ValueCommand("修改主要问题", apply, old, new))

    def _plan_edited(self, row_id: str, field: str, old, new) -> None:
        store = self.ctx.store

        # In place, no reload: a reset model would close the editor the expert tabbed into.
        def apply(value):
            self.planModel.set_field(row_id, field, value)
            if field == "result":  # a follow-up's 核验结果, kept with the note it has
                note = next(r.result_note for r in self.planModel.rows() if r.id == row_id)
                self.write(lambda: actions.update_action(store, row_id, result=value, result_note=note))
            else:
                self.write(lambda: visits.update_plan_row(store, row_id, **{field: value}))

        header = PlanTableModel.HEADERS[PlanTableModel.FIELDS.index(field)]
        self.undo_stack.push(ValueCommand(f"修改帮扶举措的“{header}”", apply, old, new))

    def _selected_row(self, view) -> int:
        index = view.currentIndex()
        return index.row() if index.isValid() else -1

    def _move(self, kind: str, view, delta: int) -> None:
        model = self.problemModel if kind == "problem" else self.planModel
        row = self._selected_row(view)
        target = row + delta
        if row < 0 or not 0 <= target < model.rowCount():
            return
        row_id, store = model.rows()[row].id, self.ctx.store
        model.move(row, target)
        view.setCurrentIndex(model.index(target, 0))
        self._push(f"{'上移' if delta < 0 else '下移'}{KIND_LABELS[kind]}",
                   lambda: visits.move_row(store, kind, row_id, target),
                   lambda: visits.move_row(store, kind, row_id, row))

    def _remove(self, kind: str, view) -> None:
        model = self.problemModel if kind == "problem" else self.planModel
        row = self._selected_row(view)
        if row < 0:
            return
        row_id, store, taken = model.rows()[row].id, self.ctx.store, []
        self._push(f"删除{KIND_LABELS[kind]}", lambda: taken.append(visits.remove_row(store, kind, row_id)),
                   lambda: visits.restore(store, taken.pop()))

    # --- edits: from an undo command to the screen and the database ----------------------
    def apply_text(self, visit_id: str, name: str, text: str) -> None:
        if visit_id == self.visit_id:
            self.savers[name].show_committed(text)
        store = self.ctx.store
        self.write(lambda: visits.set_visit_field(store, visit_id, name, text))

    def _record_consensus(self, code: str, level: int, note: str) -> None:
        store, vid = self.ctx.store, self.visit_id
        self.write(lambda: team.record_consensus(store, vid, code, level, note), reload=True)

    def finalize_visit(self) -> None:
        """Ask first, listing what the visit still lacks (from the stored state, after pending edits)."""
        if self.visit_id:
            self.commit_pending(wait=False)
            vid, store = self.visit_id, self.ctx.store
            self.calls.run(lambda: visits.get_visit(store, vid), self._confirm_finalize)

    def _confirm_finalize(self, detail: VisitDetail) -> None:
        if detail.row.id != self.visit_id:
            return
        gaps = visits.finalize_gaps(detail)
        text = "定稿后本巡诊只读，报告不再带“草稿”水印；如需修改，须“重新打开”并说明原因。"
        if gaps:
            text += "\n\n尚有以下情况：\n" + "\n".join(f"• {g}" for g in gaps) + "\n\n仍要定稿吗？"
        else:
            text += "\n\n确定定稿吗？"
        box = QMessageBox(QMessageBox.Icon.Warning if gaps else QMessageBox.Icon.Question,
                          f"定稿：{detail.row.enterprise}", text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Yes).setText("定稿")
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        vid, store = detail.row.id, self.ctx.store
        box.accepted.connect(lambda: self.write(lambda: visits.finalize(store, vid), reload=True))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("finalizeConfirmation")
        box.open()

    def reopen_visit(self, reason: str) -> None:
        if self.visit_id:
            vid = self.visit_id
            self.write(lambda: visits.reopen(self.ctx.store, vid, reason), reload=True)

    def hideEvent(self, event) -> None:
        self.commit_pending(wait=False)  # leaving the page commits what is being typed
        super().hideEvent(event)

    def commit_pending(self, wait: bool = True) -> None:
        """Save 总体评价 and 专家组意见 still being typed and (by default) wait for the worker."""
        self.summarySaver.flush()
        self.report_info.flush()
        if wait:
            self.ctx.tasks.flush()

    # --- plumbing ------------------------------------------------------------------
    def write(self, fn, reload: bool = False) -> None:
        vid = self.visit_id

        def done(_):
            self.visitChanged.emit(vid)
            if reload and vid == self.visit_id:
                self.reload()

        self.calls.run(fn, done, self._write_failed)

    def _write_failed(self, exc: BaseException) -> None:
        self.calls.show(exc)
        # The rows' commands know ids and positions the failed step may have left
        # different: start a new history from what is really stored.
        self.undo_stack.clear()
        self.reload()  # show what is really stored (e.g. the visit was finalized elsewhere)
