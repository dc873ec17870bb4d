"""initial schema

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("country", sa.String(length=16), nullable=True),
        sa.Column("sector", sa.String(length=16), nullable=True),
        sa.Column("first_seen", sa.String(length=32), nullable=True),
        sa.Column("last_seen", sa.String(length=32), nullable=True),
        sa.Column("merged_into", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actors_country"), ["country"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=200), nullable=True),
        sa.Column("published", sa.String(length=32), nullable=True),
        sa.Column("published_from", sa.String(length=16), nullable=False),
        sa.Column("place_name", sa.String(length=200), nullable=True),
        sa.Column("place_country", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_outlet"), ["outlet"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_published"), ["published"], unique=False)

    op.create_table(
        "actor_aliases",
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("first_seen", sa.String(length=32), nullable=True),
        sa.Column("last_seen", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("actor_id", "alias"),
    )
    op.create_table(
        "actor_documents",
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.Column("published", sa.String(length=32), nullable=True),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("actor_id", "doc_id"),
    )
    with op.batch_alter_table("actor_documents", schema=None) as batch_op:
        batch_op.create_index("ix_actor_documents_doc", ["doc_id"], unique=False)

    op.create_table(
        "actor_roles",
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=False),
        sa.Column("first_seen", sa.String(length=32), nullable=True),
        sa.Column("last_seen", sa.String(length=32), nullable=True),
        sa.Column("doc_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("actor_id", "role"),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_entities_doc_id"), ["doc_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=64), nullable=True),
        sa.Column("context", sa.Text(), nullable=True),
        sa.Column("source_actor", sa.String(length=200), nullable=True),
        sa.Column("source_country", sa.String(length=16), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("target_actor", sa.String(length=200), nullable=True),
        sa.Column("target_country", sa.String(length=16), nullable=True),
        sa.Column("target_text", sa.Text(), nullable=True),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("date", sa.String(length=32), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("intensity", sa.Float(), nullable=True),
        sa.Column("cameo", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_doc_id"), ["doc_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_source_actor"), ["source_actor"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_source_country"), ["source_country"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_target_actor"), ["target_actor"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_target_country"), ["target_country"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_type"), ["type"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("actor_id", sa.String(length=200), nullable=True),
        sa.Column("date", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_doc_id"), ["doc_id"], unique=False)

    op.create_table(
        "timexes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc_id", sa.String(length=32), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("mod", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("timexes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timexes_doc_id"), ["doc_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_timexes_value"), ["value"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("timexes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timexes_value"))
        batch_op.drop_index(batch_op.f("ix_timexes_doc_id"))

    op.drop_table("timexes")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_doc_id"))
        batch_op.drop_index(batch_op.f("ix_quotes_date"))
        batch_op.drop_index(batch_op.f("ix_quotes_actor_id"))

    op.drop_table("quotes")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_type"))
        batch_op.drop_index(batch_op.f("ix_events_target_country"))
        batch_op.drop_index(batch_op.f("ix_events_target_actor"))
        batch_op.drop_index(batch_op.f("ix_events_source_country"))
        batch_op.drop_index(batch_op.f("ix_events_source_actor"))
        batch_op.drop_index(batch_op.f("ix_events_doc_id"))
        batch_op.drop_index(batch_op.f("ix_events_date"))

    op.drop_table("events")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_doc_id"))
        batch_op.drop_index(batch_op.f("ix_entities_actor_id"))

    op.drop_table("entities")
    op.drop_table("actor_roles")
    with op.batch_alter_table("actor_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_actor_documents_doc")

    op.drop_table("actor_documents")
    op.drop_table("actor_aliases")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_published"))
        batch_op.drop_index(batch_op.f("ix_documents_outlet"))

    op.drop_table("documents")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actors_country"))

    op.drop_table("actors")
