"""Line features for the learned furniture model: shape, position, neighbours and repetition.

General evidence only, no phrase lists of our own: a body paragraph is long, full of function
words and punctuated like sentences; a menu, a list of related headlines or a share bar is a
run of short, capitalised lines far from the densest prose. The stop words are spaCy's list
(importing it loads no model).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.clean.lines import QUOTATION, WORD, Line
from dateline.clean.metadata import FULL_DATE
from dateline.clean.vocabulary import Vocabulary

ALPHA = re.compile(r"[^\W\d_]+")
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")
FULL_STOP = re.compile(r"[.!?][\"”’)]?$")
CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")
COUNTER = re.compile(r"^\W*\d[\d,.]*[kKmM]?\s+\w+\W*$|\(\d+\)\W*$")  # "12 comments", "Sport (4)"
LINK_LIKE = re.compile(r"https?:|www\.|\.(?:com|org|net|html?)\b|@\w|[<>|»›•·]|\.\.\.$|…$")
READER = re.compile(r"\b(?:you|your|we|our|us)\b", re.IGNORECASE)
SHORT_WORDS = 6  # a line of this many words or fewer without a full stop is list-like
WINDOW = 2  # neighbours on each side that describe a line's surroundings
WIDE_WINDOW = 6
DENSE_RUN = 3  # prose lines in a row: an article's running text (comments sit between names)

FEATURES = (
    "bias", "log_words", "short", "medium", "long", "very_long", "full_stop", "colon_end",
    "no_end", "stop_share", "title_share", "all_caps", "digit_share", "counter", "date",
    "link_like", "reader", "quoted", "sentences", "comma_share", "first_lower",
    "barrier", "repeated", "blank_before",
    "position", "near_start", "near_end", "prose_near", "prose_wide", "prev_prose", "next_prose",
    "short_run", "stop_near", "in_body", "body_distance", "page_prose_share",
    "open_run", "furniture_between", "prose_run",
)
PLAIN_KINDS = frozenset({"caption", "credit"})  # furniture an article's own body holds


def shape(line: Line) -> dict[str, float]:
    """What the line alone looks like."""
    text, words = line.text, line.words
    tokens = WORD.findall(text)
    alpha = ALPHA.findall(text)
    lower = [token.lower() for token in tokens]
    capitalised = sum(1 for word in alpha if word[0].isupper())
    return {
        "log_words": math.log1p(words) / 4,
        "short": float(words <= 4),
        "medium": float(5 <= words < 12),
        "long": float(words >= 12),
        "very_long": float(words >= 25),
        "full_stop": float(bool(FULL_STOP.search(text))),
        "colon_end": float(text.endswith(":")),
        "no_end": float(not line.ends_sentence),
        "stop_share": sum(1 for token in lower if token in STOP_WORDS) / max(words, 1),
        "title_share": capitalised / max(len(alpha), 1),
        "all_caps": float(bool(alpha) and text.upper() == text),
        "digit_share": sum(c.isdigit() for c in text) / max(len(text), 1),
        "counter": float(bool(COUNTER.search(text))),
        "date": float(bool(FULL_DATE.search(text) or CLOCK.search(text))),
        "link_like": float(bool(LINK_LIKE.search(text))),
        "reader": float(bool(READER.search(QUOTATION.sub("", text)))),
        "quoted": float(bool(QUOTATION.search(text)) or text[:1] in "\"“"),
        "sentences": min(len(SENTENCE_BREAK.findall(text)), 5) / 5,
        "comma_share": min(text.count(",") / max(words, 1) * 5, 1.0),
        "first_lower": float(text[:1].islower()),
    }


def prose(line: Line) -> bool:
    return line.words > SHORT_WORDS or (line.words >= 4 and line.ends_sentence)


def run_lengths(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of true flags it is in (0 if false)."""
    n, runs, i = len(flags), [0] * len(flags), 0
    while i < n:
        j = i
        while j < n and flags[j]:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = j + 1 if j == i else j
    return runs


def features(lines: list[Line], vocab: Vocabulary, body: tuple[int, int],
             kinds: dict[int, str] | None = None) -> list[list[float]]:
    """One vector (in the order of FEATURES) per line; ``body``: the first and last line of
    the prose region the shape rules find without the model; ``kinds``: the lines the
    vocabulary and caption rules already call furniture."""
    n = len(lines)
    counts = Counter(line.key for line in lines)
    is_prose = [prose(line) for line in lines]
    shapes = [shape(line) for line in lines]
    runs = run_lengths([line.words <= SHORT_WORDS and not line.ends_sentence for line in lines])
    open_runs = run_lengths([not line.ends_sentence for line in lines])
    prose_runs = run_lengths(is_prose)
    dense = [run >= DENSE_RUN for run in prose_runs]  # running text, not a comment
    marked = [0] * (n + 1)  # marked[i]: furniture lines (not captions) before line i
    for i in range(n):
        marked[i + 1] = marked[i] + ((kinds or {}).get(i, None) not in (None, *PLAIN_KINDS))
    page_prose = sum(is_prose) / max(n, 1)
    out = []
    for line in lines:
        i = line.index
        near = [k for k in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)) if k != i]
        wide = [k for k in range(max(0, i - WIDE_WINDOW), min(n, i + WIDE_WINDOW + 1)) if k != i]
        first, last = body
        distance = first - i if i < first else i - last if i > last else 0
        if i < first:  # furniture between the line and the next dense prose toward the body
            anchor = next((k for k in range(i + 1, n) if dense[k]), first)
            between = marked[anchor] - marked[i + 1]
        else:
            anchor = next((k for k in range(i - 1, -1, -1) if dense[k]), first)
            between = marked[i] - marked[anchor + 1]
        values = {
            "bias": 1.0,
            **shapes[i],
            "barrier": float(line.key in vocab.barriers),
            "repeated": float(counts[line.key] > 1),
            "blank_before": float(line.gap >= 2),
            "position": i / max(n - 1, 1),
            "near_start": float(i < 3),
            "near_end": float(i >= n - 3),
            "prose_near": sum(is_prose[k] for k in near) / max(len(near), 1),
            "prose_wide": sum(is_prose[k] for k in wide) / max(len(wide), 1),
            "prev_prose": float(i > 0 and is_prose[i - 1]),
            "next_prose": float(i < n - 1 and is_prose[i + 1]),
            "short_run": min(runs[i], 10) / 10,
            "stop_near": sum(shapes[k]["stop_share"] for k in near) / max(len(near), 1),
            "in_body": float(distance == 0),
            "body_distance": min(math.log1p(distance) / 3, 1.0),
            "page_prose_share": page_prose,
            "open_run": min(open_runs[i], 10) / 10,
            "furniture_between": min(max(between, 0), 10) / 10,
            "prose_run": min(prose_runs[i], 2 * DENSE_RUN) / (2 * DENSE_RUN),
        }
        out.append([values[name] for name in FEATURES])
    return out
