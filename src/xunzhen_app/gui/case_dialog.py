"""典型案例 of one enterprise: drafted from its 亮点 and improvement figures (services.cases), edited here
— texts saved as one types (gui/autosave.py: a crash loses at most the last second), linked goals and
visits ticked, photos added or removed — and exported as Word or PDF. Opened from 企业 and 评价总结.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ..services import cases
from ..services.attachment_store import read_attachment_file
from .autosave import TextAutosave
from .context import AppContext
from .guarded import WorkerCalls
from .report_export import export_case
from .text_limits import limit_lengths
from .widgets.error_banner import ErrorBanner

TEXTS = ("background", "practices", "results", "lessons")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CaseDialog(QDialog):
    changed = Signal(str)  # the case id, after each stored change

    def __init__(self, ctx: AppContext, enterprise_id: str, enterprise_name: str, parent=None):
        super().__init__(parent)
        self.ctx, self.enterprise_id = ctx, enterprise_id
        self.case: cases.CaseStudyInfo | None = None
        self.setWindowTitle(f"典型案例 — {enterprise_name}")
        self.resize(980, 760)
        layout = QVBoxLayout(self)
        self.errorBanner = ErrorBanner(self)
        layout.addWidget(self.errorBanner)
        self.calls = WorkerCalls(ctx, self, self.errorBanner, "典型案例")
        self.status = QLabel(wordWrap=True)
        layout.addWidget(self.status)

        form = QFormLayout()
        self.titleEdit = QLineEdit()
        self.titleEdit.editingFinished.connect(self._title_edited)
        form.addRow(cases.LABELS["title"], self.titleEdit)
        self.editors: dict[str, QPlainTextEdit] = {}
        self.savers: dict[str, TextAutosave] = {}
        for key in TEXTS:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(80)
            form.addRow(cases.LABELS[key], editor)
            self.editors[key] = editor
            self.savers[key] = TextAutosave(editor, lambda _k, _old, new, field=key: self._save({field: new}), self)
        limit_lengths({"case.title": self.titleEdit})  # the long texts are checked by the service
        layout.addLayout(form, 1)

        links = QHBoxLayout()
        self.goalList, self.visitList, self.photoList = QListWidget(), QListWidget(), QListWidget()
        for caption, widget in (("关联培育目标", self.goalList), ("关联巡诊", self.visitList),
                                ("照片", self.photoList)):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(widget)
            if widget is self.photoList:
                row = QHBoxLayout()
                self.addPhotoButton, self.removePhotoButton = QPushButton("添加照片…"), QPushButton("删除照片")
                row.addWidget(self.addPhotoButton)
                row.addWidget(self.removePhotoButton)
                column.addLayout(row)
            links.addLayout(column)
            widget.setMaximumHeight(150)
        self.goalList.itemChanged.connect(lambda _item: self._links_changed("goal_codes", self.goalList))
        self.visitList.itemChanged.connect(lambda _item: self._links_changed("visit_ids", self.visitList))
        self.addPhotoButton.clicked.connect(self.choose_photos)
        self.removePhotoButton.clicked.connect(self.remove_photo)
        layout.addLayout(links)

        buttons = QHBoxLayout()
        self.draftButton = QPushButton("根据巡诊起草")
        self.wordButton, self.pdfButton = QPushButton("导出Word…"), QPushButton("导出PDF…")
        self.closeButton = QPushButton("关闭")
        for b in (self.draftButton, self.wordButton, self.pdfButton):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.closeButton)
        for b in (self.draftButton, self.wordButton, self.pdfButton, self.closeButton, self.addPhotoButton,
                  self.removePhotoButton):
            b.setMinimumHeight(40)
        self.draftButton.clicked.connect(self.draft)
        self.wordButton.clicked.connect(lambda: self.export(".docx"))
        self.pdfButton.clicked.connect(lambda: self.export(".pdf"))
        self.closeButton.clicked.connect(self.close)
        layout.addLayout(buttons)
        self._show(None)
        self.load()

    # -- data ---------------------------------------------------------------------------
    def load(self) -> None:
        store, eid = self.ctx.store, self.enterprise_id
        self.calls.run(lambda: (cases.case_of_enterprise(store, eid), _choices(store, eid)), self._loaded)

    def _loaded(self, result) -> None:
        case, (goals, visit_rows) = result
        self._fill_list(self.goalList, [(code, f"{code} {title}") for code, title in goals],
                        set(case.goal_codes) if case else set())
        self._fill_list(self.visitList, [(v.id, f"{v.stage} {v.start_date:%Y-%m-%d}（{v.status}）") for v in visit_rows],
                        {v.id for v in case.visits} if case else set())
        self._show(case)

    def _fill_list(self, widget: QListWidget, entries, ticked: set[str]) -> None:
        blocked = widget.blockSignals(True)
        widget.clear()
        for key, label in entries:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            widget.addItem(item)
        widget.blockSignals(blocked)

    def _show(self, case: cases.CaseStudyInfo | None) -> None:
        self.case = case
        have = case is not None
        for w in (self.titleEdit, *self.editors.values(), self.goalList, self.visitList, self.photoList,
                  self.addPhotoButton, self.removePhotoButton, self.wordButton, self.pdfButton):
            w.setEnabled(have)
        self.draftButton.setText("按最新巡诊重新起草" if have else "根据巡诊起草")
        if case is None:
            self.status.setText("该企业还没有典型案例。点击“根据巡诊起草”，将根据其巡诊的亮点和提升情况起草。")
            return
        self.status.setText(f"编号 {case.id[:8]}　{'已入选' if case.selected else '待遴选'}　修改后自动保存。")
        if self.titleEdit.text() != case.title:
            self.titleEdit.setText(case.title)
        for key, saver in self.savers.items():
            if not saver.dirty():
                saver.load(case.id, getattr(case, key))
        blocked = self.photoList.blockSignals(True)
        self.photoList.clear()
        for p in case.photos:
            self.photoList.addItem(p.caption or p.filename)
        self.photoList.blockSignals(blocked)

    # -- edits ------------------------------------------------------------------------
    def _save(self, values: dict) -> None:
        if self.case is None:
            return
        store, ref = self.ctx.store, self.case.id
        self.calls.run(lambda: cases.update_case(store, ref, **values), self._stored, self._refused)

    def _stored(self, case: cases.CaseStudyInfo) -> None:
        self._show(case)
        self.changed.emit(case.id)

    def _refused(self, exc: BaseException) -> None:
        self.calls.show(exc)
        self.load()  # show what is really stored

    def _title_edited(self) -> None:
        if self.case is not None and self.titleEdit.text() != self.case.title:
            self._save({"title": self.titleEdit.text()})

    def _links_changed(self, field: str, widget: QListWidget) -> None:
        ticked = [widget.item(n).data(ID_ROLE) for n in range(widget.count())
                  if widget.item(n).checkState() == Qt.CheckState.Checked]
        self._save({field: ticked})

    def flush(self) -> None:
        """Commit what is typed but not yet saved (before closing, exporting or re-drafting)."""
        self._title_edited()
        for saver in self.savers.values():
            saver.flush()

    def draft(self) -> None:
        self.flush()
        store, eid, replace = self.ctx.store, self.enterprise_id, self.case is not None
        self.calls.run(lambda: cases.draft_case(store, eid, replace=replace), self._drafted)

    def _drafted(self, case: cases.CaseStudyInfo) -> None:
        for key, saver in self.savers.items():
            saver.load(case.id, getattr(case, key))
        self.changed.emit(case.id)
        self.load()

    def choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择照片", "", "图片 (*.jpg *.jpeg *.png)")
        for f in files:
            self.add_photo(Path(f))

    def add_photo(self, path: Path) -> None:
        if self.case is None:
            return
        store, ref = self.ctx.store, self.case.id

        def job():
            name, data = read_attachment_file(path)
            return cases.add_photo(store, ref, name, data, caption=path.stem)

        self.calls.run(job, self._stored)

    def remove_photo(self) -> None:
        row = self.photoList.currentRow()
        if self.case is None or row < 0:
            return
        store, ref = self.ctx.store, self.case.id
        self.calls.run(lambda: cases.remove_photo(store, ref, row), self._stored)

    def export(self, suffix: str, target: Path | None = None) -> None:
        if self.case is None:
            return
        self.flush()
        export_case(self.ctx, self, self.case.id, suffix, target)

    def closeEvent(self, event) -> None:
        self.flush()
        super().closeEvent(event)


def _choices(store, enterprise_id: str):
    """The goals of the enterprise's latest visit's template and its visits, oldest first, to tick."""
    from ..services import visits

    rows = sorted(visits.list_visits(store, visits.VisitFilter(enterprise_id=enterprise_id)), key=lambda r: r.start_date)
    goals: list[tuple[str, str]] = []
    if rows:
        goals = [(g.code, g.title) for g in visits.get_visit(store, rows[-1].id).template.goals]
    return goals, rows
