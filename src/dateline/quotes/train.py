"""Learn how often each reporting verb, in each syntactic frame, is an attribution cue.

Reads PolNeAR's train split (brat .ann files), parses it with the project's spaCy
model and counts, for every verb lemma and frame (ccomp, xcomp, dobj, prep, none),
how many of its occurrences annotators marked as a Cue. The table extends the
hand-written cue lexicon at run time. Reproducible: ``make train-quotes``.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from dateline import nlp
from dateline.quotes.syntax import frame

MIN_TOTAL = 3  # lemma/frame pairs seen fewer times are left out of the table


def gold_cues(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Cue "):
            for frag in parts[1][4:].split(";"):
                start, end = frag.split()
                spans.append((int(start), int(end)))
    return spans


def count(polnear: Path) -> dict[str, dict[str, list[int]]]:
    """lemma -> frame -> [times a cue, times seen]."""
    anns = {}
    for ann in sorted((polnear / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # first annotator per text
    keys = sorted(k for k in anns if (polnear / "text" / f"{k}.txt").exists())
    texts = [(polnear / "text" / f"{k}.txt").read_text(encoding="utf-8") for k in keys]
    model = nlp.load()
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for key, sdoc in zip(keys, model.pipe(texts, batch_size=16), strict=True):
        cues = gold_cues(anns[key])
        for tok in sdoc:
            if tok.pos_ != "VERB":
                continue
            cell = table[tok.lemma_.lower()][frame(tok)]
            cell[1] += 1
            if any(s <= tok.idx < e for s, e in cues):
                cell[0] += 1
    return {
        lemma: {f: c for f, c in frames.items() if c[1] >= MIN_TOTAL}
        for lemma, frames in sorted(table.items())
        if any(c[1] >= MIN_TOTAL and c[0] for c in frames.values())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("polnear", type=Path, help="PolNeAR split: text/ and attributions/")
    parser.add_argument("out", type=Path, help="where to write the JSON table")
    args = parser.parse_args()
    table = count(args.polnear)
    args.out.write_text(json.dumps({"source": "PolNeAR train", "frames": table}, indent=0,
                                   sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} lemmas -> {args.out}")


if __name__ == "__main__":
    main()
