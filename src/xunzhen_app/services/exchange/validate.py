"""Every value a package carries, through the app's one set of rules (core.validation).

Types and column lengths are checked by records.parse_section; this adds what a
value must mean: ids are UUIDs, a 统一社会信用代码 has its check character, cities
and counties come from the regions table, vocabularies (培育类型, stage,
status, methods, honours) are the app's, dates are plausible and ordered,
texts are as long as the GUI allows and free of control characters, file names
are bare. What needs the template (item codes, the level scale) is checked in
the merge, where the template is at hand (``check_template_values``).

The first invalid value refuses the whole package, naming the package, the
section, the record and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...core.actions import ActionResult, ActionStatus
from ...core.checklist import Template
from ...core.domain import Honour, HonourKind, HonourLevel, Method
from ...core.errors import UserError
from ...core.validation import (
    InvalidValue,
    check_attachment_name,
    check_city,
    check_date,
    check_date_range,
    check_field_text,
    check_item_code,
    check_level,
    check_sha256,
    check_stage,
    check_status,
    check_text,
    check_uuid,
)
from .. import actions
from ..dto import Contact, EnterpriseInput
from ..enterprises import validate_enterprise
from .format import PackageError
from .records import SECTIONS, TOMBSTONES, label

# Columns holding ids of records (their own or others'): all UUIDs.
_ID_COLUMNS = ("id", "enterprise_id", "visit_id", "expert_id", "previous_visit_id", "carried_from_id", "plan_item_id")
_MAX_POSITION = 100_000  # a row's place in its list; also bounds what a later export adds to it
_SHORT = 60  # roles and such: one line, as the column allows
TEMPLATE_BOUND = ("assessment", "member_rating", "visit_problem", "plan_item", "attachment")  # rows naming an item code
_FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")
_GOAL_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.]{0,19}")


def validate_sections(source: str, sections: dict[str, list[dict]]) -> None:
    for name, rows in sections.items():
        if name not in SECTIONS or name == "templates":
            continue
        for row in rows:
            try:
                check_record(name, row)
            except UserError as exc:  # InvalidValue, and the plan rules' own refusals
                raise _refusal(source, name, row, exc) from None
    for n, t in enumerate(sections.get(TOMBSTONES, [])):
        try:
            check_uuid(t["record_id"], field="编号")
            check_uuid(t["visit_id"], field="巡诊编号")
        except InvalidValue as exc:
            raise PackageError(source, f"data.json 的 {TOMBSTONES}[{n}] 中 {exc}") from None


def check_record(section: str, row: dict) -> None:
    """One typed record (as records.parse_section gives it) by the rules every package's records
    meet; raises the rule's UserError (an InvalidValue names the field). For values a person
    edited too, as when resolving a conflict."""
    _ids(row)
    _RULES[SECTIONS[section].__tablename__](row)


@dataclass(frozen=True)
class TemplateCodes:
    """What a template allows, gathered once per template rather than once per row."""

    items: frozenset[str]
    goals: frozenset[str]
    levels: tuple[int, ...]

    @classmethod
    def of(cls, template: Template) -> TemplateCodes:
        return cls(frozenset(i.code for i in template.items()), frozenset(g.code for g in template.goals),
                   tuple(lv.level for lv in template.scale.levels))


def check_template_values(source: str, section: str, row: dict, allowed: TemplateCodes) -> None:
    """Item codes the visit's template has, levels on its scale."""
    try:
        check_record_template(section, row, allowed)
    except InvalidValue as exc:
        raise _refusal(source, section, row, exc) from None


def check_record_template(section: str, row: dict, allowed: TemplateCodes) -> None:
    """``check_template_values`` for one record, raising the InvalidValue itself."""
    if section in ("assessments", "member_ratings"):
        check_item_code(row["item_code"], allowed.items)
        check_level(row["level"], allowed.levels)
        check_level(row.get("consensus_level"), allowed.levels)
    elif section == "plan_items":
        for code in row["item_codes"]:
            check_item_code(code, allowed.items)
        for code in row["goal_codes"]:
            check_item_code(code, allowed.goals)
    elif row.get("item_code") is not None:
        check_item_code(row["item_code"], allowed.items)


def _refusal(source: str, section: str, row: dict, exc: UserError) -> PackageError:
    record: str = row["id"] if isinstance(row.get("id"), str) else "?"
    name = label(SECTIONS[section].__tablename__, row)
    shown = f"{record[:36]}（{name}）" if name and name != record[:8] else record[:36]
    return PackageError(source, f"data.json 的 {section} 中记录 {shown} 的值无效：{exc}")


def _ids(row: dict) -> None:
    for col in _ID_COLUMNS:
        if row.get(col) is not None:
            check_uuid(row[col], field={"id": "编号"}.get(col, col))


def _position(row: dict) -> None:
    if not 0 <= row["position"] <= _MAX_POSITION:
        raise InvalidValue("排列位置", f"{row['position']} 不在 0–{_MAX_POSITION} 之间")


def _enterprise(row: dict) -> None:
    try:
        honours = tuple(_honour(h) for h in row["honours"])
        contacts = tuple(_contact(c) for c in row["contacts"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidValue("荣誉或联系人", f"格式不符（{exc}）") from None
    problems = validate_enterprise(EnterpriseInput(
        name=row["name"], city=row["city"], cultivation_type=row["cultivation_type"], uscc=row["uscc"] or "",
        county=row["county"], industry=row["industry"], honours=honours, contacts=contacts, notes=row["notes"]))
    if problems:
        field, message = next(iter(problems.items()))
        raise InvalidValue(field, message)


def _honour(h) -> Honour:
    if not isinstance(h, dict) or not set(h) <= {"kind", "level", "year", "nomination", "name"}:
        raise ValueError(f"荣誉 {str(h)[:60]}")
    year = h.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1949 <= year <= 2100):
        raise ValueError(f"荣誉年份 {str(year)[:10]}")
    if not isinstance(h.get("nomination", False), bool):
        raise ValueError("荣誉的提名标记应为真/假")
    return Honour(HonourKind(h["kind"]), HonourLevel(h["level"]) if h.get("level") else None, year,
                  h.get("nomination", False), h.get("name", ""))


def _contact(c) -> Contact:
    if not isinstance(c, dict) or not set(c) <= {"name", "position", "phone", "email"}:
        raise ValueError(f"联系人 {str(c)[:60]}")
    return Contact(**c)


def _expert(row: dict) -> None:
    for key in ("name", "organisation", "title", "specialty", "phone", "email"):
        check_field_text(f"expert.{key}", row[key])


def _visit(row: dict) -> None:
    check_stage(row["stage"])
    check_status(row["status"])
    check_date_range(row["start_date"], row["end_date"])
    for key in ("summary", "report_number", "reopen_reason"):
        check_field_text(f"visit.{key}", row[key])
    bad = [m for m in row["methods"] if not isinstance(m, str) or m not in set(Method)]
    if bad or not isinstance(row["methods"], list):
        raise InvalidValue("巡诊方式", f"应为：{'、'.join(Method)}")
    if not isinstance(row["interviewees"], list):
        raise InvalidValue("访谈对象", "应为列表")
    for p in row["interviewees"]:
        if not isinstance(p, dict) or not set(p) <= {"name", "position"} or "name" not in p:
            raise InvalidValue("访谈对象", f"格式不符：{str(p)[:60]}")
        check_field_text("interviewee.name", p["name"])
        check_field_text("interviewee.position", p.get("position", ""))


def _visit_expert(row: dict) -> None:
    check_text(row["role"], field="角色", max_len=_SHORT)
    _position(row)
    if row["fingerprint"] and not _FINGERPRINT.match(row["fingerprint"]):
        raise InvalidValue("成员指纹", "应为 64 位十六进制")
    for key in ("goal_codes", "item_codes"):  # that they are the template's is checked in the merge
        if not isinstance(row[key], list) or not all(isinstance(c, str) and len(c) <= 20 for c in row[key]):
            raise InvalidValue("分工", "应为编号的列表")


def _assessment(row: dict) -> None:
    for key in ("evidence", "problem", "suggestion", "strength"):
        check_field_text(f"assessment.{key}", row[key])
    if "consensus_note" in row:
        check_field_text("assessment.consensus_note", row["consensus_note"])


def _member_rating(row: dict) -> None:
    for key in ("evidence", "problem", "suggestion", "strength"):
        check_field_text(f"assessment.{key}", row[key])
    if not _FINGERPRINT.match(row["rater"]):
        raise InvalidValue("评定人指纹", "应为 64 位十六进制")
    if row["level"] is not None and row["not_applicable"]:
        raise InvalidValue("等级", "不能既有等级又为不适用")


def _problem(row: dict) -> None:
    check_field_text("problem.text", row["text"])
    _position(row)


def _plan_item(row: dict) -> None:
    for key in ("measure", "department", "owner", "category", "expected_outcome", "result_note"):
        check_field_text(f"plan.{key}", row[key])
    actions.check_due(row["due"])
    actions.check_status(row["status"])
    if row["result"] and row["result"] not in set(ActionResult):
        raise InvalidValue("核验结果", f"“{str(row['result'])[:20]}”无效，应为：{'、'.join(ActionResult)}")
    for key in ("item_codes", "goal_codes"):
        if not isinstance(row[key], list) or not all(isinstance(c, str) for c in row[key]):
            raise InvalidValue("关联条目", "应为编号的列表")
    if not isinstance(row["progress"], list):
        raise InvalidValue("进展记录", "应为列表")
    for note in row["progress"]:
        if not isinstance(note, dict) or not set(note) <= {"date", "note", "status", "attachments"}:
            raise InvalidValue("进展记录", f"格式不符：{str(note)[:60]}")
        attached = note.get("attachments", [])
        if not isinstance(attached, list):
            raise InvalidValue("进展记录附件", "应为编号的列表")
        for ref in attached:
            check_uuid(ref, field="进展记录附件")
        check_date(note.get("date"), field="进展记录日期")
        check_field_text("plan.note", note.get("note", ""))
        actions.check_status(note.get("status", ActionStatus.NOT_STARTED))
    _position(row)


def _attachment(row: dict) -> None:
    check_attachment_name(row["filename"])
    check_text(row["media_type"], field="文件类型", max_len=100)
    check_field_text("attachment.caption", row["caption"])
    if row["size"] < 0:
        raise InvalidValue("文件大小", f"{row['size']} 不能为负")


def _assignment(row: dict) -> None:
    if row["stage"]:
        check_stage(row["stage"])
    check_text(row["role"], field="角色", max_len=_SHORT)
    check_field_text("assignment.note", row["note"])


def _review(row: dict) -> None:
    from ..reviews import check_review

    check_review(row["status"], row["note"])
    check_text(row["reviewer"], field="审核人", max_len=_SHORT)


def _case(row: dict) -> None:
    from ..cases import LABELS, MAX_PHOTOS, TEXT_FIELDS

    for key in TEXT_FIELDS:
        check_field_text(f"case.{key}", row[key])
    if not row["title"].strip():
        raise InvalidValue(LABELS["title"], "不能为空")
    for key, what in (("visit_ids", "关联巡诊"), ("goal_codes", "关联培育目标"), ("photos", "照片")):
        if not isinstance(row[key], list):
            raise InvalidValue(what, "应为列表")
    for vid in row["visit_ids"]:
        check_uuid(vid, field="关联巡诊")
    for code in row["goal_codes"]:  # the template's goals are not at hand here: their form only
        if not isinstance(code, str) or _GOAL_CODE.fullmatch(code) is None:
            raise InvalidValue("关联培育目标", f"“{str(code)[:20]}”不是有效的目标编号")
    if len(row["photos"]) > MAX_PHOTOS:
        raise InvalidValue("照片", f"最多 {MAX_PHOTOS} 张")
    for photo in row["photos"]:
        if not isinstance(photo, dict) or not {"sha256", "filename"} <= set(photo) <= {"sha256", "filename", "caption"}:
            raise InvalidValue("照片", f"格式不符：{str(photo)[:60]}")
        check_sha256(photo["sha256"], field="照片内容摘要")
        check_attachment_name(photo["filename"])
        check_field_text("attachment.caption", photo.get("caption", ""))
def _success(row: dict) -> None:
    from ..programme_desk import check_success

    check_success(row["decided_on"], row["reason"])
    check_text(row["decided_by"], field="认定人", max_len=_SHORT)


def _list_submission(row: dict) -> None:
    check_city(row["city"])
    check_date(row["sent_on"], field="附件2报送日期")
    check_text(row["file_name"], field="附件2文件名", max_len=255)
    if not 0 <= row["enterprises"] <= _MAX_POSITION:
        raise InvalidValue("附件2企业数", f"{row['enterprises']} 超出范围（0 至 {_MAX_POSITION}）")


_RULES = {
    "enterprise": _enterprise,
    "expert": _expert,
    "visit": _visit,
    "visit_expert": _visit_expert,
    "assessment": _assessment,
    "member_rating": _member_rating,
    "visit_problem": _problem,
    "plan_item": _plan_item,
    "attachment": _attachment,
    "assignment": _assignment,
    "visit_review": _review,
    "case_study": _case,
    "cultivation_success": _success,
    "list_submission": _list_submission,
}
