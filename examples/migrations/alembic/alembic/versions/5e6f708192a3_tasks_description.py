"""add tasks.description

Revision ID: 5e6f708192a3
Revises: 4d5e6f708192
Create Date: 2022-03-18 09:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '5e6f708192a3'
down_revision = '4d5e6f708192'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('tasks', sa.Column('description', sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column('tasks', 'description')
