"""The review loop: a bureau marks an expert's finalized visit 已审核, or sends it back (退回) with a note.

A review is the bureau's own record (``visit_review``), authored by the installation that reviewed and
referring to the visit — never an edit of the expert's visit — so it travels with the bureau's next
package to the expert like any other record it owns. The expert sees 退回 and the note, reopens,
amends and sends the visit again; the review stays as it was until the bureau reviews again, and
``amended`` says the visit changed since it was reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.domain import VisitStatus
from ..core.errors import UserError
from ..core.validation import check_field_text
from ..db.base import utcnow
from ..db.chunks import in_chunks
from ..db.models import RecordAuthor, Visit, VisitReview
from .visits import resolve_visit

APPROVED = "已审核"
RETURNED = "退回"
STATUSES = (APPROVED, RETURNED)
ENTITY = VisitReview.__tablename__


@dataclass(frozen=True)
class ReviewState:
    """The review that counts for a visit: the latest by a reviewer other than the visit's author."""

    visit_id: str
    status: str
    note: str
    by: str  # the reviewer's name: this installation's, or the one its key is registered under here
    at: datetime
    amended: bool  # the visit changed (reopened, amended) after this review

    @property
    def returned(self) -> bool:
        return self.status == RETURNED

    def to_json(self) -> dict:
        return {"status": self.status, "note": self.note, "by": self.by, "at": self.at.isoformat()}


AMENDED = "退回后已修改"


def review_mark(state: ReviewState | None) -> str:
    """A visit's review in one word, for lists: "" (none), 已审核, 退回, or 退回后已修改."""
    if state is None:
        return ""
    return AMENDED if state.returned and state.amended else state.status


def check_review(status, note) -> tuple[str, str]:
    """The rules for a review, shared by the CLI, the desk and a package's values."""
    if status not in STATUSES:
        raise UserError(f"审核状态“{status}”无效：应为 {' 或 '.join(STATUSES)}")
    note = check_field_text("review.note", note)
    if status == RETURNED and not note.strip():
        raise UserError("退回时请在审核意见中写明需要修改什么")
    return status, note


def review_visit(store, visit_ref: str, status: str, note: str, reviewer: str) -> ReviewState:
    """Record this installation's review of a finalized visit (again: its earlier review is updated,
    a new revision of the same record, so the change travels)."""
    status, note = check_review(status, note.strip())
    with store.session() as s:
        visit = resolve_visit(s, visit_ref)
        if visit.status != VisitStatus.FINALIZED:
            raise UserError(f"巡诊 {visit.id[:8]} 尚未定稿：只能审核已定稿的巡诊")
        mine = own_review(s, visit.id)
        if mine is None:
            mine = VisitReview(visit_id=visit.id)
            s.add(mine)
        mine.status, mine.note, mine.reviewer = status, note, reviewer[:60]
        mine.reviewed_at, mine.visit_revision = utcnow(), visit.revision
        s.flush()
        return review_states(s, [visit.id])[visit.id]


def own_review(session: Session, visit_id: str) -> VisitReview | None:
    """This installation's review of the visit: the one no other installation authored."""
    for review in session.scalars(select(VisitReview).where(VisitReview.visit_id == visit_id)):
        if session.get(RecordAuthor, (ENTITY, review.id)) is None:
            return review
    return None


def own_reviews_of_visits_by(session: Session, installations) -> list[VisitReview]:
    """This installation's reviews of the visits these installations authored: what a task package to
    them carries, so a 退回 reaches the expert with the next tasks too."""
    installations = list(set(installations))
    if not installations:
        return []
    visit_ids = list(session.scalars(select(RecordAuthor.record_id).where(
        RecordAuthor.entity == "visit", RecordAuthor.author.in_(installations))))
    out = []
    for chunk in in_chunks(visit_ids):
        for r in session.scalars(select(VisitReview).where(VisitReview.visit_id.in_(chunk))
                                 .order_by(VisitReview.id)):
            if session.get(RecordAuthor, (ENTITY, r.id)) is None:
                out.append(r)
    return out


def review_states(session: Session, visit_ids) -> dict[str, ReviewState]:
    """The review that counts for each of these visits (visits without one are left out). A review sent
    by the visit's own author does not count: nobody reviews their own work."""
    from .exchange.relay import author_name

    ids = list(dict.fromkeys(visit_ids))
    out: dict[str, ReviewState] = {}
    for chunk in in_chunks(ids):
        reviews = list(session.scalars(select(VisitReview).where(VisitReview.visit_id.in_(chunk))
                                       .order_by(VisitReview.reviewed_at, VisitReview.id)))
        if not reviews:
            continue
        revision = {vid: rev for vid, rev in session.execute(select(Visit.id, Visit.revision).where(Visit.id.in_(chunk)))}
        keys = [r.id for r in reviews] + chunk
        authors = {(a.entity, a.record_id): a.author for a in session.scalars(select(RecordAuthor).where(
            RecordAuthor.entity.in_((ENTITY, "visit")), RecordAuthor.record_id.in_(keys)))}
        for r in reviews:  # oldest first: the latest that counts wins
            author = authors.get((ENTITY, r.id))
            if author is not None and author == authors.get(("visit", r.visit_id)):
                continue
            by = r.reviewer if author is None else author_name(session, author)
            out[r.visit_id] = ReviewState(r.visit_id, r.status, r.note, by, r.reviewed_at,
                                          revision.get(r.visit_id, 0) > r.visit_revision)
    return out


def review_of(store, visit_id: str) -> ReviewState | None:
    with store.session() as s:
        return review_states(s, [visit_id]).get(visit_id)
