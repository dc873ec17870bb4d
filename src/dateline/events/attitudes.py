"""Stances stated of an actor: "Dole has been CRITICAL of Hart", "a vocal CRITIC of Hart",
"a strong SUPPORTER of Hart", "had HARSH words for Hart".

PLOVER's ACCUSE and SUPPORT cover a stance taken in public as well as a statement
(criticism, praise, endorsement). A copular clause whose predicative word, an adjective or
a noun, carries valence in VADER's lexicon, or what its subject is said to have ("had
harsh words for"), and names through its preposition the actor it is about is its
subject's ACCUSE (negative) or SUPPORT (positive) of that actor; no word list is kept. A
stance that is negated ("has no respect for"), possible or conditional, asked about,
reported, or told inside a direct quotation (a speaker's view of others; statements.py
reads quotations) is none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.events.guards import NEGATION, clause, condition, modal, negated
from dateline.events.lexicon import lemma
from dateline.events.roles import AIMED
from dateline.events.statements import analyzer, conditional

# VADER word valence (-4 to +4) from which a predicative word is a stance: "critic" -1.1,
# "supporter" +1.1, "critical" -1.3; "candidate" or "member" have none.
STANCE_VALENCE = 1.0
# The prepositions by which a stance names whom it is about: "critical OF", "hostile TO",
# "angry AT", and those aiming an act at a party ("tough ON"); what one has is also FOR
# someone ("had harsh words FOR"; "is good FOR" says what helps, not whom it is about).
ABOUT = set(AIMED) | {"of", "about", "toward", "towards"}

# Clauses that report what someone said, claimed or complained of ("said he is friendly
# with X", "complaints that Khan had been unfair to him"), not the narrator's own account.
REPORTED = {"ccomp", "acl", "advcl", "csubj", "parataxis"}


def stances(sent: Any) -> Iterator[tuple[str, Any, Any, Any]]:
    """(category, the word that carries the stance, its subject, whom it is about) for each
    stance stated in a sentence."""
    for word in sent:
        if not ((word.dep_ in ("acomp", "attr") and lemma(word.head) == "be")
                or (word.dep_ == "dobj" and lemma(word.head) == "have")):
            continue
        score, shown = valence(word)
        if abs(score) < STANCE_VALENCE:
            continue
        preps = ABOUT | {"for"} if word.dep_ == "dobj" else ABOUT  # "had praise FOR"
        about = next((g for p in word.children if p.dep_ == "prep" and p.lower_ in preps
                      for g in p.children if g.dep_ == "pobj"), None)
        subj = next((c for c in word.head.children if c.dep_ == "nsubj"), None)
        if about is None or subj is None or not asserted(word):
            continue
        yield ("ACCUSE" if score < 0 else "SUPPORT"), shown, subj, about


def valence(word: Any) -> tuple[float, Any]:
    """VADER's valence of the stance word, else of its strongest adjective, and the word
    that carries it: "CRITICAL of", "a SUPPORTER of", "had HARSH words for"."""
    lexicon = analyzer().lexicon

    def own(token: Any) -> float:
        return float(lexicon.get(token.lower_, lexicon.get(lemma(token), 0.0)))

    if own(word):
        return own(word), word
    return max(((own(c), c) for c in word.children if c.dep_ == "amod"),
               key=lambda pair: abs(pair[0]), default=(0.0, word))


def asserted(word: Any) -> bool:
    """Whether the stance is told as so, by the narrator: not reported, not negated ("is
    not critical"), not possible or conditional ("could be critical", "if he is
    critical"), not asked."""
    if word.head.dep_ in REPORTED:
        return False  # what someone said or complained of: statements.py reads statements
    chain = clause(word)
    if any(negated(t) for t in chain) or any(
            c.dep_ == "det" and c.lower_ in NEGATION for c in word.children):
        return False  # "is NOT critical of", "has NO respect for"
    if modal(chain) or condition(chain) is not None or conditional(word.head):
        return False  # "could be critical", "IF he is critical of ..."
    return not word.sent.text.rstrip().rstrip("\"”’'").endswith("?")
