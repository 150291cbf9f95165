"""add channel (expand phase)

Revision ID: 5b7e
Revises: 3f2a
"""
import sqlalchemy as sa
from alembic import op

revision = "5b7e"
down_revision = "3f2a"


def upgrade():
    op.add_column("orders", sa.Column("channel", sa.String(16), nullable=True))
    op.add_column("orders", sa.Column("currency", sa.String(3), nullable=False, server_default="EUR"))
    op.create_table("order_notes", sa.Column("id", sa.Integer, primary_key=True))
    op.create_index("ix_orders_channel", "orders", ["channel"])


def downgrade():
    op.drop_index("ix_orders_channel")
    op.drop_table("order_notes")
    op.drop_column("orders", "currency")
    op.drop_column("orders", "channel")
