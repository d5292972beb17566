"""Experts: the user's own profile and the colleagues in visit teams."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..core.errors import UserError
from ..core.validation import check_field_text
from ..db.models import Expert


@dataclass(frozen=True)
class ExpertInfo:
    id: str
    name: str
    organisation: str = ""
    title: str = ""
    specialty: str = ""
    phone: str = ""
    email: str = ""
    is_self: bool = False


def _info(e: Expert) -> ExpertInfo:
    return ExpertInfo(e.id, e.name, e.organisation, e.title, e.specialty, e.phone, e.email, e.is_self)


def _check(name: str, **others: str) -> None:
    if not name.strip():
        raise UserError("专家姓名不能为空")
    check_field_text("expert.name", name)
    for key, value in others.items():
        check_field_text(f"expert.{key}", value)


def add_expert(store, name: str, organisation: str = "", title: str = "", specialty: str = "",
               phone: str = "", email: str = "") -> ExpertInfo:
    _check(name, organisation=organisation, title=title, specialty=specialty, phone=phone, email=email)
    with store.session() as s:
        e = Expert(name=name.strip(), organisation=organisation, title=title, specialty=specialty,
                   phone=phone, email=email, is_self=False)
        s.add(e)
        s.flush()
        return _info(e)


def list_experts(store) -> list[ExpertInfo]:
    with store.session() as s:
        return [_info(e) for e in s.scalars(select(Expert).order_by(Expert.is_self.desc(), Expert.name))]


def profile(store) -> ExpertInfo | None:
    with store.session() as s:
        e = s.scalar(select(Expert).where(Expert.is_self))
        return _info(e) if e else None


def save_profile(store, name: str, organisation: str = "", title: str = "", specialty: str = "",
                 phone: str = "", email: str = "") -> ExpertInfo:
    """The user's own profile; their name is recorded as the author of every change."""
    _check(name, organisation=organisation, title=title, specialty=specialty, phone=phone, email=email)
    with store.session() as s:
        e = s.scalar(select(Expert).where(Expert.is_self))
        if e is None:
            e = Expert(is_self=True)
            s.add(e)
        e.name, e.organisation, e.title = name.strip(), organisation, title
        e.specialty, e.phone, e.email = specialty, phone, email
        s.flush()
        store.actor = e.name
        return _info(e)
