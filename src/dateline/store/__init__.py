"""The store: SQLite by default, PostgreSQL by URL, one schema, Alembic migrations.

One document is one transaction, so a crash loses at most the document in
flight and a rerun resumes; saving a document already stored changes nothing.
"""

from dateline.store.store import DEFAULT_DB, Store, database_url

__all__ = ["DEFAULT_DB", "Store", "database_url"]
