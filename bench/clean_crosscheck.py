"""Does the clean stage's learned line model generalise? Held-out figures, printed.

1. furniture-dev, sites left out: the pages are split into FOLDS; for each fold the model is
   fitted without its pages and the fold is cleaned with it; snippet figures (article snippets
   kept, furniture snippets removed) over all folds, against the shipped model and no model.
2. The honest one, closest to the maintainers' check: shingle F1 (word 4-grams of ``text``
   against the article, as the scorer's ``clean`` command) of PolNeAR dev articles (never
   trained on) inside the REAL furniture of the fold's furniture-dev pages (the lines above
   the first furniture snippet before the article, those holding a furniture snippet within
   it, and from the first furniture snippet after it to the end; see train.real_furniture),
   cleaned by the model fitted without those sites; one page per site (no site templates
   can form) and SITE_PAGES per site in one batch (they can). The furniture vocabulary
   (data/clean/furniture.yaml) was written while reading furniture-dev, so it is not held
   out here; and a page's own article lines above its first furniture snippet, if any, count
   as furniture, which only makes the check harder.
3. The same on PolNeAR dev articles wrapped in generated furniture (the generator the model
   is trained with: the optimistic figure), against the rule "keep every line of 8+ words".
Usage: python bench/clean_crosscheck.py [../shared/data]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from dateline.clean import CleanStage
from dateline.clean.lines import split_lines
from dateline.clean.model import from_json, line_model
from dateline.clean.train import (
    Labelled,
    clean_articles,
    examples,
    fit,
    real_furniture,
    real_pages,
    sources,
    synthetic_pages,
)
from dateline.io.readers import InputDocument
from dateline.model import document_id
from dateline.pipeline import to_document

FOLDS = 5
CHECK_SEED = 84  # not the training seed: other sites, menus and furniture draws
SITE_PAGES = 3  # pages per site when a crawl brings several (site templates can form)


def clean_all(texts: dict[str, str], model) -> dict[str, str]:
    """Each text through the clean stage as one batch, with ``model`` as the line model."""
    docs = [to_document(InputDocument(document_id(text.encode()), name, text, "text", {}))
            for name, text in texts.items()]
    CleanStage(model=model)(docs)
    return {doc.source: doc.text for doc in docs}


def snippet_figures(snippets: dict, cleaned: dict[str, str]) -> tuple[float, float]:
    kept = lost = dropped = leaked = 0
    for name, text in cleaned.items():
        for snippet in snippets[name]["with"]:
            kept, lost = (kept + 1, lost) if snippet in text else (kept, lost + 1)
        for snippet in snippets[name]["without"]:
            leaked, dropped = (leaked + 1, dropped) if snippet in text else (leaked, dropped + 1)
    return kept / (kept + lost), dropped / (dropped + leaked)


def shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text.lower())
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(0, len(tokens) - 3)))


def shingle_prf(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Mean precision and recall over documents, F1 of the means (as dlscore.py clean)."""
    ps, rs = [], []
    for predicted, gold in pairs:
        a, b = shingles(predicted), shingles(gold)
        both = sum((a & b).values())
        ps.append(both / sum(a.values()) if a else 0.0)
        rs.append(both / sum(b.values()) if b else 0.0)
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


class NoModel:
    """Keeps every line: the body region of the shape rules alone."""

    def keep(self, rows: list[list[float]]) -> list[float]:
        return [1.0] * len(rows)


def clean_pages(pages: list[Labelled], model) -> list[str]:
    """Each page's cleaned text; pages of one site share a source folder, as a crawl's do."""
    docs = [to_document(InputDocument(document_id(page.raw.encode()), f"{page.site}/{n}",
                                      page.raw, "text", {}))
            for n, page in enumerate(pages)]
    CleanStage(model=model)(docs)
    return [doc.text for doc in docs]


def gold(page: Labelled) -> str:
    return "\n".join(line.text for line in split_lines(page.raw) if page.labels.get(line.index))


def eight_words(page: Labelled) -> str:
    return "\n".join(ln for ln in page.raw.split("\n") if len(ln.split()) >= 8)


def report(title: str, runs: dict[str, list[tuple[str, str]]]) -> None:
    print(title)
    for label, pairs in runs.items():
        p, r, f = shingle_prf(pairs)
        print(f"  {label:32s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def main(data: Path) -> None:
    folder, polnear = data / "furniture-dev", data / "polnear"
    snippets = json.loads((folder / "snippets.json").read_text(encoding="utf-8"))
    names = sorted(name for name in snippets if (folder / "text" / name).exists())
    texts = {name: (folder / "text" / name).read_text(encoding="utf-8") for name in names}
    synthetic = examples(synthetic_pages(polnear / "train" / "text"))[:2]
    dev_articles = clean_articles(polnear / "dev" / "text")
    held_out: dict[str, str] = {}
    real: dict[int, list[tuple[Labelled, str]]] = {1: [], SITE_PAGES: []}
    plain: dict[int, list[Labelled]] = {1: [], SITE_PAGES: []}
    for fold in range(FOLDS):
        out = set(names[fold::FOLDS])
        model = from_json(fit(sources(folder, polnear / "train", out, synthetic)))
        held_out |= clean_all({name: texts[name] for name in out}, model)
        furniture = real_furniture(folder, exclude=set(names) - out)
        for per_site in real:
            pages = real_pages(furniture, dev_articles, per_site, offset=fold)
            real[per_site] += zip(pages, clean_pages(pages, model), strict=True)
            plain[per_site] += pages
    print(f"furniture-dev snippets, {FOLDS} folds of sites left out of training:")
    for label, cleaned in (("shape rules only", clean_all(texts, NoModel())),
                           ("shipped model (in-sample)", clean_all(texts, line_model())),
                           ("model without the page's site", held_out)):
        kept, removed = snippet_figures(snippets, cleaned)
        print(f"  {label:32s} kept {kept:.3f}  removed {removed:.3f}")
    for per_site, done in real.items():
        pages = plain[per_site]
        report(
            f"PolNeAR dev articles in the real furniture of held-out furniture-dev sites, "
            f"{per_site} page(s) per site ({len(pages)} pages), shingle P / R / F1:",
            {"keep every line of 8+ words": [(eight_words(page), gold(page)) for page in pages],
             "shape rules only": list(zip(clean_pages(pages, NoModel()),
                                          map(gold, pages), strict=True)),
             "shipped model (saw these sites)": list(zip(clean_pages(pages, line_model()),
                                                         map(gold, pages), strict=True)),
             "model without the page's site": [(text, gold(page)) for page, text in done]})
    pages = synthetic_pages(polnear / "dev" / "text", seed=CHECK_SEED)
    report(f"PolNeAR dev articles ({len(pages)}) in generated furniture, shingle P / R / F1:",
           {"keep every line of 8+ words": [(eight_words(page), gold(page)) for page in pages],
            "shape rules only": list(zip(clean_pages(pages, NoModel()), map(gold, pages),
                                         strict=True)),
            "shipped model": list(zip(clean_pages(pages, line_model()), map(gold, pages),
                                      strict=True))})


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
