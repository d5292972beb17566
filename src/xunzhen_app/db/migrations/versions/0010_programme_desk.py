"""programme desk: 培育成功 decisions, 附件2 submissions, the province's 标杆 and 推荐 picks

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 10:10:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('cultivation_success',
    sa.Column('enterprise_id', sa.String(length=36), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=60), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'],
                            name=op.f('fk_cultivation_success_enterprise_id_enterprise')),
    sa.PrimaryKeyConstraint('enterprise_id', name=op.f('pk_cultivation_success'))
    )
    op.create_table('list_submission',
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
    op.create_table('desk_pick',
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('enterprise_id', sa.String(length=36), nullable=False),
    sa.Column('picked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'],
                            name=op.f('fk_desk_pick_enterprise_id_enterprise')),
    sa.PrimaryKeyConstraint('kind', 'enterprise_id', name=op.f('pk_desk_pick'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('desk_pick')
    with op.batch_alter_table('list_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_list_submission_city'))
    op.drop_table('list_submission')
    op.drop_table('cultivation_success')
