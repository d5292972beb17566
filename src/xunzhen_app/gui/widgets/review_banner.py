"""The strip over a visit the bureau sent back (退回): its note, who and when, and what to do next.

It loads the visit's review itself (services.reviews), so the workbench and 评价总结 only place it and
say which visit is open. An 已审核 visit shows nothing here: there is nothing to do.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy

RETURNED_STYLE = "#reviewBanner { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; }"
AMENDED_STYLE = "#reviewBanner { background: #eef5ff; border: 1px solid #90b4e0; border-radius: 4px; }"


class ReviewBanner(QFrame):
    def __init__(self, ctx, calls, parent=None):
        super().__init__(parent)
        self.ctx, self.calls = ctx, calls
        self.visit_id = ""
        self.state = None
        self.setObjectName("reviewBanner")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.label, 1)
        self.hide()

    def load(self, visit_id: str) -> None:
        self.visit_id = visit_id
        store = self.ctx.store

        def job():
            from ...services.reviews import review_states

            with store.session() as s:
                return visit_id, review_states(s, [visit_id]).get(visit_id)

        self.calls.run(job, self._loaded)

    def _loaded(self, result) -> None:
        visit_id, state = result
        if visit_id == self.visit_id:  # not overtaken by another visit opened meanwhile
            self.set_state(state)

    def set_state(self, state) -> None:
        self.state = state
        if state is None or not state.returned:
            self.hide()
            return
        who = f"{html.escape(state.by)}，{state.at.astimezone():%Y-%m-%d %H:%M}"
        if state.amended:
            self.setStyleSheet(AMENDED_STYLE)
            text = (f"<b>已按退回意见修改</b>（{who} 退回：{html.escape(state.note)}）。"
                    "定稿后再发送，等待重新审核。")
        else:
            self.setStyleSheet(RETURNED_STYLE)
            text = (f"<b>退回修改</b>（{who}）：{html.escape(state.note)}<br>"
                    "请“重新打开”并按意见修改，重新定稿后再发送。")
        self.label.setText(text)
        self.show()
