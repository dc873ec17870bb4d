"""Verbal acts that judge an act told elsewhere in the document: "North Korea carried out a
test on Friday. ... Chile condemned Friday's test": the recipient is the test's actor, not
a name around the object ("in a WHITE HOUSE statement") or inside it ("a breach of U.N.
resolutions")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.events.lexicon import Lexicon, Trigger, lemma
from dateline.events.roles import governed_by, noun_frames, noun_targets, own_agents, pobjs
from dateline.events.statements import analyzer
from dateline.events.verbal import VERB_VALENCE
from dateline.quotes.lexicon import load_cues

# Possessors that say when, not whose: "FRIDAY's test".
TEMPORAL = {"DATE", "TIME"}


def judged_object(token: Any) -> Any | None:
    """The noun a verbal act's verb takes as its object: "condemned THE TEST", "the TEST was
    condemned", "condemned what he called a brazen BREACH"."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child if child.pos_ == "NOUN" else None
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        if any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            return next((c for c in clause.children if c.dep_ == "oprd" and c.pos_ == "NOUN"),
                        None)
    return None


def event_noun(noun: Any, lexicon: Lexicon) -> bool:
    """Whether a noun names an act: a trigger's lemma (the hand table's: "a TEST"), a noun
    derived from an event verb ("an INVASION"), or, in the singular, a CAMEO verb pattern's
    lemma ("a BREACH"; "GUARDS", "CHEERS" name people and sounds); not a name, nor a noun
    with a name in apposition ("the guard, Juan Soto")."""
    word = lemma(noun)
    if noun.ent_type_ or any(c.dep_ == "appos" for c in noun.children):
        return False
    return word in lexicon.index or word in lexicon.nouns or (noun.tag_ == "NN" and any(
        p.trigger for p in lexicon.cameo.index.get(word, ())))


def judging(token: Any, trig: Trigger, category: str) -> bool:
    """Whether a trigger coded as ``category`` judges its object (nouns.yaml ``judged``): a
    mode named there judges whatever its verb ("DEPLORED"); a category named alone, only by
    a verb that says something (``says``: "WELCOMED the agreement", not "ORGANIZED a
    strike", "ESTABLISHED ties"); a pact one signs is one's own ("SIGNED the agreement")."""
    judged = noun_frames()["judged"]
    if trig.reciprocal:
        return False
    if category == trig.category and trig.mode and (category, trig.mode) in judged:
        return True
    return (category, "") in judged and says(token)


def says(token: Any) -> bool:
    """Whether a verb is a verb of saying (a speech cue) or one that evaluates by its own
    valence, as ``spoken_trigger`` reads it ("welcome", "applaud")."""
    score = analyzer().lexicon.get(token.lower_, analyzer().lexicon.get(lemma(token), 0.0))
    return lemma(token) in load_cues().speech or abs(score) >= VERB_VALENCE


def kinds(noun: Any, lexicon: Lexicon) -> set[str]:
    """The categories the hand table gives a noun's lemma or its verb's."""
    word = lemma(noun)
    return {t.category for verb in (word, *lexicon.nouns.get(word, ()))
            for t in lexicon.index.get(verb, ())}


def unowned_act(token: Any, trig: Trigger, category: str, lexicon: Lexicon,
                resolver: Any) -> Any | None:
    """The object of a judging act (``judging``) when it is an event noun (``event_noun``),
    not the verb's own act (a support verb's object, or that of a pattern naming its object:
    "THREW its SUPPORT behind X"), whose own
    phrase names no actor ("NORTH KOREA's test", "the test BY Iran",
    "the NORTH KOREAN test"): that act is told elsewhere; None otherwise."""
    if not judging(token, trig, category):
        return None
    noun = judged_object(token)
    if noun is None or not event_noun(noun, lexicon):
        return None
    if governed_by(noun, "support") or (trig.specific and category in kinds(noun, lexicon)):
        return None  # "EXPRESSED admiration", "THREW its support behind X": the verb's own act
    own = lexicon.match(noun)
    if any(c.dep_ == "poss" and c.ent_type_ not in TEMPORAL for c in noun.children) or any(
            resolver.resolve(t) is not None
            for t in owners(token, noun, own.category if own else "")):
        return None  # "the PRESIDENT's actions", "ITS test": someone's; "FRIDAY's test": not
    return noun


def named_recipient(noun: Any, lexicon: Lexicon, resolver: Any) -> Any | None:
    """The recipient an act noun's own phrase names ("the attack ON PERU", "criticism OF
    TRUMP's comments"), which the act told earlier must share."""
    own = lexicon.match(noun)
    return resolver.first(noun_targets(noun, own.category)) if own else None


def owners(token: Any, noun: Any, category: str) -> Iterator[Any]:
    """Who the object's own phrase says acted (``own_agents``), also where the parse hangs
    its "from" or "by" phrase on the verb ("rejected the proposal FROM Austria")."""
    yield from own_agents(noun, category)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            yield from pobjs(child)
