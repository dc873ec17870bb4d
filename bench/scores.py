"""Every quality score, measured with the reference scorer (../shared/eval/dlscore.py).

Runs `dateline extract` on each development corpus exactly as the scorer's
README says, scores it, and prints one table. Corpora that are absent are
skipped with a message.

    python bench/scores.py [--only clean,quotes,timex,ner,events] [--keep DIR]
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


def measure(task: str, work: Path) -> list[tuple[str, dict]]:
    if task == "clean":
        pred = extract(work, "clean", DATA / "furniture-dev" / "text")
        return [("furniture-dev", score("clean", DATA / "furniture-dev" / "snippets.json", pred))]
    if task == "quotes":
        pred = extract(work, "quotes", DATA / "polnear" / "dev" / "text")
        return [("PolNeAR dev", score("quotes", DATA / "polnear" / "dev", pred))]
    if task == "timex":
        return timeml(work)
    if task == "ner":
        run(sys.executable, SCORER, "prep-conll", DATA / "conll2003" / "eng.testa", work / "conll")
        pred = extract(work, "ner", work / "conll")
        return [("CoNLL-2003 testa", score("ner", DATA / "conll2003" / "eng.testa", pred))]
    gold = DATA / "plover-gsr" / "gsr-dev.json"
    run(sys.executable, SCORER, "prep-gsr", gold, work / "gsr")
    pred = extract(work, "events", *sorted((work / "gsr").glob("*.txt")),
                   tsv=work / "gsr" / "published.tsv")
    return [("PLOVER GSR dev", score("events", gold, pred))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="clean,quotes,timex,ner,events")
    parser.add_argument("--keep", type=Path, help="keep predictions in this folder")
    args = parser.parse_args()
    if not SCORER.exists() or not DATA.exists():
        console.print(f"scorer or data not found under {SHARED}; nothing measured")
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="dateline-scores-"))
    work.mkdir(parents=True, exist_ok=True)
    table = Table(title="dlscore.py on the development corpora")
    for col in ("task", "corpus", "scores"):
        table.add_column(col)
    for task in args.only.split(","):
        for corpus, summary in measure(task, work):
            shown = ", ".join(f"{k} {v}" for k, v in summary.items() if k != "task")
            table.add_row(task, corpus, shown)
            console.print(f"{task} {corpus}: {shown}")
    console.print(table)


if __name__ == "__main__":
    main()
