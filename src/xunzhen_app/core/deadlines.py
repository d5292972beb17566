"""完成时限 as written in a 一企一策 plan ("2025年10月底", "2025年第三季度") → the date it means.

A deadline is typed as text, the way the plans are written; a spreadsheet wants a date it can
sort and filter. A month means its last day, a quarter or half year its last day, a year its
31 December. Text that names no date gives None and stays text.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def deadline_date(text: str) -> date | None:
    t = re.sub(r"\s+", "", text or "")
    try:
        if m := re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(前|之前)?", t):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})[-/.年](\d{1,2})月?(底|末|前|之前|中旬|上旬|下旬)?", t):
            year, month, part = int(m[1]), int(m[2]), m[3]
            if part == "上旬":
                return date(year, month, 10)
            if part == "中旬":
                return date(year, month, 20)
            return _month_end(year, month)
        if m := re.fullmatch(r"(\d{4})年(?:第)?([一二三四1-4])季度(末|底)?", t):
            return _month_end(int(m[1]), _QUARTERS[m[2]])
        if m := re.fullmatch(r"(\d{4})年(上|下)半年(末|底)?", t):
            return _month_end(int(m[1]), 6 if m[2] == "上" else 12)
        if m := re.fullmatch(r"(\d{4})年(底|末|前|内|全年)?", t):
            return date(int(m[1]), 12, 31)
    except ValueError:  # 2025年13月, 2月30日: not a date, so it stays the text it was
        return None
    return None
