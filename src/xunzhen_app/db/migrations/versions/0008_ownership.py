"""ownership: record authors, authors' attestations, grants and proposals

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 08:00:00.000000

"""
import json
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_PARTS = ("visit_expert", "assessment", "visit_problem", "plan_item", "attachment")


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('record_author',
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('author', sa.String(length=64), nullable=False),
    sa.Column('attestation_id', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('entity', 'record_id', name=op.f('pk_record_author'))
    )
    with op.batch_alter_table('record_author', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_author_author'), ['author'], unique=False)
    op.create_table('attestation',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('signer', sa.String(length=64), nullable=False),
    sa.Column('signing_key', sa.String(length=100), nullable=False),
    sa.Column('entries', sa.JSON(), nullable=False),
    sa.Column('signature', sa.String(length=100), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attestation'))
    )
    with op.batch_alter_table('attestation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attestation_signer'), ['signer'], unique=False)
    op.create_table('record_grant',
    sa.Column('grantee', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('right', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('grantee', 'entity', 'record_id', 'right', name=op.f('pk_record_grant'))
    )
    op.create_table('sync_proposal',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('proposer', sa.String(length=64), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('remote_revision', sa.Integer(), nullable=False),
    sa.Column('remote_digest', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_proposal'))
    )
    with op.batch_alter_table('sync_proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_proposal_record_id'), ['record_id'], unique=False)
    _authors_from_import_log()


def _authors_from_import_log() -> None:
    """Records imported before ownership existed belong to the sender of the package that brought them
    first (the import reports list what each inserted); a visit's parts to the visit's author, like
    everywhere else. Everything else was created here."""
    conn = op.get_bind()
    authors: dict[tuple[str, str], str] = {}
    for sender, report in conn.execute(sa.text("SELECT sender, report FROM import_log ORDER BY imported_at")):
        report = json.loads(report) if isinstance(report, str) else report
        for ref in (report or {}).get("new", []):
            key = (ref.get("entity"), ref.get("id"))
            if key[0] in ("enterprise", "expert", "visit", "assignment", *_PARTS) and key not in authors:
                authors[key] = sender
    rows = [{"entity": e, "record_id": i, "author": a} for (e, i), a in authors.items()]
    if rows:
        table = sa.table('record_author', sa.column('entity'), sa.column('record_id'), sa.column('author'))
        op.bulk_insert(table, rows)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('sync_proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_proposal_record_id'))
    op.drop_table('sync_proposal')
    op.drop_table('record_grant')
    with op.batch_alter_table('attestation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attestation_signer'))
    op.drop_table('attestation')
    with op.batch_alter_table('record_author', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_author_author'))
    op.drop_table('record_author')
