"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-21 04:30:45.352055

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('checklist_template',
    sa.Column('template_id', sa.String(length=80), nullable=False),
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('installed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('template_id', 'version', name=op.f('pk_checklist_template'))
    )
    op.create_table('enterprise',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=True),
    sa.Column('city', sa.String(length=40), nullable=False),
    sa.Column('county', sa.String(length=60), nullable=False),
    sa.Column('industry', sa.String(length=100), nullable=False),
    sa.Column('cultivation_type', sa.String(length=20), nullable=False),
    sa.Column('honours', sa.JSON(), nullable=False),
    sa.Column('contacts', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprise')),
    sa.UniqueConstraint('uscc', name=op.f('uq_enterprise_uscc'))
    )
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enterprise_city'), ['city'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_cultivation_type'), ['cultivation_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_name'), ['name'], unique=False)

    op.create_table('expert',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=60), nullable=False),
    sa.Column('specialty', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=120), nullable=False),
    sa.Column('is_self', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert'))
    )
    op.create_table('visit',
    sa.Column('enterprise_id', sa.String(length=36), nullable=False),
    sa.Column('template_id', sa.String(length=80), nullable=False),
    sa.Column('template_version', sa.String(length=40), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('methods', sa.JSON(), nullable=False),
    sa.Column('interviewees', sa.JSON(), nullable=False),
    sa.Column('previous_visit_id', sa.String(length=36), nullable=True),
    sa.Column('report_number', sa.String(length=60), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('finalized_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reopen_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprise.id'], name=op.f('fk_visit_enterprise_id_enterprise')),
    sa.ForeignKeyConstraint(['previous_visit_id'], ['visit.id'], name=op.f('fk_visit_previous_visit_id_visit')),
    sa.ForeignKeyConstraint(['template_id', 'template_version'], ['checklist_template.template_id', 'checklist_template.version'], name='fk_visit_template'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_enterprise_id'), ['enterprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_status'), ['status'], unique=False)

    op.create_table('assessment',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('not_applicable', sa.Boolean(), nullable=False),
    sa.Column('check_passed', sa.Boolean(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('suggestion', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_assessment_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    sa.UniqueConstraint('visit_id', 'item_code', name=op.f('uq_assessment_visit_id'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_visit_id'), ['visit_id'], unique=False)

    op.create_table('plan_item',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('department', sa.String(length=100), nullable=False),
    sa.Column('deadline', sa.String(length=60), nullable=False),
    sa.Column('expected_outcome', sa.Text(), nullable=False),
    sa.Column('goal_code', sa.String(length=20), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_plan_item_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_item'))
    )
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_item_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_expert',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('expert_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.id'], name=op.f('fk_visit_expert_expert_id_expert')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_expert_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_expert')),
    sa.UniqueConstraint('visit_id', 'expert_id', name=op.f('uq_visit_expert_visit_id'))
    )
    with op.batch_alter_table('visit_expert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_expert_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_history',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_history_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_history'))
    )
    with op.batch_alter_table('visit_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_history_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_problem',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_problem_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_problem'))
    )
    with op.batch_alter_table('visit_problem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_problem_visit_id'), ['visit_id'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('visit_problem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_problem_visit_id'))

    op.drop_table('visit_problem')
    with op.batch_alter_table('visit_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_history_visit_id'))

    op.drop_table('visit_history')
    with op.batch_alter_table('visit_expert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_expert_visit_id'))

    op.drop_table('visit_expert')
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_item_visit_id'))

    op.drop_table('plan_item')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_visit_id'))

    op.drop_table('assessment')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_status'))
        batch_op.drop_index(batch_op.f('ix_visit_enterprise_id'))

    op.drop_table('visit')
    op.drop_table('expert')
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enterprise_name'))
        batch_op.drop_index(batch_op.f('ix_enterprise_cultivation_type'))
        batch_op.drop_index(batch_op.f('ix_enterprise_city'))

    op.drop_table('enterprise')
    op.drop_table('checklist_template')
