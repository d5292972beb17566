"""Inserting content-addressed rows that may already be there, in one statement.

A blob (keyed by its SHA-256) or an attestation (keyed by the hash of its signed body) is the same
row whoever stored it first, so a duplicate key means "already held": INSERT … ON CONFLICT DO
NOTHING replaces the SELECT that would otherwise come before each INSERT (one round trip less
per imported package on PostgreSQL). Only for such rows — for anything else a clash is news.
"""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .base import Base, table_of


def insert_new(session: Session, model: type[Base], rows: list[dict]) -> None:
    """Insert the rows whose primary key is not held yet; the others are left as they are."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"insert_new: {dialect}")
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(table_of(model)).on_conflict_do_nothing(), rows)
