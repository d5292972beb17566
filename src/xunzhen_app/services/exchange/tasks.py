"""The bureau's assignments (which expert visits which enterprise), sent in task packages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ...core.errors import NotFoundError, UserError
from ...core.validation import check_field_text, check_stage
from ...db.models import Assignment, Enterprise, Expert


@dataclass(frozen=True)
class AssignmentInfo:
    id: str
    enterprise_id: str
    enterprise_name: str
    city: str
    expert_id: str
    expert_name: str
    stage: str
    role: str
    note: str


def _prefix(session, model, ref: str, label: str):
    hits = list(session.scalars(select(model).where(model.id.startswith(ref.strip().lower())).limit(2)))
    if len(hits) != 1:
        raise NotFoundError(f"没有（或不止一个）编号为“{ref}”的{label}")
    return hits[0]


def assign(store, enterprise_ref: str, expert_ref: str, stage: str = "", role: str = "成员", note: str = "") -> AssignmentInfo:
    if stage:
        check_stage(stage)
    check_field_text("assignment.note", note)
    with store.session() as s:
        e = _prefix(s, Enterprise, enterprise_ref, "企业")
        x = _prefix(s, Expert, expert_ref, "专家")
        if s.scalar(select(Assignment.id).where(Assignment.enterprise_id == e.id, Assignment.expert_id == x.id)):
            raise UserError(f"专家“{x.name}”已分配到“{e.name}”")
        a = Assignment(enterprise_id=e.id, expert_id=x.id, stage=stage, role=role, note=note)
        s.add(a)
        s.flush()
        return AssignmentInfo(a.id, e.id, e.name, e.city, x.id, x.name, stage, role, note)


def list_assignments(store, expert_id: str | None = None) -> list[AssignmentInfo]:
    with store.session() as s:
        q = (select(Assignment, Enterprise, Expert).join(Enterprise, Enterprise.id == Assignment.enterprise_id)
             .join(Expert, Expert.id == Assignment.expert_id).order_by(Enterprise.city, Enterprise.name))
        if expert_id:
            q = q.where(Assignment.expert_id == expert_id)
        return [AssignmentInfo(a.id, e.id, e.name, e.city, x.id, x.name, a.stage, a.role, a.note) for a, e, x in s.execute(q)]
