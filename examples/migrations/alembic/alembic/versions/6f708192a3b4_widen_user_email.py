"""widen users.email to 320

Revision ID: 6f708192a3b4
Revises: 5e6f708192a3
Create Date: 2022-04-04 14:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '6f708192a3b4'
down_revision = '5e6f708192a3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column(
        'users',
        'email',
        existing_type=sa.VARCHAR(length=255),
        type_=sa.String(length=320),
        existing_nullable=False,
    )


def downgrade() -> None:
    op.alter_column('users', 'email', existing_type=sa.String(length=320), type_=sa.VARCHAR(length=255), existing_nullable=False)
