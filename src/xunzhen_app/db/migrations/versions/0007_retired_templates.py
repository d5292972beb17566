"""retired checklist template versions (kept for their visits, no longer offered)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 07:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('retired_template',
    sa.Column('template_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('template_id', 'version', name=op.f('pk_retired_template'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('retired_template')
