"""Relays: a bureau passes its experts' records on to the next level with their authorship intact.

A city's package to the province carries each expert's records under the expert's own attestation as
received (ownership.attestations_for), signed as a whole by the city, and the city's **vouching** for
the key card of every author whose attestation it relays: the card, signed by the city. The province
registers only the cities' cards; an author's key is trusted for a package only through a chain of
vouchings that ends at a key registered there (county → city → province: the county vouches for its
expert, the city for the county). Vouchings are kept as received (``vouching``), so the city can pass
the county's on, and the relays a record came through are kept with its author (``record_author.via``).
"""

from __future__ import annotations

from sqlalchemy import select

from ...db.models import KeyCard, RecordAuthor, Vouching
from .signing import Card, pretty


def author_card(session, fingerprint: str) -> tuple[str, str]:
    """(name, organisation) of an installation as this one knows it: its registry first, else the card
    a trusted relay vouched for."""
    known = session.get(KeyCard, fingerprint)
    if known is not None:
        return known.name, known.organisation
    vouched = session.scalar(select(Vouching).where(Vouching.fingerprint == fingerprint)
                             .order_by(Vouching.received_at.desc()).limit(1))
    if vouched is not None:
        return vouched.card.get("name", ""), vouched.card.get("organisation", "")
    return f"未登记的发送方 {pretty(fingerprint)[:9]}", ""


def author_name(session, fingerprint: str) -> str:
    return author_card(session, fingerprint)[0]


def record_origin(session, entity: str, record_id: str, me: Card) -> dict:
    """``{"author": {"name", "organisation", "fingerprint"}, "via": [relay names]}`` of a record: created
    here, it is this installation's with no relays."""
    found = session.get(RecordAuthor, (entity, record_id))
    if found is None:
        return {"author": {"name": me.name, "organisation": me.organisation, "fingerprint": me.fingerprint},
                "via": []}
    name, organisation = author_card(session, found.author)
    return {"author": {"name": name, "organisation": organisation, "fingerprint": found.author},
            "via": [author_name(session, fp) for fp in found.via or ()]}
