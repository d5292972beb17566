"""Records as they travel: model rows ↔ JSON dicts, with a content digest.

The column list comes from the SQLAlchemy mappers, so a column added by a
later migration travels without touching this module. Incoming values are
type-checked against the columns *before* the database is opened, so a
malformed package is refused whole instead of failing half-way through.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text, inspect

from ...db.base import UTCDateTime
from ...db.models import (
    Assessment,
    Assignment,
    Attachment,
    ChecklistTemplate,
    Enterprise,
    Expert,
    PlanItem,
    Visit,
    VisitExpert,
    VisitHistory,
    VisitProblem,
)
from .format import PackageError, canonical_json, sha256

# Section name in data.json → model, in the order a merge must insert them.
SECTIONS: dict[str, type] = {
    "experts": Expert,
    "enterprises": Enterprise,
    "templates": ChecklistTemplate,
    "visits": Visit,
    "visit_experts": VisitExpert,
    "assessments": Assessment,
    "problems": VisitProblem,
    "plan_items": PlanItem,
    "attachments": Attachment,
    "assignments": Assignment,
    "history": VisitHistory,
}
ENTITY = {model: model.__tablename__ for model in SECTIONS.values()}
SECTION_OF = {model.__tablename__: name for name, model in SECTIONS.items()}
MODEL_OF = {model.__tablename__: model for model in SECTIONS.values()}

# Not content: bookkeeping, and the one flag that belongs to an installation.
_NOT_CONTENT = {"id", "created_at", "updated_at", "revision", "is_self", "installed_at"}
_LOCAL_ONLY = {"is_self", "installed_at"}


def columns(model) -> list:
    return [c for c in inspect(model).columns if c.key not in _LOCAL_ONLY]


def _out(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_dict(obj) -> dict:
    return {c.key: _out(getattr(obj, c.key)) for c in columns(type(obj))}


def digest(d: dict) -> str:
    """Content only: two sides agree when this matches, whatever their revisions."""
    return sha256(canonical_json({k: v for k, v in d.items() if k not in _NOT_CONTENT}))


def _parse(col, value, where: str):
    if value is None:
        if not col.nullable and not col.primary_key:
            raise ValueError(f"{where}：不能为空")
        if col.primary_key:
            raise ValueError(f"{where}：缺少主键")
        return None
    t = col.type
    if isinstance(t, UTCDateTime):
        v = datetime.fromisoformat(value)
        if v.tzinfo is None:
            raise ValueError(f"{where}：时间缺少时区")
        return v.astimezone(UTC)
    if isinstance(t, Date):
        return date.fromisoformat(value)
    if isinstance(t, Boolean):
        if not isinstance(value, bool):
            raise ValueError(f"{where}：应为真/假")
        return value
    if isinstance(t, Integer):
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2**31 - 1:
            raise ValueError(f"{where}：应为整数")
        return value
    if isinstance(t, (String, Text)):
        if not isinstance(value, str):
            raise ValueError(f"{where}：应为文本")
        # PostgreSQL enforces VARCHAR(n), SQLite does not: check here so both refuse alike.
        if getattr(t, "length", None) and len(value) > t.length:
            raise ValueError(f"{where}：超过 {t.length} 个字符")
        return value
    if isinstance(t, JSON):
        if not isinstance(value, (list, dict)):
            raise ValueError(f"{where}：应为列表或对象")
        return value
    raise ValueError(f"{where}：不支持的类型")


def parse_section(source: str, section: str, rows) -> list[dict]:
    """Typed values for each row; the JSON form (for digests and conflicts) is rebuilt from them."""
    model = SECTIONS[section]
    if not isinstance(rows, list):
        raise PackageError(source, f"data.json 的“{section}”不是列表")
    out = []
    for n, row in enumerate(rows):
        if not isinstance(row, dict):
            raise PackageError(source, f"data.json 的 {section}[{n}] 不是对象")
        typed = {}
        try:
            for col in columns(model):
                if col.key not in row:
                    raise ValueError(f"{section}[{n}].{col.key}：缺少字段")
                typed[col.key] = _parse(col, row[col.key], f"{section}[{n}].{col.key}")
        except (ValueError, TypeError) as exc:
            raise PackageError(source, f"data.json 数据无效：{exc}") from None
        out.append(typed)
    return out


def json_form(typed: dict) -> dict:
    return {k: _out(v) for k, v in typed.items()}


def label(entity: str, d: dict) -> str:
    """A few words a person recognises in a report or conflict list."""
    for key in ("name", "text", "measure", "item_code", "filename", "report_number", "title"):
        if d.get(key):
            return str(d[key])[:40]
    return d.get("id", "")[:8] if isinstance(d.get("id"), str) else ""
