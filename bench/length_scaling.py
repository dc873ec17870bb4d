"""Per-document cost against length: one long article of 10k, 50k, 200k and 1M characters.

Each document is PolNeAR train articles joined (blank line between) and cut at a
paragraph break. Cost is read as a ratio measured in this one run: seconds per
10k characters against the smallest document (1.00 everywhere = linear), and
against bare spaCy `nlp.pipe` over the same paragraphs (what the parse stage
feeds it). Each (run, size) is its own child process, so peak RSS is its own.

    python bench/length_scaling.py [--corpus DIR] [--sizes 10000,50000,200000,1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/polnear/train/text"
DEFAULT_SIZES = "10000,50000,200000,1000000"
UNIT = 10_000  # characters: costs are given per this many


def long_text(corpus: Path, size: int) -> str:
    """Whole articles joined until ``size`` characters, cut at the last paragraph break."""
    parts, total = [], 0
    for path in sorted(corpus.glob("*.txt")):
        parts.append(path.read_text(encoding="utf-8").strip())
        total += len(parts[-1]) + 2
        if total >= size:
            break
    text = "\n\n".join(parts)[:size]
    return text[: text.rfind("\n\n")] + "\n"


def run_bare(path: str) -> dict:
    from dateline import nlp

    model = nlp.load()
    text = Path(path).read_text(encoding="utf-8")
    list(model.pipe(nlp.paragraphs(text[:UNIT])))  # warm up
    start = time.perf_counter()
    for _doc in model.pipe(nlp.paragraphs(text), batch_size=nlp.ParseStage().batch_size):
        pass
    return {"seconds": time.perf_counter() - start}


def run_extract(path: str) -> dict:
    """What `dateline extract` does with one file: read, every stage, JSON; stages timed."""
    from dateline.io.readers import InputDocument, read_inputs
    from timing import timed_pipeline

    pipeline, stage_seconds = timed_pipeline()
    (item,) = read_inputs([path])
    pipeline.process([InputDocument("warm", "warm", item.raw[:UNIT], "text")])
    stage_seconds.update(dict.fromkeys(stage_seconds, 0.0))
    start = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for doc in pipeline.process_stream(read_inputs([path])):
            sink.write(doc.dumps() + "\n")
    return {"seconds": time.perf_counter() - start, "stages": stage_seconds}


def child(mode: str, path: str) -> None:
    result = (run_bare if mode == "bare" else run_extract)(path)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(mode: str, path: Path, size: int) -> dict:
    env = {**os.environ, "DATELINE_MAX_CHARS": str(max(size + 1, 1_000_000))}
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--file", str(path)],
                         capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="characters, comma-separated")
    parser.add_argument("--child", choices=["bare", "extract"])
    parser.add_argument("--file")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file)
        return
    console = Console()
    if not any(args.corpus.glob("*.txt")):
        console.print(f"no .txt files in {args.corpus} (the corpus lives in ../shared/data)")
        sys.exit(0)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"long-{size}.txt"
            text = long_text(args.corpus, size)
            path.write_text(text, encoding="utf-8")
            rows.append((len(text), measure("bare", path, size), measure("extract", path, size)))
    per_unit = [(n, b["seconds"] * UNIT / n, x["seconds"] * UNIT / n) for n, b, x in rows]
    base_bare, base_extract = per_unit[0][1], per_unit[0][2]
    table = Table(title=f"dateline extract, one document: s per {UNIT:,} characters "
                        f"against the {rows[0][0]:,}-character one, and against bare spaCy")
    for col in ("characters", "bare s", "extract s", "s/10k", "× smallest", "bare × smallest",
                "× bare", "RSS MB"):
        table.add_column(col, justify="right")
    for (n, bare, extract), (_, b, x) in zip(rows, per_unit, strict=True):
        table.add_row(f"{n:,}", f"{bare['seconds']:.1f}", f"{extract['seconds']:.1f}",
                      f"{x:.2f}", f"{x / base_extract:.2f}", f"{b / base_bare:.2f}",
                      f"{x / b:.2f}", f"{extract['peak_rss_mb']:.0f}")
    console.print(table)
    stages = Table(title=f"each stage: s per {UNIT:,} characters (× the smallest document)")
    stages.add_column("stage")
    for n, _, _ in rows:
        stages.add_column(f"{n:,}", justify="right")
    for name in rows[0][2]["stages"]:
        base = rows[0][2]["stages"][name] * UNIT / rows[0][0] or 1e-9
        cells = []
        for n, _, extract in rows:
            cost = extract["stages"][name] * UNIT / n
            cells.append(f"{cost:.3f} ({cost / base:.1f})")
        stages.add_row(name, *cells)
    console.print(stages)


if __name__ == "__main__":
    main()
