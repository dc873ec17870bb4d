"""A person's grammatical gender from what the text says of them, so that a "she" is not
resolved to the man named nearest, nor a "he" to the woman.

Evidence at each mention of a name: an honorific before it ("Mrs. Clinton"), a gendered noun
before it or in apposition with it ("Congresswoman Jane Doe", "his wife, Jane Doe", "Doe, the
chairwoman"), and the first he/she subject after it, unless another person is named first.
A document's votes settle a person's gender when they agree by a margin. Where the text shows
nothing, what earlier documents showed (the knowledge base's ``gender`` evidence) or else the
usual gender of the first name in PolNeAR train (``data/actors/first_names.tsv``, learned
from that corpus's own honorifics and pronouns by ``make train-gender``) is a prior.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span

from dateline.language import ENGLISH
from dateline.resources import load_text, load_yaml

FIRST_NAMES = "first_names.tsv"
INITIAL = re.compile(r"^[A-Z]\.?$")


@dataclass(frozen=True)
class GenderWords:
    honorifics: dict[str, str]  # "mrs." -> "f"
    nouns: dict[str, str]  # "congresswoman" -> "f", "husband" -> "m"
    first_names: dict[str, str]  # "hillary" -> "f", learned


@cache
def words() -> GenderWords:
    data = load_yaml("actors", "gender.yaml")
    names = {}
    for line in load_text("actors", FIRST_NAMES).splitlines():
        if line and not line.startswith("#"):
            name, gender, *_counts = line.split("\t")
            names[name] = gender
    return GenderWords(dict(data["honorifics"]), dict(data["nouns"]), names)


def vote(genders: Iterable[str | None]) -> str | None:
    """The gender most of the evidence shows, if it wins by two to one."""
    ranked = Counter(g for g in genders if g).most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def honorific(span: Span) -> str | None:
    """ "MRS. Clinton"."""
    return words().honorifics.get(span.doc[span.start - 1].lower_) if span.start else None


def noun(span: Span) -> str | None:
    """A gendered noun as the name's title ("CONGRESSWOMAN Jane Doe", "his WIFE Jane"), in
    apposition with it ("Jane Doe, the CHAIRWOMAN") or it in apposition with the noun ("his
    WIFE, Jane Doe")."""
    nouns = words().nouns
    if span.start and span.doc[span.start - 1].lower_ in nouns:
        return nouns[span.doc[span.start - 1].lower_]
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in nouns and not span.start <= root.head.i:
        return nouns[root.head.lower_]
    apposed = [c.lower_ for c in root.children if c.dep_ == "appos" and c.lower_ in nouns]
    return nouns[apposed[0]] if apposed else None


def pronoun_after(span: Span) -> str | None:
    """The gender of a he/she that can only be the name it follows: the name is a subject
    and the pronoun the subject of the clause its verb reports ("Doe said SHE would"), or
    the name the main clause's subject and the pronoun the next sentence's ("Doe toured the
    docks. SHE said"), with no other person named between. A pronoun in a clause merely
    joined to the name's ("Doe answered, and SHE thanked him") or after a name inside a
    clause ("Roe expects Doe to win. HE said") may be anyone's."""
    if span.root.dep_ not in ENGLISH.subjects:
        return None
    sdoc, verb, sent = span.doc, span.root.head, span.sent
    stop = sdoc[sent.end].sent.end if sent.end < len(sdoc) else sent.end
    for tok in sdoc[span.end:stop]:
        if tok.ent_type_ == "PERSON":
            return None
        if tok.lower_ in ENGLISH.pronoun_gender and tok.dep_ in ENGLISH.subjects:
            reported = tok.head.dep_ == "ccomp" and tok.head.head.i == verb.i
            opening = tok.i >= sent.end and tok.head.dep_ == "ROOT" and verb.dep_ == "ROOT"
            return ENGLISH.pronoun_gender[tok.lower_] if reported or opening else None
    return None


Evidence = dict[tuple[int, int], tuple[str | None, ...]]  # (start, end token) -> votes


def evidence(span: Span) -> tuple[str | None, ...]:
    """The votes of one mention of a name: an honorific or a noun says the gender
    outright, so it counts twice what a pronoun suggests."""
    said = (honorific(span), noun(span))
    return (*said, *said, pronoun_after(span))


def shown(spans: Iterable[Span], known: Evidence | None = None) -> str | None:
    """The gender a person's names show in the text, by vote (None: no clear evidence);
    ``known``: the votes of mentions read already (each reads the parse alone)."""
    known = known or {}
    return vote(g for s in spans for g in known.get((s.start, s.end)) or evidence(s))


def first_name(name: str) -> str | None:
    """The first name of a full name ("Jane Q. Doe" -> "jane"); none for one word or an
    initial ("J. Doe")."""
    parts = [w for w in name.split() if w.lower() not in words().honorifics]
    if len(parts) < 2 or INITIAL.match(parts[0]):
        return None
    return parts[0].lower()


def by_first_name(name: str) -> str | None:
    """The usual gender of a full name's first name in the training corpus."""
    first = first_name(name)
    return words().first_names.get(first) if first else None


def of_record(actor: dict[str, Any] | None) -> str | None:
    """The gender of an actor record: what the texts showed, else its first name's; none
    for anything but a person."""
    if not actor or actor.get("type") != "person":
        return None
    return actor.get("gender") or by_first_name(actor.get("name") or "")


def agrees(pronoun: str, gender: str | None) -> bool:
    """Whether a he/she (or his, her, ...) can stand for someone of that gender; any
    pronoun can when the gender is unknown."""
    wanted = ENGLISH.pronoun_gender.get(pronoun.lower())
    return wanted is None or gender is None or wanted == gender
