"""Cross-document templates: a line that recurs in many documents of one site in a batch."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from urllib.parse import urlparse

from dateline.clean.lines import Line
from dateline.model import Document

MIN_DOCS = 3  # a site needs this many documents in the batch before its lines can be templates
MIN_SHARE = 0.5  # ... and a template line is in at least this share of them


def site_of(doc: Document) -> str:
    """The site a document comes from: its outlet, its URL's host, or its source directory."""
    if doc.meta.get("outlet"):
        return str(doc.meta["outlet"]).lower()
    url = doc.meta.get("url") or doc.source
    host = urlparse(str(url)).netloc
    return host.lower().removeprefix("www.") if host else os.path.dirname(doc.source)


def batch_templates(docs: list[Document], lines: list[list[Line]]) -> list[set[str]]:
    """For each document, the line keys that are templates of its site in this batch."""
    by_site: dict[str, list[int]] = defaultdict(list)
    for n, doc in enumerate(docs):
        by_site[site_of(doc)].append(n)
    out: list[set[str]] = [set() for _ in docs]
    for members in by_site.values():
        if len(members) < MIN_DOCS:
            continue
        counts = Counter(key for n in members for key in {line.key for line in lines[n]})
        common = {key for key, c in counts.items() if c >= max(MIN_DOCS, MIN_SHARE * len(members))}
        for n in members:
            out[n] = common
    return out
