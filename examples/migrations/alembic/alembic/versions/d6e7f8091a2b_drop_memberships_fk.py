"""replace memberships project FK

Revision ID: d6e7f8091a2b
Revises: c5d6e7f8091a
Create Date: 2023-02-13 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'd6e7f8091a2b'
down_revision = 'c5d6e7f8091a'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_constraint('memberships_project_id_fkey', 'memberships', type_='foreignkey')
    op.create_foreign_key(
        'memberships_project_id_fkey', 'memberships', 'projects', ['project_id'], ['id'], ondelete='RESTRICT'
    )


def downgrade() -> None:
    op.drop_constraint('memberships_project_id_fkey', 'memberships', type_='foreignkey')
    op.create_foreign_key('memberships_project_id_fkey', 'memberships', 'projects', ['project_id'], ['id'], ondelete='CASCADE')
