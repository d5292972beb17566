"""Follow-ups re-check instead of copying, over a real chain 前期 → 培育跟踪 → 成效总结 in a SQLite store:
the last level is a 待复核 suggestion until confirmed, checks start empty, the 前期 baseline stays in view."""

from datetime import date

import pytest
from gui_helpers import make_ctx, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from xunzhen_app.core.scoring import Rating, progress
from xunzhen_app.gui.main_window import MainWindow
from xunzhen_app.services import visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise


def _follow(store, previous, stage, on):
    return visits.create_visit(store, visits.NewVisit(
        enterprise_id=visits.get_visit(store, previous).row.enterprise_id, stage=stage, start_date=on,
        previous_visit_id=previous, copy_previous=True)).id


@pytest.fixture
def chain(store):
    """A finalized 前期巡诊 and a 培育跟踪 started from it."""
    e = create_enterprise(store, EnterpriseInput(name="测试机械有限公司", city="太原市"))
    initial = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20))).id
    visits.rate_item(store, initial, "1.1.1", level=2)
    visits.rate_item(store, initial, "3.1.1", level=3, check_passed=True)
    visits.rate_item(store, initial, "6.2.1", not_applicable=True)
    visits.set_item_text(store, initial, "1.1.1", "evidence", "前期的核查记录")
    visits.finalize(store, initial)
    return initial, _follow(store, initial, "培育跟踪", date(2025, 9, 10))


def test_a_follow_up_starts_pending_with_checks_empty(store, chain):
    initial, track = chain
    d = visits.get_visit(store, track)
    assert d.assessments == {}  # nothing copied: no rating, no check, no text
    assert d.suggestion("1.1.1") == Rating(2) and d.pending("1.1.1")
    assert d.suggestion("3.1.1") == Rating(3)  # the level only: its check is not suggested
    assert d.suggestion("6.2.1") == Rating(None, True)
    assert not d.pending("2.1.1")  # nothing to suggest where the last visit left it unrated
    assert progress(d.template, d.ratings) == (0, 24)  # 已评 counts confirmed items only
    assert d.previous.visit_id == d.baseline.visit_id == initial
    assert d.previous.ratings["1.1.1"].level == 2

    visits.rate_item(store, track, "1.1.1", level=2)  # confirmed: the same level, now this visit's
    visits.rate_item(store, track, "3.1.1", level=4)
    d = visits.get_visit(store, track)
    assert not d.pending("1.1.1") and not d.pending("3.1.1")
    assert d.assessments["3.1.1"].check_passed is None
    assert progress(d.template, d.ratings) == (1, 24)  # 3.1.1 still needs its check


def test_a_summary_compares_with_the_previous_visit_and_the_baseline(store, chain):
    initial, track = chain
    visits.rate_item(store, track, "1.1.1", level=3)
    visits.finalize(store, track)
    summary = _follow(store, track, "成效总结", date(2025, 12, 10))
    d = visits.get_visit(store, summary)
    assert (d.previous.visit_id, d.baseline.visit_id) == (track, initial)
    assert d.suggestion("1.1.1") == Rating(3) and d.baseline.ratings["1.1.1"].level == 2
    assert d.suggestion("3.1.1") is None  # the 培育跟踪 left it unrated; the 前期 level is no suggestion
    assert d.baseline.result.goals[0].score.level == 2 and d.previous.result.goals[0].score.level == 3
    assert visits.get_visit(store, initial).baseline is None  # a 前期巡诊 has no baseline of its own


def test_enter_confirms_a_pending_suggestion_on_the_workbench(qtbot, store, chain, tmp_path):
    _, track = chain
    visits.add_plan_row(store, track, measure="建立QC小组", due="2020-01-31")  # long overdue
    ctx = make_ctx(store, tmp_path)
    window = MainWindow(ctx, restore_visit=False)
    qtbot.addWidget(window)
    window.resize(1366, 720)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.start_rating(track)
    page = window.workbench_page
    qtbot.waitUntil(lambda: page.current_code() == "1.1.1", timeout=5000)
    tree_text = page.model.index_for_code("1.1.1").siblingAtColumn(1).data()
    assert tree_text == "待复核 2" and "待复核" in page.compareLabel.text()
    assert "前期（" not in page.compareLabel.text()  # the previous visit is the baseline: shown once
    assert page.ui.progressLabel.text() == "已评 0/24" and page.overdueLabel.text() == "逾期举措 1 项"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # confirm 2 and move on
    qtbot.waitUntil(lambda: page.current_code() == "1.1.2", timeout=5000)
    assert page.model.index_for_code("1.1.1").siblingAtColumn(1).data() == "2"
    assert page.ui.progressLabel.text() == "已评 1/24"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # 1.1.2 has no suggestion: Enter does nothing
    assert page.current_code() == "1.1.2" and page.ui.progressLabel.text() == "已评 1/24"

    page.show_item("6.2.1")
    qtbot.waitUntil(lambda: page.current_code() == "6.2.1", timeout=5000)
    page.focus_rating()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0)  # the same "digit" confirms 不适用 as well
    qtbot.waitUntil(lambda: page.model.index_for_code("6.2.1").siblingAtColumn(1).data() == "不适用", timeout=5000)
    page.commit_pending()
    settle(qtbot, ctx)
    d = visits.get_visit(store, track)
    assert d.assessments["1.1.1"].level == 2 and d.assessments["6.2.1"].not_applicable
    assert not d.pending("1.1.1") and d.pending("3.1.1")

    page.undo_stack.undo()  # undoing the confirmation makes the item pending again
    page.undo_stack.undo()
    page.commit_pending()
    settle(qtbot, ctx)
    assert visits.get_visit(store, track).pending("1.1.1")
    assert page.model.index_for_code("1.1.1").siblingAtColumn(1).data() == "待复核 2"


def test_visit_new_from_and_show_json_carry_the_comparison(store, chain, paths, capsys):
    import json

    from xunzhen_app.cli import main

    initial, track = chain
    visits.rate_item(store, track, "1.1.1", level=3)
    visits.finalize(store, track)
    store.close()
    d = str(paths.data_dir)
    assert main(["visit", "new", "--from", track[:8], "--date", "2025-12-08", "--json", "--data-dir", d]) == 0
    summary = json.loads(capsys.readouterr().out)["id"]
    assert main(["visit", "show", summary, "--json", "--data-dir", d]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["stage"] == "成效总结"  # December: the stage of the date
    items = {i["code"]: i for i in shown["items"]}
    assert {k: items["1.1.1"][k] for k in ("level", "previous_level", "baseline_level", "pending", "check")} == {
        "level": None, "previous_level": 3, "baseline_level": 2, "pending": True, "check": None}
    assert (items["3.1.1"]["previous_level"], items["3.1.1"]["baseline_level"], items["3.1.1"]["pending"]) == (
        None, 3, False)
    assert items["6.2.1"]["baseline_level"] == "不适用"

    assert main(["visit", "new", "--from", initial[:8], "--stage", "培育跟踪", "--date", "2025-07-01",
                 "--data-dir", d]) == 0
    capsys.readouterr()
    assert main(["visit", "new", "--date", "2025-07-01", "--data-dir", d]) == 2
    assert "--enterprise" in capsys.readouterr().err
    assert main(["visit", "new", "--from", "ffffffff", "--data-dir", d]) == 2
    assert "没有编号为“ffffffff”的巡诊" in capsys.readouterr().err


def test_the_summary_report_compares_with_the_baseline_and_reviews_the_actions(store, chain):
    from xunzhen_app.services import actions
    from xunzhen_app.services.reports.document import Heading, Para, Table
    from xunzhen_app.services.reports.report_content import build_document

    initial, track = chain
    visits.reopen(store, initial, "补录一企一策")
    kept = visits.add_plan_row(store, initial, measure="建立QC小组", due="2025-10-31")
    visits.add_plan_row(store, initial, measure="申报质量奖", due="2025-06-30", status="已取消")
    visits.finalize(store, initial)
    track = _follow(store, initial, "培育跟踪", date(2025, 9, 10))  # a follow-up made now carries the action
    visits.rate_item(store, track, "1.1.1", level=3)
    [carried] = visits.get_visit(store, track).plan
    assert carried.carried_from_id == kept
    actions.update_action(store, carried.id, status="已完成", note="成立3个小组", on=date(2025, 9, 10))
    actions.record_result(store, carried.id, "已完成并见效", "一线参与率提升")
    visits.finalize(store, track)
    summary = _follow(store, track, "成效总结", date(2025, 12, 10))
    visits.rate_item(store, summary, "1.1.1", level=4)
    [again] = visits.get_visit(store, summary).plan
    actions.record_result(store, again.id, "已完成并见效", "持续运行")
    actions.update_action(store, again.id, status="已核验")

    doc = build_document(visits.get_visit(store, summary), visits.get_visit(store, track), lambda sha: b"")
    assert doc.cover.title == "成效总结报告"
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert "（三）与前期巡诊对比" in headings and any(h.endswith("一企一策落实情况") for h in headings)
    assert any(h.endswith("成效总结") for h in headings)
    tables = [[[c.text for c in row] for row in b.rows] for b in doc.blocks if isinstance(b, Table)]
    goals = next(t for t in tables if t[0][:7] == ["编号", "培育目标", "前期", "上次", "本次", "较上次", "较前期"])
    assert goals[1][2:] == ["2.0", "3.0", "4.0", "+1.0", "+2.0"]
    items = next(t for t in tables if t[0][0] == "条目")
    assert ["1.1.1", "2", "3", "4"] == [items[1][0], *items[1][2:]]
    review = next(t for t in tables if t[0][4:5] == ["核验结果"])
    assert review[1][1:] == ["建立QC小组", "2025-10-31", "已核验", "已完成并见效", "持续运行"]
    text = " ".join("".join(r.text for r in b.content) for b in doc.blocks if isinstance(b, Para))
    assert "总体成熟度由 2.5 变为 4.0" in text and "经核验完成并见效 1 项" in text
