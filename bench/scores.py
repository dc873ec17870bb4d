"""Every quality score, measured with the reference scorer (../shared/eval/dlscore.py).

Runs `dateline extract` on each development corpus exactly as the scorer's
README says, scores it, and prints one table. Corpora that are absent are
skipped with a message. The gated figures (GATED) are pinned in
bench/quality_baseline.json: tests/test_quality_gate.py fails the build when
one drops, and `--write-baseline` (make quality-baseline) pins new ones.

    python bench/scores.py [--only clean,quotes,...] [--keep DIR] [--write-baseline]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA, SCORER = SHARED / "data", SHARED / "eval" / "dlscore.py"
DATELINE = Path(sys.executable).parent / "dateline"
BASELINE = Path(__file__).with_name("quality_baseline.json")
TASKS = ("clean", "quotes", "actors", "timex", "ner", "events", "doc-events")
# (task, corpus) -> the figures a change may not lower (or, for these, raise)
GATED = {
    ("clean", "furniture-dev"): ("kept", "removed"),
    ("quotes", "PolNeAR dev"): ("direct_f1", "direct_speaker_acc", "all_f1"),
    ("actors", "PolNeAR dev"): ("country_acc", "surname_acc", "found", "type_acc",
                                "ids_per_actor", "frequent_unmatched"),
    ("timex", "TBAQ (both)"): ("strict_f1", "relaxed_f1", "value_f1"),
    ("ner", "CoNLL-2003 testa"): ("f1",),
    ("events", "PLOVER GSR dev"): ("type_recall", "macro_f1", "source_acc", "target_acc"),
    ("doc-events", "PolNeAR dev, 14 articles"): ("precision", "recall", "salient_recall",
                                                 "date_compatible", "actors_right"),
}
LOWER_IS_BETTER = frozenset({"ids_per_actor", "frequent_unmatched", "extra_per_record"})
TOLERANCE = 0.002  # rounding of the scorer's printed figures
console = Console()


def run(*args: str | Path, stdout: Path | None = None) -> str:
    cmd = [str(a) for a in args]
    if stdout is None:
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    with open(stdout, "w", encoding="utf-8") as fh:
        subprocess.run(cmd, check=False, stdout=fh, stderr=subprocess.DEVNULL)
    return ""


def score(task: str, gold: Path, pred: Path) -> dict:
    out = run(sys.executable, SCORER, task, gold, pred)
    return json.loads(out.strip().splitlines()[-1])


def extract(work: Path, name: str, *inputs: str | Path, tsv: Path | None = None) -> Path:
    pred = work / f"{name}.jsonl"
    opts = ["--published-tsv", str(tsv)] if tsv else []
    run(DATELINE, "extract", *opts, *inputs, stdout=pred)
    return pred


def timeml(work: Path) -> list[tuple[str, dict]]:
    """TimeBank, AQUAINT, and both together (TBAQ: one gold folder, one prediction file)."""
    both, preds, results = work / "TBAQ-gold", [], []
    both.mkdir(exist_ok=True)
    for corpus in ("TimeBank", "AQUAINT"):
        gold, prepared = DATA / "tempeval3" / corpus, work / corpus
        run(sys.executable, SCORER, "prep-timeml", gold, prepared)
        texts = sorted(prepared.glob("*.txt"))
        preds.append(extract(work, f"timex-{corpus}", *texts, tsv=prepared / "published.tsv"))
        results.append((corpus, score("timex", gold, preds[-1])))
        for tml in gold.glob("*.tml"):
            link = both / tml.name
            if not link.exists():
                link.symlink_to(tml)
    combined = work / "timex-TBAQ.jsonl"
    combined.write_text("".join(p.read_text(encoding="utf-8") for p in preds), encoding="utf-8")
    return [*results, ("TBAQ (both)", score("timex", both, combined))]


def polnear_dates(work: Path) -> Path:
    """The dev articles' publication dates as a two-column file."""
    tsv = work / "polnear-published.tsv"
    rows = (DATA / "polnear" / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]
    tsv.write_text("".join(f"{r.split(chr(9))[1]}.txt\t{r.split(chr(9))[5]}\n" for r in rows),
                   encoding="utf-8")
    return tsv


def measure(task: str, work: Path) -> list[tuple[str, dict]]:
    if task == "clean":
        pred = extract(work, "clean", DATA / "furniture-dev" / "text")
        return [("furniture-dev", score("clean", DATA / "furniture-dev" / "snippets.json", pred))]
    if task in ("quotes", "actors"):
        pred = work / "polnear-dev.jsonl"
        if not pred.exists():
            extract(work, "polnear-dev", DATA / "polnear" / "dev" / "text",
                    tsv=polnear_dates(work))
        gold = DATA / "polnear" / ("dev" if task == "quotes" else "dev-actors.json")
        return [("PolNeAR dev", score(task, gold, pred))]
    if task == "timex":
        return timeml(work)
    if task == "ner":
        run(sys.executable, SCORER, "prep-conll", DATA / "conll2003" / "eng.testa", work / "conll")
        pred = extract(work, "ner", work / "conll")
        return [("CoNLL-2003 testa", score("ner", DATA / "conll2003" / "eng.testa", pred))]
    if task == "doc-events":
        gold = DATA / "polnear" / "dev-events.json"
        run(sys.executable, SCORER, "prep-doc-events",
            f"{gold}:{DATA / 'polnear' / 'dev' / 'text'}", work / "de")
        pred = extract(work, "doc-events", *sorted((work / "de").glob("*.txt")),
                       tsv=work / "de" / "published.tsv")
        return [("PolNeAR dev, 14 articles", score("doc-events", gold, pred))]
    gold = DATA / "plover-gsr" / "gsr-dev.json"
    run(sys.executable, SCORER, "prep-gsr", gold, work / "gsr")
    pred = extract(work, "events", *sorted((work / "gsr").glob("*.txt")),
                   tsv=work / "gsr" / "published.tsv")
    return [("PLOVER GSR dev", score("events", gold, pred))]


def gated(task: str, corpus: str, summary: dict) -> dict[str, float]:
    """The figures of one measurement that the baseline pins."""
    return {f"{task} / {corpus} / {key}": summary[key]
            for key in GATED.get((task, corpus), ()) if key in summary}


def drops(measured: dict[str, float], baseline: dict[str, float]) -> list[str]:
    """Every pinned figure that got worse, as 'name: baseline -> now'."""
    worse = []
    for name, pinned in baseline.items():
        if name not in measured:
            continue
        now, lower = measured[name], name.rsplit(" / ", 1)[-1] in LOWER_IS_BETTER
        if (now > pinned + TOLERANCE) if lower else (now < pinned - TOLERANCE):
            worse.append(f"{name}: {pinned} -> {now}")
    return worse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(TASKS))
    parser.add_argument("--keep", type=Path, help="keep predictions in this folder")
    parser.add_argument("--write-baseline", action="store_true",
                        help=f"pin the gated figures in {BASELINE.name}")
    args = parser.parse_args()
    if not SCORER.exists() or not DATA.exists():
        console.print(f"scorer or data not found under {SHARED}; nothing measured")
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="dateline-scores-"))
    work.mkdir(parents=True, exist_ok=True)
    table = Table(title="dlscore.py on the development corpora")
    for col in ("task", "corpus", "scores"):
        table.add_column(col)
    pinned: dict[str, float] = {}
    for task in args.only.split(","):
        for corpus, summary in measure(task, work):
            shown = ", ".join(f"{k} {v}" for k, v in summary.items() if k != "task")
            table.add_row(task, corpus, shown)
            console.print(f"{task} {corpus}: {shown}")
            pinned.update(gated(task, corpus, summary))
    console.print(table)
    if args.write_baseline:
        old = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
        BASELINE.write_text(json.dumps({**old, **pinned}, indent=1, sort_keys=True) + "\n",
                            encoding="utf-8")
        console.print(f"pinned {len(pinned)} figures in {BASELINE}")


if __name__ == "__main__":
    main()
