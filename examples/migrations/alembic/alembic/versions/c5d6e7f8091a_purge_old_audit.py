"""purge audit rows older than two years

Revision ID: c5d6e7f8091a
Revises: b4c5d6e7f809
Create Date: 2023-01-09 07:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'c5d6e7f8091a'
down_revision = 'b4c5d6e7f809'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # airlock:allow delete-rows retention policy approved by legal (ticket OPS-812)
    op.execute(
        "DELETE FROM audit_log "
        "WHERE at < now() - interval '2 years'"
    )


def downgrade() -> None:
    # rows are gone; nothing to restore
    pass
