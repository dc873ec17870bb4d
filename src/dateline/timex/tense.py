"""The tense of the clause governing a span, read from the one spaCy parse.

A bare "Friday" or "October" is past or future by its clause: news reports the past,
so only a future clause ("will meet", "is expected to meet") points forward.
"""

from __future__ import annotations

from typing import Any

from dateline.language import ENGLISH

PAST_SIGNALS = {"since"}
PRESENT_TAGS = {"VBP", "VBZ"}  # "since October" always looks back


def path_to_verb(sdoc: Any, start: int, end: int) -> list[Any]:
    """The tokens from the span's root up to the nearest verb (the last one, if any)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    tok = span.root
    path = [tok]
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
        path.append(tok)
    return path


def tense(sdoc: Any, start: int, end: int, cues: frozenset[str], path_cues: frozenset[str]) -> str:
    """PAST, PRESENT, FUTURE, NONE, or SCHEDULE (a deadline: the nearer date wins)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is not None and span.start > 0 and sdoc[span.start - 1].lower_ in PAST_SIGNALS:
        return "PAST"
    path = path_to_verb(sdoc, start, end)
    if any(t.lemma_.lower() in path_cues or t.lower_ in path_cues for t in path[1:]):
        return "SCHEDULE"
    if span is not None and span.start > 0 and sdoc[span.start - 1].lower_ in path_cues:
        return "SCHEDULE"
    verb = path[-1] if path and path[-1].pos_ in ("VERB", "AUX") else None
    if verb is None:
        return "NONE"
    found = verb_tense(verb, cues)
    # "was built ... and expanded in May": a conjoined verb shares its head's auxiliaries.
    if found in ("NONE", "PRESENT") and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return verb_tense(verb.head, cues)
    if found == "PRESENT" and verb.tag_ in PRESENT_TAGS and len(path) <= 3:
        return "SCHEDULE"  # "the talks resume Monday": a simple present dates a timetable
    return found


def verb_tense(verb: Any, future_cues: frozenset[str]) -> str:
    """PAST, PRESENT, FUTURE or NONE from one verb, its auxiliaries and what governs it."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes} | ({verb.lower_} if verb.tag_ == "MD" else set())
    if words & ENGLISH.future_auxiliaries and verb.tag_ in ("VB", "MD"):
        return "FUTURE"
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in future_cues and any(
        c.lower_ == "to" for c in verb.children
    ):
        return "FUTURE"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "PAST"
    if verb.tag_ in ("VBN", "VBG") and any(a.lemma_ == "have" for a in auxes):
        return "PAST"
    if verb.tag_ in ("VBP", "VBZ", "VBG", "VB"):
        return "PRESENT"
    return "NONE"
