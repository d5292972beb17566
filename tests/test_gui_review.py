"""The review loop on screen (pytest-qt, offscreen): the desk sends a visit back with a note and filters by
review status; the expert sees 退回 and the note over the visit and a mark in the visit list."""

from __future__ import annotations

import pytest
from exchange_helpers import seed_visit
from gui_helpers import make_ctx, settle, type_chinese
from PySide6.QtCore import Qt

from xunzhen_app.gui.bureau_page import BureauPage
from xunzhen_app.gui.summary import SummaryPage
from xunzhen_app.gui.table_models import VisitTableModel
from xunzhen_app.gui.workbench import WorkbenchPage
from xunzhen_app.services import reviews, visits
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.merge import import_package

pytest.importorskip("pytestqt")

WAIT = 10000


def _received(expert, bureau, tmp_path) -> str:
    """The expert's finalized visit, at the bureau."""
    expert.trust(bureau)
    bureau.trust(expert)
    vid = seed_visit(expert)
    visits.finalize(expert.store, vid)
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "v.xzp")
    import_package(bureau.store, bureau.keys, path)
    return vid


@pytest.fixture
def desk(qtbot, bureau, tmp_path):
    ctx = make_ctx(bureau.store, tmp_path)
    page = BureauPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    yield page, ctx
    ctx.tasks.flush()


def _choose(qtbot, combo, text: str) -> None:
    """Pick a combo entry with the keyboard, as a user without a mouse would."""
    combo.setFocus()
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text} not in the list"


def test_desk_returns_a_visit_with_a_note_and_filters_by_review(qtbot, desk, expert, bureau, tmp_path):
    page, ctx = desk
    vid = _received(expert, bureau, tmp_path)
    page.refresh()
    settle(qtbot, ctx)
    panel, table = page.review_panel, page.ui.overviewTable
    assert page.proxy.rowCount() == 1
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(page.proxy.index(0, 0)).center())
    assert panel.stateLabel.text() == "未审核"

    qtbot.mouseClick(panel.reviewButton, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=WAIT)
    qtbot.mouseClick(dialog.returnButton, Qt.MouseButton.LeftButton)
    assert not dialog.okButton.isEnabled()  # 退回 without a note is not offered
    dialog.noteEdit.setFocus()
    type_chinese(dialog.noteEdit, ["请补充", "1.1.1", "证据"])
    assert dialog.okButton.isEnabled()
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reviews.review_of(bureau.store, vid) is not None, timeout=WAIT)
    settle(qtbot, ctx)
    state = reviews.review_of(bureau.store, vid)
    assert (state.status, state.note) == ("退回", "请补充1.1.1证据")
    assert panel.stateLabel.text().startswith("退回（")

    _choose(qtbot, panel.filterCombo, "已审核")
    assert page.proxy.rowCount() == 0 and page.ui.countLabel.text().startswith("0 次巡诊")
    _choose(qtbot, panel.filterCombo, "退回")
    assert page.proxy.rowCount() == 1


def test_expert_sees_the_return_over_the_visit_and_in_the_list(qtbot, expert, bureau, tmp_path):
    vid = _received(expert, bureau, tmp_path)
    reviews.review_visit(bureau.store, vid, "退回", "1.1.1 证据不足，请补充", "太原市市场监管局")
    path = export_package(bureau.store, bureau.keys, visit_refs=[vid], reports=False).write(tmp_path / "back.xzp")
    import_package(expert.store, expert.keys, path)

    ctx = make_ctx(expert.store, tmp_path)
    workbench, summary = WorkbenchPage(ctx), SummaryPage(ctx)
    for page in (workbench, summary):
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        page.open_visit(vid)
    settle(qtbot, ctx)
    for page in (workbench, summary):
        qtbot.waitUntil(lambda p=page: p.reviewBanner.isVisible(), timeout=WAIT)
        assert "退回修改" in page.reviewBanner.label.text()
        assert "1.1.1 证据不足，请补充" in page.reviewBanner.label.text()

    model = VisitTableModel()
    model.set_rows(visits.list_visits(expert.store))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert model.index(0, headers.index("审核")).data() == "退回"

    visits.reopen(expert.store, vid, "按退回意见修改")  # amended since: the banner says what comes next
    workbench.open_visit(vid)
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: "已按退回意见修改" in workbench.reviewBanner.label.text(), timeout=WAIT)
    ctx.tasks.flush()
