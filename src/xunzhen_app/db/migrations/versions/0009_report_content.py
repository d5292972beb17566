"""report content: item 亮点, 专家组意见 and 落款, enterprise profile

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 07:15:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _text(name: str) -> sa.Column:
    # Rows written before this revision get an empty text, as new rows do.
    return sa.Column(name, sa.Text(), server_default='', nullable=False)


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(_text('strength'))
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.add_column(_text('expert_opinion'))
        batch_op.add_column(sa.Column('organiser', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('report_date', sa.Date(), nullable=True))
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.add_column(_text('main_products'))
        batch_op.add_column(sa.Column('employees', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('revenue_wan', sa.Integer(), nullable=True))
        batch_op.add_column(_text('certifications'))
        batch_op.add_column(_text('introduction'))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        for name in ('introduction', 'certifications', 'revenue_wan', 'employees', 'main_products'):
            batch_op.drop_column(name)
    with op.batch_alter_table('visit', schema=None) as batch_op:
        for name in ('report_date', 'organiser', 'expert_opinion'):
            batch_op.drop_column(name)
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_column('strength')
