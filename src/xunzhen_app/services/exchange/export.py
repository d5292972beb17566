"""Writing packages: chosen visits, everything, or what changed since the last
package to a recipient; and the bureau's task packages.

A visit travels with everything it needs on the other side: its enterprise,
team experts, template snapshot, parts, attachments (content by hash), the attestations of its records,
the tombstones of its deleted parts, the earlier visits it refers to and, unless
asked not to, its 质量巡诊报告 PDF for whoever opens the package without 巡诊.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ... import __version__
from ...core.errors import UserError
from ...db.chunks import in_chunks
from ...db.models import (
    Assessment,
    Assignment,
    Attachment,
    Blob,
    CaseStudy,
    ChecklistTemplate,
    CultivationSuccess,
    Enterprise,
    Expert,
    ExportLog,
    ListSubmission,
    MemberRating,
    PlanItem,
    Tombstone,
    Visit,
    VisitExpert,
    VisitProblem,
    VisitReview,
)
from ...fs import describe_os_error
from ..reports.atomic import write_atomically
from ..reviews import own_reviews_of_visits_by
from ..visits import resolve_visit
from .crypto import encrypt
from .format import (
    ATTACHMENT_DIR,
    DATA,
    FORMAT_NAME,
    FORMAT_VERSION,
    REPORT_DIR,
    canonical_json,
    now_iso,
    sha256,
    write_zip,
)
from .ownership import VISIT_RIGHT, attestations_for, authors, grant
from .records import ATTESTATIONS, DELETABLE, SECTIONS, TOMBSTONES, VOUCHINGS, to_dict, tombstone_dict
from .relay import vouchings_for
from .signing import Card, KeyPair, find_card


@dataclass
class ExportResult:
    data: bytes
    package_id: str
    kind: str
    visit_ids: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    recipient: str = ""
    encrypted: bool = False

    def write(self, path: Path) -> Path:
        """Atomically, so a sync folder never shows a half-written package and a full disk leaves no part."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"无法建立文件夹 {path.parent}：{describe_os_error(exc)}") from exc
        return write_atomically(path, lambda out: out.write(self.data))


def visit_digest(session, visit: Visit) -> str:
    return visit_digests(session, [visit])[visit.id]


def visit_digests(session, visits: list[Visit]) -> dict[str, str]:
    """Changes whenever a visit or any of its parts changes revision, or a part is deleted."""
    dead = _tombstones(session, [v.id for v in visits])
    reviewed = _reviews(session, [v.id for v in visits])
    case_of = {c.enterprise_id: c for c in cases_of_enterprises(session, {v.enterprise_id for v in visits})}
    desk = desk_parts(session, {v.id: v.enterprise_id for v in visits})
    out = {}
    for visit in visits:
        parts = [(p.__tablename__, o.id, o.revision) for p, rel in (
            (VisitExpert, visit.team), (Assessment, visit.assessments), (MemberRating, visit.member_ratings),
            (VisitProblem, visit.problems),
            (PlanItem, visit.plan), (Attachment, visit.attachments)) for o in rel]
        parts += [tombstone_part(t["entity"], t["record_id"], t["revision"]) for t in dead.get(visit.id, [])]
        parts += [review_part(r.id, r.revision) for r in reviewed.get(visit.id, [])]
        if visit.enterprise_id in case_of:
            parts.append(case_part(case_of[visit.enterprise_id].id, case_of[visit.enterprise_id].revision))
        parts += desk.get(visit.id, [])
        out[visit.id] = parts_digest(visit.id, visit.revision, parts)
    return out


def tombstone_part(entity: str, record_id: str, revision: int) -> tuple[str, str, int]:
    # Only visits with deletions get these entries, so digests sent before tombstones existed stay valid.
    return (f"tombstone/{entity}", record_id, revision)


def review_part(review_id: str, revision: int) -> tuple[str, str, int]:
    # A review (format 4) counts as a change of its visit, so a bureau's sync sends the visit with it;
    # like tombstones, only reviewed visits get these entries.
    return (VisitReview.__tablename__, review_id, revision)


def case_part(case_id: str, revision: int) -> tuple[str, str, int]:
    # A 典型案例 (format 6) counts as a change of each of its enterprise's visits, so a sync sends it with
    # them; only visits of an enterprise with a case get this entry.
    return (CaseStudy.__tablename__, case_id, revision)


def cases_of_enterprises(session, enterprise_ids) -> list[CaseStudy]:
    ids = sorted(enterprise_ids)
    out: list[CaseStudy] = []
    for chunk in in_chunks(ids):
        out += session.scalars(select(CaseStudy).where(CaseStudy.enterprise_id.in_(chunk))
                               .order_by(CaseStudy.id))
    return out


def _reviews(session, visit_ids: list[str]) -> dict[str, list[VisitReview]]:
    out: dict[str, list[VisitReview]] = defaultdict(list)
    for chunk in in_chunks(visit_ids):
        for r in session.scalars(select(VisitReview).where(VisitReview.visit_id.in_(chunk))
                                 .order_by(VisitReview.id)):
            out[r.visit_id].append(r)
    return out


def _tombstones(session, visit_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for chunk in in_chunks(visit_ids):
        for t in session.scalars(select(Tombstone).where(
                Tombstone.visit_id.in_(chunk), Tombstone.entity.in_(DELETABLE))
                .order_by(Tombstone.entity, Tombstone.record_id)):
            out[t.visit_id].append(tombstone_dict(t))
    return out


def parts_digest(visit_id: str, revision: int, parts: list[tuple[str, str, int]]) -> str:
    return sha256(canonical_json([visit_id, revision, sorted(parts)]))


def _ordered(visits: list[Visit]) -> list[Visit]:
    # Earlier visits first, so a visit's previous_visit_id is already there on insert.
    by_id = {v.id: v for v in visits}
    done: dict[str, Visit] = {}

    def add(v: Visit):
        if v.id in done:
            return
        if v.previous_visit_id in by_id:
            add(by_id[v.previous_visit_id])
        done[v.id] = v

    for v in sorted(visits, key=lambda v: (v.start_date, v.id)):
        add(v)
    return list(done.values())


def _closure(session, visits: list[Visit]) -> list[Visit]:
    seen = {v.id: v for v in visits}
    todo = [v for v in visits if v.previous_visit_id]
    while todo:
        v = todo.pop()
        if v.previous_visit_id and v.previous_visit_id not in seen:
            prev = session.get(Visit, v.previous_visit_id)
            if prev is not None:
                seen[prev.id] = prev
                todo.append(prev)
    return list(seen.values())


def _collect(session, keys: KeyPair, visits: list[Visit], *, enterprises=(), experts=(), assignments=(),
             templates=(), reviews=(), store=None) -> tuple[dict, dict]:
    """With ``store``, each visit's 质量巡诊报告 is rendered into reports/<id>.pdf. The records travel
    under attestations (ownership.attestations_for); a visit's history stays here (the receiver writes its own)."""
    data: dict[str, list] = {name: [] for name in SECTIONS} | {TOMBSTONES: []}
    members: dict[str, bytes] = {}
    ent_ids = {v.enterprise_id for v in visits} | {e.id for e in enterprises}
    exp_ids = {m.expert_id for v in visits for m in v.team} | {e.id for e in experts}
    exp_ids |= {a.expert_id for a in assignments}
    ent_ids |= {a.enterprise_id for a in assignments}
    tpl_keys = {(v.template_id, v.template_version) for v in visits} | {(t.template_id, t.version) for t in templates}
    if exp_ids:
        data["experts"] = [to_dict(e) for e in session.scalars(select(Expert).where(Expert.id.in_(exp_ids)).order_by(Expert.id))]
    if ent_ids:
        data["enterprises"] = [to_dict(e) for e in session.scalars(
            select(Enterprise).where(Enterprise.id.in_(ent_ids)).order_by(Enterprise.id))]
    data["templates"] = [to_dict(session.get(ChecklistTemplate, k)) for k in sorted(tpl_keys)]
    visit_ids = [v.id for v in visits]
    for v in visits:
        data["visits"].append(to_dict(v))
        data["visit_experts"] += [to_dict(o) for o in v.team]
        data["assessments"] += [to_dict(o) for o in sorted(v.assessments, key=lambda a: a.item_code)]
        data["member_ratings"] += [to_dict(o) for o in sorted(v.member_ratings, key=lambda m: (m.item_code, m.rater))]
        data["problems"] += [to_dict(o) for o in v.problems]
        data["plan_items"] += [to_dict(o) for o in v.plan]
        data["attachments"] += [to_dict(o) for o in v.attachments]
        for a in v.attachments:
            name = ATTACHMENT_DIR + a.sha256
            if name not in members:
                members[name] = session.get(Blob, a.sha256).data
        if store is not None:
            from ..reports import render_visit_pdf_bytes

            members[f"{REPORT_DIR}{v.id}.pdf"] = render_visit_pdf_bytes(store, v.id)[0]
    if visit_ids:
        dead = _tombstones(session, visit_ids)
        data[TOMBSTONES] = [t for v in visit_ids for t in dead.get(v, [])]
        reviewed = _reviews(session, visit_ids)
        data["reviews"] = [to_dict(r) for v in visit_ids for r in reviewed.get(v, [])]
    # An enterprise's 典型案例 goes wherever the enterprise goes, with the photos it shows.
    data["cases"] = [to_dict(c) for c in cases_of_enterprises(session, ent_ids)]
    for c in data["cases"]:
        for photo in c["photos"]:
            name = ATTACHMENT_DIR + photo["sha256"]
            if name not in members:
                blob = session.get(Blob, photo["sha256"])
                if blob is not None:  # a photo whose content is missing here: the receiver refuses the case, named
                    members[name] = blob.data
    known = {r["id"] for r in data["reviews"]}
    data["reviews"] += [to_dict(r) for r in reviews if r.id not in known]
    data["assignments"] = [to_dict(a) for a in assignments]
    data["successes"], data["list_submissions"] = desk_records(session, ent_ids, {e["city"] for e in data["enterprises"]})
    data[ATTESTATIONS] = attestations_for(session, keys, data)
    vouchings = vouchings_for(session, keys, data[ATTESTATIONS])
    if vouchings:
        data[VOUCHINGS] = vouchings
    return data, members


def desk_parts(session, enterprise_of: dict[str, str]) -> dict[str, list[tuple[str, str, int]]]:
    """Visit id → the programme desk records (format 7) that count as a change of it: the 培育成功 decisions
    on its enterprise and the 附件2 lists of its city. So a city's ``--since-last`` package carries a new
    decision, its revocation or a list sent; only visits with such records get these entries."""
    ent_ids = sorted(set(enterprise_of.values()))
    city: dict[str, str] = {}
    by_enterprise: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for chunk in in_chunks(ent_ids):
        city.update({eid: c for eid, c in session.execute(select(Enterprise.id, Enterprise.city).where(Enterprise.id.in_(chunk)))})
        for eid, rid, rev in session.execute(select(CultivationSuccess.enterprise_id, CultivationSuccess.id,
                                                    CultivationSuccess.revision).where(
                CultivationSuccess.enterprise_id.in_(chunk))):
            by_enterprise[eid].append((CultivationSuccess.__tablename__, rid, rev))
    by_city: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    if city:
        for c, rid, rev in session.execute(select(ListSubmission.city, ListSubmission.id, ListSubmission.revision)
                                           .where(ListSubmission.city.in_(sorted(set(city.values()))))):
            by_city[c].append((ListSubmission.__tablename__, rid, rev))
    out = {}
    for vid, eid in enterprise_of.items():
        parts = by_enterprise.get(eid, []) + by_city.get(city.get(eid, ""), [])
        if parts:
            out[vid] = parts
    return out


def desk_records(session, enterprise_ids, cities) -> tuple[list[dict], list[dict]]:
    """The programme desk records (format 7) that go where their enterprises go: the 培育成功 decisions on
    them, revoked ones too (so a withdrawal reaches the province), and the 附件2 lists sent for their cities."""
    ids = sorted(enterprise_ids)
    successes: list[dict] = []
    for chunk in in_chunks(ids):
        successes += [to_dict(r) for r in session.scalars(select(CultivationSuccess).where(
            CultivationSuccess.enterprise_id.in_(chunk)).order_by(CultivationSuccess.id))]
    lists = [to_dict(r) for r in session.scalars(select(ListSubmission).where(
        ListSubmission.city.in_(sorted(cities))).order_by(ListSubmission.id))] if cities else []
    return successes, lists


def seal_package(keys: KeyPair, kind: str, data: dict, members: dict[str, bytes], recipient: str | None,
          extra: dict | None = None) -> tuple[str, bytes]:
    package_id = str(uuid.uuid4())
    members = {DATA: canonical_json(data), **members}
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "kind": kind,
        "package_id": package_id,
        "created_at": now_iso(),
        "sender": keys.card().sender_dict(),
        "recipient": recipient,
        "members": [{"name": n, "sha256": sha256(b), "size": len(b)} for n, b in sorted(members.items())],
        **(extra or {}),
    }
    manifest_bytes = canonical_json(manifest)
    return package_id, write_zip(manifest_bytes, keys.sign(manifest_bytes), members)


def export_package(store, keys: KeyPair, *, visit_refs: list[str] | None = None, everything: bool = False,
                   since_last: str | None = None, encrypt_to: Card | None = None,
                   reports: bool = True) -> ExportResult:
    """Exactly one of visit_refs / everything / since_last (a recipient fingerprint or prefix).
    ``reports=False`` leaves the PDFs out (~0.1 s per visit saved; the receiver renders its own)."""
    if sum(bool(x) for x in (visit_refs, everything, since_last)) != 1:
        raise UserError("请选择一种导出范围：指定巡诊、全部，或自上次发给某接收方以来的变更")
    with store.session() as s:
        recipient_fp = None
        enterprises, experts, assignments = [], [], []
        if since_last:
            recipient_fp = find_card(s, since_last).fingerprint
        if encrypt_to is not None:
            if recipient_fp and recipient_fp != encrypt_to.fingerprint:
                raise UserError("--since-last 与 --encrypt-to 指向不同的接收方")
            recipient_fp = encrypt_to.fingerprint
        if visit_refs:
            visits = list({v.id: v for v in (resolve_visit(s, r) for r in visit_refs)}.values())
        else:
            visits = list(s.scalars(select(Visit)))
        if everything:
            enterprises = list(s.scalars(select(Enterprise)))
            experts = list(s.scalars(select(Expert)))
            assignments = list(s.scalars(select(Assignment)))
        digests = visit_digests(s, visits)
        if since_last:
            sent: dict[str, str] = {}
            for log in s.scalars(select(ExportLog).where(ExportLog.recipient == recipient_fp).order_by(ExportLog.created_at)):
                sent.update(log.visits)
            visits = [v for v in visits if sent.get(v.id) != digests[v.id]]
            if not visits:
                raise UserError("自上次发给该接收方以来没有新的或修改过的巡诊，无需导出")
        visits = _ordered(_closure(s, visits))
        data, members = _collect(s, keys, visits, enterprises=enterprises, experts=experts, assignments=assignments,
                                 store=store if reports else None)
        package_id, blob = seal_package(keys, "data", data, members, recipient_fp)
        s.add(ExportLog(package_id=package_id, recipient=recipient_fp or "", package_sha256=sha256(blob),
                        visits={v.id: digests.get(v.id) or visit_digest(s, v) for v in visits}))
    if encrypt_to is not None:
        blob = encrypt(blob, encrypt_to)
    return ExportResult(blob, package_id, "data", [v.id for v in visits],
                        {k: len(v) for k, v in data.items() if v}, recipient_fp or "", encrypt_to is not None)


def export_task_package(store, keys: KeyPair, *, expert_ids: list[str] | None = None,
                        encrypt_to: Card | None = None) -> ExportResult:
    """The bureau's tasks: assignments (optionally for some experts), their
    enterprises and experts, and the templates to fill them with — an assignment
    names no template, so every version the bureau has installed and not retired."""
    from .. import checklists

    templates = checklists.usable_templates(store)
    with store.session() as s:
        for template in templates:
            checklists.snapshot(s, template)
        s.flush()
        q = select(Assignment)
        if expert_ids:
            q = q.where(Assignment.expert_id.in_(expert_ids))
        assignments = list(s.scalars(q.order_by(Assignment.id)))
        if not assignments:
            raise UserError("没有可导出的任务分配（先用 xunzhen package assign 分配专家）")
        rows = [s.get(ChecklistTemplate, t.key) for t in templates]
        recipient = encrypt_to.fingerprint if encrypt_to else None
        grantees = _assignee_installations(s, keys, assignments, recipient)
        data, members = _collect(s, keys, [], assignments=assignments, templates=rows,
                                 reviews=own_reviews_of_visits_by(s, set(grantees.values())))
        granted = _grant_assignees(s, assignments, grantees)
        package_id, blob = seal_package(keys, "task", data, members, recipient)
        # Kept like a data package's, so the expert's receipt for it is recognised.
        s.add(ExportLog(package_id=package_id, recipient=recipient or "", package_sha256=sha256(blob), visits={}))
    if encrypt_to is not None:
        blob = encrypt(blob, encrypt_to)
    return ExportResult(blob, package_id, "task", [], {k: len(v) for k, v in data.items() if v} | {"grantees": granted},
                        recipient or "", encrypt_to is not None)


def _assignee_installations(session, keys: KeyPair, assignments: list[Assignment],
                            recipient: str | None) -> dict[str, str]:
    """Assignment id → the assignee's installation: the author of its expert row (the profile it sent
    us), or else the task package's recipient; assignments with neither are left out."""
    rows = authors(session, "expert", {a.expert_id for a in assignments})
    out = {}
    for a in assignments:
        found = rows.get(a.expert_id)
        grantee = found.author if found is not None and found.author != keys.fingerprint else recipient
        if grantee:
            out[a.id] = grantee
    return out


def _grant_assignees(session, assignments: list[Assignment], grantees: dict[str, str]) -> int:
    """Each assignee may create visits for its enterprises; how many installations got a grant."""
    for a in assignments:
        if a.id in grantees:
            grant(session, grantees[a.id], "enterprise", a.enterprise_id, VISIT_RIGHT)
    return len(set(grantees.values()))
