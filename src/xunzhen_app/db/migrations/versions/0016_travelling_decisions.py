"""programme desk decisions travel: 培育成功 decisions and 附件2 submissions become synced records

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 11:20:00.000000

Both tables gain the synced-record columns (id, created_at, updated_at, revision) so a city's rows
travel to the province as the city's own records (exchange format "successes", "list_submissions").
A 培育成功 decision was keyed by its enterprise and withdrawn by deleting it; it now has an id of its
own (the province holds each city's next to its own) and is withdrawn by ``revoked``, an update that
travels. The tables are rebuilt with their rows copied, the same way on SQLite and PostgreSQL.
"""
import uuid
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0016'
down_revision: Union[str, Sequence[str], None] = '0015'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _tracked() -> list[sa.Column]:
    return [sa.Column('id', sa.String(length=36), nullable=False),
            sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('revision', sa.Integer(), nullable=False)]


# The columns both versions share, typed, so the copied rows read back as dates and times on SQLite too.
_SUCCESS = sa.table('cultivation_success', sa.column('enterprise_id', sa.String()), sa.column('decided_on', sa.Date()),
                    sa.column('reason', sa.Text()), sa.column('decided_by', sa.String()),
                    sa.column('recorded_at', sa.DateTime(timezone=True)))
_LIST = sa.table('list_submission', sa.column('id', sa.String()), sa.column('city', sa.String()),
                 sa.column('sent_on', sa.Date()), sa.column('file_name', sa.String()),
                 sa.column('enterprises', sa.Integer()), sa.column('recorded_at', sa.DateTime(timezone=True)))


def _rows(query) -> list[dict]:
    return [dict(r._mapping) for r in op.get_bind().execute(query)]


def upgrade() -> None:
    """Upgrade schema."""
    successes = _rows(sa.select(*_SUCCESS.c))
    lists = _rows(sa.select(*_LIST.c))
    op.drop_table('cultivation_success')
    with op.batch_alter_table('list_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_list_submission_city'))
    op.drop_table('list_submission')
    success = op.create_table('cultivation_success',
    sa.Column('enterprise_id', sa.String(length=36), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=60), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    *_tracked(),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'],
                            name=op.f('fk_cultivation_success_enterprise_id_enterprise')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cultivation_success'))
    )
    with op.batch_alter_table('cultivation_success', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cultivation_success_enterprise_id'), ['enterprise_id'], unique=False)
    submission = op.create_table('list_submission',
    sa.Column('city', sa.String(length=40), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('enterprises', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    *_tracked(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_list_submission'))
    )
    with op.batch_alter_table('list_submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_list_submission_city'), ['city'], unique=False)
    if successes:
        op.bulk_insert(success, [{**r, 'id': str(uuid.uuid4()), 'revoked': False, 'created_at': r['recorded_at'],
                                  'updated_at': r['recorded_at'], 'revision': 1} for r in successes])
    if lists:
        op.bulk_insert(submission, [{**r, 'created_at': r['recorded_at'], 'updated_at': r['recorded_at'],
                                     'revision': 1} for r in lists])


def downgrade() -> None:
    """Downgrade schema: the synced columns go; a revoked decision is dropped, one decision per enterprise kept."""
    successes = {r['enterprise_id']: r for r in _rows(sa.select(*_SUCCESS.c).select_from(_SUCCESS).where(
        sa.literal_column('revoked') == sa.false()).order_by(_SUCCESS.c.recorded_at))}
    lists = _rows(sa.select(*_LIST.c))
    with op.batch_alter_table('cultivation_success', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cultivation_success_enterprise_id'))
    op.drop_table('cultivation_success')
    with op.batch_alter_table('list_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_list_submission_city'))
    op.drop_table('list_submission')
    success = op.create_table('cultivation_success',
    sa.Column('enterprise_id', sa.String(length=36), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=60), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'],
                            name=op.f('fk_cultivation_success_enterprise_id_enterprise')),
    sa.PrimaryKeyConstraint('enterprise_id', name=op.f('pk_cultivation_success'))
    )
    submission = op.create_table('list_submission',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('city', sa.String(length=40), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('enterprises', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_list_submission'))
    )
    with op.batch_alter_table('list_submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_list_submission_city'), ['city'], unique=False)
    if successes:
        op.bulk_insert(success, list(successes.values()))
    if lists:
        op.bulk_insert(submission, lists)
