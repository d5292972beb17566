import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xunzhen_app.core.checklist import parse_template
from xunzhen_app.core.scoring import (
    Rating,
    band,
    display_index,
    display_level,
    progress,
    round_half_up,
    score_template,
)
from xunzhen_app.services.checklists import bundled_templates

TINY = parse_template(json.loads((Path(__file__).parent / "data" / "tiny-template.json").read_text(encoding="utf-8")))
SHANXI = bundled_templates()[0]
CODES = [i.code for i in SHANXI.items()]


def r(level=None, na=False, check=None):
    return Rating(level, na, check)


def test_hand_computed_weighted_example():
    # Goal 1 (weight 3): measure 1.1 = mean(2, 4) = 3; measure 1.2 (weight 2) = 5 → (3·1 + 5·2)/3 = 13/3.
    # Goal 2 (weight 1): 2. Overall = (13/3·3 + 2·1)/4 = 15/4 = 3.75.
    result = score_template(TINY, {"1.1.1": r(2, check=True), "1.1.2": r(4), "1.2.1": r(5), "2.1.1": r(2)})
    g1, g2 = result.goals
    assert g1.measures[0].score.level == 3 and g1.score.level == pytest.approx(13 / 3)
    assert g2.score.level == 2
    assert result.overall.level == pytest.approx(3.75)
    assert display_level(result.overall) == "3.8"  # half up, not banker's 3.8/3.7 ambiguity
    assert display_index(result.overall) == "69"  # 68.75 → 69
    assert band(result.overall, TINY.scale).name == "三级"
    assert not result.overall.provisional and result.unrated == ()


def test_not_applicable_is_left_out_and_unrated_makes_provisional():
    result = score_template(TINY, {"1.1.1": r(4, check=True), "1.1.2": r(na=True), "2.1.1": r(3)})
    g1 = result.goals[0]
    assert g1.measures[0].score.level == 4 and g1.measures[0].not_applicable == 1
    assert g1.score.level == 4 and g1.score.provisional  # 1.2.1 unrated
    assert result.unrated == ("1.2.1",)
    assert display_level(result.overall).endswith("（暂定）")


def test_failed_veto_check_is_flagged_on_goal_and_overall():
    result = score_template(TINY, {"1.1.1": r(4, check=False), "1.1.2": r(4), "1.2.1": r(4), "2.1.1": r(4)})
    assert result.goals[0].failed_checks == ("1.1.1",) and result.goals[1].failed_checks == ()
    assert result.failed_checks == ("1.1.1",)


def test_item_with_check_is_incomplete_until_checked():
    ratings = {"1.1.1": r(4), "1.1.2": r(4), "1.2.1": r(4), "2.1.1": r(4)}
    assert progress(TINY, ratings) == (3, 4)
    assert "1.1.1" in score_template(TINY, ratings).unrated


def test_nothing_rated_gives_no_score():
    result = score_template(SHANXI, {})
    assert result.overall.level is None and display_level(result.overall) == "—"
    assert len(result.unrated) == 24


@pytest.mark.parametrize("value, shown, name", [(3.6, "3.6", "规范级"), (3.65, "3.7", "规范级"), (2.95, "3.0", "规范级"),
                                                 (2.94, "2.9", "基础级"), (5.0, "5.0", "领先级"), (1.0, "1.0", "初始级")])
def test_rounding_half_up_and_band_agree_with_the_displayed_figure(value, shown, name):
    from xunzhen_app.core.scoring import Score

    s = Score(value, False, 5)
    assert str(round_half_up(value, 1)) == shown
    assert band(s, SHANXI.scale).name == name


ratings_strategy = st.dictionaries(
    st.sampled_from(CODES),
    st.one_of(st.builds(lambda lv: Rating(lv), st.integers(1, 5)), st.just(Rating(None, True))),
)


@settings(max_examples=150, deadline=None)
@given(ratings_strategy)
def test_scores_stay_within_bounds(ratings):
    result = score_template(SHANXI, ratings)
    for s in [result.overall, *(g.score for g in result.goals)]:
        if s.level is not None:
            assert 1 - 1e-9 <= s.level <= 5 + 1e-9 and -1e-9 <= s.index <= 100 + 1e-9


@settings(max_examples=150, deadline=None)
@given(ratings_strategy, st.sampled_from(CODES), st.integers(1, 4))
def test_raising_one_item_never_lowers_any_score(ratings, code, level):
    before = dict(ratings, **{code: Rating(level)})
    after = dict(ratings, **{code: Rating(level + 1)})
    b, a = score_template(SHANXI, before), score_template(SHANXI, after)
    assert a.overall.level >= b.overall.level - 1e-9
    for gb, ga in zip(b.goals, a.goals):
        if gb.score.level is not None:
            assert ga.score.level >= gb.score.level - 1e-9
        for mb, ma in zip(gb.measures, ga.measures):
            if mb.score.level is not None:
                assert ma.score.level >= mb.score.level - 1e-9


def _without(template, code):
    """The template with one item removed (and a measure or goal left empty removed too)."""
    from dataclasses import replace

    goals = []
    for g in template.goals:
        measures = [replace(m, items=tuple(i for i in m.items if i.code != code)) for m in g.measures]
        measures = [m for m in measures if m.items]
        if measures:
            goals.append(replace(g, measures=tuple(measures)))
    return replace(template, goals=tuple(goals))


@settings(max_examples=150, deadline=None)
@given(ratings_strategy, st.sampled_from([i.code for i in SHANXI.items() if i.may_be_not_applicable]))
def test_not_applicable_item_changes_nothing_else(ratings, code):
    with_na = score_template(SHANXI, dict(ratings, **{code: Rating(None, True)}))
    removed = score_template(_without(SHANXI, code), {k: v for k, v in ratings.items() if k != code})
    assert with_na.overall.level == pytest.approx(removed.overall.level) or (
        with_na.overall.level is None and removed.overall.level is None)
    assert with_na.unrated == removed.unrated
