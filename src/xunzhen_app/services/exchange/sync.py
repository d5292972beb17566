"""Sync folder: a network share, USB stick or synced drive both sides can see.

``sync_folder`` writes one encrypted package per registered recipient that has
something new (``--since-last``), imports the packages in the folder addressed
to this installation, and answers each import with a signed receipt.
File names say who from and who to, so one folder serves a whole office.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...core.errors import UserError
from .crypto import is_encrypted, recipient_of
from .export import export_package
from .format import OpenedZip, PackageError
from .merge import ImportReport, import_package, read_package_file
from .receipts import receipt_for
from .signing import KeyPair, list_cards

SUFFIX = ".xzp"


@dataclass
class SyncResult:
    written: list[Path] = field(default_factory=list)
    imported: list[ImportReport] = field(default_factory=list)
    refused: list[PackageError | UserError] = field(default_factory=list)
    skipped: int = 0  # packages for someone else, or already imported


def _addressed_to(source: str, blob: bytes) -> str | None:
    if is_encrypted(blob):
        return recipient_of(blob)
    try:
        return OpenedZip(source, blob).manifest.get("recipient")
    except PackageError:  # not ours to judge here: the import refuses it properly if addressed to us
        return None


def package_name(keys: KeyPair, recipient: str, package_id: str, kind: str = "data") -> str:
    return f"xunzhen-{kind}-{keys.fingerprint[:8]}-to-{recipient[:8]}-{package_id[:8]}{SUFFIX}"


def sync_folder(store, keys: KeyPair, folder: Path, *, accept_unknown: bool = False,
                recipients: list[str] | None = None) -> SyncResult:
    """``recipients``: fingerprints (or prefixes) to write packages for; default every registered card.
    A bureau that registers all its experts names itself on the experts' side and passes ``[]``
    (import and receipts only) or the province's card on its own."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"同步文件夹“{folder}”不存在")
    result = SyncResult()
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            blob = read_package_file(path)
            if _addressed_to(str(path), blob) != keys.fingerprint:
                result.skipped += 1
                continue
            rep = import_package(store, keys, path, accept_unknown=accept_unknown, blob=blob)
        except UserError as exc:
            result.refused.append(exc)
            continue
        if rep.already_imported:
            result.skipped += 1
            continue
        result.imported.append(rep)
        if rep.kind != "receipt":
            rc = receipt_for(store, keys, rep.package_id)
            result.written.append(rc.write(folder / package_name(keys, rep.sender_fingerprint, rc.package_id, "receipt")))
    wanted = None if recipients is None else [r.replace(" ", "").lower() for r in recipients]
    for card in list_cards(store):
        if card.revoked or (wanted is not None and not any(card.fingerprint.startswith(w) for w in wanted)):
            continue
        try:
            out = export_package(store, keys, since_last=card.fingerprint, encrypt_to=card)
        except UserError:
            continue  # nothing new for this recipient
        result.written.append(out.write(folder / package_name(keys, card.fingerprint, out.package_id)))
    return result
