"""One flush hook for what every write must do, whichever service made it:
bump revision and updated_at, refuse edits to a finalized visit, and append
the visit's history (who, when, field, old → new, reason), and leave a
tombstone for a deleted visit part so the deletion can travel in packages.

Services set ``session.info["actor"]`` (the expert's name); an import from a
package sets ``session.info["sync"]`` so incoming revisions are kept as sent
(the merge then writes the tombstones it agreed on itself).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from ..core.domain import VisitStatus
from ..core.errors import FinalizedError
from .base import Tracked, new_id, utcnow
from .models import (
    Assessment,
    Attachment,
    MemberRating,
    PlanItem,
    Tombstone,
    Visit,
    VisitExpert,
    VisitHistory,
    VisitProblem,
)

_VISIT_PARTS = (Assessment, Attachment, MemberRating, PlanItem, VisitExpert, VisitProblem)
_BOOKKEEPING = {"id", "created_at", "updated_at", "revision", "visit_id"}

# A row as it travels in a package, and its content digest. They live here rather than with the
# exchange code because a tombstone written by this hook must carry the same digest a merge computes.
# Which expert uses an installation; when a template was installed; a bureau's 入选 of a 典型案例.
LOCAL_ONLY = {"is_self", "installed_at", "selected", "selected_at"}
NOT_CONTENT = {"id", "created_at", "updated_at", "revision"} | LOCAL_ONLY


def json_value(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_dict(obj) -> dict:
    return {c.key: json_value(getattr(obj, c.key)) for c in inspect(type(obj)).columns if c.key not in LOCAL_ONLY}


def content_digest(row: dict) -> str:
    """Content only: two sides agree when this matches, whatever their revisions."""
    content = {k: v for k, v in row.items() if k not in NOT_CONTENT}
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def tombstone_for(obj, now: datetime, revision: int | None = None) -> Tombstone:
    row = row_dict(obj)
    return Tombstone(entity=type(obj).__tablename__, record_id=obj.id, visit_id=obj.visit_id,
                     revision=revision or (obj.revision or 1) + 1, digest=content_digest(row), deleted_at=now,
                     data=row)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _changes(obj) -> list[tuple[str, object, object]]:
    state = inspect(obj)
    out = []
    for attr in state.mapper.column_attrs:
        if attr.key in _BOOKKEEPING:
            continue
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if _text(old) != _text(new):
            out.append((attr.key, old, new))
    return out


def _owning_visit(session: Session, obj) -> Visit | None:
    if isinstance(obj, Visit):
        return obj
    if obj.visit is not None:
        return obj.visit
    return session.get(Visit, obj.visit_id)


def _status_was(visit: Visit) -> str:
    hist = inspect(visit).attrs.status.history
    return hist.deleted[0] if hist.deleted else visit.status


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context, instances) -> None:
    sync = session.info.get("sync", False)
    actor = session.info.get("actor", "")
    now = utcnow()
    history: list[VisitHistory] = []

    for obj in list(session.dirty):
        if isinstance(obj, Tracked) and session.is_modified(obj, include_collections=False):
            changes = _changes(obj)
            # A local flag (a bureau's 入选) is no new version of the record: its author's signature stays valid.
            if not sync and any(key not in LOCAL_ONLY for key, _, _ in changes):
                obj.revision = (obj.revision or 1) + 1
                obj.updated_at = now
            if isinstance(obj, (Visit, *_VISIT_PARTS)):
                history += _record(session, obj, changes, actor, sync, now)

    # A part added with its id already set is a removed one put back (undo): its tombstone goes.
    restored = {obj.id: type(obj).__tablename__ for obj in session.new if isinstance(obj, _VISIT_PARTS) and obj.id}
    if restored:
        for t in session.scalars(select(Tombstone).where(Tombstone.record_id.in_(list(restored)))):
            if restored[t.record_id] == t.entity:
                session.delete(t)

    for obj in list(session.new):
        if isinstance(obj, Tracked) and obj.id is None:
            obj.id = new_id()  # history rows below refer to it before the insert
    for obj in list(session.new):
        if isinstance(obj, Visit):
            history += _record(session, obj, [("*", None, "新建")], actor, sync, now)
        elif isinstance(obj, _VISIT_PARTS):
            changes = [(k, None, v) for k, _, v in _changes(obj) if v not in (None, "", [], False)]
            history += _record(session, obj, changes or [("*", None, "新建")], actor, sync, now)

    tombstones: list[Tombstone] = []
    for obj in list(session.deleted):
        if isinstance(obj, _VISIT_PARTS) and inspect(obj).persistent:
            history += _record(session, obj, [("*", "存在", None)], actor, sync, now)
            if not sync:
                tombstones.append(tombstone_for(obj, now))

    session.add_all(history)
    session.add_all(tombstones)


def _record(session, obj, changes, actor, sync, now) -> list[VisitHistory]:
    if not changes:
        return []
    visit = _owning_visit(session, obj)
    if visit is None:
        return []
    if not sync and _status_was(visit) == VisitStatus.FINALIZED and not _is_reopen_or_finalize(obj, changes):
        raise FinalizedError("该巡诊已定稿，不能修改；如需修改请先“重新打开”并说明原因")
    # Edits after a reopening carry its reason; a never-finalized draft has none.
    reason = visit.reopen_reason if visit.status == VisitStatus.DRAFT else ""
    return [
        VisitHistory(
            visit=visit,
            at=now,
            actor=actor,
            entity=type(obj).__tablename__,
            entity_id=obj.id,
            field=key,
            old_value=_text(old),
            new_value=_text(new),
            reason=reason,
        )
        for key, old, new in changes
    ]


def _is_reopen_or_finalize(obj, changes) -> bool:
    # Reopening (status and its reason) is the one edit a finalized visit accepts.
    return isinstance(obj, Visit) and {k for k, _, _ in changes} <= {"status", "reopen_reason", "finalized_at"}
