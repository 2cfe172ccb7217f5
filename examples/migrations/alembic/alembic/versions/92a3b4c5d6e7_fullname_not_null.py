"""users.fullname NOT NULL

Revision ID: 92a3b4c5d6e7
Revises: 8192a3b4c5d6
Create Date: 2022-06-01 12:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '92a3b4c5d6e7'
down_revision = '8192a3b4c5d6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column('users', 'fullname', existing_type=sa.VARCHAR(length=120), nullable=False)


def downgrade() -> None:
    op.alter_column('users', 'fullname', existing_type=sa.VARCHAR(length=120), nullable=True)
