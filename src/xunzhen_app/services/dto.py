"""Plain data handed to the GUI, the CLI and the report writers.

Services return these, never ORM objects, so nothing lazy-loads later on
another thread or after the session closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..core.actions import ActionStatus, is_overdue
from ..core.checklist import Template
from ..core.consensus import Consensus, IndependentRating, consensus_needed, effective_rating
from ..core.domain import Honour
from ..core.follow_up import suggested_rating
from ..core.scoring import Rating, Result


@dataclass(frozen=True)
class Contact:
    name: str
    position: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class EnterpriseProfile:
    """企业概况 as a report opens with it; 主要荣誉 are the enterprise's ``honours``."""

    main_products: str = ""  # 主营产品
    employees: int | None = None  # 员工人数
    revenue_wan: int | None = None  # 上年度营业收入（万元）
    certifications: str = ""  # 认证情况, e.g. "ISO 9001、ISO 14001"
    introduction: str = ""  # 企业简介, a paragraph

    def scale(self) -> str:
        """规模 in words, e.g. "员工860人，营业收入12.6亿元"; "" when neither is known."""
        parts = []
        if self.employees is not None:
            parts.append(f"员工{self.employees}人")
        if self.revenue_wan is not None:
            amount = (f"{self.revenue_wan / 10000:.2f}".rstrip("0").rstrip(".") + "亿元"
                      if self.revenue_wan >= 10000 else f"{self.revenue_wan}万元")
            parts.append(f"营业收入{amount}")
        return "，".join(parts)


@dataclass(frozen=True)
class EnterpriseInput:
    name: str
    city: str
    cultivation_type: str | None = None  # None: take the suggestion from the honours
    uscc: str = ""
    county: str = ""
    industry: str = ""
    honours: tuple[Honour, ...] = ()
    contacts: tuple[Contact, ...] = ()
    notes: str = ""
    profile: EnterpriseProfile = field(default_factory=EnterpriseProfile)


@dataclass(frozen=True)
class EnterpriseInfo:
    id: str
    name: str
    uscc: str
    city: str
    county: str
    industry: str
    cultivation_type: str
    suggested_type: str
    suggestion_reason: str
    honours: tuple[Honour, ...]
    contacts: tuple[Contact, ...]
    notes: str
    revision: int
    visit_count: int = 0
    latest_visit_status: str = ""
    profile: EnterpriseProfile = field(default_factory=EnterpriseProfile)


@dataclass(frozen=True)
class TeamMember:
    expert_id: str
    name: str
    organisation: str = ""
    title: str = ""
    role: str = "成员"
    # A team member's installation and what the 组长 assigned it (services.team); empty for the 组长.
    fingerprint: str = ""
    goals: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessmentData:
    item_code: str
    level: int | None = None
    not_applicable: bool = False
    check_passed: bool | None = None
    evidence: str = ""
    problem: str = ""
    suggestion: str = ""
    strength: str = ""  # 亮点
    # An expert team's other independent ratings of the item and their consensus (core.consensus); the
    # fields above are this installation's expert's own (the 组长's, or a member's on their laptop).
    others: tuple[IndependentRating, ...] = ()
    consensus: Consensus | None = None
    rater: str = ""  # whose rating the fields above are
    rater_id: str = ""
    rated_at: datetime | None = None

    @property
    def own(self) -> IndependentRating:
        return IndependentRating(self.rater, self.level, self.not_applicable, self.rated_at,
                                 expert_id=self.rater_id, check_passed=self.check_passed,
                                 note=notes_of(self.evidence, self.problem, self.suggestion, self.strength))

    @property
    def all_ratings(self) -> tuple[IndependentRating, ...]:
        """Every expert's rating given, the own first."""
        return tuple(r for r in (self.own, *self.others) if r.given)

    @property
    def rating(self) -> Rating:
        """What the item scores with: the one rating, or the team's under core.consensus."""
        if not self.others and self.consensus is None:
            return Rating(self.level, self.not_applicable, self.check_passed)
        return effective_rating((self.own, *self.others), self.consensus)

    @property
    def consensus_needed(self) -> bool:
        return consensus_needed(self.all_ratings, self.consensus)


def notes_of(evidence: str, problem: str, suggestion: str, strength: str) -> str:
    """An expert's texts on an item in one line, labelled, for reading side by side."""
    parts = (("核查", evidence), ("问题", problem), ("建议", suggestion), ("亮点", strength))
    return "；".join(f"{label}：{text.strip()}" for label, text in parts if text.strip())


@dataclass(frozen=True)
class ProblemData:
    id: str
    text: str
    item_code: str | None = None


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    caption: str = ""
    item_code: str | None = None


@dataclass(frozen=True)
class ProgressNote:
    """A dated note on an action; ``status`` is the action's status once the note was made."""

    date: date | None
    note: str
    status: str
    attachments: tuple[AttachmentInfo, ...] = ()  # photos or documents of the note


@dataclass(frozen=True)
class PlanRow:
    """An action of the 一企一策 plan (see db.models.PlanItem)."""

    id: str
    measure: str
    department: str = ""
    owner: str = ""
    due: date | None = None
    expected_outcome: str = ""
    category: str = ""
    item_codes: tuple[str, ...] = ()
    goal_codes: tuple[str, ...] = ()
    status: str = ActionStatus.NOT_STARTED.value
    progress: tuple[ProgressNote, ...] = ()
    carried_from_id: str | None = None
    result: str = ""
    result_note: str = ""

    def overdue(self, today: date) -> bool:
        return is_overdue(self.due, self.status, today)


@dataclass(frozen=True)
class Interviewee:
    """A person interviewed (深度访谈): 姓名 and 职务."""

    name: str
    position: str = ""


@dataclass(frozen=True)
class VisitRow:
    id: str
    enterprise_id: str
    enterprise: str
    city: str
    cultivation_type: str
    start_date: date
    end_date: date
    stage: str
    status: str
    template_id: str
    template_version: str
    updated_at: datetime
    outside_window: bool = False  # dated outside its stage's window of the programme calendar (flagged only)
    review: str = ""  # the bureau's review: "" (none), 已审核, 退回, 退回后已修改 (services.reviews.review_mark)


@dataclass(frozen=True)
class Earlier:
    """An earlier visit of the same programme, as a follow-up compares with it."""

    visit_id: str
    stage: str
    start_date: date
    ratings: dict[str, Rating]
    result: Result = field(repr=False)


@dataclass(frozen=True)
class VisitDetail:
    row: VisitRow
    enterprise: EnterpriseInfo
    template: Template
    team: tuple[TeamMember, ...]
    methods: tuple[str, ...]
    interviewees: tuple[Interviewee, ...]
    assessments: dict[str, AssessmentData]
    problems: tuple[ProblemData, ...]
    plan: tuple[PlanRow, ...]
    attachments: tuple[AttachmentInfo, ...]
    summary: str  # 总体评价
    report_number: str  # "" until the first 定稿 gives one
    previous_visit_id: str | None
    finalized_at: datetime | None
    revision: int
    result: Result = field(repr=False)
    expert_opinion: str = ""  # 专家组意见
    organiser: str = ""  # 落款: 组织单位
    report_date: date | None = None  # 落款: 报告日期; None until the first 定稿 gives one
    # The visit this one follows up, and the 前期巡诊 its chain started from (None where there is none;
    # for a 培育跟踪 of the 前期巡诊 both are that visit).
    previous: Earlier | None = None
    baseline: Earlier | None = None
    # On a team member's laptop (services.team_assignments): the items assigned to them, the rest being
    # read-only, and what they are in words. None where this installation's expert may rate everything.
    assigned_items: frozenset[str] | None = None
    assignment: str = ""
    authored_here: bool = True  # this installation made the visit: its 组长 arranges the team here

    @property
    def ratings(self) -> dict[str, Rating]:
        return {code: a.rating for code, a in self.assessments.items()}

    def suggestion(self, code: str) -> Rating | None:
        """The previous visit's level of an item this follow-up has not rated yet (core.follow_up)."""
        a = self.assessments.get(code)
        return suggested_rating(a.rating if a else None, self.previous.ratings.get(code) if self.previous else None)

    def pending(self, code: str) -> bool:
        return self.suggestion(code) is not None


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    entity: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str
