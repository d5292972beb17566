"""expert teams: members' assignments, their own ratings of an item, the consensus record

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 10:20:00.000000

Team rows gain the member's key fingerprint and assigned goals and items; an item's rating gains the
level the team agreed on (合议) with its note; each member's rating of an item is a row of its own
(member_rating), authored by the member's installation.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0015'
down_revision: Union[str, Sequence[str], None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('visit_expert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fingerprint', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('goal_codes', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('item_codes', sa.JSON(), server_default='[]', nullable=False))
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('consensus_level', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('consensus_note', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('consensus_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table('member_rating',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('expert_id', sa.String(length=36), nullable=False),
    sa.Column('rater', sa.String(length=64), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('not_applicable', sa.Boolean(), nullable=False),
    sa.Column('check_passed', sa.Boolean(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('suggestion', sa.Text(), nullable=False),
    sa.Column('strength', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.id'], name=op.f('fk_member_rating_expert_id_expert')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_member_rating_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_rating')),
    sa.UniqueConstraint('visit_id', 'item_code', 'rater', name=op.f('uq_member_rating_visit_id'))
    )
    with op.batch_alter_table('member_rating', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_rating_visit_id'), ['visit_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('member_rating', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_rating_visit_id'))
    op.drop_table('member_rating')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        for name in ('consensus_at', 'consensus_note', 'consensus_level'):
            batch_op.drop_column(name)
    with op.batch_alter_table('visit_expert', schema=None) as batch_op:
        for name in ('item_codes', 'goal_codes', 'fingerprint'):
            batch_op.drop_column(name)
