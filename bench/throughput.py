"""Throughput of `dateline extract` against bare spaCy `nlp.pipe` on the same texts.

Each side runs in its own child process (so peak RSS is its own); both run in
this one invocation, so the ratio compares like with like on this machine.
Also prints each stage's cost as a share of the parse, the budget the issues set.

    python bench/throughput.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/polnear/dev/text"


def files_of(corpus: Path) -> list[str]:
    return sorted(str(p) for p in corpus.glob("*.txt"))


def run_bare(files: list[str], repeat: int) -> dict:
    from dateline import nlp
    from dateline.settings import Settings

    model = nlp.load()
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    list(model.pipe(texts[:2]))  # warm up
    start = time.perf_counter()
    for _ in range(repeat):
        for _doc in model.pipe(texts, batch_size=Settings().batch):
            pass
    return {"seconds": time.perf_counter() - start}


def run_extract(files: list[str], repeat: int) -> dict:
    """What `dateline extract` does: read, every stage, JSON out; stages timed one by one."""
    from dateline.io.readers import read_inputs
    from timing import timed_pipeline

    pipeline, stage_seconds = timed_pipeline()
    warm = list(read_inputs(files[:2]))
    pipeline.process(warm)
    stage_seconds.update(dict.fromkeys(stage_seconds, 0.0))
    start = time.perf_counter()
    with open("/dev/null", "w", encoding="utf-8") as sink:
        for _ in range(repeat):
            for doc in pipeline.process_stream(read_inputs(files)):
                sink.write(doc.dumps() + "\n")
    return {"seconds": time.perf_counter() - start, "stages": stage_seconds}


def child(mode: str, files: list[str], repeat: int) -> None:
    result = (run_bare if mode == "bare" else run_extract)(files, repeat)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(mode: str, corpus: Path, repeat: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(corpus),
                          "--repeat", str(repeat)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", choices=["bare", "extract"])
    args = parser.parse_args()
    files = files_of(args.corpus)
    if args.child:
        child(args.child, files, args.repeat)
        return
    console = Console()
    if not files:
        console.print(f"no .txt files in {args.corpus} (the corpus lives in ../shared/data)")
        sys.exit(0)
    n = len(files) * args.repeat
    bare = measure("bare", args.corpus, args.repeat)
    extract = measure("extract", args.corpus, args.repeat)
    table = Table(title=f"throughput on {n} documents ({args.corpus})")
    for col in ("run", "docs/s", "peak RSS (MB)", "× bare spaCy"):
        table.add_column(col, justify="right")
    bare_rate, extract_rate = n / bare["seconds"], n / extract["seconds"]
    table.add_row("bare nlp.pipe", f"{bare_rate:.1f}", f"{bare['peak_rss_mb']:.0f}", "1.00")
    table.add_row("dateline extract", f"{extract_rate:.1f}", f"{extract['peak_rss_mb']:.0f}",
                  f"{extract_rate / bare_rate:.2f}")
    console.print(table)
    stages = Table(title="cost of each stage (share of the parse time)")
    for col in ("stage", "seconds", "% of parse"):
        stages.add_column(col, justify="right")
    parse = extract["stages"].get("parse") or 1e-9
    for name, seconds in extract["stages"].items():
        stages.add_row(name, f"{seconds:.2f}", f"{100 * seconds / parse:.1f}")
    console.print(stages)


if __name__ == "__main__":
    main()
