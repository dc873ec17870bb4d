"""Verbal senses decided on the parse: what a trigger's complement says it is.

A verb of force or a call whose complement evaluates its object ("blasted Clinton AS A
DISGRACE", "calls Clinton 'A DISGRACE'") is said, not done: ACCUSE when the evaluation is
negative (SUPPORT when a call praises), read off VADER like statement content. A warning
that tells its object to act ("warned North Korea TO REFRAIN") is a demand: REQUEST; one
that only foretells ("warned that growth could suffer") is no threat, nor is agreeing with a
view ("agreed that Pence won") an agreement.
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import NAMING, lemma
from dateline.events.ontology import ontology
from dateline.events.statements import analyzer
from dateline.language import ENGLISH


def complement(token: Any) -> Any | None:
    """The predicative complement of the trigger's object: "called X [a disgrace]",
    "blasted X [as a disgrace]"; None without an object or such a complement. A clause of a
    noun has none: "pointed to Britain's decision to leave the EU AS an example" evaluates
    the decision, in the outer verb's words."""
    if token.dep_ == "acl" or not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return None
    for child in token.children:
        if child.dep_ == "oprd":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def valence(token: Any) -> float:
    return analyzer().polarity_scores(" ".join(t.text for t in token.subtree))["compound"]


def forecast(token: Any) -> bool:
    """ "warned that the vote COULD depress growth", "warn that the bloc could fall apart":
    a warning whose reported clause is not its speaker's own announced act (a pronoun
    subject with will/would: "warned that they WOULD retaliate") foretells, it threatens
    nobody; what the clause says of a named actor is read as statement content instead."""
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        subj = next((c for c in clause.children if c.dep_ in ENGLISH.subjects), None)
        own = subj is not None and subj.lower_ in ENGLISH.referring_pronouns
        if not (own and any(c.dep_ == "aux" and c.lower_ in ENGLISH.future_auxiliaries
                            for c in clause.children)):
            return True
    return False


def concurs(token: Any) -> bool:
    """ "all agreed (that) Pence won", "agreed with Matthews ABOUT the winner": agreeing
    with a view, not to an act; only the consenting sense ("agreed to talks", "agreed on a
    plan", "agreed to share") is PLOVER's AGREE."""
    if lemma(token) != "agree":
        return False
    return any(c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "about")
               for c in token.children)


def verbal_sense(token: Any, category: str) -> str | None:
    """The category a trigger codes once its complement is read (see the module's doc);
    None when it codes nothing (a warning that only foretells)."""
    if category == "THREATEN" and forecast(token):
        return None
    if category == "AGREE" and concurs(token):
        return None
    if category == "THREATEN" and any(c.dep_ == "dobj" for c in token.children) and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in token.children):
        return "REQUEST"
    said = complement(token)
    if said is None:
        return category
    score = valence(said)
    if ontology().categories[category]["quad"] == "material_conflict" and score < 0:
        return "ACCUSE"  # a verb of force with an evaluating complement ("blasted X as weak")
    if lemma(token) in NAMING:  # a name neither praising nor blaming ("a neighbour") says nothing
        return "ACCUSE" if score < 0 else "SUPPORT" if score > 0 else None
    return category
