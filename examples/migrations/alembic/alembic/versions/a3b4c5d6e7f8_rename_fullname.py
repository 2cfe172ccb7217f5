"""rename users.fullname to display_name

Revision ID: a3b4c5d6e7f8
Revises: 92a3b4c5d6e7
Create Date: 2022-08-22 10:20:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'a3b4c5d6e7f8'
down_revision = '92a3b4c5d6e7'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column('users', 'fullname', new_column_name='display_name', existing_type=sa.VARCHAR(length=120))


def downgrade() -> None:
    op.alter_column('users', 'display_name', new_column_name='fullname', existing_type=sa.VARCHAR(length=120))
