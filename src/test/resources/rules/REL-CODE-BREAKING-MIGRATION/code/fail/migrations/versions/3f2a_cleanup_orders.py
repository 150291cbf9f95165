"""cleanup orders

Revision ID: 3f2a
Revises: 1c9d
"""
import sqlalchemy as sa
from alembic import op

revision = "3f2a"
down_revision = "1c9d"


def upgrade():
    op.drop_column("orders", "legacy_ref")  # relplan:finding
    with op.batch_alter_table("customers") as batch_op:
        batch_op.alter_column("mail", new_column_name="email")  # relplan:finding
    op.add_column("orders", sa.Column("channel", sa.String(16), nullable=False))  # relplan:finding


def downgrade():
    op.drop_column("orders", "channel")
