"""Independent ratings of one item by an expert team, and the consensus (合议) that settles them.

The rule, in one place (services, the GUI and the reports all ask this module):

- every expert's rating of an item is kept, with who gave it and when;
- while they differ (different levels, or a level beside 不适用) and no consensus is recorded, the
  item is 待合议: it scores with the mean of the levels given, and every score it enters is
  provisional (暂定) — like an unrated item;
- the 组长 records the consensus level with a note; from then on the item scores with it;
- ratings that agree need no consensus: the item scores with the level they share.

Veto checks: one expert's 未通过 counts over another's 通过 — a failed check is never lost by being
outvoted; it is written up as a 问题 before 定稿 as always.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import fmean

from .scoring import Rating

CONSENSUS_RULE = (
    "合议规则：专家组各成员独立评定，所有评定均保留；评定不一致的条目为“待合议”，合议前按各成员等级的平均值暂定计分，"
    "组长记录合议等级及说明后按合议等级计分。"
)


@dataclass(frozen=True)
class IndependentRating:
    """One expert's own rating of an item."""

    expert: str  # the expert's name, as this installation's registry knows them
    level: int | None
    not_applicable: bool = False
    at: datetime | None = None
    note: str = ""  # the expert's notes on the item (核查记录, 问题…), for side-by-side reading
    expert_id: str = ""
    check_passed: bool | None = None

    @property
    def given(self) -> bool:
        return self.level is not None or self.not_applicable

    @property
    def value(self) -> int | str | None:
        return "不适用" if self.not_applicable else self.level


@dataclass(frozen=True)
class Consensus:
    level: int
    note: str = ""
    at: datetime | None = None


def given(ratings: Sequence[IndependentRating]) -> list[IndependentRating]:
    return [r for r in ratings if r.given]


def differ(ratings: Sequence[IndependentRating]) -> bool:
    return len({r.value for r in given(ratings)}) > 1


def spread(ratings: Sequence[IndependentRating]) -> int:
    """Highest minus lowest level given (0 with fewer than two levels)."""
    levels = [r.level for r in ratings if r.level is not None]
    return max(levels) - min(levels) if len(levels) > 1 else 0


def consensus_needed(ratings: Sequence[IndependentRating], consensus: Consensus | None) -> bool:
    return consensus is None and differ(ratings)


def _check(ratings: Sequence[IndependentRating]) -> bool | None:
    checks = {r.check_passed for r in ratings if r.check_passed is not None}
    return False if False in checks else (True if checks else None)


def effective_rating(ratings: Sequence[IndependentRating], consensus: Consensus | None) -> Rating:
    """What the item scores with under the rule above."""
    check = _check(ratings)
    if consensus is not None:
        return Rating(consensus.level, False, check)
    rated = given(ratings)
    if not rated:
        return Rating(None, False, check)
    if not differ(rated):
        return Rating(rated[0].level, rated[0].not_applicable, check)
    return Rating(fmean(r.level for r in rated if r.level is not None), False, check, provisional=True)
