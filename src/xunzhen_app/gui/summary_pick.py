"""Choosing 主要问题 from the 问题 the expert wrote on individual items."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout


class ProblemPicker(QDialog):
    picked = Signal(list)  # [(item_code, text), …]

    def __init__(self, findings: list[tuple[str, str]], already: set[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("从条目问题中选取主要问题")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("勾选要列入“主要问题”的条目问题（已列入的不再显示）："))
        self.model = QStandardItemModel(self)
        for code, text in findings:
            if text.strip() in already:
                continue
            row = QStandardItem(f"{code}  {text}")
            row.setData((code, text.strip()), Qt.ItemDataRole.UserRole)
            row.setCheckable(True)
            row.setCheckState(Qt.CheckState.Checked)
            row.setEditable(False)
            self.model.appendRow(row)
        self.view = QListView(self)
        self.view.setWordWrap(True)
        self.view.setModel(self.model)
        layout.addWidget(self.view)
        if self.model.rowCount() == 0:
            layout.addWidget(QLabel("没有可选的条目问题：请先在巡诊工作台各条目的“问题”栏中填写。"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("列入主要问题")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        chosen = [self.model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.model.rowCount())
                  if self.model.item(r).checkState() == Qt.CheckState.Checked]
        self.picked.emit(chosen)
        super().accept()
