"""Conflicts waiting for a person: list them field by field, resolve them.

Our version stays in its table while a conflict is open; theirs is in
``sync_conflict.remote_data``. Resolving writes the chosen value per field
onto our record (with a new revision above both sides', so the result wins
on either side next time) and keeps the conflict row, marked resolved, with
what was chosen: nothing disappears without a trace.

A deletion against an edit (``kind`` deleted_remotely / deleted_locally) is
decided for the record as a whole: its one FieldDiff is ``WHOLE`` ("*"), with
"存在" on the side that has the record and "已删除" on the side that deleted it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select

from ...core.errors import NotFoundError, UserError
from ...db.base import table_of, utcnow
from ...db.models import Enterprise, SyncBase, SyncConflict, Tombstone, Visit
from ...db.tracking import tombstone_for
from ..checklists import stored_template
from .format import PackageError
from .merge import CHANGED, DELETED_LOCALLY, DELETED_REMOTELY, KEY_CLASH
from .records import (
    _NOT_CONTENT,
    MODEL_OF,
    SECTION_OF,
    label,
    parse_section,
    to_dict,
)
from .validate import TEMPLATE_BOUND, TemplateCodes, check_record, check_record_template

LOCAL, REMOTE = "local", "remote"
WHOLE = "*"  # the field name of the whole record, for a deletion against an edit
_EXISTS, _DELETED = "存在", "已删除"
KINDS = (CHANGED, DELETED_REMOTELY, DELETED_LOCALLY, KEY_CLASH)


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
    kind: str = CHANGED  # one of KINDS
    reason: str = ""  # in Chinese, for the user: why this is a conflict

    @property
    def is_deletion(self) -> bool:
        return self.kind in (DELETED_REMOTELY, DELETED_LOCALLY)


def _info(session, c: SyncConflict) -> ConflictInfo:
    local = session.get(MODEL_OF[c.entity], c.record_id)
    mine = to_dict(local) if local is not None else {}
    if c.kind == DELETED_REMOTELY:
        diffs: tuple[FieldDiff, ...] = (FieldDiff(WHOLE, _EXISTS, _DELETED),)
        name = label(c.entity, mine) if mine else c.record_id[:8]
    elif c.kind == DELETED_LOCALLY:
        diffs = (FieldDiff(WHOLE, _DELETED, _EXISTS),)
        name = label(c.entity, c.remote_data)
    else:
        diffs = tuple(FieldDiff(k, mine.get(k), v) for k, v in c.remote_data.items()
                      if k not in _NOT_CONTENT and mine.get(k) != v)
        name = label(c.entity, mine or c.remote_data)
    return ConflictInfo(c.id, c.entity, c.record_id, name, c.local_revision, c.remote_revision, c.sender,
                        c.created_at, c.resolved_at, diffs, c.kind, c.reason)


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
        if c.kind in (DELETED_REMOTELY, DELETED_LOCALLY):
            _resolve_deletion(s, c, choices, default)
            return _info(s, c)
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
        typed = _checked(s, c, result)
        check_unique(s, c.entity, local, typed)
        s.info["sync"] = True  # keep our own revision choice; history is still written by the flush hook
        for k, v in typed.items():
            if k not in _NOT_CONTENT:
                setattr(local, k, v)
        local.revision = max(local.revision, c.remote_revision) + 1
        local.updated_at = utcnow()
        # They sent remote_revision; from now on that is the version we both knew.
        s.merge(SyncBase(entity=c.entity, record_id=local.id, revision=c.remote_revision, digest=c.remote_digest))
        _mark_resolved(c, choices, default)
        s.flush()
        return _info(s, c)


def _checked(session, c: SyncConflict, result: dict) -> dict:
    """The resolved record, typed, after the checks every package's records pass (column types and
    lengths, then core.validation's rules, and the visit's template for item codes and levels):
    an edited value is a value from outside like any other."""
    section = SECTION_OF[c.entity]
    try:
        typed = parse_section("冲突解决", section, [result])[0]
    except PackageError as exc:
        raise _refused(c, result, exc.reason) from None
    try:
        check_record(section, typed)
        if c.entity in TEMPLATE_BOUND:
            visit = session.get(Visit, typed["visit_id"])
            if visit is not None:
                allowed = TemplateCodes.of(stored_template(session, visit.template_id, visit.template_version))
                check_record_template(section, typed, allowed)
    except UserError as exc:
        raise _refused(c, result, str(exc)) from None
    return typed


def _refused(c: SyncConflict, result: dict, why: str) -> UserError:
    return UserError(f"冲突 {c.id[:8]}（{label(c.entity, result)}）解决后的值无效：{why}；未作任何修改")


def _mark_resolved(c: SyncConflict, choices: dict, default: str) -> None:
    c.resolved_at = utcnow()
    c.resolution = {k: (v if isinstance(v, str) else list(v) if isinstance(v, tuple) else v) for k, v in choices.items()}
    c.resolution.setdefault(WHOLE, default)


def check_unique(session, entity: str, local, typed: dict) -> None:
    if entity != "enterprise" or not typed.get("uscc") or typed["uscc"] == local.uscc:
        return
    holder = session.scalar(select(Enterprise).where(Enterprise.uscc == typed["uscc"], Enterprise.id != local.id))
    if holder is not None:
        raise UserError(f"统一社会信用代码 {typed['uscc']} 已是本机企业“{holder.name}”的代码；"
                        "请先修改或合并其中一家企业，再解决此冲突")


def _resolve_deletion(s, c: SyncConflict, choices: dict, default: str) -> None:
    """REMOTE takes their side (deleted_remotely: delete ours; deleted_locally: bring theirs back),
    LOCAL keeps ours; either way with a revision above both, so the choice holds on both sides."""
    unknown = set(choices) - {WHOLE}
    if unknown:
        raise UserError(f"删除冲突只能整条记录选择（字段 {WHOLE}），不能选择字段 {sorted(unknown)}")
    pick = choices.get(WHOLE, default)
    if pick not in (LOCAL, REMOTE):
        raise UserError(f"选择“{pick}”无效，删除冲突应为 local 或 remote")
    model = MODEL_OF[c.entity]
    now = utcnow()
    s.info["sync"] = True  # the revisions below are chosen here; the flush hook still writes history
    if c.kind == DELETED_REMOTELY:
        local = s.get(model, c.record_id)
        if local is None:
            raise NotFoundError(f"冲突 {c.id[:8]} 对应的记录已不存在")
        if pick == REMOTE:
            s.add(tombstone_for(local, now, max(local.revision, c.remote_revision) + 1))
            s.delete(local)
            base = s.get(SyncBase, (c.entity, c.record_id))
            if base is not None:
                s.delete(base)
        else:
            # Kept and newer than their deletion: the other side sees an edit after its deletion and decides.
            local.revision = max(local.revision, c.remote_revision) + 1
            local.updated_at = now
    else:
        tomb = s.get(Tombstone, (c.entity, c.record_id))
        if pick == REMOTE:
            row = parse_section("冲突解决", SECTION_OF[c.entity], [c.remote_data])[0]
            if tomb is not None:
                s.delete(tomb)
                s.flush()
            # Core insert, as an import does: the row comes back exactly as they sent it.
            s.execute(insert(table_of(model)), [row])
            s.merge(SyncBase(entity=c.entity, record_id=c.record_id, revision=c.remote_revision,
                             digest=c.remote_digest))
        elif tomb is not None:
            # Our deletion now covers the version they sent, so it deletes theirs when it reaches them.
            tomb.revision = max(tomb.revision, c.remote_revision) + 1
            tomb.digest = c.remote_digest
            tomb.deleted_at = now
    _mark_resolved(c, choices, default)
    s.flush()
