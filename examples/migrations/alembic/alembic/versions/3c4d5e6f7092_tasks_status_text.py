"""tasks.status enum to text

Revision ID: 3c4d5e6f7092
Revises: 2b3c4d5e6f81
Create Date: 2024-01-22 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '3c4d5e6f7092'
down_revision = '2b3c4d5e6f81'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column(
        'tasks', 'status',
        existing_type=postgresql.ENUM('todo', 'doing', 'done', name='task_status'),
        type_=sa.Text(),
        postgresql_using='status::text',
        existing_nullable=False,
    )
    op.execute('DROP TYPE task_status')


def downgrade() -> None:
    op.execute("CREATE TYPE task_status AS ENUM ('todo', 'doing', 'done')")
    op.alter_column('tasks', 'status', type_=postgresql.ENUM('todo', 'doing', 'done', name='task_status'), postgresql_using='status::task_status')
