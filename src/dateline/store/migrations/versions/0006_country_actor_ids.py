"""country actor ids: the slug of the country's name ("united-states"), not its code ("usa")

Every reference moves: the actor rows and what hangs on them, entities, quotes, event and
story-event sides, story keys and actor counts, and each stored document's JSON. An actor
already holding the new id (none should) keeps its record and takes the old one's rows.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from dateline.actors.ids import country_id
from dateline.store.renames import rename

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    rename(bind, {old: country_id(code) for old, code in country_actors(bind)
                  if old == code.lower()})


def downgrade() -> None:
    bind = op.get_bind()
    rename(bind, {old: code.lower() for old, code in country_actors(bind)
                  if old == country_id(code)})


def country_actors(bind: sa.Connection) -> list[tuple[str, str]]:
    return [(i, code) for i, code in bind.execute(sa.text(
        "SELECT id, country FROM actors WHERE type = 'country' AND country IS NOT NULL"))]
