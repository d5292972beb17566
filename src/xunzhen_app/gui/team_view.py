"""The workbench's expert-team parts (issue 16), kept out of the workbench itself.

- On a team member's laptop: which items are theirs (highlighted in the tree; the others read-only,
  the rating keys doing nothing there but saying why), and a line naming their assignment.
- For everyone: the team's other independent ratings of the item on screen, beside one's own, and
  whether it awaits the 组长's consensus (待合议).
- For the 组长: the 专家组… button that opens the team dialog.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ..core.consensus import spread
from ..services.dto import AssessmentData, VisitDetail


class TeamView:
    def __init__(self, parent: QWidget):
        self.detail: VisitDetail | None = None
        self.assignmentLabel = QLabel(parent)  # "专家组成员：您负责 目标 4、5"
        self.assignmentLabel.setObjectName("assignmentLabel")
        self.assignmentLabel.setStyleSheet("background: #fff4c2; padding: 3px 8px; border-radius: 3px;")
        self.assignmentLabel.hide()
        self.ratingsLabel = QLabel(parent)  # the other experts' ratings of the item on screen
        self.ratingsLabel.setObjectName("teamRatingsLabel")
        self.ratingsLabel.setWordWrap(True)
        self.ratingsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.ratingsLabel.hide()
        self.teamButton = QPushButton("专家组…", parent)
        self.teamButton.setObjectName("teamButton")
        self.teamButton.setToolTip("组长：添加专家组成员，分配培育目标或条目")
        self.teamButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay on rating
        self.teamButton.setEnabled(False)

    def load(self, detail: VisitDetail) -> None:
        self.detail = detail
        member = detail.assigned_items is not None
        self.assignmentLabel.setVisible(member)
        if member:
            self.assignmentLabel.setText(f"您是本次巡诊的专家组成员，负责：{detail.assignment}"
                                         "（高亮条目可评定，其余只读）")
        self.teamButton.setEnabled(detail.authored_here)

    def read_only(self, code: str | None) -> bool:
        """A member's laptop: an item not assigned to them."""
        assigned = self.detail.assigned_items if self.detail is not None else None
        return code is not None and assigned is not None and code not in assigned

    def refusal(self, code: str) -> str:
        return f"条目 {code} 未分配给您（您负责：{self.detail.assignment if self.detail else ''}），只读；按键不起作用。"

    def show_item(self, a: AssessmentData | None) -> None:
        if a is None or not a.others:
            self.ratingsLabel.hide()
            return
        rows = [f"{html.escape(r.expert)}：<b>{html.escape(str(r.value))}</b>"
                + (f"　<small>{html.escape(r.note[:80])}</small>" if r.note else "")
                for r in a.others if r.given]
        head = "专家组其他成员的评定"
        if a.consensus is not None:
            head += f"（已合议：{a.consensus.level} 级）"
        elif a.consensus_needed:
            head += f"（<span style='color:#c0392b'>待合议</span>，相差 {spread(a.all_ratings)} 级）"
        self.ratingsLabel.setText(f"{head}：<br>" + ("<br>".join(rows) or "尚无"))
        self.ratingsLabel.show()
