"""Maturity scoring: pure functions over a template and the expert's ratings.

Rule (stated wherever scores are shown, see ``scoring_rule``): an item is rated
1…N on its template's scale, or 不适用, which is left out. A failed veto check
caps its item's level (``VETO_RULE``). A measure scores the mean of its rated
items, a goal the weighted mean of its measures, the whole result the weighted
mean of its goals. Scores are kept exact and rounded half up only for display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .checklist import Goal, Item, Level, Measure, Scale, Template

VETO_RULE = (
    "否决项规则：带否决条件的条目不得标为“不适用”；否决条件未通过时，该条目的等级按否决封顶等级计分"
    "（未另行规定时为 1 级），须在主要问题中记录该条目的问题方可定稿，并在所属培育目标和总体结果上标注“否决”；"
    "复诊不沿用上次的检查结论，须重新检查。"
)


def veto_rule_for(item: Item, scale: Scale) -> str:
    """VETO_RULE for one item, with its own cap, as the workbench states it beside the check."""
    cap = item.veto.cap if item.veto else 1
    return (f"否决项：不得标为“{scale.not_applicable}”；未通过时本条目最高按 {cap} 级（{scale.name(cap)}）计分，"
            "须在主要问题中记录该条目的问题方可定稿，所属培育目标和总体结果标注“否决”；复诊须重新检查。")


def scoring_rule(scale: Scale) -> str:
    """The rule as shown beside every score, in the words of the visit's own scale."""
    n = scale.top
    example_score = 3.6 if n >= 4 else 1.6
    example = scale.band(example_score)
    return (
        f"评分规则：每项按 1–{n} 级评定，“{scale.not_applicable}”项不参与计算；主要举措得分为其已评项的平均值，"
        "培育目标得分为其主要举措的加权平均，总体得分为各培育目标的加权平均；"
        f"指数 =（等级 − 1）÷ {n - 1} × 100；等级名称取显示得分达到的最高等级"
        f"（如 {example_score} 为{example.name}）；"
        "计算保留全部精度，仅在显示时四舍五入（等级一位小数，指数取整）。存在未评项或待合议项时得分为暂定"
        "（待合议项按专家组各成员等级的平均值计）。" + VETO_RULE
    )


@dataclass(frozen=True)
class Rating:
    """What the expert recorded for one item — or, for a team whose ratings differ and await their
    consensus (core.consensus), the mean of their levels, ``provisional`` until the team agrees."""

    level: float | None = None
    not_applicable: bool = False
    check_passed: bool | None = None
    provisional: bool = False

    def __post_init__(self):
        # The range 1…N belongs to the template; ``Scale.values`` is checked by the service.
        if self.level is not None and self.level < 1:
            raise ValueError(f"等级应不小于 1，实际为 {self.level}")
        if self.level is not None and self.not_applicable:
            raise ValueError("一项不能既有等级又为不适用")


@dataclass(frozen=True)
class Score:
    """One exact score with the figures derived from it."""

    level: float | None
    provisional: bool
    top: int  # N of the scale it was scored on

    @property
    def index(self) -> float | None:
        """(level − 1) / (N − 1) × 100."""
        return None if self.level is None else (self.level - 1) / (self.top - 1) * 100


@dataclass(frozen=True)
class MeasureResult:
    code: str
    title: str
    score: Score
    rated: int
    not_applicable: int
    unrated: tuple[str, ...]
    pending: tuple[str, ...] = ()  # 待合议: the team's ratings differ and no consensus is recorded yet


@dataclass(frozen=True)
class GoalResult:
    code: str
    title: str
    score: Score
    measures: tuple[MeasureResult, ...]
    failed_checks: tuple[str, ...]
    unrated: tuple[str, ...]
    pending: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    overall: Score
    goals: tuple[GoalResult, ...]
    failed_checks: tuple[str, ...] = ()
    unrated: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total if pairs else None


def item_complete(item, rating: Rating | None) -> bool:
    """不适用 (where the item allows it), or rated and — where the item has a pass/fail check — checked."""
    if rating is None or (rating.level is None and not rating.not_applicable):
        return False
    if rating.not_applicable:
        return item.may_be_not_applicable
    return item.check is None or rating.check_passed is not None


def vetoed(item: Item, rating: Rating | None) -> bool:
    return item.veto is not None and rating is not None and rating.check_passed is False


def counted_level(item: Item, rating: Rating | None) -> float | None:
    """The level that is scored: the rated one, capped when the item's veto check failed."""
    if rating is None or rating.level is None:
        return None
    veto = item.veto
    return min(rating.level, veto.cap) if veto is not None and rating.check_passed is False else rating.level


def score_measure(measure: Measure, ratings: Mapping[str, Rating], top: int) -> MeasureResult:
    levels: list[float] = []
    na, unrated, pending = 0, [], []
    for item in measure.items:
        rating = ratings.get(item.code)
        counted = counted_level(item, rating)
        if counted is not None:
            levels.append(counted)
        elif rating is not None and rating.not_applicable:
            na += 1
        if not item_complete(item, rating):
            unrated.append(item.code)
        if rating is not None and rating.provisional:
            pending.append(item.code)
    level = sum(levels) / len(levels) if levels else None
    return MeasureResult(measure.code, measure.title, Score(level, bool(unrated or pending), top), len(levels), na,
                         tuple(unrated), tuple(pending))


def score_goal(goal: Goal, ratings: Mapping[str, Rating], top: int) -> GoalResult:
    measures = tuple(score_measure(m, ratings, top) for m in goal.measures)
    pairs = [(mr.score.level, m.weight) for mr, m in zip(measures, goal.measures) if mr.score.level is not None]
    unrated = tuple(code for mr in measures for code in mr.unrated)
    pending = tuple(code for mr in measures for code in mr.pending)
    failed = tuple(item.code for item in goal.items() if vetoed(item, ratings.get(item.code)))
    return GoalResult(goal.code, goal.title, Score(_weighted_mean(pairs), bool(unrated or pending), top), measures,
                      failed, unrated, pending)


def score_template(template: Template, ratings: Mapping[str, Rating]) -> Result:
    top = template.scale.top
    goals = tuple(score_goal(g, ratings, top) for g in template.goals)
    pairs = [(gr.score.level, g.weight) for gr, g in zip(goals, template.goals) if gr.score.level is not None]
    unrated = tuple(code for g in goals for code in g.unrated)
    pending = tuple(code for g in goals for code in g.pending)
    failed = tuple(code for g in goals for code in g.failed_checks)
    return Result(Score(_weighted_mean(pairs), bool(unrated or pending), top), goals, failed, unrated, pending)


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
