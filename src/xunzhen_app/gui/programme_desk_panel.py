"""汇总台 → 工作进展: each city against the targets of 晋市监发〔2025〕100号 (a city's store shows its own
city, the province's every city side by side), and the 培育库 ranked as 标杆 candidates, where the bureau
records 培育成功 and the province picks its 标杆 and 推荐 enterprises; the roll-up workbook, the one-page
工作进展 PDF, the 推荐名单汇总表 and a 推荐报告 are exported from here. Every rule is the services'
(services.programme_desk, recommendations, programme_rollup); a refusal shows in the page's banner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import programme_targets as targets
from ..core.collation import pinyin_text
from ..services import list_submission, programme_rollup, recommendations
from ..services import programme_desk as desk
from .guarded import WorkerCalls
from .messages import show_info
from .success_dialog import SuccessDialog
from .table_models import RowTableModel

MISSED = QColor("#b00020")
XLSX, PDF, DOCX = "Excel 工作簿 (*.xlsx)", "PDF 文件 (*.pdf)", "Word 文档 (*.docx)"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


class ProgressModel(RowTableModel):
    columns = (
        ("地市", lambda p: p.city),
        (f"培育库（≥{targets.MIN_ENTERPRISES}）", lambda p: p.enterprises),
        ("领军型/重点培育型", lambda p: f"{p.by_type.get('领军型', 0)}/{p.by_type.get('重点培育型', 0)}"),
        ("附件2报送（5月21日前）", lambda p: p.list_sent_on.isoformat() if p.list_sent_on else "未报送"),
        ("前期/跟踪/总结完成", lambda p: "/".join(str(n) for n in p.stages.values())),
        ("阶段缺项", lambda p: p.stage_gaps or ""),
        ("定稿/巡诊", lambda p: f"{p.visits_finalized}/{p.visits}"),
        ("已审核/退回", lambda p: f"{p.visits_reviewed}/{p.visits_returned}"),
        ("逾期举措", lambda p: p.overdue_actions),
        ("平均等级", lambda p: _num(p.mean_level)),
        ("较前期", lambda p: _num(p.mean_improvement)),
        ("否决项", lambda p: "、".join(p.vetoed)),
        (f"培育成功（≥{targets.MIN_SUCCESSES}）", lambda p: len(p.successes)),
        ("质量强县企业", lambda p: "、".join(f"{c}{n}" for c, n in p.counties.items())),
    )
    # The columns whose target a city can miss, and whether it met it.
    _targets = {1: lambda p: p.enterprises_met, 3: lambda p: p.list_in_time, 12: lambda p: p.successes_met}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        check = self._targets.get(index.column()) if index.isValid() else None
        if role == Qt.ItemDataRole.ForegroundRole and check is not None and not check(self.row_at(index.row())):
            return MISSED
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() > 0:
            return Qt.AlignmentFlag.AlignCenter
        return super().data(index, role)


def _mark(flag: bool) -> str:
    return "✓" if flag else ""


class StandingModel(RowTableModel):
    """The 培育库: candidates first, in rank order; then the enterprises that cannot be one, and why."""

    columns = (
        ("名次", lambda r: r[0] or ""),
        ("企业名称", lambda r: r[1].name),
        ("所属地市", lambda r: r[1].city),
        ("县（市、区）", lambda r: r[1].county + ("（质量强县）" if r[1].quality_county else "")),
        ("培育类型", lambda r: r[1].cultivation_type),
        ("总体等级", lambda r: _num(r[1].level)),
        ("较前期", lambda r: _num(r[1].improvement)),
        ("否决", lambda r: "未通过 " + "、".join(r[1].failed_checks) if r[1].failed_checks else ""),
        ("标杆", lambda r: _mark(r[2])),
        ("推荐", lambda r: _mark(r[3])),
        ("培育成功", lambda r: r[1].success.decided_on.isoformat() if r[1].success else ""),
    )
    sort_keys = {0: lambda r: r[0] or 10**6, 1: lambda r: pinyin_text(r[1].name)}


def standing_rows(store) -> list[tuple]:
    """(rank or None, standing, 标杆, 推荐) for every enterprise; computed on the worker."""
    ranked = desk.benchmark_candidates(store)
    seen = {c.standing.id for c in ranked}
    rest = [f for f in desk.standings(store) if f.id not in seen]
    return [(c.rank, c.standing, c.benchmark, c.recommended) for c in ranked] + [(None, f, False, False) for f in rest]


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(32)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ProgrammeDeskPanel(QWidget):
    changed = Signal()  # a decision or pick was recorded

    def __init__(self, calls: WorkerCalls, parent=None):
        super().__init__(parent)
        self.calls = calls
        self.dialog: SuccessDialog | None = None
        layout = QVBoxLayout(self)
        self.scopeLabel = QLabel(wordWrap=True)
        layout.addWidget(self.scopeLabel)
        split = QSplitter(Qt.Orientation.Vertical)
        self.progress = ProgressModel(self)
        self.progressTable = _table(self.progress)
        split.addWidget(self.progressTable)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.picksLabel = QLabel(wordWrap=True)
        lower_layout.addWidget(self.picksLabel)
        self.standings = StandingModel(self)
        self.standingTable = _table(self.standings)
        row = QHBoxLayout()
        row.addWidget(self.standingTable, 1)
        # The buttons stand beside the 培育库 they act on, so both tables keep the height they need.
        column = QGridLayout()  # two columns of five: short enough to leave the desk's own table in view
        self.buttons: dict[str, QPushButton] = {}
        for n, (key, text, slot) in enumerate((
                ("benchmark", "列为标杆", lambda: self.pick(targets.BENCHMARK, True)),
                ("unbenchmark", "撤下标杆", lambda: self.pick(targets.BENCHMARK, False)),
                ("recommend", "列入推荐", lambda: self.pick(targets.RECOMMENDED, True)),
                ("unrecommend", "移出推荐", lambda: self.pick(targets.RECOMMENDED, False)),
                ("success", "认定培育成功…", self.record_success),
                ("unsuccess", "撤销培育成功", self.withdraw_success),
                ("rollup", "导出汇总表…", lambda: self.export("rollup")),
                ("pdf", "导出工作进展PDF…", lambda: self.export("pdf")),
                ("summary", "推荐名单汇总表…", lambda: self.export("summary")),
                ("report", "起草推荐报告…", lambda: self.export("report")),
                ("send", "报送附件2名单…", lambda: self.export("send")))):
            button = QPushButton(text)
            button.setMinimumHeight(34)
            button.clicked.connect(slot)
            column.addWidget(button, n // 2, n % 2)
            self.buttons[key] = button
        column.setRowStretch(6, 1)
        row.addLayout(column)
        lower_layout.addLayout(row, 1)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 1000])  # half each, whatever the tables' own size hints
        self.progressTable.verticalHeader().setDefaultSectionSize(26)  # read-only figures: more cities in view
        layout.addWidget(split, 1)
        self.last_written: Path | None = None

    # -- data -------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.calls.ctx.store
        self.calls.run(lambda: (desk.progress(store), standing_rows(store)), self._show)

    def _show(self, result) -> None:
        progress, rows = result
        keep = self._current()
        scope = "全省各市并列" if len(progress) > 1 else progress[0].city if progress else "—"
        self.scopeLabel.setText(
            f"工作进展（{scope}）：每市培育库不少于{targets.MIN_ENTERPRISES}家、5月21日前报送附件2、"
            f"至少培育成功{targets.MIN_SUCCESSES}家；未达标的显示为红色。")
        self.progress.set_rows(progress)
        self.standings.set_rows(rows)
        benchmarks = [r[1].name for r in rows if r[2]]
        recommended = [r[1].name for r in rows if r[3]]
        self.picksLabel.setText(
            f"标杆候选按总体等级、再按较前期提升排序（否决项未通过或无定稿巡诊者不排名次）。"
            f"质量标杆 {len(benchmarks)}/{targets.BENCHMARKS_MIN}-{targets.BENCHMARKS_MAX} 家："
            f"{'、'.join(benchmarks) or '尚未选定'}；推荐 {len(recommended)}/{targets.MAX_RECOMMENDATIONS} 家："
            f"{'、'.join(recommended) or '尚未选定'}。")
        for n, r in enumerate(rows):
            if keep is not None and r[1].id == keep.id:
                self.standingTable.selectRow(n)

    def _current(self) -> desk.EnterpriseStanding | None:
        index = self.standingTable.currentIndex()
        return self.standings.row_at(index.row())[1] if index.isValid() else None

    def _done(self, _=None) -> None:
        self.changed.emit()
        self.refresh()

    # -- decisions --------------------------------------------------------------
    def pick(self, kind: str, on: bool) -> None:
        firm = self._current()
        if firm is None:
            return
        store = self.calls.ctx.store
        self.calls.run(lambda: desk.set_pick(store, kind, firm.id, on=on), self._done)

    def record_success(self) -> SuccessDialog | None:
        firm = self._current()
        if firm is None:
            return None
        dialog = SuccessDialog(self.calls.ctx, firm, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._done)
        dialog.open()
        self.dialog = dialog
        return dialog

    def withdraw_success(self) -> None:
        firm = self._current()
        if firm is None:
            return
        store = self.calls.ctx.store
        self.calls.run(lambda: desk.withdraw_success(store, firm.id), self._done)

    # -- exports ----------------------------------------------------------------
    def _chosen_city(self) -> str | None:
        """The city row picked in the upper table, or the one city this store holds; None: the province."""
        index = self.progressTable.currentIndex()
        if index.isValid():
            return self.progress.row_at(index.row()).city
        return self.progress.row_at(0).city if self.progress.rowCount() == 1 else None

    def export(self, what: str) -> None:
        store, firm, city = self.calls.ctx.store, self._current(), self._chosen_city()
        if (what == "report" and firm is None) or (what == "send" and city is None):
            return
        scope = city or "全省"
        title, name, file_filter = {
            "rollup": ("导出汇总表", f"培育工作汇总（{scope}）.xlsx", XLSX),
            "pdf": ("导出工作进展", f"培育工作进展（{scope}）.pdf", PDF),
            "summary": ("导出推荐名单汇总表", "推荐名单汇总表.xlsx", XLSX),
            "report": ("起草推荐报告", f"{firm.name if firm else ''}-推荐报告.docx", DOCX),
            "send": ("报送附件2名单", f"{city}-质量强省领军企业重点培育名单.xlsx", XLSX),
        }[what]
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), file_filter)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != Path(name).suffix:  # some platforms' dialogs do not add it
            path = path.with_name(path.name + Path(name).suffix)
        jobs = {
            "rollup": lambda: programme_rollup.write_rollup(store, path, city),
            "pdf": lambda: programme_rollup.write_rollup(store, path, city),
            "summary": lambda: recommendations.write_summary_workbook(store, path),
            "report": lambda: recommendations.write_recommendation_report(store, firm.id if firm else "", path),
            "send": lambda: list_submission.send_list(store, city or "", path),
        }
        self.calls.run(jobs[what], lambda written: self._written(title, written))

    def _written(self, title: str, written) -> None:
        self.last_written = written.path
        show_info(self, title, f"已保存：{written.path}")
        if isinstance(written, list_submission.SentList):  # the desk now shows the list as sent
            self._done()
