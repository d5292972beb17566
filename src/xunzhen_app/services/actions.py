"""一企一策 actions: their fields and checks, status and progress, carrying them into a follow-up,
and the 核验结果 a follow-up records.

Each public function is one transaction through the same tracked session as every other edit,
so each change lands in the visit's history and a finalized visit refuses it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import resources_access
from ..core.actions import ActionResult, ActionStatus, is_open
from ..core.errors import UserError
from ..core.validation import check_date, check_field_text, check_item_code
from ..db.base import new_id
from ..db.models import Attachment, PlanItem, Visit, VisitHistory
from . import checklists
from .attachment_store import attachment_info, check_attachment, store_attachment
from .dto import PlanRow, ProgressNote
from .id_prefix import resolve_prefix

TEXT_FIELDS = ("measure", "department", "owner", "expected_outcome")
FIELDS = (*TEXT_FIELDS, "category", "due", "item_codes", "goal_codes", "status")
CATEGORY_RESOURCE = "plan_categories.json"


@cache
def _categories() -> dict[str, tuple[str, ...]]:
    data = json.loads(resources_access.read_text(CATEGORY_RESOURCE))
    return {kind: tuple(names) for kind, names in data["categories"].items()}


def categories(cultivation_type: str) -> tuple[str, ...]:
    """附件1's categories of measures for a 培育类型, in their order (empty for an unknown type)."""
    return _categories().get(cultivation_type, ())


def check_status(value) -> str:
    if value not in set(ActionStatus):
        raise UserError(f"举措状态“{str(value)[:20]}”无效，应为：{'、'.join(ActionStatus)}")
    return value


def check_due(value) -> date | None:
    """A 完成时限: a date, an ISO text, or None / "" for none."""
    if value is None or value == "":
        return None
    return check_date(value.strip() if isinstance(value, str) else value, field="完成时限")


def _template_codes(session: Session, visit: Visit) -> tuple[set[str], set[str]]:
    template = checklists.stored_template(session, visit.template_id, visit.template_version)
    goals = {g.code for g in template.goals}
    return {i.code for i in template.items()}, goals


def check_values(session: Session, visit: Visit, values: dict) -> dict:
    """The plan row fields in ``values``, checked against the rules and the visit's template."""
    out: dict[str, object] = {}
    for key, val in values.items():
        if key not in FIELDS:
            raise ValueError(key)
        if key in TEXT_FIELDS:
            out[key] = text = check_field_text(f"plan.{key}", val)
            if key == "measure" and not text.strip():
                raise UserError("帮扶举措的“措施”不能为空")
        elif key == "category":
            allowed = categories(visit.enterprise.cultivation_type)
            if val and val not in allowed:
                raise UserError(f"举措类别“{str(val)[:40]}”不适用于{visit.enterprise.cultivation_type}企业，"
                                f"应为：{'、'.join(allowed) or '（无）'}")
            out[key] = val or ""
        elif key == "due":
            out[key] = check_due(val)
        elif key == "status":
            out[key] = check_status(val)
        else:  # item_codes / goal_codes
            items, goals = _template_codes(session, visit)
            codes = items if key == "item_codes" else goals
            out[key] = list(dict.fromkeys(check_item_code(c, codes) for c in val))
    return out


def to_row(p: PlanItem) -> PlanRow:
    attached = {a.id: a for a in p.visit.attachments if a.plan_item_id == p.id} if p.visit is not None else {}
    return PlanRow(
        id=p.id, measure=p.measure, department=p.department, owner=p.owner, due=p.due,
        expected_outcome=p.expected_outcome, category=p.category, item_codes=tuple(p.item_codes or ()),
        goal_codes=tuple(p.goal_codes or ()), status=p.status,
        progress=tuple(ProgressNote(date.fromisoformat(n["date"]) if n.get("date") else None, n.get("note", ""),
                                    n.get("status", ""),
                                    tuple(attachment_info(attached[i]) for i in n.get("attachments", ()) if i in attached))
                       for n in p.progress or ()),
        carried_from_id=p.carried_from_id, result=p.result, result_note=p.result_note,
    )


def resolve_action(session: Session, ref: str) -> PlanItem:
    """An action by its id or an unambiguous id prefix (as `plan list` shows)."""
    return resolve_prefix(session, PlanItem, ref, id_label="举措编号", noun="帮扶举措")


def list_actions(store, visit_ref: str) -> tuple[PlanRow, ...]:
    from .visits import resolve_visit  # here: visits itself builds on this module's checks

    with store.session() as s:
        return tuple(to_row(p) for p in resolve_visit(s, visit_ref).plan)


_UNSET = object()


def update_action(store, ref: str, *, status: str | None = None, due=_UNSET, owner: str | None = None,
                  note: str | None = None, on: date | None = None, result: str | None = None,
                  result_note: str = "", attachments: Sequence[tuple[str, bytes]] = ()) -> PlanRow:
    """Change an action's status, 完成时限 or 责任人, add a dated progress note and/or record its
    核验结果 — all or nothing.

    A status change, a note or ``attachments`` ((file name, content) pairs: photos, documents) is
    written down as a progress note of the day ``on`` (today)."""
    for name, data in attachments:
        check_attachment(name, data)
    with store.session() as s:
        p = resolve_action(s, ref)
        if result is not None:
            _set_result(p, result, result_note)
        changes: dict = {}
        if status is not None:
            changes["status"] = status
        if due is not _UNSET:
            changes["due"] = due
        if owner is not None:
            changes["owner"] = owner
        values = check_values(s, p.visit, changes)
        if note is not None:
            note = check_field_text("plan.note", note).strip()
        for key, val in values.items():
            setattr(p, key, val)
        if note or attachments or ("status" in values and values["status"] != _last_status(p)):
            entry: dict = {"date": (on or date.today()).isoformat(), "note": note or "", "status": p.status}
            if attachments:
                stored = [store_attachment(s, p.visit, name, data, plan_item_id=p.id) for name, data in attachments]
                s.flush()
                entry["attachments"] = [a.id for a in stored]
            p.progress = [*(p.progress or []), entry]
        s.flush()
        return to_row(p)


def _last_status(p: PlanItem) -> str:
    notes = p.progress or []
    return notes[-1].get("status", "") if notes else ActionStatus.NOT_STARTED.value


def record_result(store, ref: str, result: str, note: str = "") -> PlanRow:
    """The 核验结果 a follow-up records for an action carried into it ("" clears it)."""
    with store.session() as s:
        p = resolve_action(s, ref)
        _set_result(p, result, note)
        s.flush()
        return to_row(p)


def check_result(value: str, *, carried: bool) -> str:
    """A 核验结果 ("" for none), which only an action carried from the visit before can have."""
    if value and value not in set(ActionResult):
        raise UserError(f"核验结果“{value[:20]}”无效，应为：{'、'.join(ActionResult)}")
    if value and not carried:
        raise UserError("只有从上一次巡诊延续下来的举措才有核验结果")
    return value


def _set_result(p: PlanItem, result: str, note: str) -> None:
    note = check_field_text("plan.result_note", note)
    p.result, p.result_note = check_result(result, carried=p.carried_from_id is not None), note


def carry_open_actions(previous: Visit, visit: Visit) -> None:
    """The previous visit's open actions continue in ``visit``: same fields and progress notes, a
    link back to the row they continue, and no 核验结果 yet — the follow-up re-checks them."""
    of_notes = [a for a in previous.attachments if a.plan_item_id is not None]  # loaded before anything is added
    for p in previous.plan:
        if not is_open(p.status):
            continue
        # The notes' photos come along as the new visit's own rows (the same stored content), so the
        # follow-up travels whole in a package; the notes name the copies.
        carried_id = new_id()
        copies = {}
        for a in of_notes:
            if a.plan_item_id == p.id:
                copies[a.id] = Attachment(id=new_id(), sha256=a.sha256, filename=a.filename,
                                          media_type=a.media_type, caption=a.caption, size=a.size,
                                          plan_item_id=carried_id)
                visit.attachments.append(copies[a.id])
        progress = [{**n, "attachments": [copies[i].id for i in n["attachments"] if i in copies]}
                    if n.get("attachments") else dict(n) for n in p.progress or ()]
        visit.plan.append(PlanItem(
            id=carried_id, position=len(visit.plan), category=p.category, measure=p.measure,
            department=p.department, owner=p.owner, due=p.due, expected_outcome=p.expected_outcome,
            item_codes=list(p.item_codes or ()), goal_codes=list(p.goal_codes or ()), status=p.status,
            progress=progress, carried_from_id=p.id))


def action_json(row: PlanRow, today: date) -> dict:
    """An action as `xunzhen plan list --json` prints it."""
    return {
        "id": row.id, "measure": row.measure, "category": row.category, "department": row.department,
        "owner": row.owner, "due": row.due.isoformat() if row.due else None, "expected_outcome": row.expected_outcome,
        "status": row.status, "overdue": row.overdue(today), "item_codes": list(row.item_codes),
        "goal_codes": list(row.goal_codes),
        "progress": [{"date": n.date.isoformat() if n.date else None, "note": n.note, "status": n.status,
                      "attachments": [{"filename": a.filename, "size": a.size, "sha256": a.sha256}
                                      for a in n.attachments]}
                     for n in row.progress],
        "carried_from": row.carried_from_id, "result": row.result or None, "result_note": row.result_note,
    }


# What the history view calls the fields of an action ("*" is the row itself: 新建 / 删除).
FIELD_LABELS = {
    "*": "举措", "measure": "措施", "category": "类别", "department": "责任部门", "owner": "责任人",
    "due": "完成时限", "expected_outcome": "预期成效", "item_codes": "关联条目", "goal_codes": "培育目标",
    "status": "状态", "result": "核验结果", "result_note": "核验说明",
}


@dataclass(frozen=True)
class ActionChange:
    """One field change of an action, in the visit whose row it was made on."""

    at: datetime
    actor: str
    field: str  # its label (FIELD_LABELS)
    old_value: str | None
    new_value: str | None
    visit_stage: str
    visit_date: date
    reason: str = ""


@dataclass(frozen=True)
class ActionHistory:
    action: PlanRow
    changes: tuple[ActionChange, ...]  # oldest first, over every visit the action went through


def action_history(store, ref: str) -> ActionHistory:
    """An action's progress notes (on ``action``) and its field changes from the visits' history, back
    through the rows it was carried from. Progress notes and reordering are left out of the changes:
    the notes are shown as notes, and a row's place in its list is no change to the action."""
    with store.session() as s:
        p = resolve_action(s, ref)
        rows: dict[str, PlanItem] = {}
        row: PlanItem | None = p
        while row is not None and row.id not in rows:
            rows[row.id] = row
            row = s.get(PlanItem, row.carried_from_id) if row.carried_from_id else None
        q = (select(VisitHistory).where(VisitHistory.entity == PlanItem.__tablename__,
                                        VisitHistory.entity_id.in_(list(rows)),
                                        VisitHistory.field.in_(list(FIELD_LABELS)))
             .order_by(VisitHistory.at))
        entries = list(s.scalars(q))
        # A carried row starts as a copy: its creation repeats the fields the visit before set, so only
        # the action's first row shows them; later edits of a carried row are shown like any other.
        first_at: dict[str, datetime] = {}
        for h in entries:
            first_at.setdefault(h.entity_id, h.at)
        changes = tuple(
            ActionChange(h.at, h.actor, FIELD_LABELS[h.field], h.old_value, h.new_value,
                         rows[h.entity_id].visit.stage, rows[h.entity_id].visit.start_date, h.reason)
            for h in entries
            if not (rows[h.entity_id].carried_from_id in rows and h.old_value is None and h.at == first_at[h.entity_id]))
        return ActionHistory(to_row(p), changes)
