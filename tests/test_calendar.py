"""The programme calendar (附件1): stage windows and the 附件2 deadline with per-year defaults, edited in
设置 and kept in the store; visits outside their window flagged (never refused) in the service, the
CLI and the GUI; the desk's list of enterprises missing a stage, over a real 前期 → 跟踪 → 成效总结 chain."""

from __future__ import annotations

import json
from datetime import date

import pytest
from gui_helpers import make_ctx, settle
from PySide6.QtCore import QDate, Qt

from xunzhen_app.cli import main
from xunzhen_app.core.calendar import ProgrammeCalendar, Window, default_calendar
from xunzhen_app.core.errors import UserError
from xunzhen_app.services import calendar, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise

pytest.importorskip("pytestqt")


def _visit(store, enterprise_id, stage, on, previous=None):
    return visits.create_visit(store, visits.NewVisit(enterprise_id=enterprise_id, stage=stage, start_date=on,
                                                      previous_visit_id=previous, copy_previous=bool(previous))).id


@pytest.fixture
def firms(store):
    a = create_enterprise(store, EnterpriseInput(name="晋阳机械有限公司", city="太原市")).id
    b = create_enterprise(store, EnterpriseInput(name="大同煤机有限公司", city="大同市")).id
    return a, b


def test_defaults_follow_annex_1_for_any_year(store):
    cal = calendar.programme_calendar(store, 2027)
    assert cal == default_calendar(2027) and cal.is_default
    assert (cal.initial, cal.follow_up, cal.summary, cal.list_deadline) == (
        Window(date(2027, 5, 1), date(2027, 5, 31)), Window(date(2027, 6, 1), date(2027, 11, 30)),
        Window(date(2027, 12, 1), date(2027, 12, 31)), date(2027, 5, 21))


def test_a_year_saved_in_the_store_changes_the_flags_and_bad_dates_save_nothing(store, firms):
    a, _ = firms
    june_initial = _visit(store, a, "前期巡诊", date(2026, 6, 5))
    assert visits.get_visit(store, june_initial).row.outside_window

    moved = ProgrammeCalendar(2026, Window(date(2026, 5, 10), date(2026, 6, 15)),
                              Window(date(2026, 6, 16), date(2026, 11, 30)),
                              Window(date(2026, 12, 1), date(2026, 12, 31)), date(2026, 5, 25))
    calendar.save_calendar(store, moved)
    assert calendar.programme_calendar(store, 2026) == moved
    assert not visits.get_visit(store, june_initial).row.outside_window
    assert calendar.programme_calendar(store, 2025).is_default  # other years keep 附件1's dates

    backwards = ProgrammeCalendar(2026, Window(date(2026, 5, 31), date(2026, 5, 1)), moved.follow_up, moved.summary,
                                  moved.list_deadline)
    with pytest.raises(UserError, match="前期巡诊的结束日期 2026-05-01 早于开始日期 2026-05-31"):
        calendar.save_calendar(store, backwards)
    wrong_year = ProgrammeCalendar(2026, moved.initial, moved.follow_up, moved.summary, date(2025, 5, 21))
    with pytest.raises(UserError, match="附件2报送截止日期 2025-05-21 不在 2026 年内"):
        calendar.save_calendar(store, wrong_year)
    assert calendar.programme_calendar(store, 2026) == moved  # nothing of a refused save

    calendar.reset_calendar(store, 2026)
    assert calendar.programme_calendar(store, 2026).is_default
    assert visits.get_visit(store, june_initial).row.outside_window


def test_missing_stages_over_a_real_chain(store, firms):
    a, b = firms
    initial = _visit(store, a, "前期巡诊", date(2026, 5, 20))
    visits.rate_item(store, initial, "1.1.1", level=2)
    visits.finalize(store, initial)

    def gaps(today):
        return [(g.enterprise, g.stage, g.closed) for g in calendar.missing_stages(store, today)]

    assert gaps(date(2026, 4, 30)) == []  # no window has begun
    # May: both firms' 前期 still open (Taiyuan first: the province's city order), a's done.
    assert gaps(date(2026, 5, 10)) == [("大同煤机有限公司", "前期巡诊", False)]
    assert gaps(date(2026, 6, 1)) == [("大同煤机有限公司", "前期巡诊", True),
                                      ("晋阳机械有限公司", "培育跟踪", False), ("大同煤机有限公司", "培育跟踪", False)]
    track = _visit(store, None, "", date(2026, 9, 10), previous=initial)
    assert visits.get_visit(store, track).row.stage == "培育跟踪"
    assert gaps(date(2026, 12, 2)) == [("大同煤机有限公司", "前期巡诊", True), ("大同煤机有限公司", "培育跟踪", True),
                                       ("晋阳机械有限公司", "成效总结", False), ("大同煤机有限公司", "成效总结", False)]
    _visit(store, None, "", date(2026, 12, 8), previous=track)
    assert gaps(date(2026, 12, 31))[-1:] == [("大同煤机有限公司", "成效总结", False)]
    # A late 前期 counts as done (it is flagged on the visit instead).
    late = _visit(store, b, "前期巡诊", date(2026, 7, 1))
    assert visits.get_visit(store, late).row.outside_window
    assert ("大同煤机有限公司", "前期巡诊", True) not in gaps(date(2026, 12, 31))
    # A new year starts afresh.
    assert gaps(date(2027, 6, 1))[:2] == [("晋阳机械有限公司", "前期巡诊", True), ("大同煤机有限公司", "前期巡诊", True)]


def run(capsys, data_dir, *args):
    code = main(["--data-dir", data_dir, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_warns_on_stderr_and_show_and_list_carry_the_flag(capsys, paths, store, firms):
    data = str(paths.data_dir)
    code, out, err = run(capsys, data, "visit", "new", "--enterprise", "晋阳机械有限公司", "--stage", "前期巡诊",
                         "--date", "2026-10-08", "--json")
    assert code == 0 and err.strip() == (
        "警告：巡诊日期 2026-10-08 不在前期巡诊阶段的时间内（2026 年为 5月1日—5月31日），已照常保存并标记")
    late = json.loads(out)["id"]
    code, out, err = run(capsys, data, "visit", "new", "--from", late, "--date", "2026-10-09", "--json")
    assert code == 0 and err == ""  # a 培育跟踪 in October is on time
    on_time = json.loads(out)["id"]
    assert [json.loads(run(capsys, data, "visit", "show", v, "--json")[1])["outside_window"]
            for v in (late, on_time)] == [True, False]
    code, out, _ = run(capsys, data, "visit", "list", "--json")
    assert {r["id"]: r["outside_window"] for r in json.loads(out)} == {late: True, on_time: False}
    code, out, _ = run(capsys, data, "visit", "list")
    assert "前期巡诊（超出阶段时间）" in out and "培育跟踪（超出阶段时间）" not in out
    code, out, _ = run(capsys, data, "visit", "show", late[:8])
    assert out.splitlines()[0].startswith("晋阳机械有限公司　前期巡诊（超出阶段时间）　2026-10-08")


def test_settings_edit_a_year_by_keyboard_and_the_desk_lists_the_gaps(qtbot, store, firms, tmp_path):
    from xunzhen_app.gui.bureau_page import BureauPage
    from xunzhen_app.gui.settings_page import SettingsPage

    ctx = make_ctx(store, tmp_path)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot, ctx)
    box = page.calendar
    box.yearSpin.selectAll()
    qtbot.keyClicks(box.yearSpin, "2026")
    settle(qtbot, ctx)
    start, end = box.edits["initial"]
    assert (start.date(), end.date()) == (QDate(2026, 5, 1), QDate(2026, 5, 31))
    assert "默认" in box.message.text()
    end.setFocus()
    end.setCurrentSection(end.Section.MonthSection)
    qtbot.keyClick(end, Qt.Key.Key_Up)  # 5月31日 → 6月30日
    qtbot.mouseClick(box.saveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)
    assert calendar.programme_calendar(store, 2026).initial == Window(date(2026, 5, 1), date(2026, 6, 30))
    assert "已保存 2026 年" in box.message.text()

    # Overlapping windows are allowed; a window ending before it starts is refused and shown.
    follow_start, _ = box.edits["follow_up"]
    follow_start.setDate(QDate(2026, 12, 20))
    box.edits["follow_up"][1].setDate(QDate(2026, 6, 1))
    qtbot.mouseClick(box.saveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)
    assert "培育跟踪的结束日期 2026-06-01 早于开始日期 2026-12-20" in box.message.text()
    assert calendar.programme_calendar(store, 2026).follow_up == default_calendar(2026).follow_up

    _visit(store, firms[0], "前期巡诊", date(2026, 6, 20))  # inside the moved window
    desk = BureauPage(ctx)
    qtbot.addWidget(desk)
    desk.stage_gaps.today = lambda: date(2026, 7, 1)
    desk.show()
    desk.refresh()
    settle(qtbot, ctx)
    panel = desk.stage_gaps
    rows = [(g.enterprise, g.stage, g.closed) for g in panel.model.rows()]
    assert rows == [("大同煤机有限公司", "前期巡诊", True), ("晋阳机械有限公司", "培育跟踪", False),
                    ("大同煤机有限公司", "培育跟踪", False)]
    tabs = desk.ui.tabs
    assert tabs.tabText(desk.tab_of(panel)) == "阶段缺项（3）"
    assert "前期巡诊 5月1日—6月30日" in panel.hint.text() and "附件2名单报送截止 5月21日" in panel.hint.text()
    assert panel.model.index(0, 5).data() == "5月1日—6月30日已过，没有前期巡诊"


def test_workbench_header_flags_a_visit_outside_its_window(qtbot, store, firms, tmp_path):
    from xunzhen_app.gui.main_window import MainWindow

    late = _visit(store, firms[0], "成效总结", date(2026, 11, 3))  # 成效总结 belongs in December
    on_time = _visit(store, firms[1], "成效总结", date(2026, 12, 3))
    ctx = make_ctx(store, tmp_path)
    window = MainWindow(ctx, restore_visit=False)
    qtbot.addWidget(window)
    window.resize(1366, 720)
    window.show()
    page = window.workbench_page
    window.start_rating(late)
    qtbot.waitUntil(lambda: "晋阳机械有限公司" in page.contextLabel.text(), timeout=5000)
    assert "超出阶段时间" in page.contextLabel.text()
    window.start_rating(on_time)
    qtbot.waitUntil(lambda: "大同煤机有限公司" in page.contextLabel.text(), timeout=5000)
    assert "超出阶段时间" not in page.contextLabel.text()
    page.commit_pending()
    settle(qtbot, ctx)
