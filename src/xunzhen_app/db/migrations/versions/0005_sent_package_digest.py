"""the digest of each package this installation sent, so a receipt can be checked against it

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 07:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Packages sent before this revision have no digest: a receipt for one of them is refused
    # (the visits stay undelivered until the next package to that recipient is confirmed).
    with op.batch_alter_table('export_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('package_sha256', sa.String(length=64), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('export_log', schema=None) as batch_op:
        batch_op.drop_column('package_sha256')
