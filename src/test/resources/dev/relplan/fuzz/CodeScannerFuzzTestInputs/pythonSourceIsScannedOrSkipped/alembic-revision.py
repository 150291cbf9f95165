"""drop legacy column

Revision ID: 3a1b
Revises: 2f0c
"""
from alembic import op
import sqlalchemy as sa

revision = "3a1b"
down_revision = "2f0c"


def upgrade():
    op.add_column("orders", sa.Column("note", sa.String(200), nullable=False))
    op.drop_column("orders", "legacy_code")
    op.alter_column("orders", "total", new_column_name="amount")
    op.execute("DROP TABLE carts")


def downgrade():
    op.add_column("orders", sa.Column("legacy_code", sa.String(20)))
