"""Which lines of a page are furniture: vocabulary, captions and credits, repeats, the body region.

Hand-written: no maintained library cleans plain-text pages (jusText and trafilatura need HTML).
The body is the run of lines with the greatest weight (prose weighs for, short lines and
furniture against), so menus above and link lists below fall away while short subheadings
and speaker labels inside the article stay.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from dateline.clean.features import DENSE_RUN, PLAIN_KINDS, features
from dateline.clean.lines import QUOTATION, SITE_SEPARATOR, Line
from dateline.clean.model import LineModel, line_model
from dateline.clean.vocabulary import Vocabulary

STRONG = frozenset({"caption", "credit", "footer", "template"})  # each alone marks a web page
WEIGHT_FURNITURE = -60
WEIGHT_BARRIER = -200
WEIGHT_SHORT = -12
WEIGHT_MEDIUM = -5
MAX_PROSE_WEIGHT = 600
WEIGHT_ANCHOR = 1000  # the body usually starts right after the headline's reprint
MIN_DUPLICATE = 20  # characters: shorter repeats (labels, "Interview :") are not duplicates
CREDIT_WORDS = 6
CAPTION_WORDS = 5
NEWS_FOOTER_LINES = 3  # in a plain news text a footer can only be one of the last lines
STANDFIRST_WORDS = 5
CAPTION_SWITCH = 3  # "hide caption", "toggle caption": the widget, not a caption's text
DOUBT = 0.03  # a line the learned model gives less than this weighs against the body region
MIN_WEIGHT_CHARS = 40  # even a short line weighs as much as this many characters
BLOCK = 5  # lines in a row, one known furniture: the article has ended (or a gallery sits in it)
BELIEVED = 0.5  # mean probability of running text beyond such a block for it to stay


def classify(
    lines: list[Line], vocab: Vocabulary, templates: Collection[str] = (), titled: bool = False,
    model: LineModel | None = None,
) -> tuple[dict[int, str], int | None]:
    """Removed line index -> kind, and the index of the headline line (None if no line is left).

    ``titled``: the container gave a title (HTML, JSON lines), so the reader put it first.
    """
    page = prepare(lines, vocab, templates, titled)
    kinds, title = page.kinds, page.title
    if not page.web or title is None:
        return kinds, title
    keep = (model or line_model()).keep(page.rows)
    weights = {
        line.index: learned_weight(line, kinds.get(line.index), keep[line.index], vocab)
        + (WEIGHT_ANCHOR if line.index in page.anchors else 0)
        for line in lines[title + 1 :]
    }
    first, last = heaviest_run(lines[title + 1 :], weights)
    if all(weight <= 0 for weight in weights.values()):  # the model doubts every line: no cut
        first, last = page.body
    else:
        first, last = split_at_blocks(lines, kinds, first, last, weights, keep)
        first = reach_up(lines, kinds, title, first, keep)
    first, last = widen(lines, kinds, first, last, title)
    for line in lines[title + 1 :]:
        if line.index in kinds:
            continue
        if line.index < first:
            kinds[line.index] = "header"
        elif line.index > last:
            kinds[line.index] = "footer"
    mark_duplicates(lines, kinds)
    return kinds, title


@dataclass
class Page:
    """A page before the learned model: the rules' verdicts, the headline and the line features."""

    kinds: dict[int, str]
    title: int | None
    web: bool
    anchors: set[int] = field(default_factory=set)
    body: tuple[int, int] = (0, -1)  # the shape rules' body region
    rows: list[list[float]] = field(default_factory=list)


def prepare(
    lines: list[Line], vocab: Vocabulary, templates: Collection[str], titled: bool
) -> Page:
    """Vocabulary, captions, templates and the headline; for a web page, the features too
    (the same ones ``make train-clean`` learns from)."""
    kinds: dict[int, str] = {}
    for line in lines:
        kind = vocab.kind(line.key, line.text, line.words)
        if kind == "footer" and article_prose(line, vocab):
            kind = None
        if kind is None and line.key in templates:
            kind = "template"
        if kind:
            kinds[line.index] = kind
    web = len(kinds) >= 2 or any(kind in STRONG for kind in kinds.values())
    if not web:  # a news text, not a page: only its credits, captions and closing footer go
        tail = len(lines) - NEWS_FOOTER_LINES
        kinds = {
            i: kind for i, kind in kinds.items()
            if kind in STRONG and (kind != "footer" or i >= tail)
        }
        return Page(kinds, next((line.index for line in lines if line.index not in kinds), None),
                    False)
    mark_captions(lines, kinds)
    title = headline(lines, kinds, titled)
    if title is None:
        return Page(kinds, None, True)
    anchors = headline_anchors(lines, title)
    prior = {line.index: line_weight(line, kinds.get(line.index), vocab)
             + (WEIGHT_ANCHOR if line.index in anchors else 0) for line in lines[title + 1 :]}
    body = heaviest_run(lines[title + 1 :], prior)
    return Page(kinds, title, True, anchors, body, features(lines, vocab, body, kinds))


def learned_weight(line: Line, kind: str | None, keep: float, vocab: Vocabulary) -> float:
    """For the body region: a line the model doubts pushes it away by its length (a list of
    related headlines, a prompt); any other line weighs as the shape rules say."""
    if keep >= DOUBT or kind in ("caption", "credit"):
        return line_weight(line, kind, vocab)
    return -(DOUBT - keep) / DOUBT * min(max(len(line.text), MIN_WEIGHT_CHARS), MAX_PROSE_WEIGHT)


def article_prose(line: Line, vocab: Vocabulary) -> bool:
    """A paragraph of running sentences that neither speaks to the reader nor carries a notice:
    an article's, even when it mentions cookies or privacy terms (banners and rights lines
    say "you", "we", "©" or open with a label)."""
    if line.words < vocab.paragraph_words or not line.ends_sentence:
        return False
    told = QUOTATION.sub("", line.text)
    return not any(pattern.search(told) for pattern in vocab.notices)


def headline(lines: list[Line], kinds: dict[int, str], titled: bool) -> int | None:
    """The first plain line; in plain text, a site name right above a menu is a header."""
    for line in lines:
        if line.index in kinds:
            continue
        after = line.index + 1
        if not titled and after < len(lines) and lines[after].gap == 1 and after in kinds:
            kinds[line.index] = "header"
            continue
        return line.index
    return None


def mark_captions(lines: list[Line], kinds: dict[int, str]) -> None:
    """Photo credits, the names printed beside them, the captions before them and their repeats.

    The line before a run of credits is a caption when the run says "caption" or the line is
    printed twice; otherwise it may be a body paragraph that a credit merely follows.
    """
    extend_credits(lines, kinds)
    counts = Counter(line.key for line in lines)
    captions: set[str] = set()
    for line in lines:
        i = line.index
        if kinds.get(i) not in ("credit", "caption") or kinds.get(i - 1) in ("credit", "caption"):
            continue
        run = i
        while kinds.get(run) in ("credit", "caption"):
            run += 1
        says_caption = any(
            kinds[k] == "caption" and lines[k].words <= CAPTION_SWITCH for k in range(i, run)
        )
        before = lines[i - 1] if i > 0 and i - 1 not in kinds else None
        if before and before.words >= CAPTION_WORDS and (says_caption or counts[before.key] > 1):
            kinds[before.index] = "caption"
            captions.add(before.key)
    for line in lines:
        if line.index not in kinds and line.key in captions:
            kinds[line.index] = "caption"
    extend_credits(lines, kinds)


def extend_credits(lines: list[Line], kinds: dict[int, str]) -> None:
    """Names and outlets printed beside a credit or caption ("Marta Quill for Morning Wire")."""
    grew = True
    while grew:
        grew = False
        for i in [i for i, kind in kinds.items() if kind in ("credit", "caption")]:
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and j not in kinds and credit_like(lines[j]):
                    kinds[j] = "credit"
                    grew = True


def headline_anchors(lines: list[Line], title: int) -> set[int]:
    """The first prose line after each reprint of the headline (an article's H1 opens its body)."""
    names = {lines[title].key} | {
        part.strip() for part in SITE_SEPARATOR.split(lines[title].key) if len(part.strip()) > 15
    }
    out: set[int] = set()
    for line in lines[title + 1 :]:
        if line.key in names:
            out.add(next((n.index for n in lines[line.index + 1 :] if n.is_prose), line.index))
    return out


def credit_like(line: Line) -> bool:
    """A few words without a full stop: a photographer's name, "Pool Photo", an agency."""
    return line.words <= CREDIT_WORDS and not line.ends_sentence


def heaviest_run(lines: list[Line], weights: dict[int, float]) -> tuple[int, int]:
    """First and last line index of the heaviest run of lines (maximum-sum subarray)."""
    best, best_span = float("-inf"), (0, -1)
    total, start = 0.0, None
    for line in lines:
        weight = weights[line.index]
        if start is None or total <= 0:
            total, start = weight, line.index
        else:
            total += weight
        if total > best:
            best, best_span = total, (start, line.index)
    return best_span


def split_at_blocks(
    lines: list[Line], kinds: dict[int, str], first: int, last: int,
    weights: dict[int, float], keep: list[float],
) -> tuple[int, int]:
    """The body region cut at blocks of BLOCK or more lines that are furniture (not captions
    or credits) or neither prose nor believed by the model, one at least known furniture (a
    share bar, a menu, a list of headlines under its label; not an article's fact box).
    Below the heaviest piece, a piece beyond a block stays only while it holds running text
    the model believes (an article going on after a photo gallery); comments, author notes
    and teasers below a share bar go. Above it nothing is cut: the headline anchors that
    side."""
    pieces: list[list[int]] = [[]]
    run: list[int] = []
    for line in lines[first : last + 1]:
        kind = kinds.get(line.index)
        if kind in PLAIN_KINDS:  # the article's own photos: part of no block
            pass
        elif kind or not (line.is_prose or keep[line.index] >= BELIEVED):
            run.append(line.index)
        else:
            if len(run) >= BLOCK and any(i in kinds for i in run) and pieces[-1]:
                pieces.append([])
            run = []
        pieces[-1].append(line.index)
    if len(pieces) == 1:
        return first, last
    core = max(range(len(pieces)), key=lambda n: sum(weights[i] for i in pieces[n]))
    high = core
    while high < len(pieces) - 1 and running_text(lines, pieces[high + 1], keep):
        high += 1
    if high == len(pieces) - 1:
        return first, last
    kept = [i for i in pieces[high] if i not in kinds
            and (lines[i].is_prose or keep[i] >= BELIEVED)]
    return first, kept[-1] if kept else pieces[high][-1]


def reach_up(
    lines: list[Line], kinds: dict[int, str], title: int, first: int, keep: list[float]
) -> int:
    """The body region's first line, taken up to running text the model believes above it
    (an article's lead cut off from the rest by a photo gallery or a bookmark prompt)."""
    run: list[int] = []
    for i in range(first - 1, title, -1):
        if lines[i].is_prose and i not in kinds and keep[i] >= BELIEVED:
            run.append(i)
        elif len(run) >= DENSE_RUN:
            return run[-1]
        else:
            run = []
    return run[-1] if len(run) >= DENSE_RUN else first


def running_text(lines: list[Line], piece: list[int], keep: list[float]) -> bool:
    """A run of DENSE_RUN prose lines in a row that the model keeps on average."""
    run: list[int] = []
    for i in piece:
        if not lines[i].is_prose:
            run = []
            continue
        run.append(i)
        if len(run) >= DENSE_RUN and sum(keep[k] for k in run) / len(run) >= BELIEVED:
            return True
    return False


def widen(
    lines: list[Line], kinds: dict[int, str], first: int, last: int, title: int
) -> tuple[int, int]:
    """Take in the lines just above the body (a standfirst, a subheading, a label), and the
    rest of the body's last block (a list the last paragraph runs into)."""
    while first - 1 > title and first - 1 not in kinds and standfirst_like(lines[first - 1]):
        first -= 1
    while 0 <= last < len(lines) - 1 and lines[last + 1].gap == 1 and last + 1 not in kinds:
        last += 1
    return first, last


def standfirst_like(line: Line) -> bool:
    return line.ends_sentence or line.words >= STANDFIRST_WORDS


def line_weight(line: Line, kind: str | None, vocab: Vocabulary) -> int:
    if line.key in vocab.barriers:
        return WEIGHT_BARRIER
    if kind in ("caption", "credit"):
        return 0
    if kind:
        return WEIGHT_FURNITURE
    if line.is_prose:
        return min(len(line.text), MAX_PROSE_WEIGHT)
    if line.is_short:
        return WEIGHT_SHORT
    return WEIGHT_MEDIUM


def mark_duplicates(lines: list[Line], kinds: dict[int, str]) -> None:
    """A line printed again later (a caption, a headline, a teaser) goes the second time."""
    seen: set[str] = set()
    for line in lines:
        copy = " ".join(line.text.split())
        if len(copy) < MIN_DUPLICATE or line.index in kinds:
            continue
        if copy in seen:
            kinds[line.index] = "duplicate"
        seen.add(copy)
