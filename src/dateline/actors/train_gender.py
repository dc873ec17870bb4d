"""Learn the usual gender of first names from a corpus's own evidence (``make train-gender``).

For each document, every person named in full gets the gender its mentions show (honorifics,
gendered nouns, the he/she after it: ``dateline.actors.gender.shown``; a bare surname counts
for the one full name of the document ending with it); a first name is kept when at least
``MIN_DOCS`` documents showed a gender for someone of that name and ``MIN_SHARE`` of them
agree. Reproducible: rebuilds ``data/actors/first_names.tsv`` byte for byte from PolNeAR train.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from dateline.actors.gender import first_name, shown
from dateline.nlp import load

MIN_DOCS = 2
MIN_SHARE = 0.9
HEADER = """\
# Usual gender of first names, learned by dateline.actors.train_gender (make train-gender)
# from the honorifics, gendered nouns and pronouns of PolNeAR train (840 US political news
# articles, networkdynamics/PolNeAR). Do not edit by hand.
# first name\tgender\tdocuments m\tdocuments f
"""


def document_votes(sdoc) -> set[tuple[str, str]]:
    """(first name, gender) of each person the document names in full and shows a gender of."""
    persons = [e for e in sdoc.ents if e.label_ == "PERSON"]
    full: dict[str, list] = defaultdict(list)
    for ent in persons:
        if first_name(ent.text):
            full[ent.text].append(ent)
    by_last: dict[str, set[str]] = defaultdict(set)
    for name in full:
        by_last[name.split()[-1]].add(name)
    for ent in persons:
        owners = by_last.get(ent.text, set()) if len(ent) == 1 else set()
        if len(owners) == 1:
            full[next(iter(owners))].append(ent)
    found = set()
    for name, spans in full.items():
        gender = shown(spans)
        if gender:
            found.add((first_name(name), gender))
    return found


def learn(texts: list[str]) -> dict[str, Counter]:
    nlp = load()
    counts: dict[str, Counter] = defaultdict(Counter)
    for sdoc in nlp.pipe(texts, batch_size=16):
        for name, gender in document_votes(sdoc):
            counts[name][gender] += 1
    return counts


def table(counts: dict[str, Counter]) -> str:
    lines = [HEADER]
    for name in sorted(counts):
        m, f = counts[name]["m"], counts[name]["f"]
        if m + f >= MIN_DOCS and max(m, f) >= MIN_SHARE * (m + f) and name.isalpha():
            lines.append(f"{name}\t{'m' if m > f else 'f'}\t{m}\t{f}\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="PolNeAR train (its text/ folder is read)")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    files = sorted((args.corpus / "text").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    args.out.write_text(table(learn(texts)), encoding="utf-8")


if __name__ == "__main__":
    main()
