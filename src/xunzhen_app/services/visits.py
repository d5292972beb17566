"""Visits (巡诊): create, fill in item by item, finalize, reopen, read back.

Each public function is one transaction. Edits are single-field writes so the
GUI can commit every keystroke burst at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, object_session, selectinload

from ..core.checklist import Template
from ..core.domain import Method, Stage, VisitStatus
from ..core.errors import NotFoundError, UserError
from ..core.scoring import score_template
from ..core.validation import (
    check_date,
    check_date_range,
    check_field_text,
    check_item_code,
    check_level,
    check_stage,
)
from ..db.base import utcnow
from ..db.models import (
    Assessment,
    Attachment,
    Blob,
    Enterprise,
    Expert,
    PlanItem,
    Visit,
    VisitExpert,
    VisitHistory,
    VisitProblem,
)
from . import actions, calendar, checklists, report_numbers, team_assignments
from .attachment_store import attachment_info, check_attachment, read_attachment_file, store_attachment
from .dto import (
    AttachmentInfo,
    Earlier,
    HistoryEntry,
    Interviewee,
    ProblemData,
    TeamMember,
    VisitDetail,
    VisitRow,
)
from .enterprises import to_info
from .id_prefix import resolve_prefix

ASSESSMENT_TEXT_FIELDS = ("evidence", "problem", "suggestion", "strength")


@dataclass(frozen=True)
class NewVisit:
    enterprise_id: str
    stage: str = Stage.INITIAL.value
    start_date: date = field(default_factory=date.today)
    end_date: date | None = None
    team: tuple[str, ...] = ()  # expert ids; the first is the 组长
    methods: tuple[str, ...] = tuple(m.value for m in Method)
    template_id: str | None = None
    template_version: str | None = None
    previous_visit_id: str | None = None
    copy_previous: bool = False


def resolve_visit(session: Session, ref: str) -> Visit:
    """A visit by its id or an unambiguous id prefix (as `visit list` shows)."""
    return resolve_prefix(session, Visit, ref, id_label="巡诊编号", noun="巡诊")


def _check_methods(methods) -> list[str]:
    bad = [m for m in methods if m not in set(Method)]
    if bad:
        raise UserError(f"巡诊方式“{bad[0]}”无效，应为：{'、'.join(Method)}")
    return list(methods)


def create_visit(store, new: NewVisit) -> VisitRow:
    """A new visit; from a previous one (``previous_visit_id``) the enterprise may be left out and
    the stage too: it is then the follow-up stage of the visit's date (``follow_up_stage``)."""
    _check_methods(new.methods)
    start, end = check_date_range(new.start_date, new.end_date or new.start_date)
    stage = check_stage(new.stage or (follow_up_stage(start) if new.previous_visit_id else new.stage))
    template = checklists.find_usable(store, new.template_id, new.template_version)
    with store.session() as s:
        previous = None
        if new.previous_visit_id:  # an id or an id prefix, as `visit new --from` takes it
            previous = resolve_visit(s, new.previous_visit_id)
        enterprise = s.get(Enterprise, new.enterprise_id or (previous.enterprise_id if previous else ""))
        if enterprise is None:
            raise NotFoundError(f"没有编号为 {new.enterprise_id} 的企业")
        if previous is not None and previous.enterprise_id != enterprise.id:
            raise UserError("所选的上一次巡诊不属于该企业")
        checklists.snapshot(s, template)
        visit = Visit(
            enterprise=enterprise, template_id=template.id, template_version=template.version,
            stage=stage, status=VisitStatus.DRAFT.value, start_date=start, end_date=end,
            methods=list(new.methods), interviewees=[], previous_visit_id=previous.id if previous else None,
            organiser=report_numbers.default_organiser(enterprise.city),
        )
        s.add(visit)
        for pos, expert_id in enumerate(new.team):
            if s.get(Expert, expert_id) is None:
                raise NotFoundError(f"没有编号为 {expert_id} 的专家")
            visit.team.append(VisitExpert(expert_id=expert_id, role="组长" if pos == 0 else "成员", position=pos))
        if previous is not None and new.copy_previous:
            _copy_from(previous, visit)
        s.flush()
        return _row(visit)


def follow_up_stage(on: date) -> str:
    """The stage a follow-up made on ``on`` belongs to: 成效总结 in December (附件1), else 培育跟踪."""
    return Stage.SUMMARY.value if on.month == 12 else Stage.FOLLOW_UP.value


def _copy_from(previous: Visit, visit: Visit) -> None:
    """A follow-up re-checks rather than copies: no rating travels (each item shows the last level as
    a 待复核 suggestion, see VisitDetail.suggestion), checks start empty; the open actions carry on."""
    actions.carry_open_actions(previous, visit)
    if not visit.team:
        for m in previous.team:
            visit.team.append(VisitExpert(expert_id=m.expert_id, role=m.role, position=m.position))


def _row(v: Visit) -> VisitRow:
    e = v.enterprise
    session = object_session(v)
    return VisitRow(
        id=v.id, enterprise_id=e.id, enterprise=e.name, city=e.city, cultivation_type=e.cultivation_type,
        start_date=v.start_date, end_date=v.end_date, stage=v.stage, status=v.status,
        template_id=v.template_id, template_version=v.template_version, updated_at=v.updated_at,
        outside_window=session is not None and calendar.outside_window_in(session, v.stage, v.start_date),
    )


@dataclass(frozen=True)
class VisitFilter:
    city: str = ""
    cultivation_type: str = ""
    stage: str = ""
    status: str = ""
    enterprise_id: str = ""


def list_visits(store, flt: VisitFilter = VisitFilter()) -> list[VisitRow]:
    with store.session() as s:
        q = select(Visit).join(Visit.enterprise).options(selectinload(Visit.enterprise))
        q = q.order_by(Visit.start_date.desc(), Enterprise.name)
        if flt.city:
            q = q.where(Enterprise.city == flt.city)
        if flt.cultivation_type:
            q = q.where(Enterprise.cultivation_type == flt.cultivation_type)
        if flt.stage:
            q = q.where(Visit.stage == flt.stage)
        if flt.status:
            q = q.where(Visit.status == flt.status)
        if flt.enterprise_id:
            q = q.where(Visit.enterprise_id == flt.enterprise_id)
        from .reviews import review_mark, review_states

        rows = [_row(v) for v in s.scalars(q)]
        states = review_states(s, [r.id for r in rows])
        return [replace(r, review=review_mark(states[r.id])) if r.id in states else r for r in rows]


def initial_visit(store, enterprise_id: str) -> VisitRow | None:
    """The enterprise's 前期巡诊, if it has one. An enterprise has one initial visit; a
    second one is almost always meant as a follow-up (培育跟踪), so callers warn and offer that."""
    with store.session() as s:
        v = s.scalars(select(Visit).options(selectinload(Visit.enterprise))
                      .where(Visit.enterprise_id == enterprise_id, Visit.stage == Stage.INITIAL.value)
                      .order_by(Visit.start_date).limit(1)).first()
        return _row(v) if v else None


def _detail(session: Session, v: Visit, store=None) -> VisitDetail:
    """With ``store``, as this installation's expert sees it (a team member: their own ratings)."""
    template = checklists.stored_template(session, v.template_id, v.template_version)
    member = team_assignments.member_context(session, store, v, template) if store is not None else None
    assessments = team_assignments.assessments_of(v, member)
    ratings = {code: a.rating for code, a in assessments.items()}
    result = score_template(template, ratings)
    problems = _problems_in_order(v.problems, set(result.failed_checks))
    return VisitDetail(
        row=_row(v),
        enterprise=to_info(v.enterprise),
        template=template,
        team=tuple(TeamMember(m.expert_id, m.expert.name, m.expert.organisation, m.expert.title, m.role,
                              m.fingerprint, tuple(m.goal_codes or ()), tuple(m.item_codes or ())) for m in v.team),
        methods=tuple(v.methods or ()),
        interviewees=tuple(Interviewee(p.get("name", ""), p.get("position", "")) for p in v.interviewees or ()),
        assessments=assessments,
        problems=tuple(ProblemData(p.id, p.text, p.item_code) for p in problems),
        plan=tuple(actions.to_row(p) for p in v.plan),
        attachments=_attachment_infos(v),
        summary=v.summary,
        report_number=v.report_number,
        previous_visit_id=v.previous_visit_id,
        finalized_at=v.finalized_at,
        revision=v.revision,
        result=result,
        expert_opinion=v.expert_opinion,
        organiser=v.organiser,
        report_date=v.report_date,
        previous=_earlier(session, previous) if (previous := _previous_of(session, v)) else None,
        baseline=_earlier(session, baseline) if (baseline := _baseline_of(session, v)) else None,
        assigned_items=member.assigned if member is not None else None,
        assignment=team_assignments.describe_assignment(member.goals, member.items) if member is not None else "",
        authored_here=team_assignments.visit_author(session, v.id) is None,
    )


def _previous_of(session: Session, v: Visit) -> Visit | None:
    return session.get(Visit, v.previous_visit_id) if v.previous_visit_id else None


def _baseline_of(session: Session, v: Visit) -> Visit | None:
    """The 前期巡诊 a follow-up's chain goes back to (not the visit itself)."""
    seen = {v.id}
    earlier = _previous_of(session, v)
    baseline = None
    while earlier is not None and earlier.id not in seen:
        seen.add(earlier.id)
        if earlier.stage == Stage.INITIAL:
            baseline = earlier
        earlier = _previous_of(session, earlier)
    return baseline


def _earlier(session: Session, v: Visit) -> Earlier:
    template = checklists.stored_template(session, v.template_id, v.template_version)
    ratings = {code: a.rating for code, a in team_assignments.assessments_of(v).items()}
    return Earlier(v.id, v.stage, v.start_date, ratings, score_template(template, ratings))


def get_visit(store, ref: str) -> VisitDetail:
    with store.session() as s:
        return _detail(s, resolve_visit(s, ref), store)


def previous_visit(store, ref: str) -> VisitDetail | None:
    """The visit this one follows up, for the before/after comparison."""
    with store.session() as s:
        v = resolve_visit(s, ref)
        return _detail(s, s.get(Visit, v.previous_visit_id)) if v.previous_visit_id else None


def _assessment(session: Session, visit: Visit, code: str) -> Assessment:
    template = checklists.stored_template(session, visit.template_id, visit.template_version)
    try:
        template.item(code)
    except KeyError:
        raise NotFoundError(f"检查表 {template.id} {template.version} 中没有条目 {code}") from None
    found = session.scalar(select(Assessment).where(Assessment.visit_id == visit.id, Assessment.item_code == code))
    if found is None:
        found = Assessment(visit=visit, item_code=code)
        session.add(found)
    return found


_UNSET = object()


def check_rating(template: Template, code: str, *, level=None, not_applicable: bool = False) -> None:
    """The template's rules for a rating: a level on its scale 1…N, and 不适用 only where allowed."""
    item = template.item(code)
    scale = template.scale
    try:
        check_level(level, scale.values())
    except UserError as exc:
        raise UserError(f"条目 {code} 的{exc}（检查表 {template.id} {template.version}）") from None
    if not_applicable and not item.may_be_not_applicable:
        why = "带否决条件的条目" if item.veto else "检查表规定该条目"
        raise UserError(f"条目 {code} 不能标为“{scale.not_applicable}”：{why}必须评定等级")


def rate_item(store, visit_ref: str, code: str, *, level=_UNSET, not_applicable=_UNSET, check_passed=_UNSET,
              texts: Mapping[str, str] | None = None) -> None:
    """Set an item's level (one of the template's scale), 不适用, or its pass/fail check, and
    optionally its texts (核查记录, 问题, 改进建议), all in one transaction: a refused value saves
    nothing. Setting a level clears 不适用 and vice versa."""
    for name, text in (texts or {}).items():
        if name not in ASSESSMENT_TEXT_FIELDS:
            raise ValueError(name)
        check_field_text(f"assessment.{name}", text)
    with store.session() as s:
        visit = resolve_visit(s, visit_ref)
        template = checklists.stored_template(s, visit.template_id, visit.template_version)
        # A team member's own row for an assigned item (services.team_assignments), else the visit's.
        a = team_assignments.own_rating_row(s, store, visit, template, code) or _assessment(s, visit, code)
        check_rating(template, code, level=None if level is _UNSET else level,
                     not_applicable=not_applicable is not _UNSET and bool(not_applicable))
        for name, text in (texts or {}).items():
            setattr(a, name, text)
        if level is not _UNSET:
            a.level = level
            if level is not None:
                a.not_applicable = False
        if not_applicable is not _UNSET:
            a.not_applicable = bool(not_applicable)
            if a.not_applicable:
                a.level = None
        if check_passed is not _UNSET:
            if template.item(code).check is None:
                raise UserError(f"条目 {code} 没有否决项检查")
            a.check_passed = check_passed


def set_item_text(store, visit_ref: str, code: str, field_name: str, text: str) -> None:
    if field_name not in ASSESSMENT_TEXT_FIELDS:
        raise ValueError(field_name)
    check_field_text(f"assessment.{field_name}", text)
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        template = checklists.stored_template(s, v.template_id, v.template_version)
        setattr(team_assignments.own_rating_row(s, store, v, template, code) or _assessment(s, v, code),
                field_name, text)


VISIT_TEXT_FIELDS = ("summary", "expert_opinion", "organiser")


def set_visit_field(store, visit_ref: str, field_name: str, value) -> None:
    """Edit a visit's own fields (总体评价, 专家组意见, 报告编号, 组织单位, 报告日期, dates, methods,
    interviewees, stage).

    ``interviewees`` is a list of ``Interviewee`` (or of {"name", "position"} dicts); ``report_date``
    a date or None."""
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        team_assignments.refuse_member_edit(s, store, v)
        if field_name in VISIT_TEXT_FIELDS:
            setattr(v, field_name, check_field_text(f"visit.{field_name}", value))
        elif field_name == "report_number":
            v.report_number = report_numbers.checked(s, v, value)
        elif field_name == "report_date":
            v.report_date = None if value is None else check_date(value, field="报告日期")
        elif field_name in ("start_date", "end_date"):
            start = value if field_name == "start_date" else v.start_date
            end = value if field_name == "end_date" else v.end_date
            start, end = check_date_range(start, end)
            v.start_date, v.end_date = start, end
        elif field_name == "methods":
            v.methods = _check_methods(value)
        elif field_name == "interviewees":
            v.interviewees = _interviewees(value)
        elif field_name == "stage":
            v.stage = check_stage(value)
        else:
            raise ValueError(field_name)


def _interviewees(value) -> list[dict]:
    out = []
    for n, p in enumerate(value, start=1):
        name, position = (p.name, p.position) if isinstance(p, Interviewee) else (p["name"], p.get("position", ""))
        name = check_field_text("interviewee.name", name).strip()
        position = check_field_text("interviewee.position", position).strip()
        if not name:
            raise UserError(f"访谈人员第 {n} 行缺少姓名" + (f"（职务：{position}）" if position else ""))
        out.append({"name": name, "position": position})
    return out


def finalize_gaps(detail: VisitDetail) -> list[str]:
    """What a visit still lacks, to list when 定稿 asks for confirmation (never a refusal)."""
    template, result = detail.template, detail.result
    gaps = []
    if result.unrated:
        gaps.append(f"未评条目 {len(result.unrated)} 项：{'、'.join(result.unrated)}")
    if result.pending:
        gaps.append(f"待合议条目 {len(result.pending)} 项：{'、'.join(result.pending)}（须先记录合议等级）")
    for code in result.failed_checks:
        check = template.item(code).check  # a failed check is always on an item that has one
        gaps.append(f"否决项未通过：{code} {check.text if check else ''}")
    if not detail.problems:
        gaps.append("“主要问题”为空")
    if not detail.plan:
        gaps.append("“一企一策”（帮扶举措）为空")
    return gaps


def finalize(store, visit_ref: str) -> None:
    """定稿. A failed veto check must first be written up as a 问题 linked to its item. The first 定稿
    also gives the report its number and date, which later ones keep."""
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        if v.status == VisitStatus.FINALIZED:
            raise UserError("该巡诊已经定稿")
        team_assignments.refuse_member_edit(s, store, v)
        pending = [c for c, a in team_assignments.assessments_of(v).items() if a.consensus_needed]
        if pending:
            raise UserError(f"专家组对条目 {'、'.join(pending)} 的评定不一致（待合议），请先记录合议等级"
                            "（xunzhen visit rate 巡诊 条目 等级 --consensus --note 说明），再定稿")
        written = {p.item_code for p in v.problems if p.text.strip()}
        missing = sorted(_vetoed_items(s, v) - written)
        if missing:
            raise UserError(f"否决项未通过的条目 {'、'.join(missing)} 尚未在主要问题中记录问题（关联该条目），不能定稿")
        # Number and date first: looking up the next number flushes, and a flush after the status
        # change would be an edit of a finalized visit.
        if v.report_date is None:
            v.report_date = date.today()
        if not v.report_number:
            v.report_number = report_numbers.next_number(s, v)
        v.status = VisitStatus.FINALIZED.value
        v.finalized_at = utcnow()


def reopen(store, visit_ref: str, reason: str) -> None:
    if not reason.strip():
        raise UserError("重新打开已定稿的巡诊必须说明原因")
    check_field_text("visit.reopen_reason", reason)
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        if v.status != VisitStatus.FINALIZED:
            raise UserError("该巡诊尚未定稿，无需重新打开")
        v.reopen_reason = reason.strip()
        v.status = VisitStatus.DRAFT.value


def history(store, visit_ref: str) -> list[HistoryEntry]:
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        rows = s.scalars(select(VisitHistory).where(VisitHistory.visit_id == v.id).order_by(VisitHistory.at))
        return [HistoryEntry(h.at, h.actor, h.entity, h.field, h.old_value, h.new_value, h.reason) for h in rows]


# 主要问题 (problems) and 一企一策 (plan rows): ordered lists edited row by row.

def add_problem(store, visit_ref: str, text: str, item_code: str | None = None) -> str:
    if not text.strip():
        raise UserError("问题内容不能为空")
    check_field_text("problem.text", text)
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        if item_code is not None:
            _check_code(s, v, item_code)
        p = VisitProblem(text=text.strip(), item_code=item_code, position=len(v.problems))
        v.problems.append(p)
        s.flush()
        return p.id


def update_problem(store, problem_id: str, text: str) -> None:
    check_field_text("problem.text", text)
    with store.session() as s:
        _get(s, VisitProblem, problem_id, "问题").text = text


def add_plan_row(store, visit_ref: str, **values) -> str:
    """A new 一企一策 action; ``values`` are fields of services.actions.FIELDS."""
    if not str(values.get("measure", "")).strip():
        raise UserError("帮扶举措的“措施”不能为空")
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        row = PlanItem(position=len(v.plan), **actions.check_values(s, v, values))
        v.plan.append(row)
        s.flush()
        return row.id


def _check_code(session: Session, visit: Visit, code: str) -> None:
    """``code`` names a goal, a measure or an item of the visit's template."""
    template = checklists.stored_template(session, visit.template_id, visit.template_version)
    codes = {i.code for i in template.items()}
    for g in template.goals:
        codes.add(g.code)
        codes.update(m.code for m in g.measures)
    check_item_code(code, codes)


def update_plan_row(store, row_id: str, **values) -> None:
    with store.session() as s:
        row = _get(s, PlanItem, row_id, "帮扶举措")
        for k, val in actions.check_values(s, row.visit, values).items():
            setattr(row, k, val)


_KINDS = {"problem": (VisitProblem, "问题"), "plan": (PlanItem, "帮扶举措"), "attachment": (Attachment, "附件")}


@dataclass(frozen=True)
class Removed:
    """A removed problem, plan row or attachment as it was, for ``restore`` (the GUI's undo)."""

    kind: str  # "problem", "plan" or "attachment"
    values: dict  # every column, id and position included


def _removed(kind: str, row) -> Removed:
    return Removed(kind, {attr.key: getattr(row, attr.key) for attr in inspect(type(row)).column_attrs})


def remove_row(store, kind: str, row_id: str) -> Removed:
    model, label = _KINDS[kind]
    with store.session() as s:
        row = _get(s, model, row_id, label)
        removed = _removed(kind, row)
        siblings = [r for r in _siblings(s, model, row.visit_id) if r.id != row.id]
        s.delete(row)
        for pos, r in enumerate(siblings):
            r.position = pos
        return removed


def restore(store, removed: Removed) -> None:
    """Put back what ``remove_row`` or ``remove_attachment`` removed: the same id, the same
    place in its list, the same stored file (content is never deleted with its link)."""
    model, label = _KINDS[removed.kind]
    values = removed.values
    with store.session() as s, s.no_autoflush:
        if s.get(model, values["id"]) is not None:
            raise UserError(f"该{label}并未删除，无需恢复")
        if s.get(Visit, values["visit_id"]) is None:
            raise NotFoundError(f"没有编号为 {values['visit_id']} 的巡诊")
        if model is Attachment and s.get(Blob, values["sha256"]) is None:
            raise NotFoundError(f"附件内容 {values['sha256'][:12]}… 不在数据库中")
        # Written again, so a newer revision; created_at stays, which keeps attachments in their order.
        row = model(**{**values, "revision": values["revision"] + 1, "updated_at": utcnow()})
        if model is not Attachment:
            siblings = _siblings(s, model, values["visit_id"])
            siblings.insert(max(0, min(values["position"], len(siblings))), row)
            for pos, r in enumerate(siblings):
                if r.position != pos:
                    r.position = pos
        s.add(row)


def _problems_in_order(problems, vetoed: set[str]) -> list:
    """主要问题 as shown: those on a failed veto check first, each group in the expert's order."""
    return sorted(problems, key=lambda p: (p.item_code not in vetoed, p.position))


def _vetoed_items(session: Session, visit: Visit) -> set[str]:
    template = checklists.stored_template(session, visit.template_id, visit.template_version)
    vetoes = {i.code for i in template.items() if i.veto is not None}
    return {a.item_code for a in visit.assessments if a.item_code in vetoes and a.check_passed is False}


def move_row(store, kind: str, row_id: str, new_position: int) -> None:
    """Move a row to ``new_position`` in the list as shown (for problems: veto ones first)."""
    model, label = _KINDS[kind]
    with store.session() as s:
        row = _get(s, model, row_id, label)
        siblings = _siblings(s, model, row.visit_id)
        if model is VisitProblem:
            siblings = _problems_in_order(siblings, _vetoed_items(s, row.visit))
        siblings = [r for r in siblings if r.id != row.id]
        siblings.insert(max(0, min(new_position, len(siblings))), row)
        for pos, r in enumerate(siblings):
            if r.position != pos:
                r.position = pos


def _siblings(session: Session, model, visit_id: str) -> list:
    return list(session.scalars(select(model).where(model.visit_id == visit_id).order_by(model.position)))


def _get(session: Session, model, row_id: str, label: str):
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"没有编号为 {row_id} 的{label}")
    return row


# Attachments: content stored once by hash, linked to the visit (and an item).

def add_attachment(store, visit_ref: str, file: Path, item_code: str | None = None, caption: str = "") -> AttachmentInfo:
    return add_attachment_bytes(store, visit_ref, *read_attachment_file(file), item_code, caption)


def add_attachment_bytes(store, visit_ref: str, filename: str, data: bytes,
                         item_code: str | None = None, caption: str = "") -> AttachmentInfo:
    check_attachment(filename, data, caption)
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        if item_code is not None:
            _check_code(s, v, item_code)
        a = store_attachment(s, v, filename, data, item_code=item_code, caption=caption)
        s.flush()
        return attachment_info(a)


def attachment_bytes(store, sha256: str) -> bytes:
    with store.session() as s:
        blob = s.get(Blob, sha256)
        if blob is None:
            raise NotFoundError(f"附件内容 {sha256[:12]}… 不在数据库中")
        return blob.data


def remove_attachment(store, attachment_id: str) -> Removed:
    """Unlink an attachment; its content stays stored, so ``restore`` can bring it back."""
    with store.session() as s:
        row = _get(s, Attachment, attachment_id, "附件")
        removed = _removed("attachment", row)
        s.delete(row)
        return removed


def _attachment_infos(v: Visit) -> tuple[AttachmentInfo, ...]:
    """The visit's own photos and documents; those of an action's progress notes show with the notes."""
    return tuple(attachment_info(a) for a in sorted(v.attachments, key=lambda a: a.created_at)
                 if a.plan_item_id is None)


def list_attachments(store, visit_ref: str) -> tuple[AttachmentInfo, ...]:
    """A visit's attachments in the order they were added."""
    with store.session() as s:
        return _attachment_infos(resolve_visit(s, visit_ref))
