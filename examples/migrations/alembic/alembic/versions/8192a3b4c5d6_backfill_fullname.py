"""backfill users.fullname from email

Revision ID: 8192a3b4c5d6
Revises: 708192a3b4c5
Create Date: 2022-06-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '8192a3b4c5d6'
down_revision = '708192a3b4c5'
branch_labels = None
depends_on = None


def upgrade() -> None:
    users = sa.table('users', sa.column('email', sa.String), sa.column('fullname', sa.String))
    op.execute(
        users.update()
        .where(users.c.fullname.is_(None))
        .values(fullname=sa.func.split_part(users.c.email, '@', 1))
    )


def downgrade() -> None:
    pass
