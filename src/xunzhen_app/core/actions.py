"""一企一策 actions: their statuses, the overdue rule, and reading the old free-text deadlines.

An action lives from the visit that set it (前期巡诊) through the follow-ups that
carry it on until it is verified (已核验) or cancelled (已取消).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from enum import StrEnum


class ActionStatus(StrEnum):
    NOT_STARTED = "未开始"
    IN_PROGRESS = "进行中"
    DONE = "已完成"
    VERIFIED = "已核验"
    CANCELLED = "已取消"


class ActionResult(StrEnum):
    """What a follow-up visit found when it re-checked an action carried into it (核验结果)."""

    EFFECTIVE = "已完成并见效"
    PARTIAL = "部分完成"
    NOT_DONE = "未完成"


# Done actions still travel into the next visit: that visit is where they get verified.
CLOSED = frozenset({ActionStatus.VERIFIED, ActionStatus.CANCELLED})
# Past its 完成时限 an action is overdue unless it was done; a cancelled one is no longer due at all.
NOT_DUE = frozenset({ActionStatus.DONE, ActionStatus.VERIFIED, ActionStatus.CANCELLED})


def is_overdue(due: date | None, status: str, today: date) -> bool:
    return due is not None and due < today and status not in NOT_DUE


def is_open(status: str) -> bool:
    """An action a follow-up carries on (and re-checks)."""
    return status not in CLOSED


_FULL = re.compile(r"^(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?$")
_MONTH = re.compile(r"^(\d{4})\s*[年\-./]\s*(\d{1,2})\s*月?\s*(?:底|末|前|份)?(?:前)?$")
_YEAR_END = re.compile(r"^(\d{4})\s*年\s*(?:年底|底|末|年末)(?:前)?$")
_HALF = re.compile(r"^(\d{4})\s*年\s*(上|下)半年(?:前)?$")


def parse_deadline_text(text: str) -> date | None:
    """The date an old free-text 完成时限 names ("2025年10月底" → 2025-10-31), or None when it names none.

    A month without a day means its last day; a year's end its 31 December.
    """
    t = text.strip()
    try:
        if m := _FULL.match(t):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _MONTH.match(t):
            year, month = int(m[1]), int(m[2])
            return date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR_END.match(t):
            return date(int(m[1]), 12, 31)
        if m := _HALF.match(t):
            return date(int(m[1]), 6, 30) if m[2] == "上" else date(int(m[1]), 12, 31)
    except ValueError:  # 2025年13月, 2月30日
        return None
    return None


OVERDUE_MARK = "逾期"


def status_text(status: str, due: date | None, today: date) -> str:
    """The status as the workbench, the reports and the bureau desk show it: "进行中（逾期）"."""
    return f"{status}（{OVERDUE_MARK}）" if is_overdue(due, status, today) else status
