"""The demo data set is as real as the domain: texts follow the ratings, dates the programme's
calendar, suggestions the firm's honours, and the photos are pictures."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from xunzhen_app.core.domain import HonourKind, HonourLevel, Stage
from xunzhen_app.core.scoring import band, round_half_up
from xunzhen_app.services import enterprises, visits
from xunzhen_app.services.demo import POSITIONS, STAGE_WINDOWS


@pytest.fixture
def details(demo_store):
    return [visits.get_visit(demo_store, r.id) for r in visits.list_visits(demo_store)]


def _texts(d) -> list[str]:
    return ([a.suggestion for a in d.assessments.values()] + [p.measure for p in d.plan]
            + [d.summary, d.expert_opinion])


def test_every_visit_has_its_own_overall_assessment_matching_its_figures(details):
    summaries = [d.summary for d in details]
    assert len(set(summaries)) == len(summaries) == 20
    for d in details:
        named = band(d.result.overall, d.template.scale)
        assert f"{round_half_up(d.result.overall.level, 1)}级（{named.name}）" in d.summary, d.summary
        assert d.expert_opinion.startswith("专家组")
        if d.result.unrated:
            assert "暂定" in d.summary
    assert any("基础级" in s for s in summaries) and any("先进级" in s for s in summaries)


def test_weak_items_carry_problems_and_strong_ones_strengths(details):
    for d in details:
        for code, a in d.assessments.items():
            if a.level is not None and a.level <= 2:
                assert a.problem and a.suggestion and not a.strength, (d.row.enterprise, code)
            if a.level is not None and a.level >= 4:
                assert a.strength and not a.problem and not a.suggestion, (d.row.enterprise, code)
            if a.level is not None:
                assert a.evidence
        if any(a.level is not None and a.level <= 3 for a in d.assessments.values()):
            assert d.problems
        assert all(p.item_code and d.assessments[p.item_code].problem == p.text for p in d.problems)
        for p in d.problems:
            if p.item_code in d.result.failed_checks:
                assert d.problems[0].item_code in d.result.failed_checks  # the veto first


def test_item_texts_are_composed_per_item_not_cycled(details):
    problems = [a.problem for d in details for a in d.assessments.values() if a.problem]
    suggestions = {a.suggestion for d in details for a in d.assessments.values() if a.suggestion}
    assert len(set(problems)) > len(problems) // 2
    assert len(suggestions) >= 18


AWARD_ASKS = {  # what a firm holding the honour must not be told to apply for
    (HonourKind.SHANXI_JINGPIN, None): ("申报“山西精品”", "申报山西精品"),
    (HonourKind.QUALITY_AWARD, HonourLevel.CITY): ("申报市级政府质量奖",),
    (HonourKind.QUALITY_AWARD, HonourLevel.PROVINCIAL): ("申报市级政府质量奖", "申报山西省质量奖"),
    (HonourKind.QUALITY_AWARD, HonourLevel.NATIONAL): ("申报市级政府质量奖", "申报山西省质量奖", "争取中国质量奖提名"),
}


def test_suggestions_never_ask_for_an_honour_the_firm_holds(details):
    checked = 0
    for d in details:
        for h in d.enterprise.honours:
            for phrase in AWARD_ASKS.get((h.kind, h.level), ()):
                for text in _texts(d):
                    assert phrase not in text, (d.row.enterprise, h.describe(), text)
                checked += 1
    assert checked > 10
    without = [d for d in details if not d.enterprise.honours]
    assert any("申报“山西精品”" in t for d in without for t in _texts(d))  # the step is offered where due


def test_dates_keep_to_the_programme_calendar(details):
    for d in details:
        first, last = STAGE_WINDOWS[Stage(d.row.stage)]
        assert first <= d.row.start_date <= d.row.end_date <= last, (d.row.stage, d.row.start_date)
        assert d.report_date and d.row.end_date <= d.report_date <= last
    initial = [d.row.start_date for d in details if d.row.stage == Stage.INITIAL]
    assert min(initial).month == 5 and min(initial).day > 10  # after the notice of 10 May 2025


def test_finalized_reports_are_numbered_and_signed(details):
    finalized = [d for d in details if d.row.status == "已定稿"]
    numbers = [d.report_number for d in finalized]
    assert len(set(numbers)) == len(numbers) and all(n.startswith("晋质巡〔2025〕") for n in numbers)
    assert all(d.organiser.endswith("市场监督管理局") for d in details)


def test_people_are_named_with_their_positions(details):
    for d in details:
        assert len(d.interviewees) >= 3
        for p in d.interviewees:
            assert p.position in POSITIONS and p.name not in POSITIONS and 2 <= len(p.name) <= 3


def test_enterprise_profiles_are_filled(demo_store):
    for e in enterprises.list_enterprises(demo_store):
        p = e.profile
        assert p.main_products and p.employees and p.revenue_wan and p.certifications and p.introduction, e.name


def test_site_photos_are_drawn_scenes(demo_store, details):
    seen = set()
    for d in details:
        assert len(d.attachments) >= 2
        for a in d.attachments:
            assert a.media_type == "image/jpeg" and a.item_code
            image = Image.open(io.BytesIO(visits.attachment_bytes(demo_store, a.sha256))).convert("RGB")
            assert image.size == (800, 600)
            colours = image.resize((200, 150)).getcolors(maxcolors=200 * 150)
            assert len(colours) > 200  # shapes, shading and edges, not a few flat tiles
            seen.add(a.filename)
    assert len(seen) == 3  # the three scenes: workshop line, quality board, lab bench
