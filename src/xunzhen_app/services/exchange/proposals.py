"""Proposals: changes another installation sent for records this one owns (see ownership).

An import never applies them. The owner lists them field by field and accepts
(the change is made here as the owner's own edit: new revision, the visit's
history, the finalized-visit rule — so it then travels to everyone as the
owner's version) or rejects them (kept, marked, with an optional note).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ...core.errors import NotFoundError, UserError
from ...db.base import utcnow
from ...db.models import Proposal
from ...db.tracking import NOT_CONTENT
from .conflicts import FieldDiff, check_unique
from .records import MODEL_OF, SECTION_OF, label, parse_section, to_dict
from .signing import registered_name

CHANGE, NEW, DELETE = "change", "new", "delete"
ACCEPTED, REJECTED = "accepted", "rejected"
_KIND_TEXT = {CHANGE: "修改", NEW: "新增", DELETE: "删除"}


@dataclass(frozen=True)
class ProposalInfo:
    id: str
    entity: str
    record_id: str
    kind: str
    label: str
    proposer: str
    proposer_name: str  # from this installation's key registry
    created_at: datetime
    decided_at: datetime | None
    decision: str | None
    fields: tuple[FieldDiff, ...]

    @property
    def kind_text(self) -> str:
        return _KIND_TEXT.get(self.kind, self.kind)


def _info(session, p: Proposal) -> ProposalInfo:
    local = session.get(MODEL_OF[p.entity], p.record_id)
    mine = to_dict(local) if local is not None else {}
    diffs: tuple[FieldDiff, ...]
    if p.kind == DELETE:
        diffs = (FieldDiff("*", "存在", "删除"),)
    else:
        diffs = tuple(FieldDiff(k, mine.get(k), v) for k, v in p.data.items()
                      if k not in NOT_CONTENT and mine.get(k) != v)
    return ProposalInfo(p.id, p.entity, p.record_id, p.kind, label(p.entity, mine or p.data), p.proposer,
                        registered_name(session, p.proposer), p.created_at, p.decided_at, p.decision, diffs)


def list_proposals(store, include_decided: bool = False) -> list[ProposalInfo]:
    with store.session() as s:
        q = select(Proposal).order_by(Proposal.created_at, Proposal.id)
        if not include_decided:
            q = q.where(Proposal.decided_at.is_(None))
        return [_info(s, p) for p in s.scalars(q)]


def _open(session, ref: str) -> Proposal:
    hits = list(session.scalars(select(Proposal).where(Proposal.id.startswith(ref.strip().lower())).limit(2)))
    if len(hits) != 1:
        raise NotFoundError(f"没有（或不止一个）编号为“{ref}”的修改建议")
    p = hits[0]
    if p.decided_at is not None:
        raise UserError(f"修改建议 {p.id[:8]} 已于 {p.decided_at:%Y-%m-%d %H:%M} 处理（{'采纳' if p.decision == ACCEPTED else '拒绝'}）")
    return p


def accept_proposal(store, ref: str) -> ProposalInfo:
    """Make the proposed change here, as this installation's own edit."""
    with store.session() as s:
        p = _open(s, ref)
        model = MODEL_OF[p.entity]
        local = s.get(model, p.record_id)
        s.info["actor"] = f"采纳 {registered_name(s, p.proposer)} 的建议"[:60]
        if p.kind == DELETE:
            if local is None:
                raise NotFoundError(f"修改建议 {p.id[:8]} 要删除的记录已不存在")
            s.delete(local)  # the flush hook keeps the tombstone and the visit's history
        else:
            typed = parse_section("修改建议", SECTION_OF[p.entity], [p.data])[0]
            if p.kind == NEW:
                if local is not None:
                    raise UserError(f"修改建议 {p.id[:8]} 要新增的记录已经存在")
                typed["revision"] = 1
                s.add(model(**typed))
            else:
                if local is None:
                    raise NotFoundError(f"修改建议 {p.id[:8]} 对应的记录已不存在")
                check_unique(s, p.entity, local, typed)
                for k, v in typed.items():
                    if k not in NOT_CONTENT:
                        setattr(local, k, v)
        s.flush()  # a finalized visit refuses here (FinalizedError), before the proposal is marked
        p.decided_at, p.decision = utcnow(), ACCEPTED
        s.flush()
        return _info(s, p)


def reject_proposal(store, ref: str, note: str = "") -> ProposalInfo:
    with store.session() as s:
        p = _open(s, ref)
        p.decided_at, p.decision, p.decision_note = utcnow(), REJECTED, note.strip()
        s.flush()
        return _info(s, p)
