"""Fit the learned line model (data/clean/line_model.json) from pages whose lines are labelled.

Three sources, weighing SHARES in all: the furniture-dev pages (a line holding a `with`
snippet is article, one holding a `without` snippet furniture); clean PolNeAR train articles
inside the sure furniture of those real pages (their menus, share bars, teasers, comments and
footers, whole lines, labelled by where the snippets sit); and PolNeAR train articles wrapped
by code in menus, share bars, prompts, teasers, captions and footers drawn from
data/clean/synthetic.yaml. Logistic regression by Newton's method from zero weights, so
the same data give the same file byte for byte: ``make train-clean``."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline.clean.features import FEATURES
from dateline.clean.furniture import prepare
from dateline.clean.lines import split_lines
from dateline.clean.metadata import SITE_SUFFIX
from dateline.clean.templates import batch_templates
from dateline.clean.vocabulary import vocabulary
from dateline.model import Document
from dateline.resources import load_yaml

SEED = 16
PAGES_PER_SITE = 4  # synthetic pages of one site share a menu and a footer, as a crawl's do
L2 = 1.0
NEWTON_STEPS = 30
DIGITS = 6
SHARES = (0.5, 0.25, 0.25)  # furniture-dev's pages, articles in their furniture, synthetic


@dataclass
class Labelled:
    """A page's raw text, its site, and line index -> 1 (article) or 0 (furniture)."""

    raw: str
    site: str
    labels: dict[int, int]


def dev_pages(folder: Path, exclude: Collection[str] = ()) -> list[Labelled]:
    """furniture-dev pages with the lines that hold a snippet labelled."""
    snippets = json.loads((folder / "snippets.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(snippets):
        path = folder / "text" / name
        if name in exclude or not path.exists():
            continue
        raw = path.read_text(encoding="utf-8")
        lines = split_lines(raw)
        labels: dict[int, int] = {}
        for label, key in ((1, "with"), (0, "without")):
            for snippet in snippets[name][key]:
                start = raw.find(snippet)
                if start < 0:
                    continue
                for line in lines:
                    if line.start < start + len(snippet) and start < line.end:
                        labels[line.index] = -1 if labels.get(line.index, label) != label else label
        out.append(Labelled(raw, name, {i: y for i, y in labels.items() if y >= 0}))
    return out


class Wrapper:
    """Builds a furniture page around a clean article (one generator per site)."""

    def __init__(self, pool: dict, rng: random.Random, heads: list[str], sentences: list[str]):
        self.pool, self.rng, self.heads, self.sentences = pool, rng, heads, sentences
        self.site = rng.choice(pool["sites"])
        self.menu = rng.sample(pool["sections"], rng.randint(4, 14))
        self.menu_inline = rng.random() < 0.4
        self.footer = rng.sample(pool["footer"], rng.randint(3, 8))
        self.separator = "\n\n" if rng.random() < 0.5 else "\n"

    def fill(self, template: str) -> str:
        pool, rng = self.pool, self.rng
        return template.format(
            site=self.site, n=rng.randint(1, 480), n2=rng.randint(10, 59),
            year=rng.randint(2012, 2024), agency=rng.choice(pool["agencies"]),
            name=self.name(), name2=self.name(),
            date=f"{rng.choice(['Nov.', 'November', 'Oct.', 'March'])} {rng.randint(1, 28)}, 2016",
        )

    def name(self) -> str:
        first, last = self.pool["first_names"], self.pool["last_names"]
        return f"{self.rng.choice(first)} {self.rng.choice(last)}"

    def some(self, key: str, low: int, high: int) -> list[str]:
        return [self.fill(t) for t in self.rng.sample(self.pool[key], self.rng.randint(low, high))]

    def listing(self, items: list[str], inline: bool) -> list[str]:
        return [self.rng.choice([" ", " | ", " · "]).join(items)] if inline else items

    def page(self, article: list[str]) -> tuple[str, list[int]]:
        """The page text and one label per non-blank line."""
        rng, out = self.rng, []

        def junk(texts: list[str]) -> None:
            out.extend((text, 0) for text in texts)

        if rng.random() < 0.5:
            junk([f"{article[0]} | {self.site}"])
        if rng.random() < 0.7:
            junk([self.site])
        if rng.random() < 0.8:
            junk(self.listing(self.menu, self.menu_inline))
        if rng.random() < 0.5:
            junk(self.some("utility", 1, 4))
        out.append((article[0], 1 if not out else 0))
        if rng.random() < 0.6:
            junk(self.some("bylines", 1, 1))
        if rng.random() < 0.6:
            junk(self.some("stamps", 1, 1))
        if rng.random() < 0.4:
            junk(self.listing(self.some("share", 2, 6), rng.random() < 0.3))
        if rng.random() < 0.3:
            junk([rng.choice(self.sentences), *self.some("credits", 1, 1)])
        inserts = {rng.randrange(1, max(len(article), 2)) for _ in range(rng.randint(0, 2))}
        for n, paragraph in enumerate(article[1:], 1):
            if n in inserts:
                junk(rng.choice([
                    [f"{rng.choice(self.pool['teaser_leads'])} {rng.choice(self.heads)}"],
                    [rng.choice(["Advertisement", "ADVERTISEMENT", "Story continues below"])],
                    [rng.choice(self.sentences), *self.some("credits", 1, 1)],
                ]))
            out.append((paragraph, 1))
        self.after(junk)
        text = self.separator.join(text for text, _ in out)
        return text, [label for _, label in out]

    def after(self, junk) -> None:
        rng = self.rng
        if rng.random() < 0.3:
            topics = ", ".join(rng.sample(self.pool["sections"], 3))
            junk([f"{rng.choice(self.pool['tags'])} {topics}"])
        if rng.random() < 0.4:
            junk(self.listing(self.some("share", 2, 6), rng.random() < 0.3))
        if rng.random() < 0.5:
            junk(self.some("counters", 1, 1))
        for _ in range(rng.choice([0, 1, 1, 2])):
            heads = rng.sample(self.heads, rng.randint(3, 8))
            if rng.random() < 0.3:
                heads = [f"{n}. {head}" if rng.random() < 0.5 else head
                         for n, head in enumerate(heads, 1)]
            junk([self.fill(rng.choice(self.pool["related_heads"])), *heads])
        if rng.random() < 0.7:
            junk(self.some("prompts", 1, 3))
        if rng.random() < 0.8:
            junk(self.listing(self.footer, rng.random() < 0.4))
        if rng.random() < 0.7:
            junk(self.some("notices", 1, 1))


def clean_articles(folder: Path) -> list[list[str]]:
    """The paragraphs (headline first) of every article of ``folder`` (PolNeAR text)."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        if len(paragraphs) >= 2:
            out.append(paragraphs)
    return out


@dataclass
class Furniture:
    """The lines of one real page that are surely not its article, as (text, gap) pairs: from
    the top down to the last `without` snippet above the first `with` one, the lines holding a
    `without` snippet among the article's, and from the first `without` snippet below the last
    `with` one to the end. Lines in between are left out: nobody said what they are."""

    site: str
    suffix: str  # the page title's site suffix (" - ABC13 Houston"), or ""
    header: list[tuple[str, int]]
    inside: list[tuple[str, int]]
    footer: list[tuple[str, int]]


def real_furniture(folder: Path, exclude: Collection[str] = ()) -> list[Furniture]:
    """The sure furniture of each furniture-dev page not in ``exclude`` that has some."""
    out = []
    for page in dev_pages(folder, exclude):
        lines = split_lines(page.raw)
        article = [i for i, label in page.labels.items() if label == 1]
        if not article or not lines:
            continue
        first, last = min(article), max(article)
        above = [i for i, label in page.labels.items() if label == 0 and i < first]
        below = [i for i, label in page.labels.items() if label == 0 and i > last]
        inside = [i for i, label in sorted(page.labels.items()) if label == 0 and first < i < last]
        title = SITE_SUFFIX.search(lines[0].text)
        header = lines[1 : max(above) + 1] if above else []
        footer = lines[min(below) :] if below else []
        if header or footer or inside:
            out.append(Furniture(
                page.site, title.group(0) if title else "",
                [(line.text, line.gap) for line in header],
                [(lines[i].text, 2) for i in inside], [(line.text, line.gap) for line in footer]))
    return out


def wrap_real(furniture: Furniture, article: list[str]) -> Labelled:
    """``article`` (headline first) inside a real page's furniture: the page title made of the
    article's headline, the page's header, the article with the page's inside furniture spread
    through it, and the page's footer."""
    out: list[tuple[str, int, int]] = [(article[0] + furniture.suffix, 1, 0)]
    out += [(text, gap, 0) for text, gap in furniture.header]
    out.append((article[0], 2, 1))
    body = article[1:]
    spots = {round((k + 1) * len(body) / (len(furniture.inside) + 1)): item
             for k, item in enumerate(furniture.inside)}
    for n, paragraph in enumerate(body):
        if n in spots and n > 0:
            out.append((spots[n][0], 2, 0))
        out.append((paragraph, 2, 1))
    out += [(text, gap, 0) for text, gap in furniture.footer]
    raw = "".join("\n" * min(gap, 2) + text for text, gap, _ in out).lstrip("\n")
    return Labelled(raw, furniture.site, {n: label for n, (_, _, label) in enumerate(out)})


def real_pages(furniture: list[Furniture], articles: list[list[str]], per_site: int = 1,
               offset: int = 0) -> list[Labelled]:
    """Each page's furniture around ``per_site`` articles taken in turn (a site's pages)."""
    return [wrap_real(found, articles[(offset + n * per_site + k) % len(articles)])
            for n, found in enumerate(furniture) for k in range(per_site)]


def synthetic_pages(folder: Path, seed: int = SEED) -> list[Labelled]:
    """Every article of ``folder`` (PolNeAR text) wrapped in furniture, sites of a few pages."""
    articles = clean_articles(folder)
    heads = [article[0] for article in articles]
    sentences = [article[1].split(". ")[0] + "." for article in articles]
    rng = random.Random(seed)
    pool = load_yaml("clean", "synthetic.yaml")
    out, wrapper = [], None
    for n, article in enumerate(articles):
        if n % PAGES_PER_SITE == 0:
            wrapper = Wrapper(pool, rng, heads, sentences)
            site = f"site{n}"
        text, labels = wrapper.page(article)
        out.append(Labelled(text, site, dict(enumerate(labels))))
    return out


def examples(pages: list[Labelled]) -> tuple[list[list[float]], list[int], list[str]]:
    """Feature rows and labels of the lines the model decides: after the headline, on a
    web page, not already furniture by the vocabulary; and each row's site."""
    docs = [Document(id=str(n), source=page.site, raw=page.raw, meta={"outlet": page.site})
            for n, page in enumerate(pages)]
    lines = [split_lines(page.raw) for page in pages]
    templates = batch_templates(docs, lines)
    vocab = vocabulary()
    rows, labels, sites = [], [], []
    for page, page_lines, page_templates in zip(pages, lines, templates, strict=True):
        found = prepare(page_lines, vocab, page_templates, False)
        if not found.web or found.title is None:
            continue
        for i, label in sorted(page.labels.items()):
            if i > found.title and i not in found.kinds:
                rows.append(found.rows[i])
                labels.append(label)
                sites.append(page.site)
    return rows, labels, sites


def fit(sources: list[tuple[list[list[float]], list[int]]]) -> dict:
    """Logistic regression with an L2 penalty; each class weighs the same within a source and
    each source its share of SHARES."""
    x = np.array([row for rows, _ in sources for row in rows], dtype=float)
    y = np.array([label for _, labels in sources for label in labels], dtype=float)
    weight = np.concatenate([
        share * np.where(np.array(labels) == 1, 0.5 / max(sum(labels), 1),
                         0.5 / max(len(labels) - sum(labels), 1))
        for share, (_, labels) in zip(SHARES, sources, strict=True)
    ]) * len(y)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    penalty = L2 * np.eye(z.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-(z @ w)))
        gradient = z.T @ (weight * (p - y)) + penalty @ w
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + penalty
        w -= np.linalg.solve(hessian, gradient)
    return {
        "features": list(FEATURES),
        "mean": [round(float(v), DIGITS) for v in mean],
        "scale": [round(float(v), DIGITS) for v in scale],
        "weights": [round(float(v), DIGITS) for v in w],
        "examples": {name: len(labels) for name, (_, labels) in zip(
            ("furniture-dev lines", "articles in furniture-dev furniture", "synthetic lines"),
            sources, strict=True)},
    }


Source = tuple[list[list[float]], list[int]]


def sources(furniture_dev: Path, polnear: Path, exclude: Collection[str] = (),
            synthetic: Source | None = None) -> list[Source]:
    """The training rows and labels, source by source in the order of SHARES; ``exclude``:
    furniture-dev pages left out; ``synthetic``: the generated pages' rows, if already made."""
    dev_rows, dev_labels, _ = examples(dev_pages(furniture_dev, exclude))
    wrapped = real_pages(real_furniture(furniture_dev, exclude), clean_articles(polnear / "text"))
    real_rows, real_labels, _ = examples(wrapped)
    if synthetic is None:
        synthetic = examples(synthetic_pages(polnear / "text"))[:2]
    return [(dev_rows, dev_labels), (real_rows, real_labels), synthetic]


def train(furniture_dev: Path, polnear: Path) -> dict:
    return fit(sources(furniture_dev, polnear))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("furniture_dev", type=Path, help="folder with text/ and snippets.json")
    parser.add_argument("polnear", type=Path, help="PolNeAR train folder (text/)")
    parser.add_argument("out", type=Path, help="the model file to write")
    args = parser.parse_args()
    model = train(args.furniture_dev, args.polnear)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
