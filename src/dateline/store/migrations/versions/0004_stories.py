"""stories: near-duplicate signatures and LSH bands, story events, stories

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("duplicate_of", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("story", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_documents_duplicate_of", ["duplicate_of"], unique=False)
        batch_op.create_index("ix_documents_story", ["story"], unique=False)
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mentions", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("story_event", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_events_story_event", ["story_event"], unique=False)
    op.create_table(
        "document_signatures",
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.Column("shingles", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("doc_id"),
    )
    op.create_table(
        "document_bands",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "doc_id"),
    )
    op.create_index("ix_document_bands_doc", "document_bands", ["doc_id"], unique=False)
    op.create_table(
        "story_events",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("source_actor", sa.String(length=200), nullable=True),
        sa.Column("source_country", sa.String(length=16), nullable=True),
        sa.Column("target_actor", sa.String(length=200), nullable=True),
        sa.Column("target_country", sa.String(length=16), nullable=True),
        sa.Column("date_start", sa.String(length=10), nullable=True),
        sa.Column("date_end", sa.String(length=10), nullable=True),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.Column("num_mentions", sa.Integer(), nullable=False),
        sa.Column("num_articles", sa.Integer(), nullable=False),
        sa.Column("num_sources", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "story_event_keys",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("story_event", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["story_event"], ["story_events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "story_event"),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("first_date", sa.String(length=10), nullable=True),
        sa.Column("last_date", sa.String(length=10), nullable=True),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stories_first_date", "stories", ["first_date"], unique=False)
    op.create_table(
        "story_keys",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("story", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["story"], ["stories.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "story"),
    )


def downgrade() -> None:
    for table in ("story_keys", "stories", "story_event_keys", "story_events",
                  "document_bands", "document_signatures"):
        op.drop_table(table)
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_story_event")
        batch_op.drop_column("story_event")
        batch_op.drop_column("mentions")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_story")
        batch_op.drop_index("ix_documents_duplicate_of")
        batch_op.drop_column("story")
        batch_op.drop_column("duplicate_of")
