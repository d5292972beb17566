"""Follow-ups re-check: the last visit's level of an item is a suggestion (待复核), not a rating.

The suggestion stands until the expert confirms it (Enter, or the same digit) or rates the item
otherwise; until then the item counts as unrated (已评 counts confirmed items only) and scores
nothing. Pass/fail checks are never suggested: a follow-up checks them afresh.
"""

from __future__ import annotations

from .scoring import Rating


def suggested_rating(current: Rating | None, last: Rating | None) -> Rating | None:
    """The level (or 不适用) to suggest for an item rated ``current`` now and ``last`` the visit before."""
    if current is not None and (current.level is not None or current.not_applicable):
        return None
    if last is None or (last.level is None and not last.not_applicable):
        return None
    return Rating(level=last.level, not_applicable=last.not_applicable)
