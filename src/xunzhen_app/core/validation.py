"""One set of checks for every value a user, a spreadsheet or a package hands the app.

The GUI, the CLI, the xlsx import and the package reader all call these, so a
rule lives here once. Each check returns the value it accepted (normalised where
the rule says so) or raises InvalidValue naming the field and the problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from .domain import CultivationType, Stage, VisitStatus
from .errors import UserError
from .regions import cities, city_problem, counties_by_city
from .uscc import normalize_uscc, uscc_problem


class InvalidValue(UserError):
    """A value that breaks one of the rules below; ``field`` is its Chinese label."""

    def __init__(self, field: str, problem: str):
        self.field, self.problem = field, problem
        super().__init__(f"{field}：{problem}")


@dataclass(frozen=True)
class TextLimit:
    label: str
    max_len: int
    multiline: bool = False


# Lengths as the GUI's editors allow them (gui.text_limits applies them to the widgets). Single-line
# limits follow the database columns; free texts are bounded so that a report stays a few pages
# long and is laid out in seconds, however long a package claims a summary to be.
TEXT_LIMITS: dict[str, TextLimit] = {
    "enterprise.name": TextLimit("企业名称", 200),
    "enterprise.county": TextLimit("所属县（市、区）", 60),
    "enterprise.industry": TextLimit("所属行业", 100),
    "enterprise.notes": TextLimit("备注", 5000, multiline=True),
    "enterprise.main_products": TextLimit("主营产品", 500),
    "enterprise.certifications": TextLimit("认证情况", 500),
    "enterprise.introduction": TextLimit("企业简介", 5000, multiline=True),
    "honour.name": TextLimit("荣誉名称", 200),
    "contact.name": TextLimit("联系人姓名", 60),
    "contact.position": TextLimit("联系人职务", 60),
    "contact.phone": TextLimit("联系电话", 40),
    "contact.email": TextLimit("电子邮箱", 120),
    "expert.name": TextLimit("专家姓名", 60),
    "expert.organisation": TextLimit("工作单位", 200),
    "expert.title": TextLimit("职称", 60),
    "expert.specialty": TextLimit("专业领域", 200),
    "expert.phone": TextLimit("联系电话", 40),
    "expert.email": TextLimit("电子邮箱", 120),
    "visit.summary": TextLimit("总体评价", 20000, multiline=True),
    "visit.expert_opinion": TextLimit("专家组意见", 20000, multiline=True),
    "review.note": TextLimit("审核意见", 2000, multiline=True),
    "visit.organiser": TextLimit("组织单位", 200),
    "visit.report_number": TextLimit("报告编号", 60),
    "visit.reopen_reason": TextLimit("重新打开原因", 2000, multiline=True),
    "interviewee.name": TextLimit("访谈对象姓名", 60),
    "interviewee.position": TextLimit("访谈对象职务", 60),
    "assessment.evidence": TextLimit("现场证据", 5000, multiline=True),
    "assessment.problem": TextLimit("发现问题", 5000, multiline=True),
    "assessment.suggestion": TextLimit("改进建议", 5000, multiline=True),
    "assessment.strength": TextLimit("亮点", 5000, multiline=True),
    "assessment.consensus_note": TextLimit("合议说明", 2000, multiline=True),
    "problem.text": TextLimit("主要问题", 2000, multiline=True),
    "plan.measure": TextLimit("帮扶举措", 2000, multiline=True),
    "plan.department": TextLimit("责任部门", 100),
    "plan.owner": TextLimit("责任人", 100),
    "plan.category": TextLimit("举措类别", 40),
    "plan.note": TextLimit("进展记录", 2000, multiline=True),
    "plan.result_note": TextLimit("核验说明", 2000, multiline=True),
    "plan.expected_outcome": TextLimit("预期成效", 2000, multiline=True),
    "attachment.caption": TextLimit("附件说明", 500, multiline=True),
    "assignment.note": TextLimit("任务备注", 2000, multiline=True),
    "case.title": TextLimit("案例题目", 200),
    "case.background": TextLimit("案例背景", 10000, multiline=True),
    "case.practices": TextLimit("主要做法", 20000, multiline=True),
    "case.results": TextLimit("取得成效", 20000, multiline=True),
    "case.lessons": TextLimit("可推广经验", 10000, multiline=True),
}

ATTACHMENT_NAME_MAX = 255
MIN_YEAR, MAX_YEAR = 2000, 2100

# Characters that reorder or hide text: a name with them shows something other than what it is.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


# Every character _bad_character could refuse (categories Cc and Cs are exactly these ranges, and
# tab and newline): a text without any — nearly all — is passed by one regex search instead of a
# Python loop over its characters (a package carries hundreds of texts).
_MAYBE_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff" + "".join(sorted(_BIDI_CONTROLS)) + "]")
# The canonical form str(uuid.UUID(x)) gives: lower-case hex in 8-4-4-4-12 groups.
_CANONICAL_UUID = re.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _bad_character(value: str, allowed: str) -> tuple[int, str] | None:
    if _MAYBE_BAD.search(value) is None:
        return None
    for pos, ch in enumerate(value, 1):
        if ch in allowed:
            continue
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs"):
            return pos, ch
    return None


def check_text(value, *, field: str, max_len: int, multiline: bool = False) -> str:
    """A text of at most ``max_len`` characters with no control characters but tab (and newline
    in a multi-line field)."""
    if not isinstance(value, str):
        raise InvalidValue(field, f"应为文本，实际为 {type(value).__name__}")
    if len(value) > max_len:
        raise InvalidValue(field, f"过长：{len(value)} 个字符，上限 {max_len} 个")
    bad = _bad_character(value, "\t\n" if multiline else "\t")
    if bad is not None:
        pos, ch = bad
        what = "换行" if ch in "\r\n" else f"控制字符 U+{ord(ch):04X}"
        raise InvalidValue(field, f"第 {pos} 个字符是{what}，不允许出现在此处")
    return value


def check_field_text(key: str, value) -> str:
    """``check_text`` with the label and limits TEXT_LIMITS gives ``key`` (e.g. "visit.summary")."""
    limit = TEXT_LIMITS[key]
    return check_text(value, field=limit.label, max_len=limit.max_len, multiline=limit.multiline)


_SHA256 = re.compile(r"[0-9a-f]{64}")


def check_uuid(value, *, field: str) -> str:
    """An id in the canonical lower-case form the app writes (so it is also safe in a file name)."""
    if not isinstance(value, str):
        raise InvalidValue(field, f"应为编号文本，实际为 {type(value).__name__}")
    if _CANONICAL_UUID.fullmatch(value) is None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise InvalidValue(field, f"“{shown}”不是有效的编号（应为 36 位 UUID）")
    return value


def check_uscc(value, *, field: str = "统一社会信用代码") -> str:
    """A valid 统一社会信用代码, normalised to upper case; an empty text means none given."""
    if not isinstance(value, str):
        raise InvalidValue(field, f"应为文本，实际为 {type(value).__name__}")
    code = normalize_uscc(value)
    if not code:
        return ""
    problem = uscc_problem(code)
    if problem is not None:
        # uscc_problem's sentences start with the field's name; say it once.
        raise InvalidValue(field, problem.removeprefix("统一社会信用代码"))
    return code


def check_city(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue("所属地市", f"不能为空，应为：{'、'.join(cities())}")
    city = value.strip()
    problem = city_problem(city)
    if problem is not None:
        raise InvalidValue("所属地市", problem.removeprefix("所属地市"))
    return city


def check_county(city: str, county) -> str:
    """A county of ``city``, or another local name (an 园区) the regions table does not list; a
    county that belongs to a different city is refused, since it says the city is wrong."""
    county = check_field_text("enterprise.county", county).strip()
    if not county:
        return ""
    table = counties_by_city()
    if county in table.get(city, ()):
        return county
    elsewhere = [c for c, counties in table.items() if county in counties]
    if elsewhere:
        raise InvalidValue("所属县（市、区）", f"“{county}”属于{'、'.join(elsewhere)}，不属于{city}")
    return county


def _one_of(value, choices: Iterable[str], field: str) -> str:
    options = [str(c) for c in choices]
    if not isinstance(value, str) or value not in options:
        shown = value if isinstance(value, str) and len(value) <= 40 else repr(value)[:40]
        raise InvalidValue(field, f"“{shown}”无效，应为：{'、'.join(options)}")
    return value


def check_cultivation_type(value) -> str:
    return _one_of(value, CultivationType, "培育类型")


def check_stage(value) -> str:
    return _one_of(value, Stage, "巡诊阶段")


def check_status(value) -> str:
    return _one_of(value, VisitStatus, "巡诊状态")


def check_date(value, *, field: str) -> date:
    """A date (or an ISO ``YYYY-MM-DD`` text) in a plausible year."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise InvalidValue(field, f"“{value[:40]}”不是有效日期（应为 YYYY-MM-DD）") from None
    if not isinstance(value, date):
        raise InvalidValue(field, f"应为日期，实际为 {type(value).__name__}")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InvalidValue(field, f"年份 {value.year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间")
    return value


def check_date_range(start, end, *, field: str = "巡诊日期") -> tuple[date, date]:
    start_date = check_date(start, field=f"{field}（开始）")
    end_date = check_date(end, field=f"{field}（结束）")
    if end_date < start_date:
        raise InvalidValue(field, f"结束日期 {end_date} 早于开始日期 {start_date}")
    return start_date, end_date


def check_level(level, levels: Collection[int]) -> int | None:
    """A maturity level of the template's scale (``levels``, e.g. (1, 2, 3, 4, 5)); None is unrated."""
    if level is None:
        return None
    if isinstance(level, bool) or not isinstance(level, int) or level not in levels:
        shown = level if isinstance(level, int) else repr(level)[:40]
        raise InvalidValue("成熟度等级", f"应为 {min(levels)}–{max(levels)}，实际为 {shown}")
    return level


def check_sha256(value, *, field: str) -> str:
    """A content hash as the app writes it: 64 lower-case hex digits (it names a blob and a package member)."""
    if not isinstance(value, str) or _SHA256.fullmatch(value) is None:
        shown = value[:40] if isinstance(value, str) else type(value).__name__
        raise InvalidValue(field, f"“{shown}”不是有效的内容摘要（应为 64 位小写十六进制 SHA-256）")
    return value


def check_item_code(code, codes: Collection[str]) -> str:
    """An item (or goal) code the visit's template has."""
    if not isinstance(code, str) or code not in codes:
        shown = code if isinstance(code, str) and len(code) <= 40 else repr(code)[:40]
        raise InvalidValue("条目编号", f"检查表中没有条目“{shown}”")
    return code


def check_attachment_name(name) -> str:
    """A bare file name: it becomes a member or file name in exports, so no folders and no ``..``."""
    field = "附件文件名"
    value = check_text(name, field=field, max_len=ATTACHMENT_NAME_MAX)
    if not value.strip():
        raise InvalidValue(field, "不能为空")
    if "/" in value or "\\" in value or ":" in value:
        raise InvalidValue(field, f"“{value}”含有路径分隔符，只能是文件名")
    if ".." in value or value.strip() == ".":
        raise InvalidValue(field, f"“{value}”含有“..”，不是安全的文件名")
    if "\t" in value:
        raise InvalidValue(field, "不能含有制表符")
    return value
