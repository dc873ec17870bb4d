"""Grouping reports: near-duplicate documents, story events and stories.

The decisions here are pure functions of a document and the candidates found for it,
so the store (dateline.store.stories) and a batch engine can run the same grouping.
"""
