"""projects.archived_at

Revision ID: e7f8091a2b3c
Revises: d6e7f8091a2b
Create Date: 2023-03-30 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'e7f8091a2b3c'
down_revision = 'd6e7f8091a2b'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('projects', sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True))
    op.create_index('ix_projects_archived_at', 'projects', ['archived_at'], postgresql_where=sa.text('archived_at IS NOT NULL'))


def downgrade() -> None:
    op.drop_index('ix_projects_archived_at', table_name='projects')
    op.drop_column('projects', 'archived_at')
