"""Storing a photo or document: read with a size limit, the name checked, the content kept once by
its SHA-256 (db.models.Blob) and linked to its visit — to an item, or to a progress note of a
一企一策 action (``plan_item_id``). One place, so visit attachments and progress-note attachments
obey the same limits. Callers hold the session (one transaction each)."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from sqlalchemy.orm import Session

from ..core.errors import UserError
from ..core.validation import check_attachment_name, check_field_text
from ..db.models import Attachment, Blob, Visit
from .dto import AttachmentInfo

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def read_attachment_file(file: Path) -> tuple[str, bytes]:
    """A file's name and content, refused over the size limit or when it cannot be read."""
    file = Path(file)
    try:
        size = file.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise UserError(f"附件“{file}”有 {size // 1024 // 1024} MB，超过 {MAX_ATTACHMENT_BYTES // 1024 // 1024} MB 的上限")
        return file.name, file.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取附件“{file}”：{exc.strerror}") from exc


def check_attachment(filename: str, data: bytes, caption: str = "") -> None:
    check_attachment_name(filename)
    check_field_text("attachment.caption", caption)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise UserError(f"附件“{filename}”有 {len(data) // 1024 // 1024} MB，"
                        f"超过 {MAX_ATTACHMENT_BYTES // 1024 // 1024} MB 的上限")


def store_attachment(session: Session, visit: Visit, filename: str, data: bytes, *, item_code: str | None = None,
                     caption: str = "", plan_item_id: str | None = None) -> Attachment:
    check_attachment(filename, data, caption)
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, size=len(data), data=data))
    a = Attachment(visit=visit, item_code=item_code, sha256=digest, filename=filename,
                   media_type=mimetypes.guess_type(filename)[0] or "application/octet-stream", caption=caption,
                   size=len(data), plan_item_id=plan_item_id)
    session.add(a)
    return a


def attachment_info(a: Attachment) -> AttachmentInfo:
    return AttachmentInfo(a.id, a.filename, a.media_type, a.size, a.sha256, a.caption, a.item_code)
