"""drop the legacy session table

Revision ID: 091a2b3c4d5e
Revises: f8091a2b3c4d
Create Date: 2023-07-03 10:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '091a2b3c4d5e'
down_revision = 'f8091a2b3c4d'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_legacy_sessions_token', table_name='legacy_sessions')
    op.drop_table('legacy_sessions')


def downgrade() -> None:
    raise NotImplementedError("legacy sessions are not coming back")
