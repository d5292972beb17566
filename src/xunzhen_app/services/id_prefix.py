"""Finding a record by its id or an unambiguous id prefix, as the list commands show ids."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.errors import NotFoundError

MIN_PREFIX = 4


def resolve_prefix(session: Session, model: Any, ref: str, *, id_label: str, noun: str) -> Any:
    """The one ``model`` row whose id starts with ``ref``; ``id_label`` (巡诊编号) and ``noun`` (巡诊)
    name it in the messages."""
    ref = ref.strip().lower()
    if len(ref) < MIN_PREFIX:
        raise NotFoundError(f"{id_label}“{ref}”太短，请至少给出前 {MIN_PREFIX} 位")
    matches = session.scalars(select(model).where(model.id.like(f"{ref}%")).limit(2)).all()
    if not matches:
        raise NotFoundError(f"没有编号为“{ref}”的{noun}")
    if len(matches) > 1:
        raise NotFoundError(f"{id_label}“{ref}”不唯一，请给出更多位")
    return matches[0]
