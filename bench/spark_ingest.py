"""`dateline ingest` in-process and on Spark local[1] and local[2], in one run.

Each mode runs in its own child process into its own new SQLite store; the Spark session is
started before the clock (the JVM's start is a fixed cost, printed apart), so the seconds
are the ingest itself: reading, every stage, the knowledge base, the writes. All three
stores must hold the same documents and annotations; the table says whether they do.

Wall seconds mean something only on a quiet machine, so the table also gives the CPU
seconds of each kind of process (the Python workers that parse, the driver before and
after its replay ends, the JVM), which load does not change much, and from them what each
mode would take on ``--cores`` free cores: local[1]'s one worker bounds it while the
driver and the JVM use another core; local[2] shares the cores; in both, what the driver
does after the replay (the knowledge base, writes on SQLite, grouping) runs alone.

    python bench/spark_ingest.py [--corpus DIR] [--limit N] [--cores 2]
    DATELINE_BATCH=16 python bench/spark_ingest.py --limit 100   # several tasks on 100
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/polnear/train/text"
MODES = ("in-process", "local[1]", "local[2]")
TICK = os.sysconf("SC_CLK_TCK")


def child_cpu() -> dict[str, float]:
    """CPU seconds of this process's descendants (a Spark driver's JVM and its Python
    workers), from /proc: {"jvm": s, "workers": s}."""
    parent, cpu, name = {}, {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        parent[int(entry)] = int(fields[1])
        cpu[int(entry)] = sum(int(f) for f in fields[11:15]) / TICK  # self and reaped children
        name[int(entry)] = stat[stat.find("(") + 1:stat.rfind(")")]
    out = {"jvm": 0.0, "workers": 0.0}
    todo = [os.getpid()]
    while todo:
        current = todo.pop()
        for pid in [c for c, p in parent.items() if p == current]:
            out["jvm" if name[pid] == "java" else "workers"] += cpu[pid]
            todo.append(pid)
    return out


def run(mode: str, files: list[str], db: str) -> dict:
    from dateline.io.published import PublishedDates
    from dateline.io.readers import ReadError, read_inputs
    from dateline.store import Store

    dates = PublishedDates.from_options(None, None)
    result: dict = {}
    with Store(db) as store:
        if mode == "in-process":
            from dateline.ingest import Ingest

            start, cpu = time.perf_counter(), time.process_time()
            job = Ingest(store)
            list(job.run(dates.apply(i) for i in read_inputs(files)
                         if not isinstance(i, ReadError)))
        else:
            from dateline.engines import spark_ingest
            from dateline.engines.spark import spark_session

            start = time.perf_counter()
            spark = spark_session(mode)
            spark.sparkContext.parallelize(range(2), 2).count()  # the workers started
            result["session_seconds"] = time.perf_counter() - start
            write_store = spark_ingest.write_store

            def after_replay(*args: object) -> None:  # marks where the replay ended
                result["replay_cpu"] = time.process_time() - cpu
                write_store(*args)

            spark_ingest.write_store = after_replay
            before = child_cpu()
            start, cpu = time.perf_counter(), time.process_time()
            job = spark_ingest.ingest_with_spark(files, store, dates, spark=spark)
        result["seconds"] = time.perf_counter() - start
        result["cpu"] = time.process_time() - cpu
        if mode != "in-process":
            after = child_cpu()
            result.update({k: after[k] - before[k] for k in after})
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


def predicted(r: dict, mode: str, cores: int) -> float:
    """Seconds on ``cores`` free cores, from the CPU seconds (see the module's docstring)."""
    if mode == "in-process":
        return r["cpu"]
    beside, after = r["workers"] + r["jvm"] + r["replay_cpu"], r["cpu"] - r["replay_cpu"]
    one_worker = r["workers"] if mode == "local[1]" else 0.0
    return max(one_worker, beside / cores) + after


def measure(mode: str, corpus: Path, limit: int | None, db: str) -> dict:
    argv = [sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--db", db]
    if limit:
        argv += ["--limit", str(limit)]
    out = subprocess.run(argv, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"{mode} failed: {(out.stderr.strip().splitlines() or ['no output'])[-1]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick check)")
    parser.add_argument("--cores", type=int, default=2, help="free cores the prediction assumes")
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
    for column in ("mode", "seconds", "docs/s", "× in-process", "× local[1]", "JVM start s",
                   "CPU s: workers", "driver replay", "driver after", "JVM",
                   f"s on {args.cores} cores", "× local[1]"):
        table.add_column(column, justify="left" if column == "mode" else "right")
    guess = {mode: predicted(r, mode, args.cores) for mode, r in results.items()}
    for mode, r in results.items():
        rate = len(files) / r["seconds"]
        spark = "session_seconds" in r
        table.add_row(mode, f"{r['seconds']:.1f}", f"{rate:.2f}",
                      f"{results['in-process']['seconds'] / r['seconds']:.2f}",
                      f"{results['local[1]']['seconds'] / r['seconds']:.2f}",
                      f"{r['session_seconds']:.1f}" if spark else "",
                      f"{r['workers']:.1f}" if spark else "",
                      f"{r['replay_cpu']:.1f}" if spark else "",
                      f"{r['cpu'] - r['replay_cpu']:.1f}" if spark else "",
                      f"{r['jvm']:.1f}" if spark else "",
                      f"{guess[mode]:.1f}", f"{guess['local[1]'] / guess[mode]:.2f}")
    Console(width=180).print(table)
    print(json.dumps({mode: {k: v for k, v in r.items() if k != "fingerprint"}
                      for mode, r in results.items()}))
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
