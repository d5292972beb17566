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
    if a is not None and a.level is not None:
        level, name = a.level, d.template.scale.name(a.level)
    elif a is not None and a.not_applicable:
        level, name = None, d.template.scale.not_applicable
    else:
        level, name = None, "未评"
    check = ""
    if item.check is not None:
        check = {True: "通过", False: "未通过", None: "未检查"}[a.check_passed if a else None]
    return [level, name, check]
