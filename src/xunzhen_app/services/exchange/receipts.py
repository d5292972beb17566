"""Signed receipts (回执): the receiver confirms what it accepted from a package.

A receipt is an ordinary signed package of kind ``receipt`` addressed to the
original sender. Importing it marks the sender's visits delivered (at the
revision the receiver holds) and records that both sides now agree on those
records, so a later edit on either side is told apart from the other's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ...core.errors import NotFoundError, UserError
from ...db.base import utcnow
from ...db.models import Delivery, ExportLog, ImportLog, SyncBase, Visit
from .export import ExportResult, seal_package
from .format import MAX_REVISION, PackageError
from .records import MODEL_OF, digest, to_dict
from .signing import KeyPair, find_card, registered_name


def receipt_for(store, keys: KeyPair, package_id: str) -> ExportResult:
    """A receipt for an imported package (by its id or the first characters of it)."""
    with store.session() as s:
        logs = list(s.scalars(select(ImportLog).where(ImportLog.package_id.startswith(package_id.strip().lower()))))
        if not logs:
            raise NotFoundError(f"没有导入过编号为“{package_id}”的数据包")
        if len(logs) > 1:
            raise UserError(f"数据包编号“{package_id}”不唯一，请给出更多位")
        log = logs[0]
        if log.kind == "receipt":
            raise UserError("回执本身不需要回执")
        rep = log.report
        data = {
            "receipt_for": log.package_id,
            # What exactly was received: the sender accepts the receipt only for a package it sent, as sent.
            "receipt_for_sha256": log.file_sha256,
            "accepted": rep.get("accepted", []),
            "visits": {e_id: rev for entity, e_id, rev in rep.get("accepted", []) if entity == "visit"},
            "conflicts": [[c["entity"], c["id"]] for c in rep.get("conflicts", [])],
            "refused": [[r["entity"], r["id"], r["reason"]] for r in rep.get("refused", [])],
        }
        package_id_out, blob = seal_package(keys, "receipt", data, {}, log.sender)
    return ExportResult(blob, package_id_out, "receipt", list(data["visits"]), {"accepted": len(data["accepted"])},
                        log.sender)


def _revision(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_REVISION:
        raise ValueError(f"修订号 {value!r} 无效")
    return value


def parse_receipt(source: str, data: dict) -> dict:
    try:
        assert isinstance(data["receipt_for"], str), "receipt_for 应为文本"
        digest_sent = data.get("receipt_for_sha256")
        assert digest_sent is None or isinstance(digest_sent, str), "receipt_for_sha256 应为文本"
        accepted = [(str(e), str(i), _revision(r)) for e, i, r in data["accepted"]]
        visits = {str(k): _revision(v) for k, v in data["visits"].items()}
    except (AssertionError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PackageError(source, f"回执内容无效（{exc}）") from None
    return {"receipt_for": data["receipt_for"], "receipt_for_sha256": digest_sent, "accepted": accepted,
            "visits": visits}


def _sent_package(session, pkg, rc: dict) -> ExportLog:
    """The package the receipt confirms must be one this installation sent, to the receipt's sender
    (or to nobody in particular), with the digest it had: a receipt sets what both sides agree on."""
    source = pkg.raw.source
    log = session.scalar(select(ExportLog).where(ExportLog.package_id == rc["receipt_for"],
                                                 ExportLog.package_sha256.is_not(None)))
    if log is None:
        raise PackageError(source, f"回执确认的数据包 {rc['receipt_for'][:36]} 不是本机发出的")
    if log.recipient and log.recipient != pkg.sender.fingerprint:
        raise PackageError(source, f"回执确认的数据包 {log.package_id} 是发给另一接收方的")
    if rc["receipt_for_sha256"] is not None and rc["receipt_for_sha256"] != log.package_sha256:
        raise PackageError(source, f"回执确认的数据包 {log.package_id} 与本机发出的内容不符")
    return log


def _in_package(session, log: ExportLog, entity: str, obj) -> bool:
    """Whether the record travelled in that package: a visit or part of one it carried, or their enterprise."""
    if entity == "visit":
        return obj.id in log.visits
    if hasattr(obj, "visit_id"):
        return obj.visit_id in log.visits
    if entity == "enterprise":
        return session.scalar(select(Visit.id).where(Visit.enterprise_id == obj.id,
                                                     Visit.id.in_(list(log.visits))).limit(1)) is not None
    return False


def apply_receipt(session, pkg, keys: KeyPair, report) -> None:
    if pkg.manifest.get("recipient") != keys.fingerprint:
        raise PackageError(pkg.raw.source, "回执不是发给本机的")
    rc = pkg.sections["receipt"][0]
    log = _sent_package(session, pkg, rc)
    sender = pkg.sender
    name = registered_name(session, sender.fingerprint)[:60]
    for visit_id, revision in rc["visits"].items():
        if visit_id not in log.visits or session.get(Visit, visit_id) is None:
            continue
        row = session.get(Delivery, (visit_id, sender.fingerprint))
        if row is None:
            session.add(Delivery(visit_id=visit_id, recipient=sender.fingerprint, recipient_name=name,
                                 revision=revision, package_id=rc["receipt_for"], delivered_at=utcnow()))
        else:
            row.revision, row.package_id, row.delivered_at = revision, rc["receipt_for"], utcnow()
        report.delivered += 1
        report.visit_ids.append(visit_id)
    # What they hold at the revision we hold is what we agree on.
    for entity, record_id, revision in rc["accepted"]:
        model = MODEL_OF.get(entity)
        if model is None or not hasattr(model, "revision"):
            continue
        obj = session.get(model, record_id)
        if obj is None or obj.revision != revision or not _in_package(session, log, entity, obj):
            continue
        session.merge(SyncBase(entity=entity, record_id=record_id, revision=revision, digest=digest(to_dict(obj))))
        report.unchanged += 1


@dataclass(frozen=True)
class DeliveryInfo:
    visit_id: str
    recipient: str
    recipient_name: str
    revision: int
    delivered_at: datetime
    current: bool  # False when the visit changed after the receipt


def deliveries(store, visit_id: str | None = None) -> list[DeliveryInfo]:
    with store.session() as s:
        q = select(Delivery, Visit.revision).join(Visit, Visit.id == Delivery.visit_id)
        if visit_id:
            q = q.where(Delivery.visit_id == visit_id)
        return [DeliveryInfo(d.visit_id, d.recipient, d.recipient_name, d.revision, d.delivered_at, d.revision == rev)
                for d, rev in s.execute(q)]


def recipient_fingerprint(store, ref: str) -> str:
    with store.session() as s:
        return find_card(s, ref).fingerprint
