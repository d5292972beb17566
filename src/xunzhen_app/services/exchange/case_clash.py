"""One 典型案例 per enterprise, whoever drafted it: which incoming cases would be a second one here.

``case_study.enterprise_id`` is unique, so a case arriving for an enterprise that already holds a case
under another id (drafted by someone else) cannot be stored beside it. Such a case is refused by itself,
named in the import report with the enterprise and both authors, and the rest of the package imports:
unlike a 统一社会信用代码 clash there is no one record whose two versions a conflict could hold, and
nothing else in a package refers to a case, so leaving it out loses nothing but itself (it stays with
its author). Two cases for one enterprise inside one package: the first is taken.
"""

from __future__ import annotations

from sqlalchemy import select

from ...db.chunks import in_chunks
from ...db.models import CaseStudy, Enterprise


def case_clashes(session, rows: list[dict]) -> dict[str, tuple[str, str]]:
    """Incoming case id → (enterprise name, id of the case that holds the enterprise already)."""
    ent_ids = sorted({r["enterprise_id"] for r in rows})
    holder: dict[str, str] = {}
    for chunk in in_chunks(ent_ids):
        holder.update(dict(session.execute(select(CaseStudy.enterprise_id, CaseStudy.id).where(
            CaseStudy.enterprise_id.in_(chunk))).all()))
    out: dict[str, tuple[str, str]] = {}
    for r in rows:
        held = holder.setdefault(r["enterprise_id"], r["id"])
        if held != r["id"]:
            out[r["id"]] = (session.scalar(select(Enterprise.name).where(Enterprise.id == r["enterprise_id"])) or "",
                            held)
    return out


def clash_reason(enterprise: str, local_author: str | None, their_author: str) -> str:
    """``local_author`` None: the case here was drafted here."""
    by = "本机起草" if local_author is None else f"“{local_author}”起草"
    return f"企业“{enterprise}”在本机已有典型案例（{by}，每家企业只有一份），“{their_author}”起草的这一份未导入"
