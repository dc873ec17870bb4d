"""The core of a name: the form two spellings of one actor share.

"Joseph R. Biden Jr." and "Joe Biden" are one person once the reference base says that
Joseph Biden is Joe Biden; "NBC News" and "NBC", "the Islamic State" and "Islamic State"
are one organisation. The core is only ever a lookup key (in the document and the
knowledge base); ids and canonical names keep the most complete form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.resources import load_yaml

INITIAL = re.compile(r"^(?:[A-Z]\.?)$")
LEADING_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("actors", "names.yaml")
    return frozenset(data["person_suffixes"]), frozenset(data["org_designators"])


def person_suffixes() -> frozenset[str]:
    return _words()[0]


def person_core(name: str) -> str:
    """First and last name: no middle names or initials ("Hillary Rodham Clinton" ->
    "Hillary Clinton"), and no generational suffix after them, the formal style of a
    name written in full ("Joseph R. Biden Jr." -> "Joseph Biden"); without a middle name
    the suffix tells a son ("Donald Trump Jr.") from his father, and so does a compound
    initial ("George H.W. Bush")."""
    suffixes, _ = _words()
    words = name.replace(",", " ").split()
    if words and words[-1] in suffixes:
        if len(words) <= 3:
            return " ".join(words)
        words.pop()
    if len(words) < 3:
        return " ".join(words)
    middle = [w for w in words[1:-1] if not (INITIAL.match(w) or w.isalpha())]
    return " ".join([words[0], *middle, words[-1]])


def org_core(name: str) -> str:
    """Without a leading "the" and trailing designators ("The NBC News" -> "NBC")."""
    _, designators = _words()
    words = LEADING_THE.sub("", name).split()
    while len(words) > 1 and words[-1] in designators:
        words.pop()
    return " ".join(words)


def core(name: str, type_: str) -> str:
    """The core of a person's or an organisation's name; other names as they are."""
    if type_ == "person":
        return person_core(name)
    if type_ == "organisation":
        return org_core(name)
    return name
