"""programme calendar: each year's stage windows and 附件2 deadline, where 设置 changed them

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 10:10:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'programme_calendar',
        sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
        *(sa.Column(name, sa.Date(), nullable=False)
          for name in ('initial_start', 'initial_end', 'follow_up_start', 'follow_up_end', 'summary_start',
                       'summary_end', 'list_deadline')),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor', sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint('year', name=op.f('pk_programme_calendar')),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('programme_calendar')
