"""A visit as plain data for scripts: what `xunzhen visit show --json` prints.

Built in one place, so that a field added for scripts (a previous level, a
review, who rated an item) is added here once and every caller gets it.
"""

from __future__ import annotations

from ..core.checklist import Item
from ..core.consensus import spread
from .dto import AssessmentData, Earlier, VisitDetail

CHECK_LABELS = {True: "通过", False: "未通过"}


def visit_json(detail: VisitDetail, origin: dict | None = None, review: dict | None = None) -> dict:
    """``origin`` is exchange.relay.record_origin's ``{"author", "via"}``; ``review`` the review that
    counts (reviews.ReviewState.to_json), None when there is none."""
    row = detail.row
    return {
        "id": row.id,
        "enterprise": row.enterprise,
        "stage": row.stage,
        "status": row.status,
        "date": row.start_date.isoformat(),
        "outside_window": row.outside_window,  # dated outside its stage's window (services.calendar)
        "template": {"id": detail.template.id, "version": detail.template.version},
        "summary": detail.summary,
        "team": [{"expert": m.name, "role": m.role, "fingerprint": m.fingerprint, "goals": list(m.goals),
                  "items": list(m.items)} for m in detail.team],
        "items": [item_json(item, detail.assessments.get(item.code)) | follow_up_json(detail, item.code)
                  for item in detail.template.items()],
        "author": (origin or {}).get("author"),
        "via": (origin or {}).get("via", []),
        "review": review,
    }


def _level(earlier: Earlier | None, code: str):
    """An earlier visit's level of the item: a number, "不适用", or None (no such visit, or unrated)."""
    r = earlier.ratings.get(code) if earlier else None
    if r is None:
        return None
    return "不适用" if r.not_applicable else r.level


def follow_up_json(detail: VisitDetail, code: str) -> dict:
    """What a follow-up knows of an item from before: the last and the 前期 level, and whether the
    last one still awaits the expert's confirmation (待复核)."""
    return {"previous_level": _level(detail.previous, code), "baseline_level": _level(detail.baseline, code),
            "pending": detail.pending(code)}


def _check_label(passed: bool | None) -> str | None:
    return None if passed is None else CHECK_LABELS[passed]


def _at(value) -> str | None:
    return value.isoformat() if value is not None else None


def team_json(a: AssessmentData) -> dict:
    """Every expert's independent rating of the item and the team's consensus (core.consensus).
    ``level`` is what the item counts with: the one level, the agreed one or the consensus — null while
    it awaits consensus, when ``provisional_level`` holds the mean it scores with meanwhile."""
    rating = a.rating
    ratings = a.all_ratings
    return {
        "level": None if rating.provisional or rating.level is None else int(rating.level),
        "provisional_level": rating.level if rating.provisional else None,
        "ratings": [{"expert": r.expert, "level": r.value, "at": _at(r.at)} for r in ratings],
        "rated_by": [r.expert for r in ratings],
        "spread": spread(ratings),
        "consensus_needed": a.consensus_needed,
        "consensus": None if a.consensus is None else {"level": a.consensus.level, "note": a.consensus.note,
                                                       "at": _at(a.consensus.at)},
    }


def item_json(item: Item, assessment: AssessmentData | None) -> dict:
    a = assessment or AssessmentData(item.code)
    return {
        "code": item.code,
        "text": item.text,
        "not_applicable": a.rating.not_applicable,
        "check": _check_label(a.rating.check_passed) if item.check is not None else None,
        "evidence": a.evidence,
        "problem": a.problem,
        "suggestion": a.suggestion,
        "strength": a.strength,  # 亮点
    } | team_json(a)
