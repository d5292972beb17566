"""The programme desk over the demo data: each city's figures against 晋市监发〔2025〕100号's targets,
the 培育成功 decision, the 标杆 candidates and the ≤ 5 picks — figures checked against the visits."""

from __future__ import annotations

import json

import pytest

from xunzhen_app.cli import main
from xunzhen_app.core.errors import UserError
from xunzhen_app.core.regions import quality_counties
from xunzhen_app.services import programme_desk as desk
from xunzhen_app.services import visits


def _by_city(store) -> dict[str, desk.CityProgress]:
    return {p.city: p for p in desk.progress(store)}


def _levels(store, enterprise: str) -> list[tuple[str, float]]:
    """(stage, overall level) of the enterprise's finalized visits, oldest first, as the workbench scores them."""
    rows = sorted((r for r in visits.list_visits(store) if r.enterprise == enterprise and r.status == "已定稿"),
                  key=lambda r: r.start_date)
    return [(r.stage, visits.get_visit(store, r.id).result.overall.level) for r in rows]


def test_the_province_sees_every_city_with_the_demo_figures(demo_store):
    assert desk.is_province(demo_store)
    cities = _by_city(demo_store)
    assert len(cities) == 12 and list(cities)[-1] == "山西转型综合改革示范区"
    taiyuan = cities["太原市"]
    assert taiyuan.enterprises == 2 and not taiyuan.enterprises_met  # 2 of the ≥ 10
    assert taiyuan.by_type == {"领军型": 1, "重点培育型": 1}
    assert (taiyuan.visits, taiyuan.visits_finalized) == (3, 2)
    # 晋阳重工's 前期巡诊 is a draft; 汾河新材料 has a finalized 前期巡诊 and 培育跟踪.
    assert taiyuan.stages == {"前期巡诊": 1, "培育跟踪": 1, "成效总结": 0}
    (_, before), (_, after) = _levels(demo_store, "汾河新材料科技股份有限公司")
    assert taiyuan.mean_level == round(after, 2) and taiyuan.mean_baseline == round(before, 2)
    assert taiyuan.mean_improvement == round(after - before, 2) > 0
    assert cities["朔州市"].enterprises == 0 and cities["朔州市"].mean_level is None
    datong = cities["大同市"]
    assert datong.stages == {"前期巡诊": 2, "培育跟踪": 1, "成效总结": 1}
    assert sum(p.enterprises for p in cities.values()) == 12
    assert not any(p.list_in_time or p.successes_met for p in cities.values())


def test_quality_counties_are_the_22_of_the_notice_and_counted_per_city(demo_store):
    assert sum(len(c) for c in quality_counties().values()) == 22
    cities = _by_city(demo_store)
    # 汾河新材料 (清徐县), 云冈智能电气 and 塞上黄花 (both 云州区) sit in 质量强县 counties.
    assert cities["太原市"].counties == {"清徐县": 1}
    assert cities["大同市"].counties == {"云州区": 2, "浑源县": 0}
    flagged = {f.name for f in desk.standings(demo_store) if f.quality_county}
    assert {"汾河新材料科技股份有限公司", "塞上黄花食品有限公司", "汾州酒业集团有限公司"} <= flagged
    assert "晋阳重工精密装备有限公司" not in flagged  # 小店区


def test_overdue_actions_count_each_enterprises_latest_visit(demo_store):
    from datetime import date

    from xunzhen_app.core.actions import is_overdue

    taiyuan = _by_city(demo_store)["太原市"]
    expected = 0
    for name in ("晋阳重工精密装备有限公司", "汾河新材料科技股份有限公司"):
        latest = max((r for r in visits.list_visits(demo_store) if r.enterprise == name), key=lambda r: r.start_date)
        expected += sum(is_overdue(p.due, p.status, date.today()) for p in visits.get_visit(demo_store, latest.id).plan)
    assert taiyuan.overdue_actions == expected > 0


def test_a_success_decision_meets_the_city_target_and_can_be_withdrawn(demo_store):
    assert desk.record_success(demo_store, "汾河新材料科技股份有限公司", "2025-12-20", "两次巡诊总体等级提升") \
        == "汾河新材料科技股份有限公司"
    taiyuan = _by_city(demo_store)["太原市"]
    assert taiyuan.successes == ("汾河新材料科技股份有限公司",) and taiyuan.successes_met
    standing = next(f for f in desk.standings(demo_store) if f.name == "汾河新材料科技股份有限公司")
    assert standing.success.reason == "两次巡诊总体等级提升" and str(standing.success.decided_on) == "2025-12-20"
    with pytest.raises(UserError, match="认定理由不能为空"):
        desk.record_success(demo_store, "晋阳重工精密装备有限公司", "2025-12-20", "  ")
    with pytest.raises(UserError, match="不是有效日期"):
        desk.record_success(demo_store, "晋阳重工精密装备有限公司", "2025-13-01", "理由")
    desk.withdraw_success(demo_store, "汾河新材料科技股份有限公司")
    assert not _by_city(demo_store)["太原市"].successes_met


def test_candidates_rank_by_level_and_leave_out_failed_checks(demo_store):
    ranked = desk.benchmark_candidates(demo_store)
    levels = [c.standing.level for c in ranked]
    assert levels == sorted(levels, reverse=True) and ranked[0].standing.name == "汾州酒业集团有限公司"
    assert [c.rank for c in ranked] == list(range(1, len(ranked) + 1))
    # 河东盐湖化工 failed the 监督抽查 veto at its 前期巡诊: once finalized it shows as 否决, never as a candidate.
    hedong = next(r for r in visits.list_visits(demo_store) if r.enterprise == "河东盐湖化工有限公司")
    visits.finalize(demo_store, hedong.id)
    assert _by_city(demo_store)["运城市"].vetoed == ("河东盐湖化工有限公司",)
    assert "河东盐湖化工有限公司" not in {c.standing.name for c in desk.benchmark_candidates(demo_store)}
    with pytest.raises(UserError, match="否决项未通过"):
        desk.set_pick(demo_store, "标杆", "河东盐湖化工有限公司")


def test_a_sixth_recommendation_is_refused_with_the_rule(demo_store):
    ranked = desk.benchmark_candidates(demo_store)
    for c in ranked[:5]:
        desk.set_pick(demo_store, "推荐", c.standing.name)
    with pytest.raises(UserError, match="不超过5家") as err:
        desk.set_pick(demo_store, "推荐", ranked[5].standing.name)
    assert ranked[5].standing.name in str(err.value)
    assert desk.picks(demo_store, "推荐") == [c.standing.id for c in ranked[:5]]
    desk.set_pick(demo_store, "推荐", ranked[0].standing.name, on=False)
    desk.set_pick(demo_store, "推荐", ranked[5].standing.name)
    assert len(desk.picks(demo_store, "推荐")) == 5
    with pytest.raises(UserError, match="还没有已定稿的巡诊"):
        desk.set_pick(demo_store, "标杆", "晋阳重工精密装备有限公司")


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_progress_success_and_picks(demo_store, paths, capsys):
    code, out, err = run(capsys, paths.data_dir, "desk", "progress", "--city", "大同市", "--json")
    assert code == 0, err
    (datong,) = json.loads(out)
    assert datong["enterprises"] == {"total": 2, "领军型": 2, "重点培育型": 0, "target": 10, "met": False}
    assert datong["list"] == {"sent_on": None, "due": "2025-05-21", "in_time": False}
    assert datong["quality_counties"] == [{"county": "云州区", "enterprises": 2}, {"county": "浑源县", "enterprises": 0}]
    code, out, err = run(capsys, paths.data_dir, "enterprise", "success", "塞上黄花食品有限公司", "--date", "2025-12-28",
                         "--reason", "成效总结总体等级较前期提升")
    assert code == 0 and "已记录“塞上黄花食品有限公司”培育成功" in out
    code, out, _ = run(capsys, paths.data_dir, "desk", "progress", "--city", "大同市", "--json")
    assert json.loads(out)[0]["successes"] == {"count": 1, "target": 1, "met": True,
                                               "enterprises": ["塞上黄花食品有限公司"]}
    code, _, err = run(capsys, paths.data_dir, "enterprise", "success", "塞上黄花食品有限公司", "--date", "2025-12-28")
    assert code == 2 and "--reason" in err
    code, out, _ = run(capsys, paths.data_dir, "desk", "benchmark-candidates", "--json")
    first = json.loads(out)[0]
    assert first["rank"] == 1 and first["enterprise"] == "汾州酒业集团有限公司" and first["benchmark"] is False
    code, out, _ = run(capsys, paths.data_dir, "desk", "benchmark", "汾州酒业集团有限公司")
    assert code == 0 and "列入质量标杆企业" in out
    code, out, _ = run(capsys, paths.data_dir, "desk", "benchmark-candidates", "--json")
    assert json.loads(out)[0]["benchmark"] is True
    code, _, err = run(capsys, paths.data_dir, "desk", "progress", "--city", "北京市")
    assert code == 2 and "不是山西省的地市" in err


def test_a_city_store_sees_its_own_city_only(store):
    from xunzhen_app.services import enterprises
    from xunzhen_app.services.dto import EnterpriseInput

    enterprises.create_enterprise(store, EnterpriseInput(name="晋阳机械有限公司", city="太原市", county="清徐县"))
    assert not desk.is_province(store)
    (only,) = desk.progress(store)
    assert only.city == "太原市" and only.enterprises == 1 and only.counties == {"清徐县": 1}


def test_reviews_are_counted_per_city(demo_store):
    from xunzhen_app.services import reviews

    datong = sorted((r for r in visits.list_visits(demo_store) if r.city == "大同市" and r.status == "已定稿"),
                    key=lambda r: r.start_date)
    reviews.review_visit(demo_store, datong[0].id, "已审核", "", "市局审核员")
    reviews.review_visit(demo_store, datong[1].id, "退回", "请补充2.1.1的证据", "市局审核员")
    city = _by_city(demo_store)["大同市"]
    assert (city.visits_reviewed, city.visits_returned) == (1, 1)
    assert _by_city(demo_store)["太原市"].visits_reviewed == 0


def test_import_counts_are_in_visits_and_enterprises():
    from xunzhen_app.services.import_counts import package_counts, total

    new = [{"entity": "visit"}, {"entity": "assessment"}, {"entity": "assessment"}, {"entity": "enterprise"}]
    c = package_counts(new, [{"entity": "enterprise"}, {"entity": "plan_item"}], ["v1", "v2", "v2"])
    assert c.describe() == "巡诊 2 次（其中新增 1 次）、企业 2 家（其中新增 1 家）"
    assert total([c, c]).visits == 4
    assert package_counts([], [], []).describe() == "没有新的巡诊或企业"


def test_stage_gaps_are_the_calendars_closed_ones_per_city(demo_store):
    from datetime import date

    from xunzhen_app.services.calendar import missing_stages

    closed = [g for g in missing_stages(demo_store, date.today()) if g.closed]
    cities = _by_city(demo_store)
    assert sum(p.stage_gaps for p in cities.values()) == len(closed)
    assert cities["太原市"].stage_gaps == sum(g.city == "太原市" for g in closed)


def test_a_veto_failed_earlier_in_the_year_still_excludes(demo_store):
    """河东盐湖化工 failed 3.1.1 at its 前期巡诊; a passing follow-up months later does not clear it."""
    hedong = next(r for r in visits.list_visits(demo_store) if r.enterprise == "河东盐湖化工有限公司")
    visits.finalize(demo_store, hedong.id)
    follow = visits.create_visit(demo_store, visits.NewVisit(
        enterprise_id=hedong.enterprise_id, stage="培育跟踪", start_date=hedong.start_date.replace(month=9),
        end_date=hedong.start_date.replace(month=9), previous_visit_id=hedong.id, copy_previous=True))
    visits.rate_item(demo_store, follow.id, "3.1.1", level=3, check_passed=True)
    visits.finalize(demo_store, follow.id)
    assert visits.get_visit(demo_store, follow.id).result.failed_checks == ()
    standing = next(f for f in desk.standings(demo_store) if f.name == "河东盐湖化工有限公司")
    assert standing.failed_checks == ("3.1.1",)
    with pytest.raises(UserError, match="近一年的定稿巡诊中否决项未通过"):
        desk.set_pick(demo_store, "推荐", "河东盐湖化工有限公司")
