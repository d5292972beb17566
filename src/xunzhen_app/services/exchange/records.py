"""Records as they travel: model rows ↔ JSON dicts, with a content digest.

The column list comes from the SQLAlchemy mappers, so a column added by a
later migration travels without touching this module. Incoming values are
type-checked against the columns *before* the database is opened, so a
malformed package is refused whole instead of failing half-way through.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text, inspect

from ...db.base import Base, UTCDateTime
from ...db.models import (
    Assessment,
    Assignment,
    Attachment,
    ChecklistTemplate,
    Enterprise,
    Expert,
    PlanItem,
    Tombstone,
    Visit,
    VisitExpert,
    VisitHistory,
    VisitProblem,
)
from ...db.tracking import LOCAL_ONLY, NOT_CONTENT, content_digest, json_value, row_dict
from .format import MAX_REVISION, PackageError

# Section name in data.json → model, in the order a merge must insert them.
SECTIONS: dict[str, type[Base]] = {
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
}
ENTITY = {model: model.__tablename__ for model in SECTIONS.values()}
# Format 1 and 2 carried a visit's history; it is never taken from a package (the receiver writes its own
# from what changed), so those sections are read past. Format 3 has none.
LEGACY_SECTIONS = {"history": VisitHistory}
# Synced records: each has an author and travels attested (see attest); templates are content-addressed.
TRACKED = tuple(name for name in SECTIONS if name != "templates")
PARTS = ("visit_expert", "assessment", "visit_problem", "plan_item", "attachment")  # a visit's own rows
SECTION_OF = {model.__tablename__: name for name, model in SECTIONS.items()}
MODEL_OF = {model.__tablename__: model for model in SECTIONS.values()}

# Deletions travel for these only (format 2): the parts of a visit, the one kind of row the app deletes.
DELETABLE = PARTS
TOMBSTONES = "tombstones"
ATTESTATIONS = "attestations"  # format 3: who vouches for each record (see attest)
TOMBSTONE_FIELDS = ("entity", "record_id", "visit_id", "revision", "digest", "deleted_at")

# The row form and digest are defined next to the flush hook, whose tombstones must carry the same
# digest; these are the names the exchange code uses for them.
_NOT_CONTENT = NOT_CONTENT  # bookkeeping, and the flags that belong to an installation
_out = json_value
to_dict = row_dict
digest = content_digest


# Columns added after exchange format 2 came out (schema 0005): a package from an older release lacks
# them, which means what an upgrade gives old rows — an empty text, or no value.
LATER_COLUMNS: dict[str, dict[str, str | None]] = {
    "assessment": {"strength": ""},
    "visit": {"expert_opinion": "", "organiser": "", "report_date": None},
    "enterprise": {"main_products": "", "employees": None, "revenue_wan": None, "certifications": "",
                   "introduction": ""},
}


def columns(model) -> list:
    return [c for c in inspect(model).columns if c.key not in LOCAL_ONLY]


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
        if col.key == "revision" and not 1 <= value <= MAX_REVISION:
            raise ValueError(f"{where}：修订号 {value} 超出范围（1 至 {MAX_REVISION}）")
        return value
    if isinstance(t, (String, Text)):
        if not isinstance(value, str):
            raise ValueError(f"{where}：应为文本")
        # PostgreSQL enforces VARCHAR(n), SQLite does not: check here so both refuse alike.
        if (length := getattr(t, "length", None)) and len(value) > length:
            raise ValueError(f"{where}：超过 {length} 个字符")
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
    cols = columns(model)
    later = LATER_COLUMNS.get(model.__tablename__, {})
    for n, row in enumerate(rows):
        if not isinstance(row, dict):
            raise PackageError(source, f"data.json 的 {section}[{n}] 不是对象")
        typed = {}
        try:
            for col in cols:
                if col.key not in row and col.key in later:
                    typed[col.key] = later[col.key]
                    continue
                if col.key not in row:
                    raise ValueError(f"{section}[{n}].{col.key}：缺少字段")
                typed[col.key] = _parse(col, row[col.key], f"{section}[{n}].{col.key}")
        except (ValueError, TypeError) as exc:
            raise PackageError(source, f"data.json 数据无效：{exc}") from None
        out.append(typed)
    return out


def tombstone_dict(t: Tombstone) -> dict:
    return {k: _out(getattr(t, k)) for k in TOMBSTONE_FIELDS}


def parse_tombstones(source: str, rows, sections: dict[str, list[dict]]) -> list[dict]:
    """Typed tombstones; a record both sent and marked deleted in one package is a broken package."""
    if not isinstance(rows, list):
        raise PackageError(source, f"data.json 的“{TOMBSTONES}”不是列表")
    table = Tombstone.__table__.c
    sent = {(SECTIONS[name].__tablename__, r["id"]) for name, rs in sections.items() if name in SECTION_OF.values()
            for r in rs if "id" in r}
    out = []
    for n, row in enumerate(rows):
        where = f"{TOMBSTONES}[{n}]"
        if not isinstance(row, dict):
            raise PackageError(source, f"data.json 的 {where} 不是对象")
        try:
            if set(row) != set(TOMBSTONE_FIELDS):
                raise ValueError(f"{where}：字段应为 {', '.join(TOMBSTONE_FIELDS)}")
            typed = {k: _parse(table[k], row[k], f"{where}.{k}") for k in TOMBSTONE_FIELDS}
            if typed["entity"] not in DELETABLE:
                raise ValueError(f"{where}.entity：“{typed['entity']}”的删除不在数据包中传递")
            if typed["revision"] < 2:
                raise ValueError(f"{where}.revision：删除至少是记录的第 2 版")
            if len(typed["digest"]) != 64:
                raise ValueError(f"{where}.digest：应为 64 位十六进制摘要")
        except (ValueError, TypeError) as exc:
            raise PackageError(source, f"data.json 数据无效：{exc}") from None
        if (typed["entity"], typed["record_id"]) in sent:
            raise PackageError(source, f"data.json 中 {typed['entity']} {typed['record_id']} 既有数据又被标记为已删除")
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
