"""SQLAlchemy models of the store. Services turn them into plain dataclasses."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked, UTCDateTime, new_id, utcnow


class Enterprise(Tracked, Base):
    __tablename__ = "enterprise"

    name: Mapped[str] = mapped_column(String(200), index=True)
    uscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    city: Mapped[str] = mapped_column(String(40), index=True)
    county: Mapped[str] = mapped_column(String(60), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    cultivation_type: Mapped[str] = mapped_column(String(20), index=True)
    # [{"kind", "level", "year", "nomination", "name"}] — see core.domain.Honour
    honours: Mapped[list] = mapped_column(JSON, default=list)
    # [{"name", "position", "phone", "email"}]
    contacts: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The profile a report opens with (企业概况): what the firm makes, its size, its certificates.
    main_products: Mapped[str] = mapped_column(Text, default="", server_default="")
    employees: Mapped[int | None] = mapped_column(Integer)  # 员工人数
    revenue_wan: Mapped[int | None] = mapped_column(Integer)  # 上年度营业收入，万元
    certifications: Mapped[str] = mapped_column(Text, default="", server_default="")  # 认证情况, e.g. "ISO 9001、IATF 16949"
    introduction: Mapped[str] = mapped_column(Text, default="", server_default="")  # 企业简介

    visits: Mapped[list[Visit]] = relationship(back_populates="enterprise")


class Expert(Tracked, Base):
    __tablename__ = "expert"

    name: Mapped[str] = mapped_column(String(60))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(60), default="")
    specialty: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    # The expert who uses this installation; at most one row has it set.
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)


class ChecklistTemplate(Base):
    """A snapshot of every template a visit was filled with, so the visit keeps
    rendering after a newer template version is installed."""

    __tablename__ = "checklist_template"

    template_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[dict] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))
    installed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RetiredTemplate(Base):
    """A template version no longer offered for new visits; its visits keep rendering from
    the snapshot. Local to this store: retiring is each installation's own decision."""

    __tablename__ = "retired_template"

    template_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    retired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60), default="")


class Visit(Tracked, Base):
    __tablename__ = "visit"
    __table_args__ = (
        ForeignKeyConstraint(
            ["template_id", "template_version"],
            ["checklist_template.template_id", "checklist_template.version"],
            name="fk_visit_template",
        ),
    )

    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), index=True)
    template_id: Mapped[str] = mapped_column(String(80))
    template_version: Mapped[str] = mapped_column(String(40))
    stage: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    methods: Mapped[list] = mapped_column(JSON, default=list)
    # [{"name", "position"}] — the people interviewed (深度访谈)
    interviewees: Mapped[list] = mapped_column(JSON, default=list)
    previous_visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"))
    # 晋质巡〔2025〕太原-001: given once, at the first 定稿 (services.report_numbers).
    report_number: Mapped[str] = mapped_column(String(60), default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # 总体评价
    expert_opinion: Mapped[str] = mapped_column(Text, default="", server_default="")  # 专家组意见
    # The 落款: the unit that organised the visit and the date the report bears.
    organiser: Mapped[str] = mapped_column(String(200), default="", server_default="")
    report_date: Mapped[date | None] = mapped_column(Date)
    finalized_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reopen_reason: Mapped[str] = mapped_column(Text, default="")

    enterprise: Mapped[Enterprise] = relationship(back_populates="visits")
    team: Mapped[list[VisitExpert]] = relationship(
        back_populates="visit", order_by="VisitExpert.position", cascade="all, delete-orphan"
    )
    assessments: Mapped[list[Assessment]] = relationship(back_populates="visit", cascade="all, delete-orphan")
    problems: Mapped[list[VisitProblem]] = relationship(
        back_populates="visit", order_by="VisitProblem.position", cascade="all, delete-orphan"
    )
    plan: Mapped[list[PlanItem]] = relationship(
        back_populates="visit", order_by="PlanItem.position", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(back_populates="visit", cascade="all, delete-orphan")
    member_ratings: Mapped[list[MemberRating]] = relationship(back_populates="visit", cascade="all, delete-orphan")


class VisitExpert(Tracked, Base):
    __tablename__ = "visit_expert"
    __table_args__ = (UniqueConstraint("visit_id", "expert_id"),)

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.id"))
    role: Mapped[str] = mapped_column(String(20), default="成员")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # A team member's installation (key fingerprint) and what the 组长 assigned it: whole goals and
    # single items (services.team). "" for the 组长, whose installation is the visit's author.
    fingerprint: Mapped[str] = mapped_column(String(64), default="", server_default="")
    goal_codes: Mapped[list] = mapped_column(JSON, default=list)
    item_codes: Mapped[list] = mapped_column(JSON, default=list)

    visit: Mapped[Visit] = relationship(back_populates="team")
    expert: Mapped[Expert] = relationship()


class Assessment(Tracked, Base):
    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("visit_id", "item_code"),)

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(20))
    level: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    check_passed: Mapped[bool | None] = mapped_column(Boolean)
    evidence: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[str] = mapped_column(Text, default="")
    strength: Mapped[str] = mapped_column(Text, default="", server_default="")  # 亮点: what the firm does well here
    # 合议: the level the team agreed on where its members' ratings differ (core.consensus), recorded by
    # the 组长 with a note; it is what the item scores with.
    consensus_level: Mapped[int | None] = mapped_column(Integer)
    consensus_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    consensus_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    visit: Mapped[Visit] = relationship(back_populates="assessments")


class MemberRating(Tracked, Base):
    """A team member's own rating and notes of one item of someone else's visit: one row per member and
    item, authored by the member's installation, so two members never edit the same row and each
    member's package merges without conflicts. The 组长's own rating stays the visit's Assessment."""

    __tablename__ = "member_rating"
    __table_args__ = (UniqueConstraint("visit_id", "item_code", "rater"),)

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(20))
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.id"))
    rater: Mapped[str] = mapped_column(String(64))  # the member's key fingerprint: who signs the row
    level: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    check_passed: Mapped[bool | None] = mapped_column(Boolean)
    evidence: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[str] = mapped_column(Text, default="")
    strength: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="member_ratings")
    expert: Mapped[Expert] = relationship()


class VisitProblem(Tracked, Base):
    """One of the 主要问题与堵点, picked from item findings or written anew."""

    __tablename__ = "visit_problem"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    item_code: Mapped[str | None] = mapped_column(String(20))

    visit: Mapped[Visit] = relationship(back_populates="problems")


class PlanItem(Tracked, Base):
    """An action of the 一企一策 plan, as one visit holds it.

    A follow-up carries an open action on as a new row of its own visit (so each visit stays
    self-contained in packages and a finalized one unchanged) pointing back at the row it
    continues; the progress notes travel along, and the follow-up records its 核验结果.
    """

    __tablename__ = "plan_item"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # One of 附件1's categories for the enterprise's 培育类型 (resources/plan_categories.json), or "".
    category: Mapped[str] = mapped_column(String(40), default="")
    measure: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(String(100), default="")
    owner: Mapped[str] = mapped_column(String(100), default="")
    due: Mapped[date | None] = mapped_column(Date)
    expected_outcome: Mapped[str] = mapped_column(Text, default="")
    item_codes: Mapped[list] = mapped_column(JSON, default=list)
    goal_codes: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="未开始")
    # [{"date": "YYYY-MM-DD", "note", "status"}], oldest first — see core.actions
    progress: Mapped[list] = mapped_column(JSON, default=list)
    # The same action in the visit before (no foreign key: a package may hold this visit alone).
    carried_from_id: Mapped[str | None] = mapped_column(String(36))
    # 核验结果 of a carried action in this visit: one of core.actions.ActionResult, or "".
    result: Mapped[str] = mapped_column(String(10), default="")
    result_note: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="plan")


class CaseStudy(Tracked, Base):
    """A 典型案例 (附件1's stage 3: 总结工作成效，提炼典型案例): one per enterprise, drafted from its 亮点
    and improvement figures (services.cases), edited by its author, selected (入选) by the bureau."""

    __tablename__ = "case_study"

    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), unique=True)
    title: Mapped[str] = mapped_column(String(200))  # 题目
    background: Mapped[str] = mapped_column(Text, default="")  # 背景
    practices: Mapped[str] = mapped_column(Text, default="")  # 主要做法
    results: Mapped[str] = mapped_column(Text, default="")  # 取得成效, with figures
    lessons: Mapped[str] = mapped_column(Text, default="")  # 可推广经验
    goal_codes: Mapped[list] = mapped_column(JSON, default=list)  # linked 培育目标
    visit_ids: Mapped[list] = mapped_column(JSON, default=list)  # linked visits, oldest first
    # [{"sha256", "filename", "caption"}]; the content is a Blob, as for attachments
    photos: Mapped[list] = mapped_column(JSON, default=list)
    selected: Mapped[bool] = mapped_column(Boolean, default=False)  # 入选: the bureau's choice
    selected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    enterprise: Mapped[Enterprise] = relationship()


class ProgrammeCalendarYear(Base):
    """设置's dates of one year of the programme (core.calendar), where they differ from 附件1's
    defaults. In the store, not in a user's settings, so a bureau's desk and its CLI agree;
    local to the installation (never in packages)."""

    __tablename__ = "programme_calendar"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    initial_start: Mapped[date] = mapped_column(Date)
    initial_end: Mapped[date] = mapped_column(Date)
    follow_up_start: Mapped[date] = mapped_column(Date)
    follow_up_end: Mapped[date] = mapped_column(Date)
    summary_start: Mapped[date] = mapped_column(Date)
    summary_end: Mapped[date] = mapped_column(Date)
    list_deadline: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60), default="")


class VisitHistory(Base):
    """Append-only: who changed which field of a visit, when, and why."""

    __tablename__ = "visit_history"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60), default="")
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")

    # Lets the unit of work insert a new visit before its first history rows.
    visit: Mapped[Visit] = relationship()


class Blob(Base):
    """File content stored once, keyed by its SHA-256, inside the database so a
    backup or a shared PostgreSQL store carries the photos with the visits."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attachment(Tracked, Base):
    """A photo or document attached to a visit, optionally to one item or to an action's progress note."""

    __tablename__ = "attachment"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    item_code: Mapped[str | None] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    caption: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer)
    # Set for a photo or document of a 一企一策 action's progress note (the note lists its id); no
    # foreign key, like PlanItem.carried_from_id: the visit's own rows travel together in packages.
    plan_item_id: Mapped[str | None] = mapped_column(String(36), index=True)

    visit: Mapped[Visit] = relationship(back_populates="attachments")


# --- Exchange packages (issue 5): assignments, key registry, merge bookkeeping ---


class Assignment(Tracked, Base):
    """The bureau's task: which expert visits which enterprise (sent in task packages)."""

    __tablename__ = "assignment"

    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), index=True)
    expert_id: Mapped[str] = mapped_column(ForeignKey("expert.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20), default="")
    role: Mapped[str] = mapped_column(String(20), default="成员")
    note: Mapped[str] = mapped_column(Text, default="")


class VisitReview(Tracked, Base):
    """A bureau's review of a visit (已审核 or 退回 with a note): the bureau's own record, authored by
    the installation that reviewed, never an edit of the expert's visit (services.reviews)."""

    __tablename__ = "visit_review"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(60), default="")  # the reviewing installation's name, as it said
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The visit's revision when reviewed: a later one means the expert amended it since.
    visit_revision: Mapped[int] = mapped_column(Integer, default=1)


class KeyCard(Base):
    """A registered sender (专家库 key card); revoked cards stay, so old imports keep their meaning."""

    __tablename__ = "key_card"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    signing_key: Mapped[str] = mapped_column(String(100))
    encryption_key: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoke_reason: Mapped[str] = mapped_column(Text, default="")


class SyncBase(Base):
    """The version of a record both sides last agreed on: tells 'they changed' from 'we changed'."""

    __tablename__ = "sync_base"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))


class SyncConflict(Base):
    """Both sides changed one record: ours stays in place, theirs is kept here until resolved."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    local_revision: Mapped[int] = mapped_column(Integer)
    remote_revision: Mapped[int] = mapped_column(Integer)
    remote_digest: Mapped[str] = mapped_column(String(64))
    remote_data: Mapped[dict] = mapped_column(JSON)
    package_id: Mapped[str] = mapped_column(String(36))
    sender: Mapped[str] = mapped_column(String(64), default="")
    # "changed" (both edited), "deleted_remotely", "deleted_locally" or "key_clash" (theirs would take
    # a unique value another local record holds); see services.exchange.conflicts.
    kind: Mapped[str] = mapped_column(String(20), default="changed", server_default="changed")
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[dict | None] = mapped_column(JSON)


class Tombstone(Base):
    """A deleted visit part, kept so the deletion travels in packages and a stale copy of the row
    arriving later is recognised instead of being inserted again."""

    __tablename__ = "tombstone"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # No foreign key: the tombstone outlives anything, and may arrive before its visit does.
    visit_id: Mapped[str] = mapped_column(String(36), index=True)
    # The deletion is the record's next revision: one above the last one it had.
    revision: Mapped[int] = mapped_column(Integer)
    # Content digest of the version that was deleted (see db.tracking.content_digest).
    digest: Mapped[str] = mapped_column(String(64))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The deleted row as it was here, so a deletion can be looked up or undone by hand; never travels.
    data: Mapped[dict | None] = mapped_column(JSON)


class ImportLog(Base):
    """One row per imported package with its report; the package id makes re-imports no-ops."""

    __tablename__ = "import_log"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    sender: Mapped[str] = mapped_column(String(64))
    sender_name: Mapped[str] = mapped_column(String(60), default="")
    file_name: Mapped[str] = mapped_column(String(255), default="")
    file_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    report: Mapped[dict] = mapped_column(JSON)


class ExportLog(Base):
    """What was sent to whom: ``--since-last`` compares against the digests kept here."""

    __tablename__ = "export_log"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    recipient: Mapped[str] = mapped_column(String(64), index=True, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # {visit_id: digest of the visit and its parts as sent}
    visits: Mapped[dict] = mapped_column(JSON, default=dict)
    # SHA-256 of the signed zip this installation sent (before any encryption): a receipt must name it.
    # None for the rows an import writes to note what a sender already holds (nothing was sent).
    package_sha256: Mapped[str | None] = mapped_column(String(64))


class Delivery(Base):
    """A visit the recipient confirmed by a signed receipt (回执)."""

    __tablename__ = "delivery"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(64), primary_key=True)
    recipient_name: Mapped[str] = mapped_column(String(60), default="")
    revision: Mapped[int] = mapped_column(Integer)
    package_id: Mapped[str] = mapped_column(String(36))
    delivered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# --- Ownership (issue 10): who created a record, who may change it, what others propose ---


class RecordAuthor(Base):
    """The author of a synced record that another installation created (by its key fingerprint).
    No row: the record was created here. A visit's parts belong to the visit's author."""

    __tablename__ = "record_author"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    author: Mapped[str] = mapped_column(String(64), index=True)
    # The author's own attestation of the newest version held here, if it signed that version:
    # what lets a relay (city → province) pass the record on with its authorship verifiable.
    attestation_id: Mapped[str | None] = mapped_column(String(64))
    # The relays it came through, nearest the author first (fingerprints), when it did not come from
    # its author directly: county → city → province gives [county, city] at the province.
    via: Mapped[list | None] = mapped_column(JSON)


class Attestation(Base):
    """An installation's signature over a list of record versions it vouches for (see exchange.attest);
    kept as received, so it can travel on unchanged."""

    __tablename__ = "attestation"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the signed body
    signer: Mapped[str] = mapped_column(String(64), index=True)
    signing_key: Mapped[str] = mapped_column(String(100))
    # [[entity, record id, revision, content digest, author fingerprint], …], sorted
    entries: Mapped[list] = mapped_column(JSON)
    signature: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Vouching(Base):
    """A relay's signed word for another installation's key card (city for its experts, county for its
    own, …), kept as received so the card can be vouched for again one level up (exchange.relay). The
    vouched key is not registered here: it is trusted only for records relayed by whoever vouched."""

    __tablename__ = "vouching"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)  # the vouched card's
    voucher: Mapped[str] = mapped_column(String(64), primary_key=True)
    # {"name", "organisation", "fingerprint", "signing_key", "encryption_key"}, as the voucher signed it
    card: Mapped[dict] = mapped_column(JSON)
    signature: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecordGrant(Base):
    """A right given to another installation on a record of ours: ``visit`` on an enterprise (a task
    package's assignee may create visits for it); ``edit`` on any record (later: team members)."""

    __tablename__ = "record_grant"

    grantee: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    right: Mapped[str] = mapped_column(String(20), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Proposal(Base):
    """A change another installation sent for a record it does not own: kept until the owner
    (this installation) accepts or rejects it; never applied by an import."""

    __tablename__ = "sync_proposal"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    # "change" (their version of a record), "new" (a part added to our visit), "delete" (a part removed)
    kind: Mapped[str] = mapped_column(String(20))
    proposer: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[str] = mapped_column(String(36))
    remote_revision: Mapped[int] = mapped_column(Integer)
    remote_digest: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict] = mapped_column(JSON)  # their row, or their tombstone
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision: Mapped[str | None] = mapped_column(String(20))  # "accepted" / "rejected"
    decision_note: Mapped[str] = mapped_column(Text, default="")


# --- Programme desk (issue 15): the bureau's own decisions about the programme's targets ---


class CultivationSuccess(Tracked, Base):
    """培育成功: the bureau's decision that an enterprise was cultivated successfully (target ≥ 1 per city).
    The deciding bureau's own record: it travels to the province in the city's packages (exchange format
    "successes"); withdrawing sets ``revoked``, an update that travels too."""

    __tablename__ = "cultivation_success"

    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), index=True)
    decided_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(60), default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ListSubmission(Tracked, Base):
    """A 附件2 list a city exported to send to the province (due by 5月21日); the city's own record,
    travelling to the province in its packages (exchange format "list_submissions")."""

    __tablename__ = "list_submission"

    city: Mapped[str] = mapped_column(String(40), index=True)
    sent_on: Mapped[date] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    enterprises: Mapped[int] = mapped_column(Integer, default=0)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeskPick(Base):
    """An enterprise the province picked: kind "标杆" (its 3–5 质量标杆) or "推荐" (≤ 5 to the national level)."""

    __tablename__ = "desk_pick"

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), primary_key=True)
    picked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60), default="")
