"""`dateline ingest` in-process and on Spark local[1] and local[2], in one run.

Each mode runs in its own child process into its own new SQLite store; the Spark session is
started before the clock (the JVM's start is a fixed cost, printed apart), so the seconds
are the ingest itself: reading, every stage, the knowledge base, the writes. All three
stores must hold the same documents and annotations; the table says whether they do.

    python bench/spark_ingest.py [--corpus DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/polnear/train/text"
MODES = ("in-process", "local[1]", "local[2]")


def run(mode: str, files: list[str], db: str) -> dict:
    from dateline.io.published import PublishedDates
    from dateline.io.readers import ReadError, read_inputs
    from dateline.store import Store

    dates = PublishedDates.from_options(None, None)
    result: dict = {}
    with Store(db) as store:
        if mode == "in-process":
            from dateline.ingest import Ingest

            start = time.perf_counter()
            job = Ingest(store)
            list(job.run(dates.apply(i) for i in read_inputs(files)
                         if not isinstance(i, ReadError)))
        else:
            from dateline.engines.spark import spark_session
            from dateline.engines.spark_ingest import ingest_with_spark

            start = time.perf_counter()
            spark = spark_session(mode)
            result["session_seconds"] = time.perf_counter() - start
            start = time.perf_counter()
            job = ingest_with_spark(files, store, dates, spark=spark)
        result["seconds"] = time.perf_counter() - start
        if mode != "in-process":
            spark.stop()
        result["fingerprint"] = fingerprint(store)
    result["stored"] = job.stored
    return result


def fingerprint(store: object) -> str:
    """A hash of what a store holds: documents with their grouping, and the knowledge base
    (row order aside)."""
    actors = store.actor_records()
    for record in actors:
        record["aliases"].sort(key=lambda a: a["alias"])
        record["roles"].sort(key=lambda r: r["role"])
    held = [list(store.documents(grouped=True)), actors]
    return hashlib.sha256(json.dumps(held, sort_keys=True).encode()).hexdigest()


def measure(mode: str, corpus: Path, limit: int | None, db: str) -> dict:
    argv = [sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--db", db]
    if limit:
        argv += ["--limit", str(limit)]
    out = subprocess.run(argv, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick check)")
    parser.add_argument("--child", choices=MODES)
    parser.add_argument("--db")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.corpus.glob("*.txt"))[:args.limit]
    if args.child:
        print(json.dumps(run(args.child, files, args.db)))
        return
    if not files:
        sys.exit(f"no articles in {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        results = {m: measure(m, args.corpus, args.limit, f"{tmp}/{n}.db")
                   for n, m in enumerate(MODES)}
    same = len({r["fingerprint"] for r in results.values()}) == 1
    table = Table(title=f"dateline ingest of {len(files)} articles ({args.corpus.name}), "
                        f"{'the same store' if same else 'STORES DIFFER'} on every mode")
    for column in ("mode", "seconds", "docs/s", "× in-process", "× local[1]", "JVM start s"):
        table.add_column(column, justify="left" if column == "mode" else "right")
    for mode, r in results.items():
        rate = len(files) / r["seconds"]
        table.add_row(mode, f"{r['seconds']:.1f}", f"{rate:.2f}",
                      f"{results['in-process']['seconds'] / r['seconds']:.2f}",
                      f"{results['local[1]']['seconds'] / r['seconds']:.2f}",
                      f"{r['session_seconds']:.1f}" if "session_seconds" in r else "")
    Console().print(table)
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
