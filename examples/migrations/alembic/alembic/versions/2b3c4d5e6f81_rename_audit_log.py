"""rename audit_log to events

Revision ID: 2b3c4d5e6f81
Revises: 1a2b3c4d5e70
Create Date: 2023-10-02 08:45:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '2b3c4d5e6f81'
down_revision = '1a2b3c4d5e70'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.rename_table('audit_log', 'events')
    op.execute('ALTER SEQUENCE audit_log_id_seq RENAME TO events_id_seq')


def downgrade() -> None:
    op.execute('ALTER SEQUENCE events_id_seq RENAME TO audit_log_id_seq')
    op.rename_table('events', 'audit_log')
