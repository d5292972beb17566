"""Importing packages: verify everything, then merge in one transaction.

Order of work, and why:
1. decrypt (if needed), check the zip, every member's hash, the manifest's
   signature and the data's types — all before a database session is opened;
2. in one transaction: refuse a revoked or unknown sender, skip a package
   already imported (its id is in ``import_log``: re-importing changes nothing),
   merge record by record, store the report.

Merging a record (by UUID; by natural key for enterprises with the same 统一社会信用代码
and for a visit's item/team rows):
- new here → inserted with the sender's revision;
- same content → unchanged;
- only they changed since we last agreed (``sync_base``) → updated;
- only we changed, or theirs is older → ours kept (unchanged);
- both changed, or we never agreed → ours kept, theirs stored in ``sync_conflict``
  for field-by-field resolution. Nothing is overwritten without a trace;
- theirs would take a 统一社会信用代码 another local enterprise holds → ours kept,
  theirs stored as a conflict, and the rest of the package imports.

Deletions (format 2) arrive as tombstones: a local row is deleted only when it
still holds what the sender deleted or what both sides last agreed on; if it
changed here, it stays and the deletion becomes a conflict. A tombstone is kept
here too, so a stale copy of the row arriving later is not inserted again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import NoReturn

from sqlalchemy import insert, select, tuple_
from sqlalchemy.exc import DataError, IntegrityError

from ...core.checklist import parse_template
from ...core.domain import VisitStatus
from ...db.base import new_id, table_of, utcnow
from ...db.chunks import in_chunks
from ...db.insert_new import insert_new
from ...db.models import (
    Assessment,
    Attestation,
    Blob,
    ChecklistTemplate,
    Enterprise,
    ExportLog,
    ImportLog,
    Proposal,
    RecordAuthor,
    SyncBase,
    SyncConflict,
    Tombstone,
    Visit,
    VisitExpert,
    VisitHistory,
)
from ..checklists import snapshot_problem, stored_template
from . import attest
from .case_clash import case_clashes, clash_reason
from .crypto import decrypt, is_encrypted
from .format import (
    ATTACHMENT_DIR,
    DATA,
    MAX_REVISION_STEP,
    OpenedZip,
    PackageError,
    RawPackage,
    load_json_member,
)
from .ownership import EDIT_RIGHT, VISIT_RIGHT, authors, grants_of, tombstone_entity
from .records import (
    ATTESTATIONS,
    DELETABLE,
    ENTITY,
    LEGACY_SECTIONS,
    MEMBER_RATING,
    MEMBER_SECTION,
    MODEL_OF,
    PARTS,
    SECTION_OF,
    SECTIONS,
    SINCE_VERSION,
    TOMBSTONES,
    TRACKED,
    VOUCHINGS,
    digest,
    json_form,
    label,
    parse_section,
    parse_tombstones,
    to_dict,
)
from .relay import author_name, check_relayed
from .signing import Card, KeyPair, check_trust, pretty, registered_name, verify_signature
from .team_rights import MEMBERS_CLOSED, member_rating_problem
from .validate import TEMPLATE_BOUND, TemplateCodes, check_template_values, validate_sections

# Kinds of conflict (sync_conflict.kind).
CHANGED = "changed"  # both sides edited the record
DELETED_REMOTELY = "deleted_remotely"  # they deleted it, we edited it
DELETED_LOCALLY = "deleted_locally"  # we deleted it, they edited it
KEY_CLASH = "key_clash"  # theirs would take a unique value another local record holds

# Which other records a record refers to: column → (entity, nullable).
_REFS = {
    "visit": {"enterprise_id": "enterprise", "previous_visit_id": "visit"},
    "visit_expert": {"visit_id": "visit", "expert_id": "expert"},
    "assessment": {"visit_id": "visit"},
    "member_rating": {"visit_id": "visit", "expert_id": "expert"},
    "visit_problem": {"visit_id": "visit"},
    "plan_item": {"visit_id": "visit"},
    "attachment": {"visit_id": "visit"},
    "assignment": {"enterprise_id": "enterprise", "expert_id": "expert"},
    "visit_review": {"visit_id": "visit"},
    "case_study": {"enterprise_id": "enterprise"},
    "cultivation_success": {"enterprise_id": "enterprise"},
}
# What template snapshots allow, by id, version and verified content hash: a city's packages carry the same.
_TEMPLATE_CODES: dict[tuple[str, str, str], TemplateCodes] = {}
_LOCKED = "该巡诊已定稿：只有其作者重新打开并说明原因后才能修改"


@dataclass
class RecordRef:
    entity: str
    id: str
    label: str = ""
    reason: str = ""
    revision: int = 0


@dataclass
class ImportReport:
    """What an import did (or, for a preview, would do)."""

    source: str
    package_id: str = ""
    kind: str = ""
    sender_name: str = ""
    sender_fingerprint: str = ""
    created_at: str = ""
    already_imported: bool = False
    preview: bool = False
    sender_registered: bool = False
    new: list[RecordRef] = field(default_factory=list)
    updated: list[RecordRef] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[RecordRef] = field(default_factory=list)  # deleted here because the sender deleted them
    # Deletions of records not held here, kept so a copy arriving later is not inserted again.
    deletions_noted: int = 0
    conflicts: list[RecordRef] = field(default_factory=list)
    # Changes the sender proposed to records it does not own: stored for their owner (here) to decide.
    proposals: list[RecordRef] = field(default_factory=list)
    refused: list[RecordRef] = field(default_factory=list)
    # (entity, id, revision) of everything now held as sent: what a receipt confirms.
    accepted: list[tuple[str, str, int]] = field(default_factory=list)
    visit_ids: list[str] = field(default_factory=list)
    delivered: int = 0  # for a receipt: visits marked delivered
    history_added: int = 0  # history rows written here for the records it inserted

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.deleted or self.deletions_noted or self.conflicts
                    or self.proposals or self.delivered or self.history_added)

    def summary(self) -> str:
        who = f"来自“{self.sender_name}”"
        if self.already_imported:
            return f"{self.source}：{who}的数据包已导入过，本次未作任何修改"
        if self.kind == "receipt":
            return f"{self.source}：{who}的回执，{self.delivered} 次巡诊标记为已送达"
        head = "预览（未提交）" if self.preview else "已导入"
        return (f"{self.source}：{head}{who}的数据包：新增 {len(self.new)}，更新 {len(self.updated)}，"
                f"删除 {len(self.deleted)}，未变 {self.unchanged}，冲突 {len(self.conflicts)}，"
                f"修改建议 {len(self.proposals)}，拒收 {len(self.refused)}")

    def to_json(self) -> dict:
        # By hand: dataclasses.asdict deep-copies every value, ~15 ms for one visit's report.
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in ("new", "updated", "deleted", "conflicts", "proposals", "refused"):
            d[key] = [dict(vars(r)) for r in d[key]]
        d["accepted"] = [list(a) for a in self.accepted]
        d["visit_ids"] = list(self.visit_ids)
        return d


@dataclass
class VerifiedPackage:
    raw: RawPackage
    sender: Card
    sections: dict[str, list[dict]]
    # (entity, record id) → the attestation entry matching what the package carries (see attest);
    # for a format 1 or 2 package, none: every record counts as the sender's.
    signed: dict[tuple[str, str], attest.Entry] = field(default_factory=dict)
    attestations: list[dict] = field(default_factory=list)
    # (entity, record id) → the record's JSON form and digest as sent, made once for the attestation
    # check and reused by the merge (dropped where the merge rewrites a reference).
    forms: dict[tuple[str, str], tuple[dict, str]] = field(default_factory=dict)
    vouchings: list = field(default_factory=list)  # format 4, checked against the registry (relay)
    # Each signer's relays, nearest the author first, ending at the sender (relay.check_relayed).
    via: dict[str, list[str]] = field(default_factory=dict)

    @property
    def relays(self) -> set[str]:
        return {self.sender.fingerprint} | {fp for chain in self.via.values() for fp in chain}

    @property
    def manifest(self) -> dict:
        return self.raw.manifest

    def signer(self, entity: str, record_id: str) -> str:
        found = self.signed.get((entity, record_id))
        return found.signer if found is not None else self.sender.fingerprint


def verify_package(source: str, blob: bytes, keys: KeyPair,
                   admit: Callable[[OpenedZip, Card], bool] | None = None) -> VerifiedPackage | None:
    """Everything that can be checked without writing to the database. Raises PackageError.

    ``admit`` sees the signed manifest before any other member is inflated: it refuses a sender
    (by raising) or returns False to stop there (a package already imported), giving None."""
    if is_encrypted(blob):
        blob = decrypt(source, blob, keys)
    opened = OpenedZip(source, blob)
    sender = verify_signature(opened)
    recipient = opened.manifest.get("recipient")
    if recipient and recipient != keys.fingerprint:
        raise PackageError(source, "数据包是发给另一接收方的")
    if admit is not None and not admit(opened, sender):
        return None
    raw = opened.inflate()
    if DATA not in raw.members:
        raise PackageError(source, "缺少 data.json")
    data = load_json_member(source, raw.members[DATA], DATA)
    if raw.manifest["kind"] == "receipt":
        from .receipts import parse_receipt

        return VerifiedPackage(raw, sender, {"receipt": [parse_receipt(source, data)]})
    version = raw.manifest["format_version"]
    known = {part for part in (*SECTIONS, TOMBSTONES, ATTESTATIONS, VOUCHINGS) if SINCE_VERSION.get(part, 1) <= version}
    known |= set(LEGACY_SECTIONS) if version < 3 else set()
    unknown = set(data) - known
    if unknown:
        raise PackageError(source, f"data.json 含有未知部分 {sorted(unknown)}")
    sections = {name: parse_section(source, name, data.get(name, [])) for name in SECTIONS}
    sections[TOMBSTONES] = parse_tombstones(source, data.get(TOMBSTONES, []), sections)
    validate_sections(source, sections)
    pkg = VerifiedPackage(raw, sender, sections)
    if version >= 3:
        pkg.attestations, entries = attest.verify(source, data.get(ATTESTATIONS, []))
        pkg.signed = _match_attestations(source, sections, entries, pkg.forms)
        pkg.vouchings = data.get(VOUCHINGS, [])
    return pkg


def _match_attestations(source: str, sections: dict, entries: dict, forms: dict) -> dict:
    """Every record of a format-3 package must be vouched for, at the revision and content it has."""
    signed = {}
    for name in TRACKED:
        entity = SECTIONS[name].__tablename__
        for row in sections[name]:
            key, form = (entity, row["id"]), json_form(row)
            dig = digest(form)
            forms[key] = (form, dig)
            signed[key] = _entry_for(source, entries, key, row["revision"], dig, name)
    for t in sections[TOMBSTONES]:
        key = (tombstone_entity(t["entity"]), t["record_id"])
        signed[key] = _entry_for(source, entries, key, t["revision"], t["digest"], TOMBSTONES)
    return signed


def _entry_for(source: str, entries: dict, key: tuple[str, str], revision: int, dig: str, section: str):
    for e in entries.get(key, ()):
        if e.revision == revision and e.digest == dig:
            return e
    signers = "、".join(sorted({pretty(e.signer)[:9] for e in entries.get(key, ())}))
    raise PackageError(source, f"data.json 的 {section} 中 {key[1]} 没有与其内容相符的签名（记录被篡改，或不是其作者签发"
                               + (f"：其作者（指纹 {signers}）签名的是另一版本）" if signers else "）"))


def read_package_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise PackageError(str(path), f"无法读取文件（{exc.strerror or exc}）") from None


def import_package(store, keys: KeyPair, path: Path | str, *, accept_unknown: bool = False,
                   preview: bool = False, blob: bytes | None = None) -> ImportReport:
    """Import one package file in one transaction; with ``preview`` everything is done and then rolled back."""
    source = str(path)
    if blob is None:
        blob = read_package_file(Path(path))
    with store.session() as s:
        seen: dict = {}

        def admit(opened: OpenedZip, sender: Card) -> bool:
            # Before anything else is inflated: a known package is a no-op, an unwelcome sender is refused.
            if s.scalar(select(ImportLog.id).where(ImportLog.package_id == opened.manifest["package_id"])):
                seen.update(manifest=opened.manifest, name=registered_name(s, sender.fingerprint))
                return False
            seen["registered"], seen["name"] = check_trust(s, opened, sender, keys.fingerprint, accept_unknown)
            return True

        pkg = verify_package(source, blob, keys, admit)
        if pkg is None:
            m = seen["manifest"]
            return ImportReport(source, m["package_id"], m["kind"], seen["name"], m["sender"]["fingerprint"],
                                m["created_at"], already_imported=True, preview=preview)
        m = pkg.manifest
        s.flush()
        if m["format_version"] >= 3 and m["kind"] != "receipt":
            pkg.via = check_relayed(s, source, pkg.sender, keys, pkg.vouchings,
                                    {e.signer for e in pkg.signed.values()})
        name = seen["name"]
        report = ImportReport(source, m["package_id"], m["kind"], name, pkg.sender.fingerprint, m["created_at"],
                              preview=preview, sender_registered=seen["registered"])
        s.info["sync"] = True
        s.info["actor"] = f"导入自 {name}"[:60]
        try:
            if m["kind"] == "receipt":
                from .receipts import apply_receipt

                apply_receipt(s, pkg, keys, report)
            else:
                _Merger(s, pkg, report, keys.fingerprint).run()
            s.flush()
        except (IntegrityError, DataError) as exc:
            # e.g. a record id already used by another kind of record here; the transaction rolls back.
            raise PackageError(source, f"数据与本机数据库不相容（{exc.orig}）") from None
        s.execute(insert(table_of(ImportLog)), {
            "package_id": m["package_id"], "kind": m["kind"], "sender": pkg.sender.fingerprint,
            "sender_name": name[:60], "file_name": Path(source).name[:255], "file_sha256": pkg.raw.file_sha256,
            "report": report.to_json()})
        if preview:
            s.rollback()
    return report


class _Merger:
    def __init__(self, session, pkg: VerifiedPackage, report: ImportReport, me: str):
        self.s, self.pkg, self.report, self.me = session, pkg, report, me
        self.present: dict[str, set[str]] = defaultdict(set)  # ids held locally after this merge
        self.alias: dict[str, dict[str, str]] = defaultdict(dict)  # remote id → local id
        self.templates: set[tuple[str, str]] = set()
        self.blobs: set[str] = set()
        self.inserted: set[str] = set()  # visits this import inserted
        self.conflicted: set[str] = set()  # visits with a conflict in them or in one of their parts
        self.trimmed: set[str] = set()  # inserted visits of which a part stayed deleted here
        self.uscc_taken: dict[str, str] = {}  # 统一社会信用代码 → enterprise id, as this merge leaves them
        # Agreed versions of new records, written in one statement after the last section:
        # each section reads only its own entity's, so none needs another's yet.
        self.new_bases: list[dict] = []
        # Most stores never delete anything: one query spares a tombstone lookup per section.
        self.any_tombstones = session.scalar(select(Tombstone.record_id).limit(1)) is not None
        # Ownership: (entity, id) → author (missing: not looked up yet; looked up and absent: us).
        self.owner: dict[tuple[str, str], str] = {}
        self.new_authors: list[dict] = []  # record_author rows of the records this merge inserts
        self.attested: dict[tuple[str, str], str] = {}  # records updated from their author → its attestation
        self.history: list[dict] = []  # what this merge inserted, as the visits' history says it
        self.revived: set[tuple[str, str]] = set()  # deleted rows brought back: their author row is still here
        self._grants: set | None = None  # looked up only when a writer is not the owner
        self.remote_visit = {r["id"]: r for r in pkg.sections.get("visits", [])}
        self.visit_template = {vid: (r["template_id"], r["template_version"]) for vid, r in self.remote_visit.items()}
        self.package_templates: dict[tuple[str, str], dict] = {}  # the snapshots this package carries
        self.visit_before: dict[str, tuple[str, str]] = {}  # local visit → (status, reopen reason) before the merge
        self.now = utcnow()

    def run(self) -> None:
        secs = self.pkg.sections
        self._blobs()
        self._visits_before()
        for name, model in SECTIONS.items():
            rows = secs.get(name) or []
            if not rows:
                continue
            if name == "templates":
                self._templates(rows)
            else:
                self._tracked(ENTITY[model], model, rows)
            # Insert each section before the next refers to it (not every model has a relationship
            # from which the unit of work could infer the order).
            self.s.flush()
        if self.new_bases:
            self.s.execute(insert(table_of(SyncBase)), self.new_bases)
        if secs.get(TOMBSTONES):
            self._tombstones(secs[TOMBSTONES])
            self.s.flush()
        self._write_ownership()
        self.report.visit_ids = sorted(self.present["visit"] & {r["id"] for r in secs.get("visits", [])})
        self._sender_holds()

    def _sender_holds(self) -> None:
        """Note which visits the sender holds exactly as we do now, so ``--since-last`` to
        the sender (and the sync folder) does not echo its own visits back to it."""
        from .export import visit_digests

        ids = [i for i in self.report.visit_ids if i not in self.conflicted]
        if not ids:
            return
        held = self._inserted_digests([i for i in ids if i in self.inserted and i not in self.trimmed])
        rest = [i for i in ids if i not in held]
        if rest:
            held.update(visit_digests(self.s, list(self._existing(Visit, rest).values())))
        self.s.execute(insert(table_of(ExportLog)), {"package_id": self.pkg.manifest["package_id"],
                                                     "recipient": self.pkg.sender.fingerprint, "visits": held})

    def _inserted_digests(self, visit_ids: list[str]) -> dict[str, str]:
        # A visit this import inserted holds exactly the package's rows: same digest as export.visit_digests.
        from .export import case_part, desk_parts, parts_digest, review_part, tombstone_part

        secs = self.pkg.sections
        wanted = set(visit_ids)
        revision = {r["id"]: r["revision"] for r in secs["visits"] if r["id"] in wanted}
        parts: dict[str, list] = defaultdict(list)
        for name in ("visit_experts", "assessments", MEMBER_SECTION, "problems", "plan_items", "attachments"):
            for r in secs.get(name, []):
                if r["visit_id"] in wanted:
                    parts[r["visit_id"]].append((SECTIONS[name].__tablename__, r["id"], r["revision"]))
        for t in secs.get(TOMBSTONES, []):
            if t["visit_id"] in wanted:
                parts[t["visit_id"]].append(tombstone_part(t["entity"], t["record_id"], t["revision"]))
        for r in secs.get("reviews", []):
            if r["visit_id"] in wanted:
                parts[r["visit_id"]].append(review_part(r["id"], r["revision"]))
        held = {c["enterprise_id"]: c for c in secs.get("cases", []) if c["id"] in self.present["case_study"]}
        for r in secs["visits"]:
            if r["id"] in wanted and r["enterprise_id"] in held:
                parts[r["id"]].append(case_part(held[r["enterprise_id"]]["id"], held[r["enterprise_id"]]["revision"]))
        # The desk records (format 7) as held here now, as visit_digests reads them.
        enterprise_of = {r["id"]: r["enterprise_id"] for r in secs["visits"] if r["id"] in wanted}
        for vid, extra in desk_parts(self.s, enterprise_of).items():
            parts[vid] += extra
        return {v: parts_digest(v, revision[v], parts[v]) for v in visit_ids}

    # -- helpers ------------------------------------------------------------

    def _existing(self, model, ids) -> dict:
        out = {}
        for chunk in in_chunks(ids):
            out.update({o.id: o for o in self.s.scalars(select(model).where(model.id.in_(chunk)))})
        return out

    def _existing_ids(self, model, ids) -> set[str]:
        """Like ``_existing`` but without loading the rows: a visit's history alone is hundreds."""
        out: set[str] = set()
        for chunk in in_chunks(ids):
            out.update(self.s.scalars(select(model.id).where(model.id.in_(chunk))))
        return out

    def _known(self, entity: str, ids: set[str]) -> set[str]:
        """Which referenced ids exist (in this package's merged rows or already in the store)."""
        missing = ids - self.present[entity]
        if missing:
            self.present[entity] |= self._existing_ids(MODEL_OF[entity], missing)
        return ids & self.present[entity]

    def _refuse(self, entity, row, reason) -> None:
        self.report.refused.append(RecordRef(entity, row.get("id", ""), label(entity, row), reason, row.get("revision", 0)))

    def _check_refs(self, entity: str, rows: list[dict]) -> list[dict]:
        refs = _REFS.get(entity, {})
        for row in rows:
            for col, target in refs.items():
                if row.get(col) is not None and row[col] in self.alias[target]:
                    row[col] = self.alias[target][row[col]]
                    self.pkg.forms.pop((entity, row["id"]), None)  # no longer the form as sent
        wanted: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            for col, target in refs.items():
                if row.get(col) is not None:
                    wanted[target].add(row[col])
        if entity in refs.values():  # a visit referring to an earlier visit in the same package
            self.present[entity] |= {r["id"] for r in rows}
        known = {t: self._known(t, ids) for t, ids in wanted.items()}
        ok = []
        for row in rows:
            bad = [col for col, target in refs.items() if row.get(col) is not None and row[col] not in known[target]]
            if bad:
                self._refuse(entity, row, f"引用的记录不存在（{', '.join(bad)}）")
            elif entity == "visit" and (row["template_id"], row["template_version"]) not in self.templates:
                self._refuse(entity, row, f"检查表模板 {row['template_id']} {row['template_version']} 不存在")
            elif entity == "attachment" and row["sha256"] not in self.blobs:
                self._refuse(entity, row, "附件内容不在数据包中，本机也没有")
            elif entity == "case_study" and any(p["sha256"] not in self.blobs for p in row["photos"]):
                self._refuse(entity, row, "案例照片的内容不在数据包中，本机也没有")
            else:
                ok.append(row)
        if entity in refs.values():
            self.present[entity] -= {r["id"] for r in rows} - {r["id"] for r in ok}
        return ok

    # -- ownership ----------------------------------------------------------

    def _visits_before(self) -> None:
        """The state and owner of every local visit the package touches, before anything changes."""
        secs = self.pkg.sections
        ids = set(self.remote_visit) | {t["visit_id"] for t in secs.get(TOMBSTONES, [])}
        for name in SECTIONS:
            if SECTIONS[name].__tablename__ in (*PARTS, MEMBER_RATING):
                ids |= {r["visit_id"] for r in secs.get(name, [])}
        for chunk in in_chunks(ids):
            for vid, status, reason in self.s.execute(select(Visit.id, Visit.status, Visit.reopen_reason).where(
                    Visit.id.in_(chunk))):
                self.visit_before[vid] = (status, reason)
        self._load_owners("visit", list(self.visit_before))

    def _load_owners(self, entity: str, ids) -> None:
        ids = [i for i in ids if (entity, i) not in self.owner]
        if ids:
            found = authors(self.s, entity, ids)
            for i in ids:
                self.owner[(entity, i)] = found[i].author if i in found else self.me

    def _owner(self, entity: str, record_id: str) -> str:
        if (entity, record_id) not in self.owner:
            self._load_owners(entity, [record_id])
        return self.owner[(entity, record_id)]

    @property
    def grants(self) -> set:
        if self._grants is None:
            signers = {self.pkg.sender.fingerprint} | {e.signer for e in self.pkg.signed.values()}
            self._grants = grants_of(self.s, signers)
        return self._grants

    def _may_change(self, writer: str, entity: str, record_id: str) -> bool:
        """Its author, or granted: a visit's parts go with the visit (pass the visit)."""
        return writer == self._owner(entity, record_id) or (writer, entity, record_id, EDIT_RIGHT) in self.grants

    def _may_visit(self, writer: str, row: dict) -> bool:
        """A new visit: for an enterprise the writer created (here, or under its own id matched to ours by
        统一社会信用代码) or was assigned by its owner's task package — or one the enterprise's owner
        itself passes on (a bureau sending the visits of its 培育库 on)."""
        ent = row["enterprise_id"]
        if any(local == ent and self.pkg.signer("enterprise", remote) == writer
               for remote, local in self.alias["enterprise"].items()):
            return True
        return (self._may_change(writer, "enterprise", ent) or self._owner("enterprise", ent) in self.pkg.relays
                or (writer, "enterprise", ent, VISIT_RIGHT) in self.grants)

    def _locked(self, visit_id: str) -> bool:
        """Finalized here, and this package does not carry its author's reopening (a new reason)."""
        before = self.visit_before.get(visit_id)
        if before is None or before[0] != VisitStatus.FINALIZED:
            return False
        remote = self.remote_visit.get(visit_id)
        return not (remote is not None and remote["reopen_reason"]
                    and (remote["reopen_reason"] != before[1] or remote["status"] != VisitStatus.FINALIZED))

    def _refuse_package(self, entity: str, record_id: str, reason: str) -> NoReturn:
        """An ownership breach is the whole package's: nothing of it is imported."""
        section = SECTION_OF.get(entity, TOMBSTONES)
        raise PackageError(self.pkg.raw.source, f"data.json 的 {section} 中记录 {record_id}：{reason}")

    def _propose(self, entity: str, record_id: str, kind: str, remote: dict, rd: str, writer: str,
                 ref: RecordRef, owned_by: tuple[str, str]) -> None:
        """Their change to a record they do not own: ours to decide if it is ours, else not theirs to send."""
        owner = self._owner(*owned_by)
        if owner != self.me:
            self._refuse_package(entity, record_id, f"属于“{author_name(self.s, owner)}”，发送方无权修改或删除")
        self.conflicted.add(remote.get("visit_id") or record_id)
        same = self.s.scalar(select(Proposal.id).where(
            Proposal.entity == entity, Proposal.record_id == record_id, Proposal.kind == kind,
            Proposal.remote_digest == rd).limit(1))  # pending, or decided already: the same version is not asked twice
        if same is not None:
            self.report.unchanged += 1
            return
        self.s.add(Proposal(entity=entity, record_id=record_id, kind=kind, proposer=writer,
                            package_id=self.pkg.manifest["package_id"], remote_revision=remote["revision"],
                            remote_digest=rd, data=remote))
        ref.reason = "不是发送方的记录：作为修改建议保存，由本机决定是否采纳"
        self.report.proposals.append(ref)

    def _authored(self, entity: str, record_id: str, remote_id: str, writer: str, visit_id: str | None) -> None:
        """Note a record this merge inserts: its author (the writer), and its creation in the visit's history."""
        self.owner[(entity, record_id)] = writer
        if writer != self.me:
            entry = self.pkg.signed.get((entity, remote_id))
            self.new_authors.append({"entity": entity, "record_id": record_id, "author": writer,
                                     "attestation_id": entry.attestation_id if entry and entry.author == writer else None,
                                     "via": self.pkg.via.get(writer) or None})
        if visit_id is not None:
            self.history.append({"id": new_id(), "visit_id": visit_id, "at": self.now,
                                 "actor": f"导入自 {self.report.sender_name}"[:60], "entity": entity,
                                 "entity_id": record_id, "field": "*", "old_value": None, "new_value": "新建",
                                 "reason": ""})

    def _tombstone_authored(self, entity: str, record_id: str, writer: str) -> None:
        """Keep the author's attestation of a deletion, as of a record, so a relay passes it on signed."""
        if writer == self.me:
            return
        key = tombstone_entity(entity)
        entry = self.pkg.signed.get((key, record_id))
        aid = entry.attestation_id if entry is not None and entry.author == writer else None
        found = self.s.get(RecordAuthor, (key, record_id))
        if found is None:
            self.new_authors.append({"entity": key, "record_id": record_id, "author": writer, "attestation_id": aid,
                                     "via": self.pkg.via.get(writer) or None})
        else:
            found.author, found.attestation_id = writer, aid

    def _write_ownership(self) -> None:
        if self.revived:
            for key in self.revived:
                found = self.s.get(RecordAuthor, key)
                if found is not None:
                    self.s.delete(found)
            self.s.flush()
        if self.new_authors:
            self.s.execute(insert(table_of(RecordAuthor)), self.new_authors)
        for (entity, record_id), aid in self.attested.items():
            row = self.s.get(RecordAuthor, (entity, record_id))
            if row is not None:
                row.attestation_id, row.via = aid, self.pkg.via.get(row.author) or None
        used = {r["attestation_id"] for r in self.new_authors if r["attestation_id"]} | set(self.attested.values())
        if used:
            rows = {}
            for att in self.pkg.attestations:
                aid = attest.attestation_id(att)
                if aid in used:
                    rows[aid] = {"id": aid, "signer": att["signer"], "signing_key": att["signing_key"],
                                 "entries": att["entries"], "signature": att["signature"], "received_at": self.now}
            insert_new(self.s, Attestation, list(rows.values()))
        if self.history:
            self.s.execute(insert(table_of(VisitHistory)), self.history)
            self.report.history_added += len(self.history)

    # -- sections -----------------------------------------------------------

    def _blobs(self) -> None:
        members = self.pkg.raw.members
        shas = {n[len(ATTACHMENT_DIR):] for n in members if n.startswith(ATTACHMENT_DIR)}
        # Only attachments whose content the package leaves out need a look-up; the ones it carries
        # (their hashes checked when inflated) go in unless held already.
        wanted = {a["sha256"] for a in self.pkg.sections.get("attachments", [])}
        wanted |= {p["sha256"] for c in self.pkg.sections.get("cases", []) for p in c["photos"]}
        have = set()
        for chunk in in_chunks(wanted - shas):
            have |= set(self.s.scalars(select(Blob.sha256).where(Blob.sha256.in_(chunk))))
        insert_new(self.s, Blob, [{"sha256": sha, "size": len(members[ATTACHMENT_DIR + sha]),
                                   "data": members[ATTACHMENT_DIR + sha], "created_at": self.now}
                                  for sha in sorted(shas)])
        self.blobs = have | shas

    def _templates(self, rows) -> None:
        for row in rows:
            key = (row["template_id"], row["version"])
            local = self.s.scalar(select(ChecklistTemplate.sha256).where(
                ChecklistTemplate.template_id == key[0], ChecklistTemplate.version == key[1]))
            # The hash a package states proves nothing: it is recomputed from the content it carries.
            problem = snapshot_problem(row, known=local)
            if problem:
                raise PackageError(self.pkg.raw.source, problem)
            self.package_templates[key] = row
            if local is None:
                self.s.add(ChecklistTemplate(**row))
                self.report.new.append(RecordRef("checklist_template", "/".join(key), row["title"][:40]))
            elif local != row["sha256"]:
                raise PackageError(self.pkg.raw.source, f"检查表模板 {key[0]} 版本 {key[1]} 的内容与本机同版本的不同"
                                                        "（同一版本号只能对应一份内容，请对方核对模板）")
            else:
                self.report.unchanged += 1
            self.templates.add(key)

    def _natural(self, entity: str, rows: list[dict]) -> dict:
        """Local records that are the same thing under another id, looked up in one query per section:
        an enterprise by its 统一社会信用代码, a visit's item rating or team member by (visit, item/expert)."""
        if entity == "enterprise":
            usccs = [r["uscc"] for r in rows if r.get("uscc")]
            if not usccs:
                return {}
            return {("uscc", e.uscc): e for e in self.s.scalars(select(Enterprise).where(Enterprise.uscc.in_(usccs)))}
        if entity in ("assessment", "visit_expert"):
            # Visits inserted by this import cannot have local rows under other ids.
            visit_ids = list({r["visit_id"] for r in rows} - self.inserted)
            if not visit_ids:
                return {}
            model, col = (Assessment, "item_code") if entity == "assessment" else (VisitExpert, "expert_id")
            return {(o.visit_id, getattr(o, col)): o for o in self.s.scalars(
                select(model).where(model.visit_id.in_(visit_ids)))}
        return {}

    @staticmethod
    def _natural_key(entity: str, row: dict):
        if entity == "enterprise":
            return ("uscc", row["uscc"]) if row.get("uscc") else None
        if entity == "assessment":
            return (row["visit_id"], row["item_code"])
        if entity == "visit_expert":
            return (row["visit_id"], row["expert_id"])
        return None

    def _tracked(self, entity: str, model, rows: list[dict]) -> None:
        if entity == "visit":
            keys = {(r["template_id"], r["template_version"]) for r in rows} - self.templates
            if keys:
                self.templates |= {tuple(r) for r in self.s.execute(select(
                    ChecklistTemplate.template_id, ChecklistTemplate.version).where(
                    tuple_(ChecklistTemplate.template_id, ChecklistTemplate.version).in_(list(keys))))}
        rows = self._check_refs(entity, rows)
        if entity == "case_study":
            rows = self._one_case_each(rows)
        if entity in TEMPLATE_BOUND:
            self._check_template_values(entity, rows)
        ids = [r["id"] for r in rows]
        # The parts of a visit this import inserted are new too (an id held by another visit's part
        # would fail the insert, refusing the package): no lookup for them, nor for visits not here before.
        existing = self._existing(model, [i for i, r in zip(ids, rows) if r.get("visit_id") not in self.inserted
                                          and (entity != "visit" or i in self.visit_before)])
        bases: dict[str, SyncBase] = {}
        # Only a record held here has an agreed version, or a deleted part (whose base the deletion drops,
        # but a resolved conflict may keep): parts of a visit this import inserted have none either.
        maybe = [i for i, r in zip(ids, rows) if i in existing
                 or (entity in PARTS and r["visit_id"] not in self.inserted)]
        for chunk in in_chunks(maybe):
            bases.update({b.record_id: b for b in self.s.scalars(select(SyncBase).where(
                SyncBase.entity == entity, SyncBase.record_id.in_(chunk)))})
        natural = self._natural(entity, [r for r in rows if r["id"] not in existing])
        dead = self._local_tombstones(entity, [i for i in ids if i not in existing])
        if entity not in PARTS:  # a part's owner is its visit's, looked up before the merge
            self._load_owners(entity, list(existing) + [o.id for o in natural.values()])
        rep = self.report
        new_rows: list[dict] = []
        # New records go in as one executemany per section (Core, not ORM objects: ~10× faster for a
        # city's worth of packages), with a history row each written here. Updates go through the
        # ORM so the flush hook writes the visit history of what the import changed.
        with self.s.no_autoflush:
            for row in rows:
                form = self.pkg.forms.get((entity, row["id"]))
                remote, rd = form if form is not None else (json_form(row), "")
                rd = rd or digest(remote)
                writer = self.pkg.signer(entity, row["id"])
                local = existing.get(row["id"])
                if local is None and natural:
                    local = natural.get(self._natural_key(entity, row))
                    if local is not None:
                        self.alias[entity][row["id"]] = local.id
                        if local.id not in bases:
                            found = self.s.get(SyncBase, (entity, local.id))
                            if found is not None:
                                bases[local.id] = found
                ref = RecordRef(entity, local.id if local is not None else row["id"], label(entity, remote), "",
                                row["revision"])
                if local is None:
                    self._check_authorship(entity, row["id"])
                if local is None and not self._may_create(entity, row, remote, rd, writer, ref):
                    continue
                if local is None and row["id"] in dead and not self._revived(entity, row, remote, rd,
                                                                             dead[row["id"]], ref):
                    continue
                if local is None:
                    self._authored(entity, row["id"], row["id"], writer,
                                   row["id"] if entity == "visit" else row.get("visit_id") if entity in PARTS else None)
                    new_rows.append(row)
                    if entity == "enterprise" and row["uscc"]:
                        self.uscc_taken[row["uscc"]] = row["id"]
                    self._set_base(bases, entity, row["id"], row["revision"], rd)
                    rep.new.append(ref)
                    rep.accepted.append((entity, row["id"], row["revision"]))
                    self.present[entity].add(row["id"])
                    if entity == "visit":
                        self.inserted.add(row["id"])
                    continue
                self.present[entity].add(local.id)
                ld = digest(to_dict(local))
                base = bases.get(local.id)
                self._check_step(entity, row["id"], row["revision"], local.revision, base)
                if ld == rd:
                    rep.unchanged += 1
                    rep.accepted.append((entity, row["id"], row["revision"]))
                    self._set_base(bases, entity, local.id, max(row["revision"], local.revision), rd)
                    continue
                if writer == self.me and row["revision"] <= local.revision:
                    rep.unchanged += 1  # our own signed version coming back through someone else: older
                    continue
                owned_by = ("visit", local.visit_id) if entity in PARTS else (entity, local.id)
                if not self._may_change(writer, *owned_by):
                    if base is not None and (row["revision"] < base.revision or rd == base.digest):
                        rep.unchanged += 1  # an older copy coming back
                    else:
                        self._propose(entity, local.id, "change", remote, rd, writer, ref, owned_by)
                    continue
                # A review refers to a visit but is the reviewer's record: a finalized visit does not lock it.
                visit_id = local.id if entity == "visit" else local.visit_id if entity in PARTS else None
                if visit_id is not None and self._locked(visit_id):
                    self._refuse_package(entity, local.id, MEMBERS_CLOSED if entity == MEMBER_RATING else _LOCKED)
                local_changed = base is None or base.digest != ld
                remote_changed = base is None or row["revision"] > base.revision
                # Same revision as agreed but other content: a diverging copy (another installation), not an edit.
                diverged = base is not None and row["revision"] == base.revision and rd != base.digest
                clash = self._uscc_clash(entity, local, row) if remote_changed and not diverged else ""
                if diverged:
                    self._conflict(entity, local, remote, rd, ref)
                elif not remote_changed:
                    rep.unchanged += 1  # theirs is what we already agreed on or older; ours stays
                elif clash:
                    self._conflict(entity, local, remote, rd, ref, KEY_CLASH, clash)
                elif not local_changed:
                    for k, v in row.items():
                        if k != "id":
                            setattr(local, k, v)
                    self._set_base(bases, entity, local.id, row["revision"], rd)
                    entry = self.pkg.signed.get((entity, row["id"]))
                    if entry is not None and entry.author == writer:
                        self.attested[(entity, local.id)] = entry.attestation_id
                    rep.updated.append(ref)
                    rep.accepted.append((entity, row["id"], row["revision"]))
                else:
                    self._conflict(entity, local, remote, rd, ref)
        if new_rows:
            self.s.execute(insert(table_of(model)), new_rows)
        self.new_bases += [b for b in bases.values() if isinstance(b, dict)]

    def _one_case_each(self, rows: list[dict]) -> list[dict]:
        """A second 典型案例 for an enterprise is refused by itself (see case_clash)."""
        clashes = case_clashes(self.s, rows)
        for row in rows:
            if row["id"] in clashes:
                enterprise, held = clashes[row["id"]]
                owner = self._owner("case_study", held)
                self._refuse("case_study", row, clash_reason(
                    enterprise, None if owner == self.me else author_name(self.s, owner),
                    author_name(self.s, self.pkg.signer("case_study", row["id"]))))
        return [r for r in rows if r["id"] not in clashes]

    def _check_template_values(self, entity: str, rows: list[dict]) -> None:
        """Item codes in the visit's template, levels on its scale (the template is known by now)."""
        wanted = {r["visit_id"] for r in rows} - set(self.visit_template)
        for chunk in in_chunks(wanted):
            self.visit_template.update({vid: (t, v) for vid, t, v in self.s.execute(
                select(Visit.id, Visit.template_id, Visit.template_version).where(Visit.id.in_(chunk)))})
        section = SECTION_OF[entity]
        allowed: dict[tuple[str, str], TemplateCodes] = {}
        for row in rows:
            key = self.visit_template.get(row["visit_id"])
            if key is None:
                continue  # its visit is refused or missing: so is the row
            if key not in allowed:
                allowed[key] = self._template(key)
            check_template_values(self.pkg.raw.source, section, row, allowed[key])

    def _template(self, key: tuple[str, str]) -> TemplateCodes:
        """What the visit's template allows: from the package's snapshot (its hash verified, so gathered
        once per process), else from the stored one."""
        sent = self.package_templates.get(key)
        if sent is None:
            return TemplateCodes.of(stored_template(self.s, *key))
        cache_key = (*key, sent["sha256"])
        if cache_key not in _TEMPLATE_CODES:
            if len(_TEMPLATE_CODES) > 32:
                _TEMPLATE_CODES.clear()
            _TEMPLATE_CODES[cache_key] = TemplateCodes.of(parse_template(sent["content"], f"模板 {key[0]} {key[1]}"))
        return _TEMPLATE_CODES[cache_key]

    def _may_create(self, entity: str, row: dict, remote: dict, rd: str, writer: str, ref: RecordRef) -> bool:
        """Anyone may create records, except inside someone else's visit (a proposal) or a finalized one,
        and a visit only for an enterprise the writer may visit."""
        if entity in PARTS:
            vid = row["visit_id"]
            if not self._may_change(writer, "visit", vid):
                self._propose(entity, row["id"], "new", remote, rd, writer, ref, ("visit", vid))
                return False
            if self._locked(vid):
                self._refuse_package(entity, row["id"], _LOCKED)
        elif entity == "visit" and not self._may_visit(writer, row):
            self._refuse_package(entity, row["id"], f"企业 {row['enterprise_id']} 不是发送方创建的，"
                                                    "也没有通过市局任务包分配给发送方")
        elif entity == MEMBER_RATING:  # a team member's own rating: only while open, only what was assigned
            if self._locked(row["visit_id"]):
                self._refuse_package(entity, row["id"], MEMBERS_CLOSED)
            why = member_rating_problem(self.s, row, writer, self.visit_template.get(row["visit_id"]))
            if why:
                self._refuse(entity, remote, why)
                return False
        return True

    def _check_authorship(self, entity: str, record_id: str) -> None:
        """A record new here, signed by someone other than the author it names (and that author is not us:
        then it is a proposal), was changed after its author signed it — a relay's own additions travel
        as its own records. Believing the signer would make the relay its author; refused whole."""
        entry = self.pkg.signed.get((entity, record_id))
        if entry is not None and entry.author not in (entry.signer, self.me):
            self._refuse_package(entity, record_id, f"作者是“{author_name(self.s, entry.author)}”，但数据包所附内容"
                                                    f"与作者签名的版本不同（由“{author_name(self.s, entry.signer)}”"
                                                    "在转发前修改过）；转发方自己的补充只能作为其自己的记录发送")

    def _check_step(self, entity: str, record_id: str, revision: int, local_revision: int, base) -> None:
        """A revision far above both ours and the agreed one would make every genuine edit after it look
        older: the package is refused whole, since a sender that forges one record forges others."""
        known = max(local_revision, base.revision if base is not None and not isinstance(base, dict) else 0)
        if revision > known + MAX_REVISION_STEP:
            raise PackageError(self.pkg.raw.source, f"{entity} {record_id} 的修订号 {revision} 比本机的 {known} "
                                                    f"高出 {MAX_REVISION_STEP} 以上（疑似伪造，会使该记录无法再更新）")

    @staticmethod
    def _set_base(bases: dict, entity, record_id, revision, dig) -> None:
        base = bases.get(record_id)
        if base is None:  # inserted in bulk at the end of the section
            bases[record_id] = {"entity": entity, "record_id": record_id, "revision": revision, "digest": dig}
        elif isinstance(base, dict):
            base.update(revision=revision, digest=dig)
        elif base.revision != revision or base.digest != dig:
            base.revision, base.digest = revision, dig

    def _conflict(self, entity, local, remote: dict, rd: str, ref: RecordRef, kind: str = CHANGED,
                  reason: str = "", *, local_revision: int | None = None) -> None:
        """``local`` is our row, or for DELETED_LOCALLY our tombstone; ``remote`` their row or tombstone."""
        record_id = local.record_id if kind == DELETED_LOCALLY else local.id
        self.conflicted.add(getattr(local, "visit_id", None) or record_id)
        # The same remote version twice (another package carrying it) is one conflict, not two.
        q = select(SyncConflict.id).where(SyncConflict.entity == entity, SyncConflict.record_id == record_id,
                                          SyncConflict.kind == kind, SyncConflict.remote_digest == rd)
        if kind != DELETED_REMOTELY:
            # An edit resolved once is behind the agreed base by now; a deletion has no base, so for it
            # the decision already taken (keep ours) stands against the same deletion arriving again.
            q = q.where(SyncConflict.resolved_at.is_(None))
        same = self.s.scalar(q.limit(1))
        if same is None:
            self.s.add(SyncConflict(entity=entity, record_id=record_id, kind=kind, reason=reason,
                                    local_revision=local.revision if local_revision is None else local_revision,
                                    remote_revision=remote["revision"], remote_digest=rd, remote_data=remote,
                                    package_id=self.pkg.manifest["package_id"], sender=self.pkg.sender.fingerprint))
            ref.reason = reason
            self.report.conflicts.append(ref)
        else:
            self.report.unchanged += 1

    def _uscc_clash(self, entity: str, local, row: dict) -> str:
        """Why taking their version would break the unique 统一社会信用代码, or ""."""
        if entity != "enterprise" or not row["uscc"] or row["uscc"] == local.uscc:
            return ""
        other = self.uscc_taken.get(row["uscc"])
        if other is None:
            other = self.s.scalar(select(Enterprise.id).where(Enterprise.uscc == row["uscc"]))
        if other is None or other == local.id:
            self.uscc_taken[row["uscc"]] = local.id
            return ""
        holder = self.s.get(Enterprise, other)
        name = holder.name if holder is not None else other[:8]
        return f"对方把统一社会信用代码改为 {row['uscc']}，本机已有该代码的另一家企业“{name}”"

    # -- deletions ------------------------------------------------------------

    def _local_tombstones(self, entity: str, ids: list[str]) -> dict[str, Tombstone]:
        if not self.any_tombstones or entity not in DELETABLE or not ids:
            return {}
        out = {}
        for chunk in in_chunks(ids):
            out.update({t.record_id: t for t in self.s.scalars(select(Tombstone).where(
                Tombstone.entity == entity, Tombstone.record_id.in_(chunk)))})
        return out

    def _revived(self, entity, row: dict, remote: dict, rd: str, tomb: Tombstone, ref: RecordRef) -> bool:
        """They send a record deleted here. A copy older than the deletion stays deleted. The very content
        that was deleted, at the deletion's revision or later, was restored (undone) on their side: it comes
        back (True: insert it). Anything else was edited after the deletion: a conflict, so neither their
        edit nor the deletion is lost."""
        if row["revision"] >= tomb.revision and rd == tomb.digest:
            self.s.delete(tomb)
            self.revived.add((entity, row["id"]))
            return True
        self.trimmed.add(row["visit_id"])
        if row["revision"] < tomb.revision:
            self.report.unchanged += 1
        else:
            self._conflict(entity, tomb, remote, rd, ref, DELETED_LOCALLY, "本机已删除该记录，对方之后又修改了它")
        return False

    def _tombstones(self, rows: list[dict]) -> None:
        rep = self.report
        by_entity: dict[str, list[dict]] = defaultdict(list)
        for t in rows:
            by_entity[t["entity"]].append(t)
        for entity, ts in by_entity.items():
            ids = [t["record_id"] for t in ts]
            existing = self._existing(MODEL_OF[entity], ids)
            self.any_tombstones = True
            dead = self._local_tombstones(entity, ids)
            bases = {}
            for chunk in in_chunks(ids):
                bases.update({b.record_id: b for b in self.s.scalars(select(SyncBase).where(
                    SyncBase.entity == entity, SyncBase.record_id.in_(chunk)))})
            for t in ts:
                local = existing.get(t["record_id"])
                writer = self.pkg.signer(tombstone_entity(entity), t["record_id"])
                wire = json_form(t)
                visit_id = local.visit_id if local is not None else t["visit_id"]
                if not self._may_change(writer, "visit", visit_id):
                    if local is None:  # noted, it would keep the owner's row out when it arrives
                        self._refuse_package(TOMBSTONES, t["record_id"], "发送方无权删除他人巡诊中的记录")
                    ref = RecordRef(entity, t["record_id"], label(entity, to_dict(local)), "", t["revision"])
                    self._propose(entity, local.id, "delete", wire, digest(wire), writer, ref, ("visit", visit_id))
                    continue
                if self._locked(visit_id):
                    self._refuse_package(TOMBSTONES, t["record_id"], _LOCKED)
                if local is None:
                    if t["record_id"] in dead:
                        rep.unchanged += 1  # deleted on both sides (our tombstone may say another revision)
                        self.trimmed.add(t["visit_id"])
                    else:
                        self.s.add(Tombstone(**t))
                        self._tombstone_authored(entity, t["record_id"], writer)
                        rep.deletions_noted += 1
                    continue
                mine = to_dict(local)
                ld = digest(mine)
                base = bases.get(local.id)
                self._check_step(entity, local.id, t["revision"], local.revision, base)
                ref = RecordRef(entity, local.id, label(entity, mine), "", t["revision"])
                # Ours is what they deleted, or what we agreed on before their deletion: nothing of ours is lost.
                if ld == t["digest"] or (base is not None and base.digest == ld and t["revision"] > base.revision):
                    self.s.delete(local)  # the flush hook writes the visit's history
                    self.s.add(Tombstone(**t, data=mine))
                    self._tombstone_authored(entity, local.id, writer)
                    if base is not None:
                        self.s.delete(base)
                    rep.deleted.append(ref)
                    rep.accepted.append((entity, local.id, t["revision"]))
                else:
                    self._conflict(entity, local, wire, digest(wire), ref, DELETED_REMOTELY,
                                   "对方已删除该记录，本机在双方上次一致之后修改过它")
