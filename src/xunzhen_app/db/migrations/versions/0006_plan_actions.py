"""一企一策 rows become actions: category, owner, a real due date, item and goal links, status,
progress notes, the row they continue, and a follow-up's 核验结果

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 07:50:00.000000

Old free-text deadlines become dates where they name one ("2025年10月底" → 2025-10-31);
any other text is kept as the action's first progress note, so nothing typed is lost.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

from xunzhen_app.core.actions import parse_deadline_text


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _plan_table(*columns):
    return sa.table('plan_item', sa.column('id', sa.String), *columns)


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category', sa.String(length=40), server_default='', nullable=False))
        batch_op.add_column(sa.Column('owner', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('due', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('item_codes', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('goal_codes', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('status', sa.String(length=10), server_default='未开始', nullable=False))
        batch_op.add_column(sa.Column('progress', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('carried_from_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('result', sa.String(length=10), server_default='', nullable=False))
        batch_op.add_column(sa.Column('result_note', sa.Text(), server_default='', nullable=False))

    conn = op.get_bind()
    old = _plan_table(sa.column('deadline', sa.String), sa.column('goal_code', sa.String),
                      sa.column('created_at', sa.DateTime))
    new = _plan_table(sa.column('due', sa.Date), sa.column('goal_codes', sa.JSON), sa.column('progress', sa.JSON))
    for row in conn.execute(sa.select(old.c.id, old.c.deadline, old.c.goal_code, old.c.created_at)).all():
        text = (row.deadline or "").strip()
        due = parse_deadline_text(text) if text else None
        progress = []
        if text and due is None:
            written = row.created_at.date().isoformat() if row.created_at else None
            progress = [{"date": written, "note": f"原完成时限：{text}", "status": "未开始"}]
        conn.execute(new.update().where(new.c.id == row.id).values(
            due=due, goal_codes=[row.goal_code] if row.goal_code else [], progress=progress))

    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.drop_column('deadline')
        batch_op.drop_column('goal_code')


def downgrade() -> None:
    """Downgrade schema: dates back to text, the first goal back to the single goal."""
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deadline', sa.String(length=60), server_default='', nullable=False))
        batch_op.add_column(sa.Column('goal_code', sa.String(length=20), nullable=True))
    conn = op.get_bind()
    table = _plan_table(sa.column('due', sa.Date), sa.column('goal_codes', sa.JSON),
                        sa.column('deadline', sa.String), sa.column('goal_code', sa.String))
    for row in conn.execute(sa.select(table.c.id, table.c.due, table.c.goal_codes)).all():
        conn.execute(table.update().where(table.c.id == row.id).values(
            deadline=row.due.isoformat() if row.due else "", goal_code=(row.goal_codes or [None])[0]))
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        for name in ('result_note', 'result', 'carried_from_id', 'progress', 'status', 'goal_codes', 'item_codes',
                     'due', 'owner', 'category'):
            batch_op.drop_column(name)
