"""巡诊工作台: the checklist tree on the left, the open item on the right.

Every edit is shown at once and written at once: a level change, an
autosaved text or an added/removed attachment becomes an undo command
(``workbench_commands``) whose redo/undo update the screen and queue the
service call on the worker thread (``ctx.tasks``), which keeps edits in order.
``commit_pending()`` flushes text still being typed and waits for the worker —
the main window calls it before closing so nothing typed is lost. The
splitter and, per visit, the item last open are kept in ``ctx.settings``.

The keyboard contract (README, the 快捷键 dialog in ``keyboard_help``): the
focus is either in the checklist tree — then digits rate, P/F set the check,
PgUp/PgDn and ←/→ move — or in a text box the user put it in (click, Tab,
Alt+E/W/J/L), which Esc leaves. Buttons never take the focus and moving to
another item takes it out of a text box, so a digit meant as a rating can
never land in 核查记录. A goal or 主要举措 row shows that node, with the
rating keys inert.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.checklist import GUIDANCE_LABELS, Item
from ..core.domain import VisitStatus
from ..core.errors import FinalizedError
from ..core.follow_up import suggested_rating
from ..core.scoring import band, display_level, item_complete, progress, veto_rule_for
from ..services import visits
from ..services.dto import AssessmentData, AttachmentInfo, VisitDetail
from .autosave import TextAutosave
from .context import AppContext
from .fonts import enlarge
from .forms.ui_item_page import Ui_ItemPage
from .guarded import WorkerCalls
from .table_models import visit_context
from .team_view import TeamView
from .widgets.error_banner import ErrorBanner
from .widgets.level_selector import NOT_APPLICABLE, LevelSelector, keys_hint
from .widgets.locked_banner import LockedBanner
from .widgets.review_banner import ReviewBanner
from .workbench_attachments import AttachmentListModel, is_image, open_original, thumbnail
from .workbench_commands import RatingCommand, TextCommand, UndoKeys, WorkerCommand
from .workbench_model import ChecklistTreeModel

TEXT_FIELDS = ("evidence", "problem", "suggestion", "strength")
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}  # 1…N a level (N from the template), 0 不适用
CHECK_KEYS = {Qt.Key.Key_P: True, Qt.Key.Key_F: False}
NEXT_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_Right)
PREV_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_Left)
NO_VISIT_HINT = ("<p style='font-size:13pt'>尚未打开巡诊。</p>"
                 "<p>在“企业库”中选中企业，双击下方列出的一次巡诊即可打开；"
                 "或按 <b>Ctrl+N</b>（左侧“新建巡诊”）为企业新建一次巡诊。</p>"
                 "<p>打开后按数字键评级，按 <b>F1</b> 查看全部快捷键。</p>")
SPLITTER_KEY = "workbench/splitter"
LAST_ITEM_KEY = "workbench/last_item/{}"  # per visit id


class WorkbenchPage(QWidget):
    visitChanged = Signal(str)  # an edit of this visit was committed
    itemShown = Signal(str)  # the item now open (for a status bar)
    visitLoaded = Signal(object)  # VisitRow of the visit now shown

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id: str | None = None
        self.detail: VisitDetail | None = None
        self._assess: dict[str, AssessmentData] = {}
        self._attachments: list[AttachmentInfo] = []
        self._code: str | None = None  # the item on screen: what the rating keys act on
        self._node: str | None = None  # a goal or measure on screen instead (rating keys inert)
        self._locked = False
        self.undo_stack = QUndoStack(self)
        self._build()

    # --- construction ------------------------------------------------------
    def _build(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.banner = LockedBanner(self)
        self.banner.reopenRequested.connect(self.reopen_visit)
        outer.addWidget(self.banner)
        self.contextLabel = QLabel(self)  # filled when a visit is open
        self.contextLabel.setObjectName("visitContext")
        self.contextLabel.setTextFormat(Qt.TextFormat.RichText)
        enlarge(self.contextLabel, 1.15)
        self.team = TeamView(self)  # a member's assignment, the team's other ratings, the 专家组 button
        # 专家组… is about the visit, so it sits in the visit's header, not among the item's buttons
        # (there it made the workbench too wide for 1366×768 at 150 %).
        context_row = QHBoxLayout()
        context_row.addWidget(self.contextLabel, 1)
        context_row.addWidget(self.team.teamButton)
        outer.addLayout(context_row)
        outer.addWidget(self.team.assignmentLabel)
        self.errorBanner = ErrorBanner(self)
        outer.addWidget(self.errorBanner)
        self.calls = WorkerCalls(self.ctx, self, self.errorBanner, "巡诊工作台")
        self.reviewBanner = ReviewBanner(self.ctx, self.calls, self)  # 退回 by the bureau, with its note
        outer.insertWidget(outer.indexOf(self.banner) + 1, self.reviewBanner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(self.splitter, 1)
        self.model = ChecklistTreeModel(self)
        self.tree = QTreeView(self.splitter)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.tree.installEventFilter(self)  # the tree holds the focus while rating: its keys are ours
        self.setFocusProxy(self.tree)  # a click on the page (or a button) leaves the keys on rating

        self.itemPage = QWidget(self.splitter)
        self.ui = Ui_ItemPage()
        self.ui.setupUi(self.itemPage)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 800])  # the item's header fits on one line at 1366 px
        if state := self.ctx.settings.value(SPLITTER_KEY):
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda *_: self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState()))
        enlarge(self.ui.requirementLabel, 1.25)
        enlarge(self.ui.codeLabel, 1.25, bold=True)
        # A long goal title wraps rather than widen the window (1366×768 at 150 %).
        self.ui.codeLabel.setWordWrap(True)
        self.ui.codeLabel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.ui.headerLayout.setStretchFactor(self.ui.codeLabel, 1)

        self.selector = LevelSelector(self.ui.levelBox)
        # A follow-up's earlier levels of the item, and its 待复核 suggestion (see core.follow_up).
        self.compareLabel = QLabel(self.ui.levelBox)
        self.compareLabel.setObjectName("compareLabel")
        self.compareLabel.setWordWrap(True)
        self.ui.levelLayout.addWidget(self.compareLabel)
        self.ui.levelLayout.addWidget(self.team.ratingsLabel)
        self.ui.levelLayout.addWidget(self.selector)
        self.selector.levelChosen.connect(self.choose_level)
        self.ui.checkBox.setStyleSheet(
            "QPushButton:checked#checkPassButton { background: #d7f0dd; border: 2px solid #2e8b57; }"
            "QPushButton:checked#checkFailButton { background: #f9d9d6; border: 2px solid #c0392b; }"
            "QPushButton:checked#checkClearButton { background: #e8ecf0; border: 2px solid #8a96a3; }")
        for button, value in ((self.ui.checkPassButton, True), (self.ui.checkFailButton, False),
                              (self.ui.checkClearButton, None)):
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, v=value: self.choose_check(v))
        self.undo_keys = UndoKeys(self, self.undo_stack, lambda: self.commit_pending(wait=False))
        header = self.ui.headerLayout
        self.overdueLabel = QLabel(self.itemPage)  # the visit's overdue 一企一策 actions, if any
        self.overdueLabel.setObjectName("overdueLabel")
        self.overdueLabel.setStyleSheet("color: #c0392b; font-weight: bold;")
        header.insertWidget(header.indexOf(self.ui.progressLabel) + 1, self.overdueLabel)
        for button in self.undo_keys.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            header.insertWidget(header.indexOf(self.ui.prevButton), button)
        self.team.teamButton.clicked.connect(self.open_team_dialog)
        self.autosaves = {}
        for name in TEXT_FIELDS:
            editor = getattr(self.ui, f"{name}Edit")
            self.undo_keys.route(editor)
            editor.installEventFilter(self)  # Esc and PgUp/PgDn
            self.autosaves[name] = TextAutosave(editor, self._text_committed, self)

        self.attachmentModel = AttachmentListModel(self)
        self.ui.attachmentView.setModel(self.attachmentModel)
        self.ui.attachmentView.setGridSize(self.ui.attachmentView.iconSize() + self.ui.attachmentView.iconSize() / 3)
        self.ui.attachmentView.doubleClicked.connect(lambda idx: self.open_attachment(idx.row()))
        self.ui.attachmentView.installEventFilter(self)  # digits rate here too, not search the list
        self.ui.addAttachmentButton.clicked.connect(self._pick_files)
        self.ui.openAttachmentButton.clicked.connect(lambda: self.open_attachment(self._selected_attachment()))
        self.ui.removeAttachmentButton.clicked.connect(self._remove_selected_attachment)

        self.ui.prevButton.clicked.connect(lambda: self.step(-1))
        self.ui.nextButton.clicked.connect(lambda: self.step(1))
        self.ui.nextUnratedButton.clicked.connect(self.next_unrated)
        self._shortcut("Ctrl+Down", lambda: self.step(1))
        self._shortcut("Ctrl+Up", lambda: self.step(-1))
        self._shortcut("F3", self.next_unrated)
        self.setTabOrder(self.tree, self.ui.evidenceEdit)
        self.setTabOrder(self.ui.evidenceEdit, self.ui.problemEdit)
        self.setTabOrder(self.ui.problemEdit, self.ui.suggestionEdit)
        self.setTabOrder(self.ui.suggestionEdit, self.ui.attachmentView)
        self._show_item(None)

    def _shortcut(self, keys: str, slot) -> None:
        sc = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)

    # --- opening -------------------------------------------------------------
    def open_visit(self, visit_id: str, code: str | None = None, first_unrated: bool = False) -> None:
        """Load a visit (on the worker) and show ``code``, else the item open before (in this
        session or, for another visit, when it was last open), else its first unrated item.
        ``first_unrated`` skips the remembered item (``xunzhen open``, 开始评价)."""
        self.commit_pending(wait=False)
        if visit_id != self.visit_id:
            self.undo_stack.clear()
            # Nothing of the previous visit stays editable while this one loads.
            self.detail = None
            self._show_item(None)
            if not first_unrated:
                code = code or self.ctx.settings.value(LAST_ITEM_KEY.format(visit_id))
        if first_unrated:
            self._code = None
        self.visit_id = visit_id
        self.calls.run(lambda: visits.get_visit(self.ctx.store, visit_id), lambda d: self._loaded(d, code))

    def start_rating(self, visit_id: str) -> None:
        """Open ``visit_id`` at its first unrated item with the keys on rating (see the module doc)."""
        self.open_visit(visit_id, first_unrated=True)
        self.focus_rating()

    def focus_rating(self) -> None:
        """Give the keys to rating: digits rate, P/F check, arrows move — nothing is typed."""
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_item(self, code: str) -> None:
        """Open one item (e.g. from the summary's list of unrated items)."""
        if self.detail is not None:
            self._select(code)

    def current_code(self) -> str | None:
        """The item on screen; None while a goal or measure row (or nothing) is shown."""
        return self._code

    def current_node(self) -> str | None:
        """The goal or 主要举措 shown instead of an item, if any."""
        return self._node

    def _loaded(self, detail: VisitDetail, code: str | None) -> None:
        if detail.row.id != self.visit_id:
            return  # a newer open_visit overtook this one
        self.detail = detail
        self._assess = dict(detail.assessments)
        self._attachments = list(detail.attachments)
        self._locked = detail.row.status == VisitStatus.FINALIZED
        if self._locked:
            self.undo_stack.clear()  # 定稿 closes the undo history: nothing undoes into a finalized visit
        self.contextLabel.setText(visit_context(detail.row))
        self.model.set_template(detail.template, self._ratings(), self._last_ratings())
        self.model.set_assigned(detail.assigned_items)
        self.team.load(detail)
        self.tree.expandAll()
        self.banner.set_finalized(detail.finalized_at if self._locked else None)
        self.reviewBanner.load(detail.row.id)
        self._apply_lock()
        codes = self.model.item_codes()
        want = code or self._code
        if want not in codes:
            unrated = [c for c in codes if not self._complete(c)]
            want = unrated[0] if unrated else (codes[0] if codes else None)
        self._code = None  # force a refresh of the item page
        self._select(want)
        self._update_progress()
        today = date.today()
        overdue = [p for p in detail.plan if p.overdue(today)]
        self.overdueLabel.setText(f"逾期举措 {len(overdue)} 项" if overdue else "")
        self.overdueLabel.setToolTip("\n".join(f"{p.measure}（完成时限 {p.due}，{p.status}）" for p in overdue))
        self.visitLoaded.emit(detail.row)

    def _apply_lock(self) -> None:
        editable = not self._locked and not self.team.read_only(self._code)
        self.selector.setEnabled(editable)
        for button in (self.ui.checkPassButton, self.ui.checkFailButton, self.ui.checkClearButton,
                       self.ui.addAttachmentButton, self.ui.removeAttachmentButton):
            button.setEnabled(editable)
        for name in TEXT_FIELDS:
            getattr(self.ui, f"{name}Edit").setReadOnly(not editable)
        self.setAcceptDrops(editable)
        self.undo_keys.set_locked(self._locked)

    # --- navigation ----------------------------------------------------------
    def _select(self, code: str | None) -> None:
        index = self.model.index_for_code(code) if code else None
        if index is not None and index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)  # its goal row stays in view
        if code is None or code in self.model.item_codes():
            self._show_item(code)
        elif self._node != code:
            self._show_node(code)

    def _tree_current_changed(self, current, _previous) -> None:
        code = self.model.code_at(current)
        if not code or self.detail is None:
            return
        if code in self.model.item_codes():
            self._show_item(code)
        else:
            self._show_node(code)

    def step(self, delta: int) -> None:
        """The next (+1) or previous (−1) item; from a goal or measure, its first item or the one before it."""
        codes = self.model.item_codes()
        if not codes:
            return
        if self._code in codes:
            target = codes.index(self._code) + delta
        elif self._node is not None:
            first = next((n for n, c in enumerate(codes) if c.startswith(self._node + ".")), 0)
            target = first if delta > 0 else first - 1
        else:
            target = 0
        self._select(codes[max(0, min(len(codes) - 1, target))])

    def next_unrated(self) -> None:
        codes = self.model.item_codes()
        start = codes.index(self._code) if self._code in codes else -1
        for k in range(1, len(codes) + 1):
            code = codes[(start + k) % len(codes)]
            if not self._complete(code):
                self._select(code)
                return

    # --- the item page --------------------------------------------------------
    def _item(self, code: str) -> Item:
        return self.detail.template.item(code)

    def _leave_text_box(self) -> None:
        """Moving on never leaves the cursor in a text box: the next keys rate."""
        focused = QApplication.focusWidget()
        if isinstance(focused, (QPlainTextEdit, QLineEdit)) and self.isAncestorOf(focused):
            self.focus_rating()

    def _show_item(self, code: str | None) -> None:
        if code == self._code and code is not None:
            return
        for saver in self.autosaves.values():
            saver.flush()  # text typed for the previous item is saved under that item
        self._leave_text_box()
        self._code, self._node = code, None
        self.ui.contentStack.setCurrentWidget(self.ui.scrollArea)
        has = code is not None and self.detail is not None
        self.ui.scrollArea.setEnabled(has)
        if not has and self.visit_id is None:
            self.ui.nodeLabel.setText(NO_VISIT_HINT)
            self.ui.contentStack.setCurrentWidget(self.ui.nodeScroll)
        if not has:
            self.ui.codeLabel.setText("请选择左侧的检查条目" if self.visit_id else "尚未打开巡诊")
            self.ui.requirementLabel.clear()
            self.ui.guidanceLabel.clear()
            self.ui.checkBox.hide()
            self.selector.set_levels([])
            for saver in self.autosaves.values():
                saver.load(None, "")
            self.attachmentModel.set_rows([])
            return
        item, scale = self._item(code), self.detail.template.scale
        goal = self.detail.template.goal_of(code)
        self.ui.codeLabel.setText(f"{code}　{goal.title}")
        self.ui.requirementLabel.setText(item.text)
        self.ui.guidanceLabel.setText("<br>".join(
            f"<b>{GUIDANCE_LABELS[k]}：</b>{html.escape(v)}" for k, v in item.guidance.items() if k in GUIDANCE_LABELS))
        self.selector.show_item(item, scale)
        self.ui.levelBox.setTitle(keys_hint(item, scale))
        self.ui.checkBox.setVisible(item.check is not None)
        if item.check is not None:
            self.ui.checkTextLabel.setText(html.escape(item.check.text) + (
                f"<br><small>{html.escape(veto_rule_for(item, scale))}</small>" if item.veto else ""))
        a = self._assess.get(code) or AssessmentData(code)
        for name, saver in self.autosaves.items():
            saver.load((code, name), getattr(a, name))
        self._show_rating(code)
        self.team.show_item(self._assess.get(code))
        self._apply_lock()  # a team member's items not assigned to them are read-only
        self.attachmentModel.set_rows([x for x in self._attachments if x.item_code == code])
        for info in self.attachmentModel.rows():
            self._load_thumbnail(info)
        self.ui.scrollArea.verticalScrollBar().setValue(0)
        self.ctx.settings.setValue(LAST_ITEM_KEY.format(self.visit_id), code)
        self.itemShown.emit(code)

    def _show_node(self, code: str) -> None:
        """A goal or 主要举措: its score and its items; the rating keys do nothing here."""
        self._show_item(None)
        self._node = code
        template, result = self.detail.template, self.model.result
        goal = next(g for g in template.goals if code == g.code or code.startswith(g.code + "."))
        g_result = result.goals[template.goals.index(goal)]
        measures = list(zip(goal.measures, g_result.measures))
        if code != goal.code:
            measures = [(m, r) for m, r in measures if m.code == code]
            title, score = measures[0][0].title, measures[0][1].score
        else:
            title, score = goal.title, g_result.score
        named = band(score, template.scale)
        self.ui.codeLabel.setText(f"{code}　{title}")
        self.ui.completeLabel.setText("")
        rows = []
        for measure, m_result in measures:
            rows.append(f"<tr><td colspan=2><b>{measure.code} {html.escape(measure.title)}</b></td>"
                        f"<td align=right><b>{display_level(m_result.score)}</b></td></tr>")
            for item in measure.items:
                a = self._assess.get(item.code)
                level = "不适用" if a and a.not_applicable else (str(a.level) if a and a.level else "—")
                mark = "✔" if self._complete(item.code) else "○"
                rows.append(f"<tr><td>{mark} {item.code}</td><td>{html.escape(item.text)}</td>"
                            f"<td align=right>{level}</td></tr>")
        veto = "　<span style='color:#c0392b'><b>否决项未通过</b></span>" if code == goal.code and g_result.failed_checks else ""
        self.ui.nodeLabel.setText(
            f"<p style='font-size:13pt'><b>得分 {display_level(score)}</b>　{named.name if named else '—'}{veto}</p>"
            f"<table cellspacing=0 cellpadding=4 width='100%'>{''.join(rows)}</table>"
            "<p style='color:#5f6b77'>这是汇总行，数字键在此不评级。按 → 、PgDn 或回车打开其第一个条目，"
            "或在左侧选择具体条目。</p>")
        self.ui.contentStack.setCurrentWidget(self.ui.nodeScroll)

    def _show_rating(self, code: str) -> None:
        if code != self._code:
            return
        a = self._assess.get(code) or AssessmentData(code)
        self.selector.set_current(NOT_APPLICABLE if a.not_applicable else a.level)
        self.ui.checkPassButton.setChecked(a.check_passed is True)
        self.ui.checkFailButton.setChecked(a.check_passed is False)
        self.ui.checkClearButton.setChecked(a.check_passed is None)
        self._show_comparison(code)
        self.ui.completeLabel.setText("✔ 已完成" if self._complete(code) else "○ 未完成")
        self.ui.completeLabel.setStyleSheet("color: #2e8b57;" if self._complete(code) else "color: #8a96a3;")

    def _ratings(self):
        return {c: a.rating for c, a in self._assess.items()}

    def _last_ratings(self):
        return self.detail.previous.ratings if self.detail is not None and self.detail.previous else {}

    def suggestion(self, code: str):
        """The 待复核 level of ``code`` (None once the expert rated it, or with nothing to suggest)."""
        a = self._assess.get(code)
        return suggested_rating(a.rating if a else None, self._last_ratings().get(code))

    def confirm_suggestion(self) -> bool:
        """Enter on a 待复核 item: its last level becomes this visit's rating; False if there is none."""
        code = self._code
        s = self.suggestion(code) if code is not None else None
        if s is None:
            return False
        return self.choose_level(NOT_APPLICABLE if s.not_applicable else s.level)

    def _show_comparison(self, code: str) -> None:
        d = self.detail
        parts = []
        for label, earlier in (("上次", d.previous), ("前期", d.baseline)):
            if earlier is None or (label == "前期" and d.previous and earlier.visit_id == d.previous.visit_id):
                continue
            r = earlier.ratings.get(code)
            shown = "不适用" if r and r.not_applicable else (f"{r.level} 级" if r and r.level else "未评")
            parts.append(f"{label}（{earlier.stage} {earlier.start_date:%Y-%m-%d}）：<b>{shown}</b>")
        s = self.suggestion(code)
        if s is not None:
            shown = "不适用" if s.not_applicable else f"{s.level} 级"
            parts.append(f"<span style='color:#b35900'><b>待复核</b>：按回车确认上次的 {shown}，或按数字键改评</span>")
        self.compareLabel.setText("　".join(parts))
        self.compareLabel.setVisible(bool(parts))

    def _complete(self, code: str) -> bool:
        a = self._assess.get(code)
        return item_complete(self._item(code), a.rating if a else None)

    def _update_progress(self) -> None:
        done, total = progress(self.detail.template, self._ratings()) if self.detail else (0, 0)
        self.ui.progressLabel.setText(f"已评 {done}/{total}")

    # --- edits: from the user to an undo command ------------------------------
    def _value(self, code: str) -> tuple:
        a = self._assess.get(code) or AssessmentData(code)
        return (a.level, a.not_applicable, a.check_passed)

    def _refuse_if_locked(self) -> bool:
        if self._locked:
            self.errorBanner.show_message("本巡诊已定稿，不能修改；请先“重新打开”。")
            self._show_rating(self._code)
        elif self.team.read_only(self._code):
            self.errorBanner.show_message(self.team.refusal(self._code or ""))
            return True
        return self._locked

    def choose_level(self, value: int) -> bool:
        """1…N sets the level, 0 (NOT_APPLICABLE) marks the item 不适用; False if refused."""
        code = self._code
        if code is None or value not in self.selector.values() or self._refuse_if_locked():
            return False
        old = self._value(code)
        new = (None, True, old[2]) if value == NOT_APPLICABLE else (value, False, old[2])
        if new == old:
            self._show_rating(code)
            return True
        self.undo_stack.push(RatingCommand(self, code, old, new))
        return True

    def choose_check(self, passed: bool | None) -> None:
        code = self._code
        if code is None or self._item(code).check is None or self._refuse_if_locked():
            return
        old = self._value(code)
        new = (old[0], old[1], passed)
        if new != old:
            self.undo_stack.push(RatingCommand(self, code, old, new))
        self._show_rating(code)

    def _text_committed(self, key, old: str, new: str) -> None:
        if self._locked or key is None or self.team.read_only(key[0]):
            return
        code, name = key
        self.undo_stack.push(TextCommand(self, code, name, old, new))

    # --- edits: from an undo command to the screen and the database ------------
    def apply_rating(self, code: str, value: tuple) -> None:
        level, na, check = value
        self._assess[code] = replace(self._assess.get(code) or AssessmentData(code),
                                     level=level, not_applicable=na, check_passed=check)
        self.model.set_ratings(self._ratings())
        self._show_rating(code)
        self._update_progress()
        kwargs = {"level": level, "not_applicable": na}
        if self._item(code).check is not None:
            kwargs["check_passed"] = check
        store, vid = self.ctx.store, self.visit_id
        self._write(lambda: visits.rate_item(store, vid, code, **kwargs))

    def apply_text(self, code: str, name: str, text: str) -> None:
        self._assess[code] = replace(self._assess.get(code) or AssessmentData(code), **{name: text})
        if code == self._code:
            self.autosaves[name].show_committed(text)
        store, vid = self.ctx.store, self.visit_id
        self._write(lambda: visits.set_item_text(store, vid, code, name, text))

    def _write(self, fn) -> None:
        vid = self.visit_id
        self.calls.run(fn, lambda _r: self.visitChanged.emit(vid), self._write_failed)

    def _write_failed(self, exc: BaseException) -> None:
        self.calls.show(exc)
        # The screen ran ahead of the database: reload what is really stored.
        if isinstance(exc, FinalizedError):
            self.undo_stack.clear()
        if self.visit_id:
            self.open_visit(self.visit_id, self._code)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Loaded while hidden, the tree scrolled for another size: put the open row back in the middle.
        self.tree.scrollTo(self.tree.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)

    def hideEvent(self, event) -> None:
        self.commit_pending(wait=False)  # leaving the page commits what is being typed
        super().hideEvent(event)

    def commit_pending(self, wait: bool = True) -> None:
        """Save text still being typed and (by default) wait until every edit is committed."""
        for saver in self.autosaves.values():
            saver.flush()
        if wait:
            self.ctx.tasks.flush()

    # --- finalize / reopen -------------------------------------------------------
    def reopen_visit(self, reason: str) -> None:
        vid = self.visit_id
        if vid is None:
            return

        def done(_):
            self.visitChanged.emit(vid)
            self.open_visit(vid, self._code)

        self.calls.run(lambda: visits.reopen(self.ctx.store, vid, reason), done)

    # --- attachments -------------------------------------------------------------
    def open_team_dialog(self):
        """The 组长's 专家组 dialog (None where it is not the 组长's visit); the visit reloads when the
        team changed."""
        from .team_dialog import TeamDialog

        if self.detail is None or not self.detail.authored_here:
            return None
        self.commit_pending(wait=False)
        dialog = TeamDialog(self.ctx, self.detail, self)
        dialog.changed.connect(lambda: self.open_visit(self.visit_id, self._code) if self.visit_id else None)
        dialog.open()
        return dialog

    def _pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "添加照片或文件", "",
            "照片和文档 (*.jpg *.jpeg *.png *.bmp *.gif *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;所有文件 (*)")
        self.add_files([Path(f) for f in files])

    def add_files(self, files: list[Path]) -> None:
        code, vid, store = self._code, self.visit_id, self.ctx.store
        if not files or code is None or self._refuse_if_locked():
            return
        added: list[AttachmentInfo] = []
        taken: list[visits.Removed] = []

        def add():
            if taken:  # redo after an undo: the same attachments, not copies
                for removed in taken:
                    visits.restore(store, removed)
                taken.clear()
                return
            for path in files:  # one by one, so a file refused halfway leaves the others undoable
                added.append(visits.add_attachment(store, vid, path, code))

        def remove():
            taken.extend(visits.remove_attachment(store, info.id) for info in added)

        names = "、".join(f.name for f in files[:3]) + ("等" if len(files) > 3 else "")
        self.undo_stack.push(WorkerCommand(f"{code} 添加附件 {names}", self._attachment_step, add, remove))

    def _attachment_step(self, fn) -> None:
        """Run an attachment change, then show the visit's attachments as the database now has them."""
        store, vid = self.ctx.store, self.visit_id

        def step():
            fn()
            return visits.list_attachments(store, vid)

        self.calls.run(step, lambda infos: self._attachments_loaded(vid, infos), self._write_failed)

    def _attachments_loaded(self, vid: str, infos) -> None:
        if vid != self.visit_id:
            return
        self._attachments = list(infos)
        self.attachmentModel.set_rows([x for x in self._attachments if x.item_code == self._code])
        for info in self.attachmentModel.rows():
            self._load_thumbnail(info)
        self.visitChanged.emit(vid)

    def _load_thumbnail(self, info: AttachmentInfo) -> None:
        if is_image(info) and not self.attachmentModel.has_thumbnail(info.sha256):
            self.calls.run(lambda: visits.attachment_bytes(self.ctx.store, info.sha256),
                      lambda data: self.attachmentModel.set_thumbnail(info.sha256, thumbnail(data)))

    def _selected_attachment(self) -> int:
        index = self.ui.attachmentView.currentIndex()
        return index.row() if index.isValid() else -1

    def open_attachment(self, row: int) -> None:
        if row < 0:
            return
        info = self.attachmentModel.info(row)
        self.calls.run(lambda: visits.attachment_bytes(self.ctx.store, info.sha256), lambda data: open_original(info, data))

    def _remove_selected_attachment(self) -> None:
        row = self._selected_attachment()
        if row < 0 or self._refuse_if_locked():
            return
        info, store = self.attachmentModel.info(row), self.ctx.store
        taken: list[visits.Removed] = []
        self.undo_stack.push(WorkerCommand(
            f"{info.item_code or ''} 删除附件 {info.filename}", self._attachment_step,
            lambda: taken.append(visits.remove_attachment(store, info.id)),
            lambda: visits.restore(store, taken.pop())))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and not self._locked and self._code:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files([f for f in files if f.is_file()])
        event.acceptProposedAction()

    # --- keys and errors -----------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if not self._rating_key(event):
            super().keyPressEvent(event)

    def _rating_key(self, event) -> bool:
        """The keys outside a text box; True if the key was ours."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key in NEXT_KEYS or key in PREV_KEYS:
            self.step(1 if key in NEXT_KEYS else -1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._node is not None or self.confirm_suggestion():
                self.step(1)
            return True
        if key not in DIGIT_KEYS and key not in CHECK_KEYS:
            return False
        if self._code is None:
            return True  # a goal or measure row: nothing to rate, and no jumping around the tree either
        if key in CHECK_KEYS:
            self.choose_check(CHECK_KEYS[key])
        elif DIGIT_KEYS[key] <= len(self.detail.template.scale.levels) and self.choose_level(DIGIT_KEYS[key]):
            self.step(1)
        return True

    def _text_box_key(self, editor, event) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.autosaves[editor.objectName().removesuffix("Edit")].flush()
            self.focus_rating()
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and not event.modifiers():
            self.step(1 if key == Qt.Key.Key_PageDown else -1)
            return True
        return False

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            if isinstance(obj, QPlainTextEdit):
                if self._text_box_key(obj, event):
                    return True
            elif obj is self.tree or obj is self.ui.attachmentView:
                if self._rating_key(event):
                    return True
        return super().eventFilter(obj, event)
