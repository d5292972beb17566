"""Enterprises of the 培育库: validation, create, update, search."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..core.collation import region_key
from ..core.domain import UNLEVELLED, Honour, HonourKind, HonourLevel, suggest_cultivation_type
from ..core.errors import NotFoundError, UserError
from ..core.uscc import normalize_uscc
from ..core.validation import (
    InvalidValue,
    check_city,
    check_county,
    check_cultivation_type,
    check_field_text,
    check_uscc,
)
from ..db.models import Enterprise, Visit
from .dto import Contact, EnterpriseInfo, EnterpriseInput, EnterpriseProfile


class ValidationError(UserError):
    """Field → message, so a form can show each message next to its field."""

    def __init__(self, fields: dict[str, str], where: str = ""):
        self.fields = fields
        prefix = f"{where}：" if where else ""
        super().__init__(prefix + "；".join(fields.values()))


FIELD_LABELS = {
    "name": "企业名称",
    "uscc": "统一社会信用代码",
    "city": "所属地市",
    "cultivation_type": "培育类型",
    "employees": "员工人数",
    "revenue_wan": "营业收入（万元）",
}
PROFILE_FIELDS = tuple(f.name for f in fields(EnterpriseProfile))  # the Enterprise columns of the same names
_MAX_COUNT = 2**31 - 1  # what an INTEGER column holds on both SQLite and PostgreSQL


def validate_enterprise(data: EnterpriseInput) -> dict[str, str]:
    """Every rule an enterprise's values must meet (core.validation), as field → message."""
    problems: dict[str, str] = {}

    def check(key: str, rule) -> None:
        if key in problems:
            return
        try:
            rule()
        except InvalidValue as exc:
            problems[key] = str(exc)

    if isinstance(data.name, str) and not data.name.strip():
        problems["name"] = "企业名称不能为空"
    check("name", lambda: check_field_text("enterprise.name", data.name))
    check("uscc", lambda: check_uscc(data.uscc))
    if isinstance(data.city, str) and not data.city.strip():
        problems["city"] = "所属地市不能为空"
    check("city", lambda: check_city(data.city))
    if "city" not in problems:
        check("county", lambda: check_county(data.city.strip(), data.county))
    check("industry", lambda: check_field_text("enterprise.industry", data.industry))
    check("notes", lambda: check_field_text("enterprise.notes", data.notes))
    if data.cultivation_type is None and (question := suggest_cultivation_type(list(data.honours)).question):
        problems["cultivation_type"] = f"培育类型无法按荣誉资质判断：{question}；或直接选择培育类型"
    if data.cultivation_type is not None:
        check("cultivation_type", lambda: check_cultivation_type(data.cultivation_type))
    for h in data.honours:
        check("honours", lambda h=h: check_field_text("honour.name", h.name))
    for c in data.contacts:
        for attr in ("name", "position", "phone", "email"):
            check("contacts", lambda c=c, attr=attr: check_field_text(f"contact.{attr}", getattr(c, attr)))
    check("main_products", lambda: check_field_text("enterprise.main_products", data.profile.main_products))
    check("certifications", lambda: check_field_text("enterprise.certifications", data.profile.certifications))
    check("introduction", lambda: check_field_text("enterprise.introduction", data.profile.introduction))
    for name in ("employees", "revenue_wan"):
        value = getattr(data.profile, name)
        if value is not None and (not isinstance(value, int) or not 0 <= value <= _MAX_COUNT):
            problems[name] = f"{FIELD_LABELS[name]}应为 0 到 {_MAX_COUNT} 之间的整数，实际为 {value}"
    return problems


def honour_to_json(h: Honour) -> dict:
    return {"kind": h.kind.value, "level": h.level.value if h.level and h.kind not in UNLEVELLED else None, "year": h.year,
            "nomination": h.nomination, "name": h.name}


def honour_from_json(d: dict) -> Honour:
    return Honour(HonourKind(d["kind"]), HonourLevel(d["level"]) if d.get("level") else None,
                  d.get("year"), bool(d.get("nomination")), d.get("name", ""))


def to_info(e: Enterprise, visit_count: int = 0, latest_status: str = "") -> EnterpriseInfo:
    honours = tuple(honour_from_json(h) for h in e.honours or [])
    suggestion = suggest_cultivation_type(list(honours))
    return EnterpriseInfo(
        id=e.id, name=e.name, uscc=e.uscc or "", city=e.city, county=e.county, industry=e.industry,
        cultivation_type=e.cultivation_type, suggested_type="" if suggestion.question else suggestion.type.value,
        suggestion_reason=suggestion.question or suggestion.reason, honours=honours,
        contacts=tuple(Contact(**c) for c in e.contacts or []), notes=e.notes, revision=e.revision,
        visit_count=visit_count, latest_visit_status=latest_status, profile=profile_of(e),
    )


def profile_of(e: Enterprise) -> EnterpriseProfile:
    return EnterpriseProfile(**{name: getattr(e, name) for name in PROFILE_FIELDS})


def input_of(e: Enterprise) -> EnterpriseInput:
    """What the enterprise holds, as the input that would write it again."""
    info = to_info(e)
    return EnterpriseInput(name=info.name, city=info.city, cultivation_type=info.cultivation_type, uscc=info.uscc,
                           county=info.county, industry=info.industry, honours=info.honours,
                           contacts=info.contacts, notes=info.notes, profile=info.profile)


def _apply(session: Session, e: Enterprise, data: EnterpriseInput, where: str = "") -> None:
    problems = validate_enterprise(data)
    uscc = normalize_uscc(data.uscc) or None
    if uscc and "uscc" not in problems:
        other = session.scalar(select(Enterprise).where(Enterprise.uscc == uscc, Enterprise.id != e.id))
        if other is not None:
            problems["uscc"] = f"统一社会信用代码 {uscc} 已属于企业“{other.name}”"
    if problems:
        raise ValidationError(problems, where)
    fill_enterprise(e, data)


def enterprise_values(data: EnterpriseInput) -> dict:
    """The column values of values validate_enterprise accepted (and whose USCC is known to be free)."""
    values = {
        "name": data.name.strip(),
        "uscc": normalize_uscc(data.uscc) or None,
        "city": data.city.strip(),
        "county": data.county.strip(),
        "industry": data.industry.strip(),
        "cultivation_type": data.cultivation_type or suggest_cultivation_type(list(data.honours)).type.value,
        "honours": [honour_to_json(h) for h in data.honours],
        "contacts": [asdict(c) for c in data.contacts],
        "notes": data.notes,
    }
    for name in PROFILE_FIELDS:
        value = getattr(data.profile, name)
        values[name] = value.strip() if isinstance(value, str) else value
    return values


def fill_enterprise(e: Enterprise, data: EnterpriseInput) -> None:
    """Copy values validate_enterprise accepted (and whose USCC is known to be free) onto ``e``."""
    for key, value in enterprise_values(data).items():
        setattr(e, key, value)


def add_enterprise(session: Session, data: EnterpriseInput, where: str = "") -> Enterprise:
    e = Enterprise()
    _apply(session, e, data, where)
    session.add(e)
    session.flush()
    return e


def create_enterprise(store, data: EnterpriseInput) -> EnterpriseInfo:
    with store.session() as s:
        return to_info(add_enterprise(s, data))


def update_enterprise(store, enterprise_id: str, data: EnterpriseInput) -> EnterpriseInfo:
    with store.session() as s:
        e = _get(s, enterprise_id)
        _apply(s, e, data)
        s.flush()
        return to_info(e)


def _get(session: Session, enterprise_id: str) -> Enterprise:
    e = session.get(Enterprise, enterprise_id)
    if e is None:
        raise NotFoundError(f"没有编号为 {enterprise_id} 的企业")
    return e


def get_enterprise(store, enterprise_id: str) -> EnterpriseInfo:
    with store.session() as s:
        return to_info(_get(s, enterprise_id))


def find_enterprise(store, ref: str) -> EnterpriseInfo:
    """An enterprise by its name, 统一社会信用代码, id or id prefix (as `enterprise list` shows)."""
    ref = ref.strip()
    if not ref:
        raise NotFoundError("请给出企业名称或编号")
    with store.session() as s:
        by_name = s.scalars(select(Enterprise).where(or_(Enterprise.name == ref, Enterprise.uscc == normalize_uscc(ref)))).all()
        if len(by_name) == 1:
            return to_info(by_name[0])
        if len(by_name) > 1:
            where = "、".join(f"{e.city}（编号 {e.id[:8]}）" for e in by_name)
            raise NotFoundError(f"名为“{ref}”的企业不止一家：{where}，请给出编号")
        if len(ref) >= 4:
            by_id = s.scalars(select(Enterprise).where(Enterprise.id.like(f"{ref.lower()}%")).limit(2)).all()
            if len(by_id) == 1:
                return to_info(by_id[0])
            if len(by_id) > 1:
                raise NotFoundError(f"企业编号“{ref}”不唯一，请给出更多位")
    raise NotFoundError(f"没有名称或编号为“{ref}”的企业")


@dataclass(frozen=True)
class EnterpriseFilter:
    text: str = ""
    city: str = ""
    cultivation_type: str = ""
    visit_status: str = ""  # "" any, "未巡诊", or a VisitStatus value


def list_enterprises(store, flt: EnterpriseFilter = EnterpriseFilter()) -> list[EnterpriseInfo]:
    """The 培育库 in the province's city order, then by name in pinyin order."""
    with store.session() as s:
        counts = dict(s.execute(select(Visit.enterprise_id, func.count()).group_by(Visit.enterprise_id)).all())
        latest: dict[str, str] = {}
        for eid, status in s.execute(select(Visit.enterprise_id, Visit.status).order_by(Visit.start_date)):
            latest[eid] = status
        q = select(Enterprise)
        if flt.text:
            like = f"%{flt.text.strip()}%"
            q = q.where(or_(Enterprise.name.like(like), Enterprise.uscc.like(like), Enterprise.county.like(like)))
        if flt.city:
            q = q.where(Enterprise.city == flt.city)
        if flt.cultivation_type:
            q = q.where(Enterprise.cultivation_type == flt.cultivation_type)
        out = [to_info(e, counts.get(e.id, 0), latest.get(e.id, "")) for e in s.scalars(q)]
    out.sort(key=lambda e: region_key(e.city, e.name))  # the province's city order, then pinyin
    if flt.visit_status == "未巡诊":
        out = [e for e in out if e.visit_count == 0]
    elif flt.visit_status:
        out = [e for e in out if e.latest_visit_status == flt.visit_status]
    return out
