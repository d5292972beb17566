"""progress-note attachments: an attachment may belong to a 一企一策 action's progress note

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 10:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plan_item_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_attachment_plan_item_id'), ['plan_item_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_plan_item_id'))
        batch_op.drop_column('plan_item_id')
