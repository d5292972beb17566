"""The programme calendar as the store holds it: each year's stage windows and 附件2 deadline
(附件1's defaults unless 设置 changed them), whether a visit is dated inside its stage's
window, and which enterprises still lack a stage (``missing_stages``, for the bureau desks).

Each public function is one transaction. A visit outside its window is flagged, never refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.calendar import ProgrammeCalendar, Window, default_calendar
from ..core.collation import region_key
from ..core.domain import Stage
from ..core.errors import UserError
from ..core.validation import MAX_YEAR, MIN_YEAR, check_date
from ..db.base import utcnow
from ..db.models import Enterprise, ProgrammeCalendarYear, Visit

_CACHE_KEY = "programme_calendar"  # per session: a list of visits looks each year up once


def _from_row(r: ProgrammeCalendarYear) -> ProgrammeCalendar:
    return ProgrammeCalendar(r.year, Window(r.initial_start, r.initial_end), Window(r.follow_up_start, r.follow_up_end),
                             Window(r.summary_start, r.summary_end), r.list_deadline)


def calendar_in(session: Session, year: int) -> ProgrammeCalendar:
    """The year's calendar within an open session (cached there)."""
    cache = session.info.setdefault(_CACHE_KEY, {})
    if year not in cache:
        row = session.get(ProgrammeCalendarYear, year)
        cache[year] = _from_row(row) if row is not None else default_calendar(year)
    return cache[year]


def outside_window_in(session: Session, stage: str, day: date) -> bool:
    """A visit of ``stage`` dated ``day`` lies outside its stage's window of that year."""
    return calendar_in(session, day.year).outside_window(stage, day)


def programme_calendar(store, year: int) -> ProgrammeCalendar:
    with store.session() as s:
        return calendar_in(s, _check_year(year))


def _check_year(year) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise UserError(f"年份“{str(year)[:10]}”无效") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UserError(f"年份 {year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间")
    return year


_LABELS = {"initial": Stage.INITIAL.value, "follow_up": Stage.FOLLOW_UP.value, "summary": Stage.SUMMARY.value}


def _check_window(year: int, name: str, window: Window) -> Window:
    label = _LABELS[name]
    start = check_date(window.start, field=f"{label}开始日期")
    end = check_date(window.end, field=f"{label}结束日期")
    if start.year != year or end.year != year:
        raise UserError(f"{label}的时间 {start}—{end} 不在 {year} 年内")
    if end < start:
        raise UserError(f"{label}的结束日期 {end} 早于开始日期 {start}")
    return Window(start, end)


def save_calendar(store, calendar: ProgrammeCalendar) -> ProgrammeCalendar:
    """Store a year's dates (设置); every date must lie in that year and each window end after it starts.
    All or nothing."""
    year = _check_year(calendar.year)
    windows = {name: _check_window(year, name, getattr(calendar, name)) for name in _LABELS}
    deadline = check_date(calendar.list_deadline, field="附件2报送截止日期")
    if deadline.year != year:
        raise UserError(f"附件2报送截止日期 {deadline} 不在 {year} 年内")
    with store.session() as s:
        row = s.get(ProgrammeCalendarYear, year) or ProgrammeCalendarYear(year=year)
        row.initial_start, row.initial_end = windows["initial"].start, windows["initial"].end
        row.follow_up_start, row.follow_up_end = windows["follow_up"].start, windows["follow_up"].end
        row.summary_start, row.summary_end = windows["summary"].start, windows["summary"].end
        row.list_deadline, row.updated_at, row.actor = deadline, utcnow(), store.actor
        s.add(row)
        s.flush()
        return _from_row(row)


def reset_calendar(store, year: int) -> ProgrammeCalendar:
    """Back to 附件1's dates for the year."""
    year = _check_year(year)
    with store.session() as s:
        row = s.get(ProgrammeCalendarYear, year)
        if row is not None:
            s.delete(row)
    return default_calendar(year)


def outside_window_text(calendar: ProgrammeCalendar, stage: str, day: date) -> str:
    """The warning for a visit dated outside its window ("" when it is inside)."""
    if not calendar.outside_window(stage, day):
        return ""
    return (f"巡诊日期 {day} 不在{stage}阶段的时间内（{calendar.year} 年为 {calendar.window(stage).describe()}），"
            "已照常保存并标记")


@dataclass(frozen=True)
class StageGap:
    """An enterprise of the 培育库 with no visit of a stage whose window has begun."""

    enterprise_id: str
    enterprise: str
    city: str
    county: str
    cultivation_type: str
    stage: str
    window: Window
    closed: bool  # the window has ended: the stage was missed, not merely still to come

    def describe(self) -> str:
        return (f"{self.window.describe()}已过，没有{self.stage}" if self.closed
                else f"{self.stage}阶段进行中（{self.window.describe()}），尚未开展")


_STAGE_ORDER = (Stage.INITIAL, Stage.FOLLOW_UP, Stage.SUMMARY)


def missing_stages(store, today: date, *, city: str = "") -> list[StageGap]:
    """Enterprises with no 前期巡诊 by the end of its window (May), no 培育跟踪 in June–November, no
    成效总结 in December — for each stage whose window of ``today``'s year has begun by ``today``.

    A visit of the stage dated that year counts (a draft too: the work has started), even one
    dated outside the window (which is flagged on the visit instead). Ordered by stage, then
    by city in the province's order and name in pinyin order, as every list of the desk."""
    with store.session() as s:
        cal = calendar_in(s, today.year)
        begun = [st for st in _STAGE_ORDER if cal.window(st).start <= today]
        if not begun:
            return []
        done: dict[str, set[str]] = defaultdict(set)
        year_start, year_end = date(today.year, 1, 1), date(today.year, 12, 31)
        for enterprise_id, stage in s.execute(
                select(Visit.enterprise_id, Visit.stage)
                .where(Visit.start_date >= year_start, Visit.start_date <= year_end)):
            done[stage].add(enterprise_id)
        q = select(Enterprise)
        if city:
            q = q.where(Enterprise.city == city)
        firms = sorted(s.scalars(q), key=lambda e: region_key(e.city, e.name))
        return [StageGap(e.id, e.name, e.city, e.county, e.cultivation_type, st.value, cal.window(st),
                         cal.window(st).end < today)
                for st in begun for e in firms if e.id not in done[st.value]]
