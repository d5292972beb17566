"""The programme desk: each city's progress against the targets of 晋市监发〔2025〕100号, and the
province's picks (质量标杆, 推荐) — the figures a bureau reports in its 综合评估.

Figures come from the visits as the bureau overview scores them (services.bureau.overview), so the
desk shows the levels the experts saw. An enterprise's level is that of its latest finalized visit;
its baseline that of its finalized 前期巡诊; its improvement the difference (0 while the baseline is
its latest visit).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select

from ..core import programme_targets as targets
from ..core.domain import CultivationType, Stage, VisitStatus
from ..core.errors import UserError
from ..core.regions import cities, is_quality_county, quality_counties
from ..core.scoring import round_half_up
from ..core.validation import check_date, check_text
from ..db.models import CultivationSuccess, DeskPick, Enterprise, ListSubmission, RecordAuthor
from . import experts
from .bureau import OverviewRow, overview
from .calendar import missing_stages
from .enterprises import find_enterprise
from .reviews import APPROVED, RETURNED, review_states

REASON_MAX = 2000
VETO_YEAR_DAYS = 365


@dataclass(frozen=True)
class EnterpriseStanding:
    """One enterprise as the desk sees it."""

    id: str
    name: str
    city: str
    county: str
    cultivation_type: str
    level: float | None  # overall level of the latest finalized visit
    baseline: float | None  # overall level of the finalized 前期巡诊
    improvement: float | None
    # 否决项 failed in a finalized visit of the year up to the latest one: 附件3's 监督抽查 item asks for
    # 近一年无不合格记录, so a failure found at the 前期巡诊 still counts at the 成效总结 of the same year.
    failed_checks: tuple[str, ...]
    stages: tuple[str, ...]  # stages with a finalized visit
    overdue_actions: int  # in its latest visit (carried actions live on in the newest one)
    success: SuccessDecision | None = None
    quality_county: bool = False


@dataclass(frozen=True)
class SuccessDecision:
    decided_on: date
    reason: str
    decided_by: str


@dataclass(frozen=True)
class CityProgress:
    city: str
    enterprises: int
    by_type: dict[str, int]
    list_sent_on: date | None  # the last 附件2 list exported for this city
    stages: dict[str, int]  # stage → enterprises with a finalized visit of it
    visits: int
    visits_finalized: int
    visits_reviewed: int
    visits_returned: int
    overdue_actions: int
    mean_level: float | None
    mean_baseline: float | None
    mean_improvement: float | None
    vetoed: tuple[str, ...]  # enterprises whose latest finalized visit failed a 否决项
    successes: tuple[str, ...]
    counties: dict[str, int] = field(default_factory=dict)  # 质量强县 county → enterprises in the 培育库
    # Stages whose window this year has closed without a visit, per enterprise (services.calendar,
    # the same gaps as the desk's 阶段缺项 tab).
    stage_gaps: int = 0

    @property
    def enterprises_met(self) -> bool:
        return self.enterprises >= targets.MIN_ENTERPRISES

    @property
    def list_in_time(self) -> bool:
        return self.list_sent_on is not None and self.list_sent_on <= targets.LIST_DUE

    @property
    def successes_met(self) -> bool:
        return len(self.successes) >= targets.MIN_SUCCESSES


def _round(value: float | None) -> float | None:
    return None if value is None else float(round_half_up(value, 2))


def covered_cities(store) -> tuple[str, ...]:
    """The cities the 培育库 here holds enterprises of, in the province's order."""
    with store.session() as s:
        held = set(s.scalars(select(Enterprise.city).distinct()))
    return tuple(c for c in cities() if c in held)


def is_province(store) -> bool:
    """A store holding more than one city's enterprises is the province's desk; one city's, that city's."""
    return len(covered_cities(store)) > 1


def _successes(session) -> dict[str, SuccessDecision]:
    """Each enterprise's standing decision: the city's arrive at the province in its packages; where
    there are several (the city's and the province's own), the latest decided counts."""
    rows = session.scalars(select(CultivationSuccess).where(CultivationSuccess.revoked.is_(False))
                           .order_by(CultivationSuccess.decided_on, CultivationSuccess.id))
    return {r.enterprise_id: SuccessDecision(r.decided_on, r.reason, r.decided_by) for r in rows}


def own_success(session, enterprise_id: str) -> CultivationSuccess | None:
    """This installation's decision on the enterprise (revoked or not): the one no other installation
    authored. Another bureau's decision that arrived in a package is its own, never changed here."""
    for row in session.scalars(select(CultivationSuccess).where(CultivationSuccess.enterprise_id == enterprise_id)):
        if session.get(RecordAuthor, (CultivationSuccess.__tablename__, row.id)) is None:
            return row
    return None


def standings(store, rows: list[OverviewRow] | None = None) -> list[EnterpriseStanding]:
    """Every enterprise of the 培育库 with its level, baseline, 否决项 and decisions, in the province's order."""
    rows = overview(store) if rows is None else rows
    by_enterprise: dict[str, list[OverviewRow]] = {}
    for r in rows:
        by_enterprise.setdefault(r.enterprise_id, []).append(r)
    with store.session() as s:
        firms = list(s.scalars(select(Enterprise)))
        decided = _successes(s)
    order = {c: n for n, c in enumerate(cities())}
    firms.sort(key=lambda e: (order.get(e.city, len(order)), e.name))
    out = []
    for e in firms:
        own = sorted(by_enterprise.get(e.id, []), key=lambda r: r.start_date)
        final = [r for r in own if r.status == VisitStatus.FINALIZED]
        latest = final[-1] if final else None
        base = next((r for r in final if r.stage == Stage.INITIAL), None)
        level = latest.overall.level if latest else None
        baseline = base.overall.level if base else None
        out.append(EnterpriseStanding(
            e.id, e.name, e.city, e.county, e.cultivation_type, _round(level), _round(baseline),
            _round(level - baseline) if level is not None and baseline is not None else None,
            _failed_within_a_year(final), tuple(dict.fromkeys(r.stage for r in final)),
            own[-1].overdue_actions if own else 0, decided.get(e.id), is_quality_county(e.city, e.county)))
    return out


def _failed_within_a_year(final: list[OverviewRow]) -> tuple[str, ...]:
    if not final:
        return ()
    since = final[-1].start_date - timedelta(days=VETO_YEAR_DAYS)
    return tuple(dict.fromkeys(code for r in final if r.start_date > since for code in r.failed_checks))


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return _round(statistics.fmean(values)) if values else None


def progress(store, city: str | None = None) -> list[CityProgress]:
    """Each city's figures: the named city, else every city of the province (the province's desk)
    or the one city this store holds."""
    rows = overview(store)
    firms = standings(store, rows)
    with store.session() as s:
        sent: dict[str, date] = {}
        for c, on in s.execute(select(ListSubmission.city, ListSubmission.sent_on).order_by(ListSubmission.sent_on)):
            sent.setdefault(c, on)  # the first list sent is the one the deadline judges
    if city is not None:
        if city not in cities():
            raise UserError(f"所属地市“{city}”不是山西省的地市，应为：{'、'.join(cities())}")
        shown: tuple[str, ...] = (city,)
    else:
        held = covered_cities(store)
        shown = held if len(held) == 1 else cities()
    with store.session() as s:
        review = {vid: state.status for vid, state in review_states(s, [r.visit_id for r in rows]).items()}
    gaps = Counter(g.city for g in missing_stages(store, date.today()) if g.closed)
    out = []
    for c in shown:
        mine = [f for f in firms if f.city == c]
        visits = [r for r in rows if r.city == c]
        out.append(CityProgress(
            c, len(mine), {t.value: sum(f.cultivation_type == t for f in mine) for t in CultivationType},
            sent.get(c), {st.value: sum(st.value in f.stages for f in mine) for st in Stage},
            len(visits), sum(r.status == VisitStatus.FINALIZED for r in visits),
            sum(review.get(r.visit_id) == APPROVED for r in visits),
            sum(review.get(r.visit_id) == RETURNED for r in visits),
            sum(f.overdue_actions for f in mine), _mean(f.level for f in mine),
            _mean(f.baseline for f in mine if f.improvement is not None),
            _mean(f.improvement for f in mine),
            tuple(f.name for f in mine if f.failed_checks), tuple(f.name for f in mine if f.success),
            {county: sum(f.county == county for f in mine) for county in quality_counties().get(c, ())},
            gaps.get(c, 0)))
    return out


# -- 培育成功 -------------------------------------------------------------------


def check_success(decided_on, reason) -> tuple[date, str]:
    """The rules for a 培育成功 decision, shared by the CLI and a package's values."""
    on = check_date(decided_on, field="认定日期")
    reason = check_text(reason, field="认定理由", max_len=REASON_MAX, multiline=True).strip()
    if not reason:
        raise UserError("认定理由不能为空：请写明依据哪些巡诊结果认定培育成功")
    return on, reason


def record_success(store, enterprise: str, decided_on, reason: str) -> str:
    """Record (or restate) the bureau's 培育成功 decision; returns the enterprise's name."""
    on, reason = check_success(decided_on, reason)
    firm = find_enterprise(store, enterprise)
    me = experts.profile(store)
    with store.session() as s:
        row = own_success(s, firm.id) or CultivationSuccess(enterprise_id=firm.id)
        row.decided_on, row.reason, row.decided_by, row.revoked = on, reason, me.name if me else "", False
        s.add(row)
    return firm.name


def withdraw_success(store, enterprise: str) -> str:
    firm = find_enterprise(store, enterprise)
    with store.session() as s:
        row = own_success(s, firm.id)
        if row is None or row.revoked:
            raise UserError(f"“{firm.name}”没有本机作出的培育成功认定，无需撤销（其他单位的认定只能由其撤销）")
        row.revoked = True  # an update, not a deletion: the withdrawal travels like the decision did
    return firm.name


# -- 标杆 candidates and the province's picks ----------------------------------


@dataclass(frozen=True)
class Candidate:
    rank: int
    standing: EnterpriseStanding
    benchmark: bool  # picked as one of the province's 质量标杆
    recommended: bool  # on the 推荐名单


def picks(store, kind: str) -> list[str]:
    """Enterprise ids the province picked as ``kind``, in the order it picked them."""
    with store.session() as s:
        return list(s.scalars(select(DeskPick.enterprise_id).where(DeskPick.kind == kind).order_by(DeskPick.picked_at)))


def benchmark_candidates(store) -> list[Candidate]:
    """Enterprises with a finalized visit and no failed 否决项, ranked by level, then improvement."""
    chosen, recommended = set(picks(store, targets.BENCHMARK)), set(picks(store, targets.RECOMMENDED))
    eligible = [f for f in standings(store) if f.level is not None and not f.failed_checks]
    eligible.sort(key=lambda f: (-(f.level or 0), -(f.improvement or 0), f.name))
    return [Candidate(n, f, f.id in chosen, f.id in recommended) for n, f in enumerate(eligible, 1)]


_LIMITS = {targets.BENCHMARK: targets.BENCHMARKS_MAX, targets.RECOMMENDED: targets.MAX_RECOMMENDATIONS}
_WHAT = {targets.BENCHMARK: "质量标杆企业", targets.RECOMMENDED: "推荐领军企业"}
_RULE = {targets.BENCHMARK: "全省形成3-5个质量标杆企业（晋市监发〔2025〕100号）",
         targets.RECOMMENDED: "每个省级市场监管部门推荐领军企业不超过5家（市监质发〔2024〕62号）"}


def set_pick(store, kind: str, enterprise: str, on: bool = True) -> str:
    """Pick an enterprise as 标杆 or 推荐 (``on``) or take it off; returns its name.
    Refused: a sixth pick, and an enterprise without a finalized visit or with a failed 否决项."""
    firm = find_enterprise(store, enterprise)
    what = _WHAT[kind]
    with store.session() as s:
        held = s.get(DeskPick, (kind, firm.id))
        if not on:
            if held is None:
                raise UserError(f"“{firm.name}”不在{what}名单中")
            s.delete(held)
            return firm.name
        if held is not None:
            return firm.name
    standing = next(f for f in standings(store) if f.id == firm.id)
    if standing.level is None:
        raise UserError(f"“{firm.name}”还没有已定稿的巡诊，不能列为{what}")
    if standing.failed_checks:
        raise UserError(f"“{firm.name}”近一年的定稿巡诊中否决项未通过（{'、'.join(standing.failed_checks)}），不能列为{what}")
    with store.session() as s:
        count = len(list(s.scalars(select(DeskPick.enterprise_id).where(DeskPick.kind == kind))))
        if count >= _LIMITS[kind]:
            raise UserError(f"{what}已有 {count} 家，不能再加入“{firm.name}”：{_RULE[kind]}。请先移出一家")
        me = experts.profile(store)
        s.add(DeskPick(kind=kind, enterprise_id=firm.id, actor=me.name if me else ""))
    return firm.name
