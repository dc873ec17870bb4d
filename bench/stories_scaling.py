"""Per-document cost of near-duplicate detection and story assignment at 1k and 10k
stored documents: it must stay flat (every lookup goes through an indexed key).

A few hundred PolNeAR train articles go through the whole pipeline once (cached as
JSON lines); the stored corpus is then derived from them without the pipeline: each
generation of variants is published a month later (event dates shifted with it), with
half of its longer words reversed in place (offsets kept) so texts differ, and every tenth
document a republication of the one before. Each document is written into a real SQLite
store in its own transaction (its row and its events: what grouping reads); only the
grouping step (dateline.store.stories.group) is timed, over the last documents written
before each size is reached.

    python bench/stories_scaling.py [--articles 200] [--sizes 1000,10000] [--probe 200]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared/data/polnear/train/text"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "dateline-stories-bench.jsonl"
BASE_DATE = date(2016, 1, 4)
WORD = re.compile(r"[A-Za-z]{4,}")
DAY = re.compile(r"\d{4}-\d\d-\d\d")


def processed(corpus: Path, articles: int, cache: Path) -> list[dict[str, Any]]:
    """The articles through the whole pipeline, once (then read from ``cache``)."""
    if cache.exists():
        docs = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
        if len(docs) >= articles:
            return docs[:articles]
    from dateline.io.readers import InputDocument
    from dateline.model import Document, document_id
    from dateline.pipeline import Pipeline

    inputs = []
    for path in sorted(corpus.glob("*.txt"))[:articles]:
        text = path.read_text(encoding="utf-8")
        inputs.append(InputDocument(document_id(text.encode()), str(path), text, "text", {},
                                    published=BASE_DATE.isoformat()))
    docs = [d.to_json() for d in Pipeline().process(inputs) if isinstance(d, Document)]
    cache.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return docs


def shifted(value: str | None, days: int) -> str | None:
    """A day-precise TIMEX value moved by ``days``; coarser values become undated."""
    if not value or not DAY.fullmatch(value):
        return None
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def variant(doc: dict[str, Any], generation: int, n: int) -> dict[str, Any]:
    """Generation ``generation`` of an article: a month later per generation, half
    of its longer words reversed in place (a different text of the same length)."""
    rng = random.Random(n)
    text = WORD.sub(lambda m: m.group(0)[::-1] if rng.random() < 0.5 else m.group(0),
                    doc["text"]) if generation else doc["text"]
    days = 30 * generation
    events = [dict(e, date=shifted(e.get("date"), days), date_start=None, date_end=None)
              for e in doc["events"]]
    return dict(doc, id=f"{doc['id'][:10]}g{generation:03d}n{n:06d}", text=text,
                published=shifted(BASE_DATE.isoformat(), days), published_from="option",
                events=events, outlet=f"outlet-{n % 40}")


def stream(docs: list[dict[str, Any]]):
    """Variants for ever: each generation of every article, every tenth a republication."""
    n = 0
    for generation in range(10_000):
        for doc in docs:
            n += 1
            current = variant(doc, generation, n)
            yield current
            if n % 10 == 0:
                n += 1
                yield dict(current, id=f"{current['id'][:20]}r{n:06d}",
                           outlet=f"outlet-{n % 40}")


def write(store: Any, doc: Any) -> float:
    """One document into the store in its own transaction, as ingest writes it but with
    only the rows grouping reads (the document and its events); the seconds grouping took."""
    from dateline.store import stories
    from dateline.store.rows import annotation_rows, document_row, insert_values
    from dateline.store.schema import DocumentRow, EventRow

    with store.session.begin() as s:
        insert_values(s, {DocumentRow: [document_row(doc)],
                          EventRow: annotation_rows(doc)[EventRow]})
        start = time.perf_counter()
        stories.group(s, doc)
        s.flush()
        return time.perf_counter() - start


def run(docs: list[dict[str, Any]], sizes: list[int], probe: int) -> list[dict[str, Any]]:
    from sqlalchemy import func, select

    from dateline.model import Document
    from dateline.store import Store
    from dateline.store.schema import DocumentRow, StoryRow

    results, timings = [], []
    with tempfile.TemporaryDirectory() as folder:
        store = Store(str(Path(folder) / "bench.db"))
        source = stream(docs)
        stored = 0
        for size in sizes:
            while stored < size:
                timings.append(write(store, Document.from_json(next(source), raw="")))
                stored += 1
            window = timings[-probe:]
            with store.session() as s:
                copies = s.scalar(select(func.count()).where(
                    DocumentRow.duplicate_of.is_not(None)))
                n_stories = s.scalar(select(func.count()).select_from(StoryRow))
            results.append({"stored": stored, "ms": 1000 * statistics.mean(window),
                            "p90": 1000 * statistics.quantiles(window, n=10)[-1],
                            "copies": copies, "stories": n_stories})
        store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--probe", type=int, default=200)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    docs = processed(args.corpus, args.articles, args.cache)
    results = run(docs, [int(x) for x in args.sizes.split(",")], args.probe)
    table = Table(title=f"dedup + story assignment per document ({len(docs)} articles, "
                        f"last {args.probe} documents timed)")
    for column in ("stored documents", "ms / document", "p90 ms", "× first size",
                   "copies found", "stories"):
        table.add_column(column, justify="right")
    for r in results:
        table.add_row(f"{r['stored']:,}", f"{r['ms']:.1f}", f"{r['p90']:.1f}",
                      f"{r['ms'] / results[0]['ms']:.2f}", f"{r['copies']:,}",
                      f"{r['stories']:,}")
    Console().print(table)


if __name__ == "__main__":
    main()
