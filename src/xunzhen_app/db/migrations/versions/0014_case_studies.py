"""典型案例: one case study per enterprise, with its 入选 flag

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 10:45:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0014'
down_revision: Union[str, Sequence[str], None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'case_study',
        sa.Column('enterprise_id', sa.String(length=36), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('background', sa.Text(), nullable=False),
        sa.Column('practices', sa.Text(), nullable=False),
        sa.Column('results', sa.Text(), nullable=False),
        sa.Column('lessons', sa.Text(), nullable=False),
        sa.Column('goal_codes', sa.JSON(), nullable=False),
        sa.Column('visit_ids', sa.JSON(), nullable=False),
        sa.Column('photos', sa.JSON(), nullable=False),
        sa.Column('selected', sa.Boolean(), nullable=False),
        sa.Column('selected_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'],
                                name=op.f('fk_case_study_enterprise_id_enterprise')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_study')),
        sa.UniqueConstraint('enterprise_id', name=op.f('uq_case_study_enterprise_id')),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('case_study')
