"""Who owns a record, who may change it, and how a package vouches for its records.

- Every synced record has an author: the installation (key fingerprint) that created it. A row in
  ``record_author`` names it; no row means this installation. A visit's parts belong to the visit's
  author (the lead expert's installation); an enterprise to whoever created it (a bureau's 培育库 rows
  are the bureau's); what a bureau adds about a visit (a review, a note — issue 15) is a record of
  its own, authored by the bureau, never an edit of the expert's visit.
- A package may create records, and change or delete only records its signer authored or was
  granted (``record_grant``). A bureau's task package grants each assignee ``visit`` on the assigned
  enterprise: the right to create visits for it. A change to someone else's record is stored as a
  proposal (``sync_proposal``) for the owner to accept or reject (see proposals).
- Records travel under attestations (see attest): the signer of the entry that matches a record's
  content is whose rights are checked.
"""

from __future__ import annotations

from sqlalchemy import select

from ...db.chunks import in_chunks
from ...db.models import Attestation, RecordAuthor, RecordGrant
from . import attest
from .records import PARTS, SECTIONS, TOMBSTONES, TRACKED, digest

VISIT_RIGHT = "visit"  # on an enterprise: may create visits for it
EDIT_RIGHT = "edit"  # on any record: may change it as if it were the grantee's


def tombstone_entity(entity: str) -> str:
    return f"tombstone/{entity}"


def authors(session, entity: str, ids) -> dict[str, RecordAuthor]:
    """The ``record_author`` rows of these records (missing: created here)."""
    ids = list(ids)
    out: dict[str, RecordAuthor] = {}
    for chunk in in_chunks(ids):
        out.update({a.record_id: a for a in session.scalars(select(RecordAuthor).where(
            RecordAuthor.entity == entity, RecordAuthor.record_id.in_(chunk)))})
    return out


def grants_of(session, grantees) -> set[tuple[str, str, str, str]]:
    """(grantee, entity, record id, right) of everything granted to these installations."""
    return {(g.grantee, g.entity, g.record_id, g.right) for g in session.scalars(
        select(RecordGrant).where(RecordGrant.grantee.in_(list(grantees))))}


def grant(session, grantee: str, entity: str, record_id: str, right: str) -> None:
    if session.get(RecordGrant, (grantee, entity, record_id, right)) is None:
        session.add(RecordGrant(grantee=grantee, entity=entity, record_id=record_id, right=right))


def own_attestation(keys, data: dict) -> dict:
    """An attestation of every record in ``data`` as authored by ``keys`` (all created here)."""
    return attest.make(keys, [entry for entry, _ in _entries(data, lambda entity, row: keys.fingerprint)])


def _entries(data: dict, author_of):
    for name in TRACKED:
        entity = SECTIONS[name].__tablename__
        for row in data.get(name, []):
            yield [entity, row["id"], row["revision"], digest(row), author_of(entity, row)], (entity, row)
    for t in data.get(TOMBSTONES, []):
        entity = tombstone_entity(t["entity"])
        yield [entity, t["record_id"], t["revision"], t["digest"], author_of(entity, t)], (entity, t)


def attestations_for(session, keys, data: dict) -> list[dict]:
    """What vouches for each record of an outgoing package: the author's own attestation, kept as received,
    where we hold exactly the version it signed (a relay); otherwise ours, naming the record's author
    (for someone else's record that makes it our version of it: a proposal at its owner)."""
    me = keys.fingerprint
    known: dict[tuple[str, str], RecordAuthor] = {}
    wanted: dict[str, list[str]] = {}
    for name in TRACKED:
        wanted[SECTIONS[name].__tablename__] = [r["id"] for r in data.get(name, [])]
    for t in data.get(TOMBSTONES, []):  # a deletion's author attestation is kept like a record's
        wanted.setdefault(tombstone_entity(t["entity"]), []).append(t["record_id"])
    for entity, ids in wanted.items():
        if ids:
            known.update({(entity, i): a for i, a in authors(session, entity, ids).items()})
    visit_author = {i: a.author for (e, i), a in known.items() if e == "visit"}

    def author_of(entity: str, row: dict) -> str:
        if entity in PARTS or entity.startswith("tombstone/"):
            return visit_author.get(row["visit_id"], me)
        found = known.get((entity, row["id"]))
        return found.author if found is not None else me

    ours, relayed = [], {}
    held = {a.attestation_id for a in known.values() if a.attestation_id}
    stored = {a.id: a for a in session.scalars(select(Attestation).where(Attestation.id.in_(list(held))))} if held else {}
    for entry, (entity, _row) in _entries(data, author_of):
        found = known.get((entity, entry[1]))
        att = stored.get(found.attestation_id) if found is not None and found.attestation_id else None
        if att is not None and att.signer == entry[4] and entry in att.entries:
            relayed[att.id] = {"signer": att.signer, "signing_key": att.signing_key, "entries": att.entries,
                               "signature": att.signature}
        else:
            ours.append(entry)
    return ([attest.make(keys, ours)] if ours else []) + list(relayed.values())
