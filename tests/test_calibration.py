"""Calibration across visits (issue 16), over real installations: an expert who rates one level above
the others on every item is flagged with the items behind it, at the bureau as at the 组长's; an
expert with a few items is not; the widest-spread items come first."""

from __future__ import annotations

import json

import pytest
from exchange_helpers import make_side, seed_visit
from team_helpers import cli, make_team, receive

from xunzhen_app.services import calibration, team, visits
from xunzhen_app.services.calibration import MIN_ITEMS, THRESHOLD

GOALS_4_5 = ("4.1.1", "4.1.2", "4.2.1", "4.2.2", "4.3.1", "4.3.2", "4.4.1", "4.5.1", "4.5.2", "4.6.1", "4.6.2",
             "5.1.1", "5.1.2")


@pytest.fixture(scope="module")
def programme(tmp_path_factory):
    root = tmp_path_factory.mktemp("calibration")
    t = make_team(root)
    second = seed_visit(t.lead, "第二精密机械有限公司")
    for args in (("--add", t.li.keys.fingerprint[:16], "--goals", "4,5"),
                 ("--add", t.wang.keys.fingerprint[:16], "--goals", "5", "--items", "1.1.1")):
        assert cli(t.lead, "visit", "team", second, *args)[0] == 0
    packages = []
    for vid in (t.visit_id, second):
        t.visit_id = vid
        first = t.package(t.lead)
        receive(t.li, first)
        receive(t.wang, first)
        for code in GOALS_4_5:
            visits.rate_item(t.lead.store, vid, code, level=3)
            visits.rate_item(t.li.store, vid, code, level=4)  # 李 one level above, every time
        visits.rate_item(t.wang.store, vid, "5.1.1", level=1)  # 王 far below on one item
        visits.rate_item(t.wang.store, vid, "5.1.2", level=3)
        for member in (t.li, t.wang):
            assert not receive(t.lead, t.package(member)).refused
        for code in (*GOALS_4_5[1:], "5.1.1", "5.1.2"):  # what 定稿 asks first: every differing item agreed
            team.record_consensus(t.lead.store, vid, code, 3)
        assert cli(t.lead, "visit", "rate", vid, "4.1.1", "4", "--consensus", "--note", "取李审核的等级")[0] == 0
        assert cli(t.lead, "visit", "finalize", vid)[0] == 0
        packages.append(t.package(t.lead))
    bureau = make_side(root / "bureau")
    for side in (t.lead, t.li, t.wang):
        bureau.trust(side)
    for path in packages:
        assert not receive(bureau, path).refused
    return t, bureau


def test_the_expert_rating_consistently_higher_is_flagged_with_the_items_behind_it(programme):
    t, _bureau = programme
    c = calibration.calibration(t.lead.store)
    by_name = {e.name: e for e in c.experts}
    li = by_name["李审核"]
    assert li.items == 26 >= MIN_ITEMS and li.flagged and li.direction == "偏高"
    assert li.mean_from_others > THRESHOLD
    assert li.consensus_items == 26 and li.mean_from_consensus == pytest.approx(24 / 26)
    assert {(d.enterprise, d.item_code) for d in li.behind} >= {("测试精密机械有限公司", "4.1.1"),
                                                                ("第二精密机械有限公司", "4.6.2")}
    assert c.experts[0].name == "李审核"  # flagged first
    wang = by_name["王质量"]
    assert wang.items == 4 and not wang.flagged  # too few items to say
    lead = by_name["张测试"]
    # Against 李 alone the 组长 looks as far apart the other way; against the consensus the 组长 is not.
    assert lead.items == 26 and lead.mean_from_others < -THRESHOLD and not lead.flagged
    assert lead.mean_from_consensus == pytest.approx(-2 / 26)
    top = c.items[0]
    assert (top.code, top.instances, top.max_spread) == ("5.1.1", 2, 3)


def test_the_bureau_sees_the_same_experts_by_their_keys(programme):
    t, bureau = programme
    at_lead = {e.key: (e.name, e.items, e.flagged) for e in calibration.calibration(t.lead.store).experts}
    at_bureau = {e.key: (e.name, e.items, e.flagged) for e in calibration.calibration(bureau.store).experts}
    assert at_bureau == at_lead
    assert t.li.keys.fingerprint in at_bureau and t.lead.keys.fingerprint in at_bureau


def test_the_cli_prints_the_figures_and_the_rule(programme):
    t, bureau = programme
    code, out = cli(bureau, "calibration")
    assert code == 0 and f"平均偏差达 {THRESHOLD} 级且至少 {MIN_ITEMS} 个条目" in out
    assert "需校准（偏高）" in out and "李审核 的依据条目" in out and "分歧最大的条目" in out
    code, out = cli(bureau, "calibration", "--json")
    data = json.loads(out)
    assert data["threshold"] == THRESHOLD and data["min_items"] == MIN_ITEMS
    li = next(e for e in data["experts"] if e["expert"] == "李审核")
    assert li["flagged"] and li["items"] == 26 and len(li["behind"]) == 26
    assert data["items"][0]["code"] == "5.1.1"


def test_the_desk_shows_the_flagged_expert_and_the_items_behind_it(qtbot, programme, tmp_path):
    from gui_helpers import make_ctx
    from PySide6.QtCore import Qt

    from xunzhen_app.gui.bureau_page import BureauPage

    _t, bureau = programme
    ctx = make_ctx(bureau.store, tmp_path)
    desk = BureauPage(ctx)
    qtbot.addWidget(desk)
    desk.resize(1280, 720)
    desk.show()
    desk.refresh()
    tabs, panel = desk.ui.tabs, desk.calibration
    index = desk.tab_of(panel)
    qtbot.waitUntil(lambda: tabs.tabText(index) == "校准（需校准 1 人）", timeout=10000)
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center())
    assert panel.isVisible() and f"{MIN_ITEMS} 个条目" in panel.rule.text()
    experts = panel.experts
    assert [experts.data(experts.index(0, c)) for c in (0, 1, 5)] == ["李审核", "26", "需校准（偏高）"]
    assert panel.behind.rowCount() == 26 and "李审核" in panel.behindLabel.text()
    # Another expert's row, picked with the mouse, shows theirs.
    view = panel.expertView
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(experts.index(2, 0)).center())
    assert panel.behind.rowCount() == experts.row_at(2).items
    assert panel.spread.data(panel.spread.index(0, 0)) == "5.1.1"
