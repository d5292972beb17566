"""The 市局 desk: every visit with its scores, the spread of scores per 培育目标,
the import history, and previewing/importing a batch of exchange packages.

Scores are computed here from the stored ratings and the visit's template
snapshot, the same way the workbench scores one visit, so a bureau sees the
figures the expert saw.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..core.actions import is_overdue
from ..core.checklist import Template
from ..core.errors import UserError
from ..core.scoring import band, round_half_up, score_template
from ..db.models import Enterprise, ImportLog, KeyCard, SyncBase, Visit, VisitExpert
from .calendar import outside_window_in
from .checklists import stored_template
from .exchange.conflicts import ConflictInfo
from .exchange.merge import ImportReport, import_package, read_package_file, verify_package
from .exchange.records import MODEL_OF
from .exchange.signing import Card, KeyPair
from .import_counts import PackageCounts, package_counts
from .team_assignments import scored_ratings

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class GoalScore:
    code: str
    title: str
    level: float | None
    band: int | None  # the level (1…N of its template) the displayed score reaches
    band_name: str | None = None  # that level's name in its template


@dataclass(frozen=True)
class OverviewRow:
    visit_id: str
    enterprise_id: str
    enterprise: str
    city: str
    cultivation_type: str
    stage: str
    status: str
    start_date: date
    delivered: bool  # a version of it was exchanged and agreed on (imported here, or confirmed by a receipt)
    overall: GoalScore
    provisional: bool
    goals: tuple[GoalScore, ...]
    levels: tuple[str, ...] = ()  # the level names of the visit's template, lowest first
    overdue_actions: int = 0  # 一企一策 actions past their 完成时限 and not done (core.actions.is_overdue)
    failed_checks: tuple[str, ...] = ()  # codes of the 否决项 rated 未通过
    experts: tuple[str, ...] = ()  # the visit team's names, leader first
    outside_window: bool = False  # dated outside its stage's window (services.calendar)


def _score(code: str, title: str, score, scale) -> GoalScore:
    named = band(score, scale)
    return GoalScore(code, title, score.level, named.level if named else None, named.name if named else None)


def overview(store) -> list[OverviewRow]:
    """Every visit, newest first, with its overall and per-goal scores."""
    with store.session() as s:
        delivered = set(s.scalars(select(SyncBase.record_id).where(SyncBase.entity == "visit")))
        q = (select(Visit).options(selectinload(Visit.enterprise), selectinload(Visit.assessments),
                                   selectinload(Visit.plan), selectinload(Visit.member_ratings),
                                   selectinload(Visit.team).selectinload(VisitExpert.expert))
             .order_by(Visit.start_date.desc()))
        today = date.today()
        templates: dict[tuple[str, str], Template] = {}
        out = []
        for v in s.scalars(q):
            key = (v.template_id, v.template_version)
            if key not in templates:
                templates[key] = stored_template(s, *key)
            template = templates[key]
            result = score_template(template, scored_ratings(v))
            e = v.enterprise
            out.append(OverviewRow(
                v.id, e.id, e.name, e.city, e.cultivation_type, v.stage, v.status, v.start_date, v.id in delivered,
                _score("", "总体", result.overall, template.scale), result.overall.provisional,
                tuple(_score(g.code, g.title, g.score, template.scale) for g in result.goals),
                tuple(lv.name for lv in template.scale.levels),
                sum(is_overdue(p.due, p.status, today) for p in v.plan),
                tuple(result.failed_checks), tuple(m.expert.name for m in v.team),
                outside_window_in(s, v.stage, v.start_date)))
        return out


@dataclass(frozen=True)
class GoalDistribution:
    code: str
    title: str
    counts: tuple[int, ...]  # enterprises per named level, in the order of ``levels``
    unscored: int
    low: float | None
    median: float | None
    high: float | None
    levels: tuple[str, ...] = ()  # the column names, as ``distribution_levels`` gives them


def distribution_levels(rows: list[OverviewRow]) -> tuple[str, ...]:
    """The level names of the templates behind ``rows``, lowest first; when templates with
    different scales are mixed, each name not seen before follows the ones already listed."""
    names: list[str] = []
    for r in rows:
        names += [n for n in r.levels if n not in names]
    return tuple(names)


def score_distribution(rows: list[OverviewRow]) -> list[GoalDistribution]:
    """Per 培育目标, how many enterprises reach each level — each enterprise counted once,
    by its latest visit among ``rows``, so a follow-up does not count a company twice."""
    latest: dict[str, OverviewRow] = {}
    for r in rows:
        if r.enterprise_id not in latest or r.start_date > latest[r.enterprise_id].start_date:
            latest[r.enterprise_id] = r
    goals: dict[str, tuple[str, list[GoalScore]]] = {}
    for r in latest.values():
        for g in (*r.goals, r.overall):
            goals.setdefault(g.code, (g.title, []))[1].append(g)
    names = distribution_levels(list(latest.values()))
    out = []
    for code, (title, scores) in sorted(goals.items(), key=lambda kv: (kv[0] == "", kv[0])):
        counts = [0] * len(names)
        for g in scores:
            if g.band_name is not None:
                counts[names.index(g.band_name)] += 1
        levels = sorted(float(round_half_up(g.level, 1)) for g in scores if g.level is not None)
        out.append(GoalDistribution(
            code, title, tuple(counts), len(scores) - len(levels), levels[0] if levels else None,
            statistics.median(levels) if levels else None, levels[-1] if levels else None, names))
    return out


@dataclass(frozen=True)
class ImportLogRow:
    imported_at: datetime
    file_name: str
    sender_name: str
    kind: str
    new: int
    updated: int
    deleted: int
    unchanged: int
    conflicts: int
    refused: int
    counts: PackageCounts = PackageCounts(0, 0, 0, 0)  # in visits and enterprises, as a bureau counts


def import_history(store, limit: int = 200) -> list[ImportLogRow]:
    """Imported packages, newest first, with the counts of the report each one stored; the sender
    named as the key registry knows it (the name a card carries may be the sender's login name)."""
    with store.session() as s:
        registered = {fp: name for fp, name in s.execute(select(KeyCard.fingerprint, KeyCard.name))}
        logs = s.scalars(select(ImportLog).order_by(ImportLog.imported_at.desc()).limit(limit))
        return [ImportLogRow(g.imported_at, g.file_name, registered.get(g.sender) or g.sender_name, g.kind,
                             len(g.report.get("new", [])), len(g.report.get("updated", [])),
                             len(g.report.get("deleted", [])), g.report.get("unchanged", 0), len(g.report.get("conflicts", [])),
                             len(g.report.get("refused", [])),
                             package_counts(g.report.get("new", []), g.report.get("updated", []),
                                            g.report.get("visit_ids", []))) for g in logs]


def conflict_places(store, waiting: list[ConflictInfo]) -> dict[str, str]:
    """Conflict id → the enterprise and visit it belongs to, since a record's own label
    (an item code, a report number) does not say which company it is about."""
    out = {}
    with store.session() as s:
        for c in waiting:
            model = MODEL_OF.get(c.entity)
            record = s.get(model, c.record_id) if model is not None else None
            if isinstance(record, Enterprise):
                out[c.id] = record.name
                continue
            visit = record if isinstance(record, Visit) else (
                s.get(Visit, record.visit_id) if record is not None and getattr(record, "visit_id", None) else None)
            if visit is not None:
                out[c.id] = f"{visit.enterprise.name} {visit.stage} {visit.start_date.isoformat()}"
    return out


# -- importing a batch of packages --------------------------------------------


@dataclass(frozen=True)
class PackagePreview:
    path: Path
    report: ImportReport | None = None
    error: str = ""  # why the whole package would be refused
    unknown_sender: Card | None = None  # set when importing would register a new sender

    @property
    def importable(self) -> bool:
        return self.report is not None and not self.report.already_imported


@dataclass(frozen=True)
class PreviewBatch:
    previews: tuple[PackagePreview, ...]
    cancelled: bool = False


def package_files(paths: Collection[Path]) -> list[Path]:
    """Files as given; a folder stands for the ``*.xzp`` files directly inside it."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.glob("*.xzp") if f.is_file()))
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def _preview_one(store, keys: KeyPair, path: Path) -> PackagePreview:
    try:
        blob = read_package_file(path)
        # Accepting an unknown sender inside a dry run shows what its package would do;
        # the rolled-back transaction registers nobody, and the caller still has to ask.
        report = import_package(store, keys, path, accept_unknown=True, preview=True, blob=blob)
        verified = verify_package(str(path), blob, keys) if report.sender_registered else None  # None: no admit given
        unknown = verified.sender if verified is not None else None
    except UserError as exc:
        return PackagePreview(path, error=str(exc))
    return PackagePreview(path, report, unknown_sender=unknown)


def preview_packages(store, keys: KeyPair, paths: list[Path], progress: Progress | None = None) -> PreviewBatch:
    """What importing each file would do, each against the store as it is now.
    ``progress(done, total)`` returning False stops before the next file."""
    out: list[PackagePreview] = []
    for n, path in enumerate(paths):
        if progress is not None and progress(n, len(paths)) is False:
            return PreviewBatch(tuple(out), cancelled=True)
        out.append(_preview_one(store, keys, path))
    if progress is not None:
        progress(len(paths), len(paths))
    return PreviewBatch(tuple(out))


@dataclass(frozen=True)
class ImportBatch:
    reports: tuple[ImportReport, ...]
    errors: tuple[UserError, ...]
    cancelled: bool = False
    not_started: tuple[Path, ...] = ()


def import_packages(store, keys: KeyPair, paths: list[Path], accept_unknown: Collection[Path] = (),
                    progress: Progress | None = None) -> ImportBatch:
    """Import files one transaction each, so one bad package does not block the others;
    accept an unknown sender only for the files the user agreed to, and stop between
    files when ``progress(done, total)`` returns False."""
    accepted = {Path(p) for p in accept_unknown}
    reports: list[ImportReport] = []
    errors: list[UserError] = []
    for n, path in enumerate(paths):
        if progress is not None and progress(n, len(paths)) is False:
            return ImportBatch(tuple(reports), tuple(errors), cancelled=True, not_started=tuple(paths[n:]))
        try:
            reports.append(import_package(store, keys, path, accept_unknown=Path(path) in accepted))
        except UserError as exc:
            errors.append(exc)
    if progress is not None:
        progress(len(paths), len(paths))
    return ImportBatch(tuple(reports), tuple(errors))
