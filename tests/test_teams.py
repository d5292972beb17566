"""Expert teams over three real installations (issue 16): the 组长 splits the checklist, members rate
on their own laptops, packages come back in any order, ratings are kept side by side, the 组长
records the consensus, and 定稿 closes members' edits."""

from __future__ import annotations

import pytest
from exchange_helpers import db_fingerprint
from sqlalchemy import select
from team_helpers import cli, item, make_team, receive, shown

from xunzhen_app.db.models import MemberRating, VisitExpert
from xunzhen_app.services import visits


@pytest.fixture
def team(tmp_path):
    t = make_team(tmp_path)
    first = t.package(t.lead)
    for member in (t.li, t.wang):
        assert not receive(member, first).conflicts
    return t


def test_the_lead_lists_the_team_with_each_members_goals_and_items(team):
    code, out = cli(team.lead, "visit", "team", team.visit_id)
    assert code == 0
    assert "李审核" in out and "目标 4、5" in out
    assert "王质量" in out and "目标 5；条目 1.1.1" in out
    # What the members' laptops hold is the 组长's team, assignment included.
    members = {m["expert"]: m for m in shown(team.wang, team.visit_id)["team"]}
    assert members["李审核"]["goals"] == ["4", "5"] and members["王质量"]["items"] == ["1.1.1"]
    assert members["王质量"]["fingerprint"] == team.wang.keys.fingerprint


def test_bad_team_commands_exit_2_with_a_message_and_change_nothing(team):
    before = db_fingerprint(team.lead.store)
    code, out = cli(team.lead, "visit", "team", team.visit_id, "--add", team.li.keys.fingerprint[:16], "--goals", "9")
    assert code == 2 and "9" in out
    code, out = cli(team.lead, "visit", "team", team.visit_id, "--add", "ffffffffffff")
    assert code == 2 and "密钥登记册中没有" in out
    code, out = cli(team.lead, "visit", "team", team.visit_id, "--goals", "4")
    assert code == 2 and "--add" in out
    # Only the 组长 arranges the team: on a member's laptop it is refused.
    code, out = cli(team.li, "visit", "team", team.visit_id, "--add", team.wang.keys.fingerprint[:16])
    assert code == 2 and "只有巡诊的组长" in out
    assert db_fingerprint(team.lead.store) == before


def test_a_member_rates_only_what_is_assigned(team):
    before = db_fingerprint(team.li.store)
    code, out = cli(team.li, "visit", "rate", team.visit_id, "1.1.1", "2")
    assert code == 2 and "未分配给您" in out and "目标 4、5" in out
    code, out = cli(team.li, "visit", "rate", team.visit_id, "1.1.1", "2", "--consensus")
    assert code == 2 and "组长" in out
    assert db_fingerprint(team.li.store) == before
    assert cli(team.li, "visit", "rate", team.visit_id, "4.1.1", "3", "--problem", "计量器具未校准")[0] == 0
    mine = item(shown(team.li, team.visit_id), "4.1.1")
    assert mine["level"] == 3 and mine["problem"] == "计量器具未校准" and mine["rated_by"] == ["李审核"]
    # The 组长's own rating of 1.1.1 is untouched on the member's laptop.
    assert item(shown(team.li, team.visit_id), "1.1.1")["ratings"] == [
        {"expert": "张测试", "level": 3, "at": item(shown(team.li, team.visit_id), "1.1.1")["ratings"][0]["at"]}]


def test_packages_arriving_out_of_order_merge_without_conflicts_and_keep_every_rating(team):
    lead, li, wang, vid = team.lead, team.li, team.wang, team.visit_id
    assert cli(li, "visit", "rate", vid, "4.1.1", "2")[0] == 0
    li_old = team.package(li)
    assert cli(li, "visit", "rate", vid, "4.1.1", "3")[0] == 0  # 李 thinks again
    li_new = team.package(li)
    assert cli(wang, "visit", "rate", vid, "1.1.1", "5", "--evidence", "现场抽查 3 份记录")[0] == 0
    assert cli(wang, "visit", "rate", vid, "5.1.1", "4")[0] == 0
    wang_pkg = team.package(wang)
    assert cli(lead, "visit", "rate", vid, "4.1.1", "4")[0] == 0
    for path in (li_new, wang_pkg, li_old):  # the newer package of 李 before the older one
        report = receive(lead, path)
        assert not report.conflicts and not report.proposals and not report.refused, report.summary()
    data = shown(lead, vid)
    rated = item(data, "4.1.1")
    assert sorted((r["expert"], r["level"]) for r in rated["ratings"]) == [("张测试", 4), ("李审核", 3)]
    assert set(rated["rated_by"]) == {"张测试", "李审核"}
    assert rated["consensus_needed"] is True and rated["level"] is None and rated["provisional_level"] == 3.5
    assert rated["spread"] == 1
    first = item(data, "1.1.1")
    assert sorted(r["level"] for r in first["ratings"]) == [3, 5] and first["consensus_needed"]
    # One expert alone needs no consensus.
    assert item(data, "5.1.1")["level"] == 4 and not item(data, "5.1.1")["consensus_needed"]
    # The other member sees the whole team's work once the 组长 passes it on.
    assert not receive(li, team.package(lead)).conflicts
    assert {r["expert"] for r in item(shown(li, vid), "1.1.1")["ratings"]} == {"张测试", "王质量"}


def test_the_consensus_settles_an_item_and_the_score_stops_being_provisional(team):
    lead, wang, vid = team.lead, team.wang, team.visit_id
    assert cli(wang, "visit", "rate", vid, "1.1.1", "5")[0] == 0
    receive(lead, team.package(wang))
    assert visits.get_visit(lead.store, vid).result.pending == ("1.1.1",)
    assert visits.get_visit(lead.store, vid).result.overall.provisional
    code, out = cli(lead, "visit", "finalize", vid)
    assert code == 2 and "待合议" in out and "1.1.1" in out
    code, out = cli(lead, "visit", "rate", vid, "1.1.1", "4", "--consensus", "--note", "按现场记录取 4 级")
    assert code == 0, out
    settled = item(shown(lead, vid), "1.1.1")
    assert settled["level"] == 4 and settled["consensus_needed"] is False
    assert settled["consensus"]["level"] == 4 and settled["consensus"]["note"] == "按现场记录取 4 级"
    assert sorted(r["level"] for r in settled["ratings"]) == [3, 5]  # both ratings stay
    result = visits.get_visit(lead.store, vid).result
    assert result.pending == ()
    assert next(m for g in result.goals for m in g.measures if m.code == "1.1").score.level == 4


def test_finalizing_closes_members_edits_and_a_later_package_is_refused_whole(team):
    lead, li, vid = team.lead, team.li, team.visit_id
    assert cli(li, "visit", "rate", vid, "4.1.1", "3")[0] == 0
    receive(lead, team.package(li))
    code, out = cli(lead, "visit", "finalize", vid)
    assert code == 0, out
    assert cli(li, "visit", "rate", vid, "4.2.1", "2")[0] == 0  # before 李 has heard of the 定稿
    late = team.package(li)
    before = db_fingerprint(lead.store)
    code, out = cli(lead, "package", "import", str(late))
    assert code == 2 and "组长已定稿该巡诊，不再接收成员的评定" in out
    assert db_fingerprint(lead.store) == before
    # Once the finalized visit reaches the member, the laptop refuses the edit itself.
    receive(li, team.package(lead))
    code, out = cli(li, "visit", "rate", vid, "4.1.1", "4")
    assert code == 2 and "组长已定稿" in out


def test_a_rating_for_an_item_not_assigned_is_refused_row_by_row(team):
    """A member's row for an item the 组长 never assigned (a hand-made package) is not taken."""
    lead, li, vid = team.lead, team.li, team.visit_id
    with li.store.session() as s:  # behind the service's back
        row = s.scalar(select(VisitExpert).where(VisitExpert.visit_id == vid,
                                                 VisitExpert.fingerprint == li.keys.fingerprint))
        s.add(MemberRating(visit_id=vid, item_code="1.1.1", expert_id=row.expert_id, rater=li.keys.fingerprint,
                           level=1, evidence="", problem="", suggestion="", strength=""))
    report = receive(lead, team.package(li))
    assert [r.reason for r in report.refused] == ["条目 1.1.1 未分配给该成员"]
    assert [r["expert"] for r in item(shown(lead, vid), "1.1.1")["ratings"]] == ["张测试"]


def test_a_team_visit_keeps_its_checklist_version_while_members_rate_against_it(team):
    """The members rate on their own laptops against the visit's version: moving the visit to a newer one
    would leave their ratings naming items the visit no longer has, so the 组长 is told why and nothing moves."""
    from store_digest import store_digest
    from test_template_migration import version_2026

    from xunzhen_app.services import checklists

    checklists.install(team.lead.store, version_2026())
    before = store_digest(team.lead.store.paths.database)
    code, out = cli(team.lead, "checklist", "migrate", team.visit_id, "--to", "2026.1")
    assert code == 2
    assert "专家组成员（李审核、王质量）" in out and "不能更换版本" in out and "移除成员" in out
    assert store_digest(team.lead.store.paths.database) == before
    assert visits.get_visit(team.lead.store, team.visit_id).template.version == "2025.1"
