"""汇总台 → 修改建议: a change the bureau sent for the expert's own visit waits there, shown beside what
the expert holds, and is accepted or rejected (with a note) by clicks (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from exchange_helpers import seed_visit
from gui_helpers import make_ctx, settle
from PySide6.QtCore import Qt

from xunzhen_app.gui.bureau_page import BureauPage
from xunzhen_app.services import visits
from xunzhen_app.services.exchange import proposals
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.merge import import_package

pytest.importorskip("pytestqt")
WAIT = 10000


@pytest.fixture
def proposed(expert, bureau, tmp_path):
    """The expert's visit, its summary and report number written by the bureau, sent back: a proposal at the expert."""
    vid = seed_visit(expert)
    bureau.trust(expert)
    expert.trust(bureau)
    import_package(bureau.store, bureau.keys, export_package(expert.store, expert.keys, visit_refs=[vid], reports=False)
                   .write(tmp_path / "a.xzp"))
    visits.set_visit_field(bureau.store, vid, "summary", "市局改写的结论")
    visits.set_visit_field(bureau.store, vid, "report_number", "市局-001")
    rep = import_package(expert.store, expert.keys, export_package(bureau.store, bureau.keys, visit_refs=[vid],
                                                                   reports=False).write(tmp_path / "back.xzp"))
    assert {r.entity for r in rep.proposals} == {"visit"}
    return vid


@pytest.fixture
def page(qtbot, expert, tmp_path, proposed):
    ctx = make_ctx(expert.store, tmp_path)
    p = BureauPage(ctx)
    qtbot.addWidget(p)
    p.resize(1234, 760)
    p.show()
    p.refresh()
    settle(qtbot, ctx)
    tabs = p.ui.tabs
    index = p.tab_of(p.proposals)
    qtbot.waitUntil(lambda: tabs.tabText(index) == "修改建议（1）", timeout=WAIT)
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center())
    assert tabs.currentIndex() == index and p.proposals.isVisible()
    yield p
    ctx.tasks.flush()


def _click_row(qtbot, panel, row: int) -> None:
    rect = panel.table.visualRect(panel.model.index(row, 2))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _cells(table) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_the_proposal_is_shown_beside_what_is_held_and_accepted_by_a_click(qtbot, page, expert, proposed):
    panel = page.proposals
    _click_row(qtbot, panel, 0)
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 1)) == "修改"
    rows = dict((field, (mine, theirs)) for field, mine, theirs in _cells(panel.fields))
    assert rows["巡诊总结"] == ("（空）", "市局改写的结论")
    assert rows["报告编号"][1] == "市局-001" and len(rows) == 2
    assert "1 条修改建议待处理" in panel.hint.text()

    qtbot.mouseClick(panel.acceptButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ui.tabs.tabText(page.tab_of(panel)) == "修改建议（0）", timeout=WAIT)
    assert visits.get_visit(expert.store, proposed).summary == "市局改写的结论"
    assert proposals.list_proposals(expert.store, include_decided=True)[0].decision == proposals.ACCEPTED
    assert panel.fields.rowCount() == 0 and not panel.acceptButton.isEnabled()
    assert panel.hint.text() == "没有待处理的修改建议。"


def test_a_rejection_keeps_ours_and_its_note(qtbot, page, expert, proposed):
    panel = page.proposals
    _click_row(qtbot, panel, 0)
    qtbot.mouseClick(panel.note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.note, "keep the expert group's conclusion")
    qtbot.mouseClick(panel.rejectButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT)
    assert visits.get_visit(expert.store, proposed).summary == ""
    with expert.store.session() as s:
        from xunzhen_app.db.models import Proposal

        [p] = s.query(Proposal).all()
        assert (p.decision, p.decision_note) == (proposals.REJECTED, "keep the expert group's conclusion")
    assert panel.note.text() == ""


def test_a_refused_acceptance_is_shown_and_the_proposal_stays(qtbot, page, expert, proposed):
    panel = page.proposals
    # Decided meanwhile elsewhere (the CLI): the click is refused with the service's message.
    proposals.reject_proposal(expert.store, panel.current().id)
    qtbot.mouseClick(panel.acceptButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.errorBanner.isVisible(), timeout=WAIT)
    assert "已于" in page.errorBanner.text()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT)
    assert visits.get_visit(expert.store, proposed).summary == ""
