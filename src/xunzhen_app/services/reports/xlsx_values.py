"""Cell values: numbers stay numbers (rounded as displayed), missing values stay empty."""

from __future__ import annotations

from ...core.scoring import Score, round_half_up
from ..dto import VisitDetail


def level_value(score: Score) -> float | None:
    return None if score.level is None else float(round_half_up(score.level, 1))


def index_value(score: Score) -> int | None:
    return None if score.index is None else int(round_half_up(score.index, 0))


def rating_cells(d: VisitDetail, item) -> list:
    """[等级 (number or empty), 等级名称 / 不适用 / 未评, 否决项检查]."""
    a = d.assessments.get(item.code)
    r = a.rating if a is not None else None  # a team's: its consensus, or the mean while 待合议
    if r is not None and r.provisional and r.level is not None:
        level, name = float(round_half_up(r.level, 1)), "待合议（暂按平均）"
    elif r is not None and r.level is not None:
        level, name = int(r.level), d.template.scale.name(int(r.level))
    elif r is not None and r.not_applicable:
        level, name = None, d.template.scale.not_applicable
    else:
        level, name = None, "未评"
    check = ""
    if item.check is not None:
        check = {True: "通过", False: "未通过", None: "未检查"}[r.check_passed if r else None]
    return [level, name, check]
