"""典型案例 (附件1, stage 3: 总结工作成效，提炼典型案例): one case study per enterprise, drafted from its
亮点 (item strengths, the visits' 总体评价) and improvement figures (前期 baseline → latest levels), then
edited by its author and selected (入选) by the bureau.

Each public function is one transaction; every text goes through core.validation, so a refused
value saves nothing. Photos are stored once by content (db.models.Blob), as attachments are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..core.actions import ActionResult, ActionStatus
from ..core.domain import Stage, VisitStatus
from ..core.errors import UserError
from ..core.scoring import band
from ..core.validation import check_field_text, check_item_code
from ..db.base import utcnow
from ..db.models import Blob, CaseStudy, Enterprise, Visit
from . import visits
from .attachment_store import check_attachment
from .dto import VisitDetail
from .enterprises import find_enterprise
from .highlights import goal_improvements, highlights, item_improvements
from .id_prefix import resolve_prefix

TEXT_FIELDS = ("title", "background", "practices", "results", "lessons")
LABELS = {"title": "题目", "background": "背景", "practices": "主要做法", "results": "取得成效", "lessons": "可推广经验"}
MAX_PHOTOS = 12
DRAFT_PHOTOS = 4
DRAFT_LESSONS = 6  # a case names its most transferable points; the report lists every 亮点


@dataclass(frozen=True)
class CasePhoto:
    sha256: str
    filename: str
    caption: str = ""


@dataclass(frozen=True)
class LinkedVisit:
    id: str
    stage: str
    start_date: date
    status: str


@dataclass(frozen=True)
class CaseStudyInfo:
    id: str
    enterprise_id: str
    enterprise: str
    city: str
    cultivation_type: str
    title: str
    background: str
    practices: str
    results: str
    lessons: str
    goal_codes: tuple[str, ...]
    goals: tuple[tuple[str, str], ...]  # (code, title) of the linked goals, as the visits' template names them
    visits: tuple[LinkedVisit, ...]
    photos: tuple[CasePhoto, ...]
    selected: bool
    selected_at: datetime | None
    updated_at: datetime
    revision: int


def resolve_case(session, ref: str) -> CaseStudy:
    return resolve_prefix(session, CaseStudy, ref, id_label="案例编号", noun="典型案例")


def _info(session, c: CaseStudy) -> CaseStudyInfo:
    linked = [v for v in (session.get(Visit, vid) for vid in c.visit_ids or ()) if v is not None]
    titles: dict[str, str] = {}
    if linked:
        from .checklists import stored_template

        template = stored_template(session, linked[-1].template_id, linked[-1].template_version)
        titles = {g.code: g.title for g in template.goals}
    e = c.enterprise
    return CaseStudyInfo(
        c.id, e.id, e.name, e.city, e.cultivation_type, c.title, c.background, c.practices, c.results, c.lessons,
        tuple(c.goal_codes or ()), tuple((code, titles.get(code, "")) for code in c.goal_codes or ()),
        tuple(LinkedVisit(v.id, v.stage, v.start_date, v.status) for v in linked),
        tuple(CasePhoto(p["sha256"], p["filename"], p.get("caption", "")) for p in c.photos or ()),
        c.selected, c.selected_at, c.updated_at, c.revision)


def list_cases(store, *, selected_only: bool = False) -> list[CaseStudyInfo]:
    """Every case study, in the province's city order, then by enterprise name."""
    from ..core.collation import region_key

    with store.session() as s:
        q = select(CaseStudy).options(selectinload(CaseStudy.enterprise))
        if selected_only:
            q = q.where(CaseStudy.selected.is_(True))
        found = sorted(s.scalars(q), key=lambda c: region_key(c.enterprise.city, c.enterprise.name))
        return [_info(s, c) for c in found]


def get_case(store, ref: str) -> CaseStudyInfo:
    with store.session() as s:
        return _info(s, resolve_case(s, ref))


def case_of_enterprise(store, enterprise_id: str) -> CaseStudyInfo | None:
    with store.session() as s:
        c = s.scalar(select(CaseStudy).where(CaseStudy.enterprise_id == enterprise_id))
        return _info(s, c) if c else None


# -- drafting ------------------------------------------------------------------------------

def _chain(store, enterprise_id: str) -> list[VisitDetail]:
    """The enterprise's visits, oldest first; the latest finalized one (else the latest) leads the draft."""
    rows = sorted(visits.list_visits(store, visits.VisitFilter(enterprise_id=enterprise_id)),
                  key=lambda r: (r.start_date, r.updated_at))
    return [visits.get_visit(store, r.id) for r in rows]


def _latest(chain: list[VisitDetail]) -> VisitDetail:
    final = [d for d in chain if d.row.status == VisitStatus.FINALIZED]
    summaries = [d for d in final if d.row.stage == Stage.SUMMARY]
    return (summaries or final or chain)[-1]


def _numbered(lines: list[str]) -> str:
    return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, start=1))


def _level(detail: VisitDetail) -> str:
    named = band(detail.result.overall, detail.template.scale)
    level = detail.result.overall.level
    shown = "未评" if level is None else f"{level:.2f}".rstrip("0").rstrip(".") + " 级"
    return shown + (f"（{named.name}）" if named else "")


def draft_texts(chain: list[VisitDetail]) -> dict:
    """A case's fields drafted from the enterprise's visits (oldest first)."""
    latest = _latest(chain)
    e = latest.enterprise
    base_id = latest.baseline.visit_id if latest.baseline else None
    baseline = next((d for d in chain if d.row.id == base_id), None)
    rises = goal_improvements(latest)
    goal_rises = [r for r in rises if r.code]
    found = highlights(latest)
    headline = max(goal_rises, key=lambda r: r.after - r.before).title if goal_rises else "质量管理水平"
    title = f"“一企一策”推动{headline}提升——{e.name}质量提升典型案例"

    background = [f"{e.name}位于{e.city}{e.county}，是“头雁行动”{e.cultivation_type}培育企业"
                  + (f"，主营{e.profile.main_products}" if e.profile.main_products else "") + "。"]
    if e.profile.introduction:
        background.append(e.profile.introduction)
    if baseline is not None:
        problems = "；".join(p.text.rstrip("。；") for p in baseline.problems[:3])
        background.append(f"{baseline.row.start_date.year}年{baseline.row.start_date.month}月前期质量巡诊时，"
                          f"企业总体成熟度为 {_level(baseline)}" + (f"，主要问题：{problems}" if problems else "") + "。")

    done = [p for p in latest.plan if p.status in (ActionStatus.DONE, ActionStatus.VERIFIED)]
    practices = [p.measure.rstrip("。") + (f"（{p.category}）" if p.category else "") for p in done]
    if not practices:
        practices = [p.measure.rstrip("。") for p in latest.plan]
    practices += [h.text.rstrip("。") for h in found if h.text.rstrip("。") not in practices][:3]

    results = []
    if latest.baseline is not None:
        results.append(f"与前期巡诊相比，{'；'.join(r.describe() for r in rises) or '总体成熟度保持稳定'}。")
        risen = item_improvements(latest)
        if risen:
            results.append(f"共有 {len(risen)} 个条目等级提升，其中{'；'.join(r.describe() for r in risen[:3])}。")
    carried = [p for p in latest.plan if p.carried_from_id]
    if carried:
        effective = sum(p.result == ActionResult.EFFECTIVE for p in carried)
        finished = sum(p.status in (ActionStatus.DONE, ActionStatus.VERIFIED) for p in carried)
        results.append(f"延续的一企一策举措 {len(carried)} 项，已完成 {finished} 项，经核验完成并见效 {effective} 项。")
    if latest.summary.strip():
        results.append(latest.summary.strip())

    lessons = [h.text.rstrip("。") + f"（条目 {h.code}）" for h in found][:DRAFT_LESSONS]
    # One photo of each scene (a scene shot again at a later visit has its caption).
    scenes: dict[str, dict] = {}
    for d in chain:
        for a in d.attachments:
            if a.media_type.startswith("image/"):
                scenes.setdefault(a.caption or a.filename, {"sha256": a.sha256, "filename": a.filename,
                                                            "caption": a.caption or a.filename})
    photos = list(scenes.values())[:DRAFT_PHOTOS]
    return {
        "title": title, "background": "\n".join(background), "practices": _numbered(practices),
        "results": "\n".join(results), "lessons": _numbered(lessons),
        "goal_codes": [r.code for r in goal_rises], "visit_ids": [d.row.id for d in chain], "photos": photos,
    }


def draft_case(store, enterprise_ref: str, *, replace: bool = False) -> CaseStudyInfo:
    """The enterprise's case drafted from its visits. An existing case is kept unless ``replace``
    (then its texts and links are drafted anew; the 入选 flag stays)."""
    enterprise = find_enterprise(store, enterprise_ref)
    chain = _chain(store, enterprise.id)
    if not chain:
        raise UserError(f"企业“{enterprise.name}”还没有巡诊记录，无法起草典型案例")
    values = draft_texts(chain)
    for key in TEXT_FIELDS:
        values[key] = check_field_text(f"case.{key}", values[key][:_limit(key)])
    with store.session() as s:
        c = s.scalar(select(CaseStudy).where(CaseStudy.enterprise_id == enterprise.id))
        if c is not None and not replace:
            raise UserError(f"企业“{enterprise.name}”已有典型案例（编号 {c.id[:8]}）；如需按最新巡诊重新起草，请加 --replace")
        if c is None:
            c = CaseStudy(enterprise=s.get(Enterprise, enterprise.id))
            s.add(c)
        for key, val in values.items():
            setattr(c, key, val)
        s.flush()
        return _info(s, c)


def _limit(key: str) -> int:
    from ..core.validation import TEXT_LIMITS

    return TEXT_LIMITS[f"case.{key}"].max_len


# -- editing -------------------------------------------------------------------------------

def update_case(store, ref: str, **values) -> CaseStudyInfo:
    """Change texts (``TEXT_FIELDS``), ``goal_codes`` or ``visit_ids`` — all or nothing."""
    checked: dict = {}
    for key, val in values.items():
        if key in TEXT_FIELDS:
            checked[key] = check_field_text(f"case.{key}", val)
            if key == "title" and not val.strip():
                raise UserError("案例题目不能为空")
        elif key not in ("goal_codes", "visit_ids"):
            raise ValueError(key)
    with store.session() as s:
        c = resolve_case(s, ref)
        if "visit_ids" in values:
            mine = set(s.scalars(select(Visit.id).where(Visit.enterprise_id == c.enterprise_id)))
            ids = list(dict.fromkeys(values["visit_ids"]))
            for vid in ids:
                if vid not in mine:
                    raise UserError(f"巡诊 {str(vid)[:8]} 不属于企业“{c.enterprise.name}”，不能关联到其典型案例")
            checked["visit_ids"] = ids
        if "goal_codes" in values:
            linked = [s.get(Visit, vid) for vid in checked.get("visit_ids", c.visit_ids)]
            goals: set[str] = set()
            from .checklists import stored_template

            for v in linked:
                if v is not None:
                    goals |= {g.code for g in stored_template(s, v.template_id, v.template_version).goals}
            checked["goal_codes"] = [check_item_code(code, goals) for code in dict.fromkeys(values["goal_codes"])]
        for key, val in checked.items():
            setattr(c, key, val)
        s.flush()
        return _info(s, c)


def add_photo(store, ref: str, filename: str, data: bytes, caption: str = "") -> CaseStudyInfo:
    check_attachment(filename, data, caption)
    digest = hashlib.sha256(data).hexdigest()
    with store.session() as s:
        c = resolve_case(s, ref)
        if len(c.photos or ()) >= MAX_PHOTOS:
            raise UserError(f"一个典型案例最多 {MAX_PHOTOS} 张照片")
        if s.get(Blob, digest) is None:
            s.add(Blob(sha256=digest, size=len(data), data=data))
        c.photos = [*(c.photos or []), {"sha256": digest, "filename": filename, "caption": caption}]
        s.flush()
        return _info(s, c)


def remove_photo(store, ref: str, index: int) -> CaseStudyInfo:
    with store.session() as s:
        c = resolve_case(s, ref)
        photos = list(c.photos or [])
        if not 0 <= index < len(photos):
            raise UserError(f"该典型案例没有第 {index + 1} 张照片")
        del photos[index]
        c.photos = photos
        s.flush()
        return _info(s, c)


def set_selected(store, ref: str, on: bool = True) -> CaseStudyInfo:
    """The bureau's 入选 (or its withdrawal)."""
    with store.session() as s:
        c = resolve_case(s, ref)
        c.selected, c.selected_at = on, (utcnow() if on else None)
        s.flush()
        return _info(s, c)


def case_json(info: CaseStudyInfo) -> dict:
    """A case as `xunzhen case list --json` prints it."""
    return {
        "id": info.id, "enterprise": info.enterprise, "enterprise_id": info.enterprise_id, "city": info.city,
        "cultivation_type": info.cultivation_type, "title": info.title, "background": info.background,
        "practices": info.practices, "results": info.results, "lessons": info.lessons,
        "goal_codes": list(info.goal_codes), "visits": [v.id for v in info.visits],
        "photos": [{"filename": p.filename, "caption": p.caption, "sha256": p.sha256} for p in info.photos],
        "selected": info.selected, "selected_at": info.selected_at.isoformat() if info.selected_at else None,
    }
