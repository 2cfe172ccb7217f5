"""tasks.priority

Revision ID: 1a2b3c4d5e70
Revises: 091a2b3c4d5e
Create Date: 2023-08-14 13:15:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '1a2b3c4d5e70'
down_revision = '091a2b3c4d5e'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('tasks', sa.Column('priority', sa.SmallInteger(), server_default='2', nullable=False))
    # Old task titles were limited to 300 characters; note that op.drop_column('tasks', 'title') is NOT done here.
    op.execute(sa.text("UPDATE tasks SET priority = 1 WHERE status = 'doing'"))


def downgrade() -> None:
    op.drop_column('tasks', 'priority')
