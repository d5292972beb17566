"""Who on an expert team may rate what, and each item's ratings as the team holds them (issue 16).

The 组长 is the visit's author (its installation created the visit). Members are team rows with a key
fingerprint and an assignment: whole goals (``goal_codes``) and single items (``item_codes``). On a
member's laptop the visit is someone else's: the member rates and annotates only what is assigned,
into a row of its own (``MemberRating``), and everything else is read-only. The 组长's own rating
stays the visit's ``Assessment``, with the team's consensus (合议) beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.checklist import Template
from ..core.consensus import Consensus, IndependentRating
from ..core.domain import VisitStatus
from ..core.errors import NotFoundError, UserError
from ..core.scoring import Rating
from ..db.models import Assessment, MemberRating, RecordAuthor, Visit, VisitExpert
from .dto import AssessmentData, notes_of

LEAD = "组长"
_FINGERPRINTS: dict[Path, str] = {}


def own_fingerprint(store) -> str:
    """This installation's key fingerprint (read once per data folder: it never changes)."""
    data_dir = store.paths.data_dir
    if data_dir not in _FINGERPRINTS:
        from .exchange.signing import load_or_create_keys

        _FINGERPRINTS[data_dir] = load_or_create_keys(store.paths).fingerprint
    return _FINGERPRINTS[data_dir]


def assigned_items(template: Template, member: VisitExpert) -> set[str]:
    goals = set(member.goal_codes or ())
    out = {i.code for g in template.goals if g.code in goals for i in g.items()}
    return out | (set(member.item_codes or ()) & {i.code for i in template.items()})


def describe_assignment(goals, items) -> str:
    parts = [f"目标 {'、'.join(goals)}"] if goals else []
    parts += [f"条目 {'、'.join(items)}"] if items else []
    return "；".join(parts) or "（未分配）"


def visit_author(session: Session, visit_id: str) -> str | None:
    """The fingerprint of the installation that created the visit; None: this one."""
    found = session.get(RecordAuthor, ("visit", visit_id))
    return found.author if found is not None else None


@dataclass(frozen=True)
class MemberContext:
    """This installation is a member of someone else's team visit."""

    fingerprint: str
    expert_id: str
    name: str
    goals: tuple[str, ...]
    items: tuple[str, ...]
    assigned: frozenset[str]  # item codes, the goals' included


def member_context(session: Session, store, visit: Visit, template: Template) -> MemberContext | None:
    """None for the 组长's own visit, and for someone else's visit this installation is not a member of
    (a change there stays a proposal to its author, as for any record of someone else's)."""
    if visit_author(session, visit.id) is None or not any(m.fingerprint for m in visit.team):
        return None
    me = own_fingerprint(store)
    row = next((m for m in visit.team if m.fingerprint == me), None)
    if row is None:
        return None
    return MemberContext(me, row.expert_id, row.expert.name, tuple(row.goal_codes or ()), tuple(row.item_codes or ()),
                         frozenset(assigned_items(template, row)))


def lead_name(visit: Visit) -> str:
    lead = next((m for m in visit.team if m.role == LEAD), visit.team[0] if visit.team else None)
    return lead.expert.name if lead is not None else LEAD


def own_rating_row(session: Session, store, visit: Visit, template: Template, code: str) -> MemberRating | None:
    """Where this installation's rating of ``code`` goes: None for the 组长 (the visit's Assessment); a
    member's own row for an assigned item; a refusal for anything else a member tries."""
    member = member_context(session, store, visit, template)
    if member is None:
        return None
    try:
        template.item(code)
    except KeyError:
        raise NotFoundError(f"检查表 {template.id} {template.version} 中没有条目 {code}") from None
    if visit.status == VisitStatus.FINALIZED:
        raise UserError("组长已定稿该巡诊，专家组成员不能再修改评定")
    if code not in member.assigned:
        raise UserError(f"条目 {code} 未分配给您（您负责：{describe_assignment(member.goals, member.items)}），"
                        f"只能查看；其余条目由组长“{lead_name(visit)}”安排")
    found = session.scalar(select(MemberRating).where(MemberRating.visit_id == visit.id,
                                                      MemberRating.item_code == code,
                                                      MemberRating.rater == member.fingerprint))
    if found is None:
        found = MemberRating(visit=visit, item_code=code, expert_id=member.expert_id, rater=member.fingerprint,
                             evidence="", problem="", suggestion="", strength="", not_applicable=False)
        session.add(found)
    return found


def refuse_member_edit(session: Session, store, visit: Visit) -> None:
    """A member rates and annotates the assigned items only; the visit's own fields are the 组长's."""
    if visit_author(session, visit.id) is None:
        return
    me = own_fingerprint(store)
    if any(m.fingerprint == me for m in visit.team):
        raise UserError(f"这是组长“{lead_name(visit)}”的巡诊：专家组成员只能评定分配给自己的条目，其余内容只读")


def _independent(name: str, expert_id: str, row) -> IndependentRating:
    return IndependentRating(name, row.level, row.not_applicable, row.updated_at,
                             notes_of(row.evidence, row.problem, row.suggestion, row.strength), expert_id,
                             row.check_passed)


def _data(code: str, row, name: str, expert_id: str, others, consensus) -> AssessmentData:
    if row is None:
        return AssessmentData(code, others=tuple(others), consensus=consensus, rater=name, rater_id=expert_id)
    return AssessmentData(code, row.level, row.not_applicable, row.check_passed, row.evidence, row.problem,
                          row.suggestion, row.strength, tuple(others), consensus, name, expert_id, row.updated_at)


def scored_ratings(visit: Visit) -> dict[str, Rating]:
    """What each item scores with (core.consensus for a team's ratings), for overviews over many visits:
    a visit without member ratings or consensus needs nothing but its Assessments."""
    if not visit.member_ratings and all(a.consensus_level is None for a in visit.assessments):
        return {a.item_code: Rating(a.level, a.not_applicable, a.check_passed) for a in visit.assessments}
    return {code: a.rating for code, a in assessments_of(visit).items()}


def assessments_of(visit: Visit, member: MemberContext | None = None) -> dict[str, AssessmentData]:
    """Each item's data as this installation shows it: its own expert's rating and notes (the 组长's,
    or on a member's laptop the member's for assigned items), the team's other ratings beside it, and
    the consensus. Without team ratings it is exactly the visit's Assessment, as before teams."""
    lead = next((m for m in visit.team if m.role == LEAD), visit.team[0] if visit.team else None)
    lead_id, lead_label = (lead.expert_id, lead.expert.name) if lead is not None else ("", LEAD)
    assessments = {a.item_code: a for a in visit.assessments}
    by_code: dict[str, list[MemberRating]] = {}
    for m in visit.member_ratings:
        by_code.setdefault(m.item_code, []).append(m)
    out = {}
    for code in sorted(set(assessments) | set(by_code)):
        a: Assessment | None = assessments.get(code)
        consensus = (Consensus(a.consensus_level, a.consensus_note, a.consensus_at)
                     if a is not None and a.consensus_level is not None else None)
        members = sorted(by_code.get(code, ()), key=lambda m: (m.expert.name, m.rater))
        if member is not None and code in member.assigned:
            mine = next((m for m in members if m.rater == member.fingerprint), None)
            others = [_independent(lead_label, lead_id, a)] if a is not None else []
            others += [_independent(m.expert.name, m.expert_id, m) for m in members if m is not mine]
            out[code] = _data(code, mine, member.name, member.expert_id, others, consensus)
        else:
            others = [_independent(m.expert.name, m.expert_id, m) for m in members]
            if a is None and not others:
                continue
            out[code] = _data(code, a, lead_label, lead_id, others, consensus)
    return out
