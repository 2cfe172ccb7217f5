"""move passwords to the identity provider

Revision ID: f8091a2b3c4d
Revises: e7f8091a2b3c
Create Date: 2023-06-12 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'f8091a2b3c4d'
down_revision = 'e7f8091a2b3c'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_column('users', 'password_hash')


def downgrade() -> None:
    op.add_column('users', sa.Column('password_hash', sa.VARCHAR(length=128), autoincrement=False, nullable=True))
