"""create tasks

Revision ID: 4d5e6f708192
Revises: 3c4d5e6f7081
Create Date: 2022-03-01 15:45:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '4d5e6f708192'
down_revision = '3c4d5e6f7081'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'tasks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('project_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('status', sa.Enum('todo', 'doing', 'done', name='task_status'), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_tasks_project_status', 'tasks', ['project_id', 'status'])


def downgrade() -> None:
    op.drop_index('ix_tasks_project_status', table_name='tasks')
    op.drop_table('tasks')
    sa.Enum(name='task_status').drop(op.get_bind(), checkfirst=False)
