"""Conflicts waiting for a person: list them field by field, resolve them.

Our version stays in its table while a conflict is open; theirs is in
``sync_conflict.remote_data``. Resolving writes the chosen value per field
onto our record (with a new revision above both sides', so the result wins
on either side next time) and keeps the conflict row, marked resolved, with
what was chosen: nothing disappears without a trace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ...core.errors import NotFoundError, UserError
from ...db.base import utcnow
from ...db.models import SyncBase, SyncConflict
from .records import (
    _NOT_CONTENT,
    MODEL_OF,
    SECTION_OF,
    label,
    parse_section,
    to_dict,
)

LOCAL, REMOTE = "local", "remote"


@dataclass(frozen=True)
class FieldDiff:
    field: str
    local: object
    remote: object


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    entity: str
    record_id: str
    label: str
    local_revision: int
    remote_revision: int
    sender: str
    created_at: datetime
    resolved_at: datetime | None
    fields: tuple[FieldDiff, ...]


def _info(session, c: SyncConflict) -> ConflictInfo:
    local = session.get(MODEL_OF[c.entity], c.record_id)
    mine = to_dict(local) if local is not None else {}
    diffs = tuple(FieldDiff(k, mine.get(k), v) for k, v in c.remote_data.items()
                  if k not in _NOT_CONTENT and mine.get(k) != v)
    return ConflictInfo(c.id, c.entity, c.record_id, label(c.entity, mine or c.remote_data), c.local_revision,
                        c.remote_revision, c.sender, c.created_at, c.resolved_at, diffs)


def list_conflicts(store, include_resolved: bool = False) -> list[ConflictInfo]:
    with store.session() as s:
        q = select(SyncConflict).order_by(SyncConflict.created_at)
        if not include_resolved:
            q = q.where(SyncConflict.resolved_at.is_(None))
        return [_info(s, c) for c in s.scalars(q)]


def _get(session, conflict_id: str) -> SyncConflict:
    hits = list(session.scalars(select(SyncConflict).where(SyncConflict.id.startswith(conflict_id.strip().lower()))))
    if len(hits) != 1:
        raise NotFoundError(f"没有（或不止一个）编号为“{conflict_id}”的冲突")
    return hits[0]


def get_conflict(store, conflict_id: str) -> ConflictInfo:
    with store.session() as s:
        return _info(s, _get(s, conflict_id))


def resolve_conflict(store, conflict_id: str, choices: dict[str, object] | None = None, default: str = LOCAL) -> ConflictInfo:
    """``choices`` maps a field to LOCAL, REMOTE or ("value", edited value); fields not named take ``default``."""
    choices = dict(choices or {})
    with store.session() as s:
        c = _get(s, conflict_id)
        if c.resolved_at is not None:
            raise UserError(f"冲突 {c.id[:8]} 已于 {c.resolved_at:%Y-%m-%d %H:%M} 解决")
        model = MODEL_OF[c.entity]
        local = s.get(model, c.record_id)
        if local is None:
            raise NotFoundError(f"冲突 {c.id[:8]} 对应的记录已不存在")
        mine = to_dict(local)
        unknown = set(choices) - set(mine)
        if unknown:
            raise UserError(f"记录没有字段 {sorted(unknown)}")
        result = dict(mine)
        for k in mine:
            if k in _NOT_CONTENT:
                continue
            pick = choices.get(k, default)
            if pick == REMOTE:
                result[k] = c.remote_data.get(k)
            elif isinstance(pick, tuple) and pick[0] == "value":
                result[k] = pick[1]
            elif pick != LOCAL:
                raise UserError(f"字段 {k} 的选择“{pick}”无效，应为 local、remote 或编辑后的值")
        # Parse through the same column checks an import uses: an edited value must be valid too.
        typed = parse_section("冲突解决", SECTION_OF[c.entity], [result])[0]
        s.info["sync"] = True  # keep our own revision choice; history is still written by the flush hook
        for k, v in typed.items():
            if k not in _NOT_CONTENT:
                setattr(local, k, v)
        local.revision = max(local.revision, c.remote_revision) + 1
        local.updated_at = utcnow()
        # They sent remote_revision; from now on that is the version we both knew.
        s.merge(SyncBase(entity=c.entity, record_id=local.id, revision=c.remote_revision, digest=c.remote_digest))
        c.resolved_at = utcnow()
        c.resolution = {k: (v if isinstance(v, str) else list(v) if isinstance(v, tuple) else v) for k, v in choices.items()}
        c.resolution["*"] = default
        s.flush()
        return _info(s, c)
