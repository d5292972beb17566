"""专家组 — the 组长's team dialog (issue 16): members from the key registry, who assesses what.

A member is picked from the registered key cards (or a card file, registered on the way) and given
whole 培育目标 and single items; 加入/更新分工 writes it, 移出专家组 takes a member off (their
ratings stay). The rules — only the 组长, at most five, codes of the visit's template — are
services.team's; its message is shown in the dialog. The assignment reaches members with the next
ordinary package of the visit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..services import team
from ..services.dto import VisitDetail
from ..services.exchange import signing
from ..services.team_assignments import own_fingerprint
from .context import AppContext
from .guarded import WorkerCalls
from .widgets.error_banner import ErrorBanner

COLUMNS = ("专家", "角色", "单位", "负责")


class TeamDialog(QDialog):
    changed = Signal()  # the team was written (the workbench reloads the visit)
    loaded = Signal()  # the team and the cards are on screen (tests wait for this)

    def __init__(self, ctx: AppContext, detail: VisitDetail, parent=None):
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.visit_id = detail.row.id
        self.setWindowTitle(f"专家组 — {detail.row.enterprise}")
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.errorBanner = ErrorBanner(self)
        layout.addWidget(self.errorBanner)
        self.calls = WorkerCalls(ctx, self, self.errorBanner, "专家组")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("teamTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._row_picked)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        pick = QHBoxLayout()
        self.cardCombo = QComboBox(self)
        self.cardCombo.setObjectName("cardCombo")
        self.cardCombo.setMinimumWidth(360)
        pick.addWidget(self.cardCombo, 1)
        self.fileButton = QPushButton("从密钥卡文件…", self)
        self.fileButton.clicked.connect(self._pick_card_file)
        pick.addWidget(self.fileButton)
        form.addRow("成员（密钥登记册）", pick)
        self.goalList = QListWidget(self)
        self.goalList.setObjectName("goalList")
        for goal in detail.template.goals:
            it = QListWidgetItem(f"{goal.code} {goal.title}")
            it.setData(Qt.ItemDataRole.UserRole, goal.code)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
            self.goalList.addItem(it)
        self.goalList.setMaximumHeight(150)
        form.addRow("负责的培育目标", self.goalList)
        self.itemsEdit = QLineEdit(self)
        self.itemsEdit.setObjectName("itemsEdit")
        self.itemsEdit.setPlaceholderText("单个条目编号，逗号分隔，如 1.1.1,2.3.1")
        form.addRow("另负责的条目", self.itemsEdit)
        layout.addLayout(form)
        hint = QLabel("分工随巡诊的下一个数据包发给成员；成员只能评定分配给自己的条目。", self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.addButton = QPushButton("加入/更新分工", self)
        self.addButton.setObjectName("addMemberButton")
        self.addButton.clicked.connect(self.save_member)
        self.removeButton = QPushButton("移出专家组", self)
        self.removeButton.setObjectName("removeMemberButton")
        self.removeButton.clicked.connect(self.remove_member)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.accept)
        buttons.addWidget(self.addButton)
        buttons.addWidget(self.removeButton)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._rows: list[team.TeamRow] = []
        self._card_file = ""
        self.reload()

    def reload(self) -> None:
        store, vid = self.ctx.store, self.visit_id

        def job():
            me = own_fingerprint(store)
            cards = [c for c in signing.list_cards(store) if not c.revoked and c.fingerprint != me]
            return team.team_of(store, vid), cards

        self.calls.run(job, self._show)

    def _show(self, result) -> None:
        rows, cards = result
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.name, row.role, row.organisation, row.assignment)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        current = self.cardCombo.currentData()
        self.cardCombo.clear()
        for card in cards:
            self.cardCombo.addItem(f"{card.name}（{card.organisation or '—'}）{signing.pretty(card.fingerprint)[:19]}",
                                   card.fingerprint)
        if current is not None and (i := self.cardCombo.findData(current)) >= 0:
            self.cardCombo.setCurrentIndex(i)
        self.loaded.emit()

    def _row_picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self._rows[rows[0].row()]
        if not row.fingerprint:
            return  # the 组长 rates everything
        if (i := self.cardCombo.findData(row.fingerprint)) >= 0:
            self.cardCombo.setCurrentIndex(i)
        for n in range(self.goalList.count()):
            it = self.goalList.item(n)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in row.goals
                             else Qt.CheckState.Unchecked)
        self.itemsEdit.setText(",".join(row.items))

    def _pick_card_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择成员的密钥卡", "", "密钥卡 (*.json)")
        if path:
            self._card_file = path
            self.save_member()

    def _goals(self) -> list[str]:
        return [self.goalList.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.goalList.count())
                if self.goalList.item(n).checkState() == Qt.CheckState.Checked]

    def _done(self, _result) -> None:
        self.errorBanner.hide()
        self.changed.emit()
        self.reload()

    def save_member(self) -> None:
        ref = self._card_file or self.cardCombo.currentData()
        self._card_file = ""
        if not ref:
            self.errorBanner.show_message("请先在密钥登记册中选择成员，或从密钥卡文件添加")
            return
        store, vid, goals = self.ctx.store, self.visit_id, self._goals()
        items = [c for c in self.itemsEdit.text().replace("，", ",").split(",") if c.strip()]
        self.calls.run(lambda: team.set_member(store, vid, ref, goals=goals, items=items), self._done)

    def remove_member(self) -> None:
        ref = self.cardCombo.currentData()
        if not ref:
            return
        store, vid = self.ctx.store, self.visit_id
        self.calls.run(lambda: team.remove_member(store, vid, ref), self._done)
