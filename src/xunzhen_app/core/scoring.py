"""Maturity scoring: pure functions over a template and the expert's ratings.

Rule (stated wherever scores are shown, see ``SCORING_RULE``): an item is rated
1–5 or 不适用; 不适用 is left out. A measure scores the mean of its rated items,
a goal the weighted mean of its measures, the whole result the weighted mean of
its goals. Scores are kept exact and rounded half up only for display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .checklist import Goal, Level, Measure, Scale, Template

SCORING_RULE = (
    "评分规则：每项按 1–5 级评定，“不适用”项不参与计算；主要举措得分为其已评项的平均值，"
    "培育目标得分为其主要举措的加权平均，总体得分为各培育目标的加权平均；"
    "指数 =（等级 − 1）÷ 4 × 100；等级名称取显示得分达到的最高等级（如 3.6 为规范级）；"
    "计算保留全部精度，仅在显示时四舍五入（等级一位小数，指数取整）。存在未评项时得分为暂定，"
    "否决项未通过时在所属培育目标和总体上标出。"
)


@dataclass(frozen=True)
class Rating:
    """What the expert recorded for one item."""

    level: int | None = None
    not_applicable: bool = False
    check_passed: bool | None = None

    def __post_init__(self):
        if self.level is not None and self.level not in (1, 2, 3, 4, 5):
            raise ValueError(f"等级应为 1–5，实际为 {self.level}")
        if self.level is not None and self.not_applicable:
            raise ValueError("一项不能既有等级又为不适用")


@dataclass(frozen=True)
class Score:
    """One exact score with the figures derived from it."""

    level: float | None
    provisional: bool

    @property
    def index(self) -> float | None:
        return None if self.level is None else (self.level - 1) / 4 * 100


@dataclass(frozen=True)
class MeasureResult:
    code: str
    title: str
    score: Score
    rated: int
    not_applicable: int
    unrated: tuple[str, ...]


@dataclass(frozen=True)
class GoalResult:
    code: str
    title: str
    score: Score
    measures: tuple[MeasureResult, ...]
    failed_checks: tuple[str, ...]
    unrated: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    overall: Score
    goals: tuple[GoalResult, ...]
    failed_checks: tuple[str, ...] = ()
    unrated: tuple[str, ...] = ()


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total if pairs else None


def item_complete(item, rating: Rating | None) -> bool:
    """不适用, or rated and — where the item has a pass/fail check — checked."""
    if rating is None or (rating.level is None and not rating.not_applicable):
        return False
    return rating.not_applicable or item.check is None or rating.check_passed is not None


def score_measure(measure: Measure, ratings: Mapping[str, Rating]) -> MeasureResult:
    levels, na, unrated = [], 0, []
    for item in measure.items:
        rating = ratings.get(item.code)
        if rating is not None and rating.level is not None:
            levels.append(rating.level)
        elif rating is not None and rating.not_applicable:
            na += 1
        if not item_complete(item, rating):
            unrated.append(item.code)
    level = sum(levels) / len(levels) if levels else None
    return MeasureResult(measure.code, measure.title, Score(level, bool(unrated)), len(levels), na, tuple(unrated))


def score_goal(goal: Goal, ratings: Mapping[str, Rating]) -> GoalResult:
    measures = tuple(score_measure(m, ratings) for m in goal.measures)
    pairs = [(mr.score.level, m.weight) for mr, m in zip(measures, goal.measures) if mr.score.level is not None]
    unrated = tuple(code for mr in measures for code in mr.unrated)
    failed = tuple(
        item.code
        for item in goal.items()
        if item.check is not None and item.check.veto and (r := ratings.get(item.code)) and r.check_passed is False
    )
    return GoalResult(goal.code, goal.title, Score(_weighted_mean(pairs), bool(unrated)), measures, failed, unrated)


def score_template(template: Template, ratings: Mapping[str, Rating]) -> Result:
    goals = tuple(score_goal(g, ratings) for g in template.goals)
    pairs = [(gr.score.level, g.weight) for gr, g in zip(goals, template.goals) if gr.score.level is not None]
    unrated = tuple(code for g in goals for code in g.unrated)
    failed = tuple(code for g in goals for code in g.failed_checks)
    return Result(Score(_weighted_mean(pairs), bool(unrated)), goals, failed, unrated)


def round_half_up(value: float, places: int = 1) -> Decimal:
    # str() gives the shortest repr, so 3.65 rounds to 3.7 as a person expects,
    # not to 3.6 as the binary float 3.6499… would.
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def display_level(score: Score) -> str:
    if score.level is None:
        return "—"
    text = f"{round_half_up(score.level, 1)}"
    return text + "（暂定）" if score.provisional else text


def display_index(score: Score) -> str:
    return "—" if score.index is None else f"{round_half_up(score.index, 0)}"


def band(score: Score, scale: Scale) -> Level | None:
    """The named level the displayed score reaches, so the name and figure agree."""
    if score.level is None:
        return None
    return scale.band(float(round_half_up(score.level, 1)))


def progress(template: Template, ratings: Mapping[str, Rating]) -> tuple[int, int]:
    """(complete items, all items) — the “已评 18/24” figure."""
    items = list(template.items())
    return sum(item_complete(i, ratings.get(i.code)) for i in items), len(items)
