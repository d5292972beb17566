"""visit review (a bureau's 已审核 / 退回, its own record) and relays (vouchings, a record's relay chain)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('visit_review',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('reviewer', sa.String(length=60), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('visit_revision', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_review_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_review'))
    )
    with op.batch_alter_table('visit_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_review_visit_id'), ['visit_id'], unique=False)
    op.create_table('vouching',
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('voucher', sa.String(length=64), nullable=False),
    sa.Column('card', sa.JSON(), nullable=False),
    sa.Column('signature', sa.String(length=100), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint', 'voucher', name=op.f('pk_vouching'))
    )
    with op.batch_alter_table('record_author', schema=None) as batch_op:
        batch_op.add_column(sa.Column('via', sa.JSON(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('record_author', schema=None) as batch_op:
        batch_op.drop_column('via')
    op.drop_table('vouching')
    with op.batch_alter_table('visit_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_review_visit_id'))
    op.drop_table('visit_review')
