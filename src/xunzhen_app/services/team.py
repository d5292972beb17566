"""Expert teams (issue 16): the 组长 adds members from the key-card registry and splits the checklist
among them; where the team's independent ratings differ, the 组长 records the consensus (合议).

Who may rate what and how ratings are read lives in team_assignments; the rule that turns ratings into
the level an item scores with lives in core.consensus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..core.checklist import Template
from ..core.domain import VisitStatus
from ..core.errors import NotFoundError, UserError
from ..core.validation import check_field_text, check_item_code
from ..db.base import utcnow
from ..db.models import Assessment, Expert, KeyCard, RecordAuthor, VisitExpert
from . import checklists
from .dto import AssessmentData, VisitDetail
from .exchange import signing
from .team_assignments import LEAD, describe_assignment, visit_author
from .visits import check_rating, resolve_visit

MAX_TEAM = 5  # 专家团队 of two to five (issue 16)


@dataclass(frozen=True)
class TeamRow:
    expert_id: str
    name: str
    organisation: str
    role: str
    fingerprint: str
    goals: tuple[str, ...]
    items: tuple[str, ...]

    @property
    def assignment(self) -> str:
        return "全部条目（组长）" if self.role == LEAD else describe_assignment(self.goals, self.items)


def _codes(template: Template, goals, items) -> tuple[list[str], list[str]]:
    goal_codes = [check_item_code(g.strip(), {g.code for g in template.goals}) for g in goals if g.strip()]
    item_codes = [check_item_code(i.strip(), {i.code for i in template.items()}) for i in items if i.strip()]
    return sorted(set(goal_codes), key=goal_codes.index), sorted(set(item_codes), key=item_codes.index)


def _card_of(session, ref: str) -> KeyCard:
    """A key-card file (registered on the way, as `keys import` does) or a registered fingerprint."""
    path = Path(ref)
    if path.suffix.lower() == ".json" or path.is_file():
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise UserError(f"无法读取密钥卡“{path}”：{exc.strerror or exc}") from None
        card = signing.parse_card(str(path), raw)
        signing.register_card(session, card)
        session.flush()
        found = session.get(KeyCard, card.fingerprint)
        assert found is not None
        return found
    return signing.find_card(session, ref)


def _expert_for(session, card: KeyCard) -> Expert:
    """The expert row of the card's holder: their own profile if they sent it, else the one a team row
    of ours already links to the card, else a new one from the card."""
    sent = session.scalar(select(Expert).join(RecordAuthor, (RecordAuthor.record_id == Expert.id)
                                              & (RecordAuthor.entity == "expert"))
                          .where(RecordAuthor.author == card.fingerprint).limit(1))
    if sent is not None:
        return sent
    linked = session.scalar(select(Expert).join(VisitExpert, VisitExpert.expert_id == Expert.id)
                            .where(VisitExpert.fingerprint == card.fingerprint).limit(1))
    if linked is not None:
        return linked
    e = Expert(name=card.name, organisation=card.organisation)
    session.add(e)
    session.flush()
    return e


def _lead_only(session, visit) -> None:
    if visit_author(session, visit.id) is not None:
        raise UserError("只有巡诊的组长（在其本机上）可以调整专家组和分工")
    if visit.status == VisitStatus.FINALIZED:
        raise UserError("该巡诊已定稿，不能调整专家组；如需调整请先“重新打开”并说明原因")


def set_member(store, visit_ref: str, card_ref: str, *, goals=(), items=()) -> TeamRow:
    """Add a member from the key-card registry (or change their assignment): ``goals`` and ``items``
    replace what they were assigned. The assignment travels with the visit in ordinary packages."""
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        _lead_only(s, v)
        template = checklists.stored_template(s, v.template_id, v.template_version)
        goal_codes, item_codes = _codes(template, goals, items)
        card = _card_of(s, card_ref)
        if card.revoked_at is not None:
            raise UserError(f"“{card.name}”的密钥卡已被吊销，不能加入专家组")
        from .team_assignments import own_fingerprint

        if card.fingerprint == own_fingerprint(store):
            raise UserError("这是本机自己的密钥卡：组长本人无需加入为成员")
        row = next((m for m in v.team if m.fingerprint == card.fingerprint), None)
        if row is None:
            expert = _expert_for(s, card)
            row = next((m for m in v.team if m.expert_id == expert.id), None)
            if row is None:
                if len(v.team) >= MAX_TEAM:
                    raise UserError(f"专家组最多 {MAX_TEAM} 人")
                row = VisitExpert(expert_id=expert.id, role="成员", position=len(v.team))
                v.team.append(row)
            row.fingerprint = card.fingerprint
        row.goal_codes, row.item_codes = goal_codes, item_codes
        s.flush()
        return _team_row(row)


def remove_member(store, visit_ref: str, card_ref: str) -> TeamRow:
    """Take a member off the team; the ratings they gave stay, each under their name."""
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        _lead_only(s, v)
        fp = card_ref.replace(" ", "").lower()
        if Path(card_ref).is_file():
            fp = signing.parse_card(card_ref, Path(card_ref).read_bytes()).fingerprint
        row = next((m for m in v.team if m.fingerprint and (m.fingerprint == fp
                                                          or (len(fp) >= 8 and m.fingerprint.startswith(fp)))), None)
        if row is None:
            raise NotFoundError(f"专家组中没有指纹为“{card_ref}”的成员")
        out = _team_row(row)
        v.team.remove(row)
        for pos, m in enumerate(v.team):
            if m.position != pos:
                m.position = pos
        return out


def _team_row(m: VisitExpert) -> TeamRow:
    return TeamRow(m.expert_id, m.expert.name if m.expert else "", m.expert.organisation if m.expert else "",
                   m.role, m.fingerprint, tuple(m.goal_codes or ()), tuple(m.item_codes or ()))


def team_of(store, visit_ref: str) -> list[TeamRow]:
    with store.session() as s:
        return [_team_row(m) for m in resolve_visit(s, visit_ref).team]


def record_consensus(store, visit_ref: str, code: str, level: int, note: str = "") -> None:
    """The 组长 records the level the team agreed on for an item, with a note; the item scores with it."""
    check_field_text("assessment.consensus_note", note)
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        if visit_author(s, v.id) is not None:
            raise UserError("合议等级由组长在其本机上记录")
        template = checklists.stored_template(s, v.template_id, v.template_version)
        try:
            template.item(code)
        except KeyError:
            raise NotFoundError(f"检查表 {template.id} {template.version} 中没有条目 {code}") from None
        check_rating(template, code, level=level)
        a = s.scalar(select(Assessment).where(Assessment.visit_id == v.id, Assessment.item_code == code))
        if a is None:
            a = Assessment(visit=v, item_code=code)
            s.add(a)
        a.consensus_level, a.consensus_note, a.consensus_at = level, note.strip(), utcnow()


def pending_items(detail: VisitDetail) -> list[AssessmentData]:
    """待合议: items whose independent ratings differ and have no consensus yet, in checklist order."""
    return [a for item in detail.template.items() if (a := detail.assessments.get(item.code)) and a.consensus_needed]


def consensus_items(detail: VisitDetail) -> list[AssessmentData]:
    """Items rated by more than one expert, or with a consensus: what the report's 合议记录 lists."""
    return [a for item in detail.template.items() if (a := detail.assessments.get(item.code))
            and (len(a.all_ratings) > 1 or a.consensus is not None)]


def is_team_visit(detail: VisitDetail) -> bool:
    """The 组长 added members from the key registry (a visit with a team split among laptops)."""
    return any(m.fingerprint for m in detail.team)
