"""Veto rules as template data (3.1.1 in the shipped template, a cap of 2 in the four-level one)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from xunzhen_app.core.checklist import load_template_file
from xunzhen_app.core.errors import UserError
from xunzhen_app.core.scoring import VETO_RULE, Rating, counted_level, score_template
from xunzhen_app.services import reports, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise


@pytest.fixture
def visit_id(store):
    e = create_enterprise(store, EnterpriseInput(name="否决测试有限公司", city="太原市"))
    return visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 6, 1))).id


def _rate_goal_3(store, vid, passed):
    for code in ("3.1.1", "3.1.2", "3.2.1", "3.2.2"):
        visits.rate_item(store, vid, code, level=5)
    visits.rate_item(store, vid, "3.1.1", check_passed=passed)


def test_a_veto_item_cannot_be_not_applicable(store, visit_id):
    with pytest.raises(UserError, match="3.1.1 不能标为“不适用”：带否决条件"):
        visits.rate_item(store, visit_id, "3.1.1", not_applicable=True)
    assert "3.1.1" not in visits.get_visit(store, visit_id).assessments
    visits.rate_item(store, visit_id, "3.1.2", not_applicable=True)  # an ordinary item may be


def test_a_failed_check_caps_the_item_and_flags_goal_and_overall(store, visit_id):
    _rate_goal_3(store, visit_id, passed=True)
    passed = visits.get_visit(store, visit_id).result.goals[2]
    assert passed.score.level == 5 and passed.failed_checks == ()

    visits.rate_item(store, visit_id, "3.1.1", check_passed=False)
    d = visits.get_visit(store, visit_id)
    goal = d.result.goals[2]
    assert d.assessments["3.1.1"].level == 5  # what the expert rated stays recorded
    assert goal.measures[0].score.level == 3  # (1 + 5) / 2: the failed item counts as 1
    assert goal.score.level == pytest.approx(4) and goal.failed_checks == ("3.1.1",)
    assert d.result.failed_checks == ("3.1.1",)


def test_the_cap_comes_from_the_template():
    four = load_template_file(Path(__file__).parent / "data" / "four-level-template.json")
    item = four.item("1.1.2")
    assert item.veto.cap == 2 and not item.may_be_not_applicable
    assert counted_level(item, Rating(4, check_passed=False)) == 2
    assert counted_level(item, Rating(1, check_passed=False)) == 1
    assert counted_level(item, Rating(4, check_passed=True)) == 4
    assert score_template(four, {"1.1.2": Rating(4, check_passed=False)}).goals[0].measures[0].score.level == 2


def test_finalize_needs_a_problem_on_the_failed_item(store, visit_id):
    _rate_goal_3(store, visit_id, passed=False)
    visits.add_problem(store, visit_id, "质量档案不全")  # not linked to 3.1.1: does not count
    with pytest.raises(UserError, match="3.1.1 尚未在主要问题中记录问题"):
        visits.finalize(store, visit_id)
    assert visits.get_visit(store, visit_id).row.status == "草稿"
    visits.add_problem(store, visit_id, "2025年省级监督抽查不合格一批次", "3.1.1")
    visits.finalize(store, visit_id)
    assert visits.get_visit(store, visit_id).row.status == "已定稿"


def test_veto_problems_are_listed_first_and_stay_first_when_moved(store, visit_id):
    _rate_goal_3(store, visit_id, passed=False)
    first = visits.add_problem(store, visit_id, "质量档案不全")
    visits.add_problem(store, visit_id, "计量器具未按期检定")
    veto = visits.add_problem(store, visit_id, "省级监督抽查不合格", "3.1.1")
    assert [p.id for p in visits.get_visit(store, visit_id).problems][0] == veto
    visits.move_row(store, "problem", first, 0)  # as shown: the veto one is pinned above
    assert [p.text for p in visits.get_visit(store, visit_id).problems] == [
        "省级监督抽查不合格", "质量档案不全", "计量器具未按期检定"]
    visits.move_row(store, "problem", first, 2)
    assert [p.text for p in visits.get_visit(store, visit_id).problems] == [
        "省级监督抽查不合格", "计量器具未按期检定", "质量档案不全"]


def test_a_check_is_never_carried_into_a_follow_up(store, visit_id):
    _rate_goal_3(store, visit_id, passed=False)
    visits.add_problem(store, visit_id, "省级监督抽查不合格", "3.1.1")
    visits.finalize(store, visit_id)
    d = visits.get_visit(store, visit_id)
    follow = visits.create_visit(store, visits.NewVisit(
        enterprise_id=d.enterprise.id, stage="培育跟踪", start_date=date(2025, 9, 1),
        previous_visit_id=visit_id, copy_previous=True))
    d = visits.get_visit(store, follow.id)
    # The last level is a suggestion to confirm (待复核), the check is not carried at all.
    assert "3.1.1" not in d.assessments and d.suggestion("3.1.1").level == 5
    assert d.suggestion("3.1.1").check_passed is None
    assert "3.1.1" in visits.get_visit(store, follow.id).result.unrated


def test_the_report_lists_the_veto_first_and_states_the_rule(store, visit_id, tmp_path):
    _rate_goal_3(store, visit_id, passed=False)
    visits.add_problem(store, visit_id, "质量档案不全")
    visits.add_problem(store, visit_id, "省级监督抽查不合格", "3.1.1")
    written = reports.write_visit_pdf(store, visit_id, tmp_path / "veto.pdf")
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(written.path).pages))
    summary = text.split("（一）总体评价")[1]
    assert summary.index("否决项未通过") < summary.index("总体成熟度等级")
    problems = text.split("主要问题与堵点")[-1]
    assert problems.index("1.否决项未通过") < problems.index("省级监督抽查不合格") < problems.index("质量档案不全")
    assert "5→1初始级（否决封顶）" in text
    assert re.sub(r"\s+", "", VETO_RULE) in text
