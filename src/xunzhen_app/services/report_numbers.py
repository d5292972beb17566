"""报告编号 and the 落款's organising unit.

A number looks like 晋质巡〔2025〕太原-007: the programme's prefix, the year of
the report date, the enterprise's city and a sequence per city and year. It is
given once, at a visit's first 定稿, and kept through any reopening, so a
number a bureau has filed never changes. Within one store numbers are unique:
the next number is one above the highest held for that city and year, and a
number typed by hand that another visit holds is refused.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.errors import UserError
from ..core.regions import DEMO_ZONE
from ..core.validation import check_field_text
from ..db.models import Visit

PREFIX = "晋质巡"


def city_short(city: str) -> str:
    return "示范区" if city == DEMO_ZONE else city.removesuffix("市")


def default_organiser(city: str) -> str:
    """The city's 市场监督管理局, which organises the visits of its enterprises."""
    return f"{city}市场监督管理局" if city else ""


def number_prefix(year: int, city: str) -> str:
    return f"{PREFIX}〔{year}〕{city_short(city)}-"


def next_number(session: Session, visit: Visit) -> str:
    year = (visit.report_date or visit.end_date).year
    prefix = number_prefix(year, visit.enterprise.city)
    taken = session.scalars(select(Visit.report_number).where(Visit.report_number.like(f"{prefix}%")))
    highest = max((int(m.group(1)) for n in taken if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", n))),
                  default=0)
    return f"{prefix}{highest + 1:03d}"


def checked(session: Session, visit: Visit, number: str) -> str:
    """A number typed by hand, stripped; refused when too long or another visit holds it."""
    number = check_field_text("visit.report_number", number).strip()
    if number:
        other = session.scalar(select(Visit).where(Visit.report_number == number, Visit.id != visit.id))
        if other is not None:
            raise UserError(f"报告编号“{number}”已用于{other.enterprise.name}的{other.stage}"
                            f"（{other.start_date:%Y-%m-%d}），请换一个编号")
    return number
