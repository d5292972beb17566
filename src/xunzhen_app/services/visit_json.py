"""A visit as plain data for scripts: what `xunzhen visit show --json` prints.

Built in one place, so that a field added for scripts (a previous level, a
review, who rated an item) is added here once and every caller gets it.
"""

from __future__ import annotations

from ..core.checklist import Item
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


def item_json(item: Item, assessment: AssessmentData | None) -> dict:
    a = assessment or AssessmentData(item.code)
    return {
        "code": item.code,
        "text": item.text,
        "level": a.level,
        "not_applicable": a.not_applicable,
        "check": CHECK_LABELS.get(a.check_passed) if item.check is not None and a.check_passed is not None else None,
        "evidence": a.evidence,
        "problem": a.problem,
        "suggestion": a.suggestion,
        "strength": a.strength,  # 亮点
    }
