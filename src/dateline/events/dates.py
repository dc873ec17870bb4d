"""When an event happened: its own sentence first, then the paragraph's narrative time.

A timex led by "since", "until", "by" ... bounds a state rather than dating the event, and
durations never date one. An event with no date in its sentence or in the earlier sentences
of its paragraph, in the lede of a wire story (the paragraphs from its dateline, "BEIJING,
China --"), gets the day of the story's news: the first day the lede told ("leaders
gathered FRIDAY"), else the publication date (a wire report is filed the day its news
happens). Elsewhere it gets the publication YEAR, an honest coarse value: further down a
story an undated "warned" or "has criticized" is as often background from earlier months
or years ("Russia's annexation of Crimea renewed fears") as news of the week, and the text
does not say which (of such events in hand-coded articles, fewer than half happened in the
publication month, three in four in its year). Narrative time is not carried into a new
paragraph: after a dated flashback paragraph, the next one returns to the news ("Some of
his backers have their own ideas") about as often as it goes on with the story; carrying
the year dated fewer of those events right than the publication year did, and carrying it
only into past perfect ("who had been cut out of the talks") one more in two hundred.

A timex in a temporal clause ("when Congress CUT funding two years later, Mexico said
enough") dates that clause as well as the one it modifies. A week ("last week", "this
past weekend") is given as the day, month or year that holds all of it: the calendar
values a timeline, and a reader, compare by prefix.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Document
from dateline.timex.anchor import SpanDates, calendar_date
from dateline.timex.interval import interval

# A news paragraph has at least this many words (captions, bylines are shorter); a wire
# story's lede, what it reports, is the first few of them from its dateline.
LEDE_WORDS, LEDE_PARAGRAPHS = 25, 3
# Words before a timex that make it a bound, not the time of the event.
BOUNDS = {"since", "until", "till", "by", "through", "before", "after", "from", "to"}
# Subordinators of a clause that tells when its head happened ("WHEN Obama spoke on Monday").
WHEN = {"when", "as", "while", "once"}


def dated(doc: Document, dates: SpanDates, start: int, end: int) -> list[tuple[int, int, str]]:
    """Calendar DATE/TIME timexes between ``start`` and ``end`` that are not bounds."""
    found = []
    for timex in dates.timexes.inside(start, end):
        value = calendar_date(timex["value"])
        before = doc.text[max(0, timex["start"] - 8):timex["start"]].split()
        if value and not (before and before[-1].lower() in BOUNDS):
            found.append((timex["start"], timex["end"], value))
    return found


def calendar_value(value: str) -> str:
    """A week, quarter, half or season as the finest day, month or year holding all of it
    ("2016-W40" -> "2016-10", "2016-W35" from August 29 to September 4 -> "2016"); other
    values as they are."""
    found = interval(value)
    if found is None or found.precision in ("month", "year", "decade", "century"):
        return value
    start, end = found.start, found.end
    if start == end:  # a day, also "2016-W35-3"
        return start.isoformat()
    if start.year != end.year:
        return value
    return f"{start:%Y-%m}" if start.month == end.month else str(start.year)


def lede_end(text: str, datelines: list[tuple[int, int]]) -> int:
    """Where a wire story's lede ends: ``LEDE_PARAGRAPHS`` news paragraphs from the one with
    the wire dateline; 0 (no lede) without a dateline."""
    paragraphs, at = [], 0
    for para in text.split("\n"):
        if para.strip():
            paragraphs.append((at, at + len(para), len(para.split())))
        at += len(para) + 1
    first = next((i for i, (start, end, _) in enumerate(paragraphs)
                  if any(start <= d < end for d, _ in datelines)), None)
    if first is None:
        return 0
    news = [end for _, end, words in paragraphs[first:] if words >= LEDE_WORDS]
    return news[:LEDE_PARAGRAPHS][-1] if news else paragraphs[first][1]


def verb_of(token: Any) -> Any:
    """The verb whose clause a word belongs to."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def temporal_head(verb: Any) -> Any:
    """The clause a temporal clause dates: "The morning Obama unveiled the plan last year, he
    SUMMONED his adviser", "WHEN they met on Monday, X ACCUSED Y"; else the verb itself."""
    while verb.dep_ == "advcl" and any(
            (c.dep_ in ("mark", "advmod") and c.lower_ in WHEN)
            or (c.dep_ == "npadvmod" and c.pos_ == "NOUN") for c in verb.children):
        verb = verb.head
    return verb


def participle(verb: Any) -> bool:
    """ "Leaders gathered on Friday, OFFERING new efforts": a participial adjunct without a
    subordinator happens with the clause it hangs on, and takes its date."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("mark", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def in_clause(doc: Document, timex: tuple[int, int, str], trigger: Any) -> bool:
    """Whether a timex dates the trigger's clause or one reporting it ("said ON FRIDAY that
    X accused Y"), not a clause of its own ("urged X to resume talks it abandoned IN 2009")."""
    span = doc.spacy.char_span(timex[0], timex[1], alignment_mode="expand")
    if span is None:
        return True
    own = verb_of(span.root)  # a temporal clause's timex dates it and the clause it modifies
    verbs, node = {own.i, temporal_head(own).i}, verb_of(trigger)
    while True:
        if node.i in verbs:
            return True
        if node.head.i == node.i or (node.dep_ in ("relcl", "acl", "advcl")
                                     and not participle(node)):
            return False
        node = node.head


def event_date(doc: Document, dates: SpanDates, start: int, end: int,
               sentence: tuple[int, int], lede: int = 0, trigger: Any = None) -> str | None:
    """The date of the event whose trigger spans ``start``-``end`` in ``sentence``; the
    lede ends at offset ``lede``."""
    own = [t for t in dated(doc, dates, *sentence)
           if trigger is None or in_clause(doc, t, trigger)]
    if own:
        return calendar_value(min(own, key=lambda t: max(0, t[0] - end, start - t[1]))[2])
    paragraph = doc.text.rfind("\n", 0, sentence[0]) + 1
    earlier = dated(doc, dates, paragraph, sentence[0])
    if earlier:
        return calendar_value(earlier[-1][2])
    if not doc.published:
        return None
    if start >= lede:
        return doc.published[:4]
    told = [t for t in dated(doc, dates, 0, paragraph)
            if len(t[2]) == 10 and t[2] <= doc.published]  # a day, not a background month
    return told[0][2] if told else doc.published
