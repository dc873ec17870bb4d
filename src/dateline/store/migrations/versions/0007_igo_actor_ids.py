"""international organisation ids: the slug of its name ("united-nations"), not its code ("un")

As 0006 did for countries (``dateline.store.renames`` moves every reference). Organs stored
under their parent before ("Security Council" as "un") stay the parent's: the rows do not say
which name a mention used.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from dateline.actors.countries import igos
from dateline.actors.ids import country_id
from dateline.store.renames import rename

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    rename(bind, {old: country_id(code) for old, code in igo_actors(bind)
                  if old == code.lower()})


def downgrade() -> None:
    bind = op.get_bind()
    rename(bind, {old: code.lower() for old, code in igo_actors(bind)
                  if old == country_id(code)})


def igo_actors(bind: sa.Connection) -> list[tuple[str, str]]:
    """(id, code) of the organisation actors whose country is an IGO's own code."""
    return [(i, code) for i, code in bind.execute(sa.text(
        "SELECT id, country FROM actors WHERE type = 'organisation' AND country IS NOT NULL"))
        if code in igos()]
