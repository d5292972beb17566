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
    CaseStudy,
    ChecklistTemplate,
    CultivationSuccess,
    Enterprise,
    Expert,
    ListSubmission,
    MemberRating,
    PlanItem,
    Tombstone,
    Visit,
    VisitExpert,
    VisitHistory,
    VisitProblem,
    VisitReview,
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
    "member_ratings": MemberRating,  # format 5: a team member's own rating of an item (issue 16)
    "problems": VisitProblem,
    "plan_items": PlanItem,
    "attachments": Attachment,
    "assignments": Assignment,
    "reviews": VisitReview,  # format 4: a bureau's review of a visit, its own record (services.reviews)
    "cases": CaseStudy,  # format 6: an enterprise's 典型案例, its drafter's record (services.cases)
    # format 7: a city's programme desk records, its own (services.programme_desk, services.list_submission)
    "successes": CultivationSuccess,  # a 培育成功 decision on an enterprise; revoking it is an update
    "list_submissions": ListSubmission,  # the 附件2 list sent to the province, and when
}
ENTITY = {model: model.__tablename__ for model in SECTIONS.values()}
# Format 1 and 2 carried a visit's history; it is never taken from a package (the receiver writes its own
# from what changed), so those sections are read past. Format 3 has none.
LEGACY_SECTIONS = {"history": VisitHistory}
# Synced records: each has an author and travels attested (see attest); templates are content-addressed.
TRACKED = tuple(name for name in SECTIONS if name != "templates")
PARTS = ("visit_expert", "assessment", "visit_problem", "plan_item", "attachment")  # a visit's own rows
# Rows about a visit that are not the visit author's: a team member's own ratings (format 4, issue 16).
MEMBER_RATING = "member_rating"
MEMBER_SECTION = "member_ratings"
SECTION_OF = {model.__tablename__: name for name, model in SECTIONS.items()}
MODEL_OF = {model.__tablename__: model for model in SECTIONS.values()}

# Deletions travel for these only (format 2): the parts of a visit, the one kind of row the app deletes.
DELETABLE = PARTS
TOMBSTONES = "tombstones"
ATTESTATIONS = "attestations"  # format 3: who vouches for each record (see attest)
VOUCHINGS = "vouchings"  # format 4: a relay's word for the key cards of the authors it relays (see relay)
# Parts of data.json by the format version that introduced them: an older package carrying one is broken.
SINCE_VERSION = {TOMBSTONES: 2, ATTESTATIONS: 3, "reviews": 4, VOUCHINGS: 4, MEMBER_SECTION: 5, "cases": 6,
                 "successes": 7, "list_submissions": 7}
TOMBSTONE_FIELDS = ("entity", "record_id", "visit_id", "revision", "digest", "deleted_at")

# The row form and digest are defined next to the flush hook, whose tombstones must carry the same
# digest; these are the names the exchange code uses for them.
_NOT_CONTENT = NOT_CONTENT  # bookkeeping, and the flags that belong to an installation
_out = json_value
to_dict = row_dict
digest = content_digest


# Columns added after exchange format 2 came out (schema 0005; the team's in 0015, format 5): a package from an older release lacks
# them, which means what an upgrade gives old rows — an empty text, or no value.
LATER_COLUMNS: dict[str, dict[str, object]] = {
    "assessment": {"strength": "", "consensus_level": None, "consensus_note": "", "consensus_at": None},
    "visit_expert": {"fingerprint": "", "goal_codes": [], "item_codes": []},
    "visit": {"expert_opinion": "", "organiser": "", "report_date": None},
    "enterprise": {"main_products": "", "employees": None, "revenue_wan": None, "certifications": "",
                   "introduction": ""},
}


def columns(model) -> list:
    return [c for c in inspect(model).columns if c.key not in LOCAL_ONLY]


class _Bad(ValueError):
    """A value the column refuses; the caller adds where it was."""


def _parser(col):
    """The check and conversion of one column's values, chosen once per column rather than per value
    (a package holds hundreds of values; the type dispatch was a tenth of an import's time)."""
    t = col.type

    def parse(value):
        if value is None:
            if col.primary_key:
                raise _Bad("缺少主键")
            if not col.nullable:
                raise _Bad("不能为空")
            return None
        return convert(value)

    if isinstance(t, UTCDateTime):
        def convert(value):
            v = datetime.fromisoformat(value)
            if v.tzinfo is None:
                raise _Bad("时间缺少时区")
            return v.astimezone(UTC)
    elif isinstance(t, Date):
        convert = date.fromisoformat
    elif isinstance(t, Boolean):
        def convert(value):
            if not isinstance(value, bool):
                raise _Bad("应为真/假")
            return value
    elif isinstance(t, Integer):
        def convert(value):
            if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2**31 - 1:
                raise _Bad("应为整数")
            if col.key == "revision" and not 1 <= value <= MAX_REVISION:
                raise _Bad(f"修订号 {value} 超出范围（1 至 {MAX_REVISION}）")
            return value
    elif isinstance(t, (String, Text)):
        length = getattr(t, "length", None)

        def convert(value):
            if not isinstance(value, str):
                raise _Bad("应为文本")
            # PostgreSQL enforces VARCHAR(n), SQLite does not: check here so both refuse alike.
            if length and len(value) > length:
                raise _Bad(f"超过 {length} 个字符")
            return value
    elif isinstance(t, JSON):
        def convert(value):
            if not isinstance(value, (list, dict)):
                raise _Bad("应为列表或对象")
            return value
    else:
        def convert(value):
            raise _Bad("不支持的类型")
    return parse


_PARSERS: dict[type, list] = {}


def _parsers(model) -> list:
    if model not in _PARSERS:
        _PARSERS[model] = [(c.key, _parser(c)) for c in columns(model)]
    return _PARSERS[model]


def _parse(col, value, where: str):
    try:
        return _parser(col)(value)
    except _Bad as exc:
        raise ValueError(f"{where}：{exc}") from None


def parse_section(source: str, section: str, rows) -> list[dict]:
    """Typed values for each row; the JSON form (for digests and conflicts) is rebuilt from them."""
    model = SECTIONS[section]
    if not isinstance(rows, list):
        raise PackageError(source, f"data.json 的“{section}”不是列表")
    out = []
    parsers = _parsers(model)
    later = LATER_COLUMNS.get(model.__tablename__, {})
    for n, row in enumerate(rows):
        if not isinstance(row, dict):
            raise PackageError(source, f"data.json 的 {section}[{n}] 不是对象")
        typed = {}
        key = ""
        try:
            for key, parse in parsers:
                if key in row:
                    typed[key] = parse(row[key])
                elif key in later:
                    default = later[key]
                    typed[key] = list(default) if isinstance(default, list) else default  # not shared
                else:
                    raise _Bad("缺少字段")
        except _Bad as exc:
            raise PackageError(source, f"data.json 数据无效：{section}[{n}].{key}：{exc}") from None
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
    for key in ("name", "text", "measure", "item_code", "filename", "report_number", "title", "reason", "file_name"):
        if d.get(key):
            return str(d[key])[:40]
    return d.get("id", "")[:8] if isinstance(d.get("id"), str) else ""
