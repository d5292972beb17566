"""The programme's year (附件1 of 晋市监发〔2025〕100号): when each stage's visits happen, and the
date the 附件2 list is due.

附件1: 前期质量巡诊 in May, 重点培育和质量改进 (培育跟踪) from June to November, 成效总结 in
December; the notice asks for the 附件2 list by 5月21日. Other years may set other dates (设置),
so the windows are data with these defaults, not rules in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .domain import Stage


@dataclass(frozen=True)
class Window:
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def describe(self) -> str:
        """"5月1日—5月31日", as the GUI and the warnings name a window."""
        return f"{_md(self.start)}—{_md(self.end)}"


def _md(d: date) -> str:
    return f"{d.month}月{d.day}日"


@dataclass(frozen=True)
class ProgrammeCalendar:
    year: int
    initial: Window  # 前期质量巡诊
    follow_up: Window  # 重点培育和质量改进 (培育跟踪)
    summary: Window  # 成效总结
    list_deadline: date  # 附件2 名单报送截止
    is_default: bool = False  # True for 附件1's dates (default_calendar), False for dates 设置 stored

    def window(self, stage: str) -> Window:
        return {Stage.INITIAL: self.initial, Stage.FOLLOW_UP: self.follow_up, Stage.SUMMARY: self.summary}[
            Stage(stage)]

    def outside_window(self, stage: str, day: date) -> bool:
        """A visit of ``stage`` dated ``day`` falls outside its stage's window (flagged, never refused).
        A stage this calendar does not know is not flagged."""
        try:
            return day not in self.window(stage)
        except ValueError:
            return False


def default_calendar(year: int) -> ProgrammeCalendar:
    """附件1's windows and the 5月21日 deadline, for any year."""
    return ProgrammeCalendar(
        year=year,
        initial=Window(date(year, 5, 1), date(year, 5, 31)),
        follow_up=Window(date(year, 6, 1), date(year, 11, 30)),
        summary=Window(date(year, 12, 1), date(year, 12, 31)),
        list_deadline=date(year, 5, 21),
        is_default=True,
    )


OUTSIDE_MARK = "超出阶段时间"


def stage_label(stage: str, outside_window: bool) -> str:
    """A visit's stage as lists show it: "前期巡诊（超出阶段时间）" when dated outside its window."""
    return f"{stage}（{OUTSIDE_MARK}）" if outside_window else stage
