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

Three readings of the parse refine that. A flashback paragraph often opens undated and
names its year a sentence or two later ("Mr. X set about persuading ... A summit in June
2013 ..."): while the story is in the past, such an opening takes that year
(``flashback_year`` says when). An event in a phrase
or clause led by "after", "before", "since" ("met on Friday AFTER Britain's decision to
leave") happened at another time than its clause, so it takes neither that clause's date
nor the lede's day; "YEARS after" puts it in another year, and it gets no date. A present
or present perfect said to recur ("have scrambled hundreds of TIMES", "has LONG opposed")
sums up events over open time: no date either.

A timex in a temporal clause ("when Congress CUT funding two years later, Mexico said
enough") dates that clause as well as the one it modifies; a clause led by "when", an
infinitive of purpose or a participle after its noun takes the time of what it hangs on
(``simultaneous``), and a later conjunct or a gerund of means lends its own (``sharing``).
A bound in a phrase ("BEFORE the 2012 attack") or a dated act an event came before ("called
for a ban in December AFTER they killed 14") gives the event a year no later than it.
A week ("last week", "this past weekend") is given as the day, month or year that holds
all of it: the calendar values a timeline, and a reader, compare by prefix.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.events.roles import purpose
from dateline.model import Document
from dateline.resources import load_yaml
from dateline.timex.anchor import SpanDates, calendar_date
from dateline.timex.interval import interval

# A news paragraph has at least this many words (captions, bylines are shorter); a wire
# story's lede, what it reports, is the first few of them from its dateline.
LEDE_WORDS, LEDE_PARAGRAPHS = 25, 3
# A year written out in a timex ("June 2013", "in 2009"), not counted from another time.
WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
# Finite verb tags: a phrase's walk up to the clause it hangs on ends at the first of them.
FINITE = {"VBD", "VBZ", "VBP", "MD"}
# Clauses of their own: their time is not set by a phrase of the clause they hang on.
CLAUSES = {"relcl", "ccomp", "advcl", "parataxis"}
# Verbs of a sentence that speaks of now or later ("is", "has met", "will").
PRESENT_OR_FUTURE = {"VBZ", "VBP", "MD"}


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The word sets of data/events/dates.yaml (bounds, subordinators, frequency)."""
    return {key: frozenset(found) for key, found in load_yaml("events", "dates.yaml").items()}


def dated(doc: Document, dates: SpanDates, start: int, end: int) -> list[tuple[int, int, str]]:
    """Calendar DATE/TIME timexes between ``start`` and ``end`` that are not bounds; one
    just after or before an event ("SOON after Election Day") gives its month."""
    found = []
    for timex in dates.timexes.inside(start, end):
        value = calendar_date(timex["value"])
        if not value:
            continue
        before, phrase = bound_before(doc, timex)
        if phrase and before[-1] in words()["no_later"] and (
                len(before) < 2 or before[-2] not in words()["near"]):
            value = value[:4]  # "accused him BEFORE the 2012 vote": that year, as near as told
        elif before and before[-1] in words()["bounds"]:
            if before[-1] not in words()["order"] or len(before) < 2 or \
                    before[-2] not in words()["near"]:
                continue
            value = calendar_value(value)[:7]  # "soon after Election Day": about then
        found.append((timex["start"], timex["end"], value))
    return found


def bound_before(doc: Document, timex: Any) -> tuple[list[str], bool]:
    """The words before a timex, or before the bound whose object it is a modifier of (then
    True): "the accord SINCE the 2008 crisis", "accused him AFTER her 2009 visit" tell a
    time the event is after or before, as "SINCE 2008" does, not its own."""
    before = doc.text[max(0, timex["start"] - 24):timex["start"]].lower().split()
    if (before and before[-1] in words()["bounds"]) or doc.spacy is None:
        return before, False
    span = doc.spacy.char_span(timex["start"], timex["end"], alignment_mode="expand")
    if span is None:
        return before, False
    token = span.root
    while token.dep_ in ("nummod", "compound", "amod", "poss", "nmod") and token.head.i != token.i:
        token = token.head
    if token.i != span.root.i and token.dep_ == "pobj" and \
            token.head.lower_ in words()["phrase_bounds"]:
        prep = token.head
        return doc.text[max(0, prep.idx - 24):prep.idx + len(prep)].lower().split(), True
    return before, False


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
            (c.dep_ in ("mark", "advmod") and c.lower_ in words()["when"])
            or (c.dep_ == "npadvmod" and c.pos_ == "NOUN") for c in verb.children):
        verb = verb.head
    return verb


def participle(verb: Any) -> bool:
    """ "Leaders gathered on Friday, OFFERING new efforts": a participial adjunct without a
    subordinator happens with the clause it hangs on, and takes its date."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("mark", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def bare_purpose(verb: Any) -> bool:
    """ "held a call in October TO DEFEND the company": an infinitive of purpose, without a
    subordinator or a subject of its own, happens with the clause it hangs on."""
    return purpose(verb) and verb.tag_ == "VB" and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children)


def simultaneous(verb: Any) -> bool:
    """A clause that hangs on another and happens at its time: a participial adjunct, an
    infinitive of purpose, "a speech ATTACKING X" (a present participle after its noun), or
    a clause led by "when" ("In 1964 the party faced a moment WHEN he challenged ...", "in
    December, WHEN he criticized ...": the time of what it hangs on)."""
    if participle(verb) or bare_purpose(verb):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in verb.children):
        return True
    return verb.dep_ in ("relcl", "advcl") and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in words()["simultaneous"]
        for c in verb.children)


def sharing(verb: Any) -> set[int]:
    """The verbs a timex's own verb lends its time to besides itself: the first of two
    coordinated verbs sharing a subject ("shot and killed him IN 2012"), and the verb a
    gerund of means or a participle without a subject of its own hangs on ("joined them IN
    writing a bill IN 2013"; not "accused him OF backing the bill IN 1994", what he did then)."""
    found = set()
    if verb.dep_ == "conj" and verb.head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and (
            verb.tag_ == verb.head.tag_ or verb.head.pos_ not in ("VERB", "AUX")):
        found.add(verb.head.i)  # not a clause of its own ("X left and Y came IN 2012"), nor
        # in another tense ("has freed funds and on Monday announced more")
    if participle(verb) or bare_purpose(verb):
        found.add(verb.head.i)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in words()["means"] \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        found.add(verb_of(verb.head).i)
    return found


def in_clause(doc: Document, timex: tuple[int, int, str], trigger: Any) -> bool:
    """Whether a timex dates the trigger's clause or one reporting it ("said ON FRIDAY that
    X accused Y"), not a clause of its own ("urged X to resume talks it abandoned IN 2009")."""
    span = doc.spacy.char_span(timex[0], timex[1], alignment_mode="expand")
    if span is None:
        return True
    own = verb_of(span.root)  # a temporal clause's timex dates it and the clause it modifies
    verbs, node = {own.i, temporal_head(own).i} | sharing(own), verb_of(trigger)
    while True:
        if node.i in verbs:
            return True
        if node.head.i == node.i or (node.dep_ in ("relcl", "acl", "advcl")
                                     and not simultaneous(node)) or anterior(node):
            return False
        node = node.head


def anterior(verb: Any) -> bool:
    """ "lashed out at Turkey for HAVING shot down a bomber": a perfect participle or gerund
    happened before the clause it hangs on."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "having"
                                      for c in verb.children)


def ordered(trigger: Any) -> Any:
    """The head of the phrase or clause that sets the trigger apart in time from the clause
    it hangs on: "after" in "met on Friday AFTER Britain's decision to leave", "agreed" in
    "years after they AGREED"; None when the trigger is in its clause's own time."""
    node = trigger
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in words()["order"] for c in node.children):
            return node
        if node.dep_ == "pobj" and node.head.lower_ in words()["order"]:
            return node.head
        if node.head.i == node.i or ((node.tag_ in FINITE or node.dep_ in CLAUSES)
                                     and not simultaneous(node)):
            return None  # "since the genocide, WHEN Turks killed ...": in the phrase's time
        node = node.head
    return None


def planned(doc: Document, timex: tuple[int, int, str], trigger: Any) -> bool:
    """Whether a timex dates an infinitive the trigger's verb governs ("agreed TO SELL it in
    2010", "tried TO DETONATE a bomb in 2010"): what was agreed or tried, by then at the latest."""
    span = doc.spacy.char_span(timex[0], timex[1], alignment_mode="expand")
    if span is None:
        return False
    node, verb = verb_of(span.root), verb_of(trigger)
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
        if node.i == verb.i:
            return True
    return False


def past_perfect(verb: Any) -> bool:
    """ "had shot": before the time of the clause it is told in."""
    return verb.tag_ == "VBN" and any(a.lower_ == "had" for a in auxiliaries(verb))


def content(verb: Any) -> bool:
    """ "proof THAT Ukraine shot down the plane": the content of a noun, told as known by the
    time of the clause that names it."""
    return verb.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that"
                                      for c in verb.children)


def governed(doc: Document, timex: tuple[int, int, str], trigger: Any) -> bool:
    """Whether a timex dates a clause the trigger's clause is told in, however deep ("was
    caught in 2014 faking proof that Ukraine had shot ...")."""
    span = doc.spacy.char_span(timex[0], timex[1], alignment_mode="expand")
    if span is None:
        return False
    own, node = verb_of(span.root), verb_of(trigger)
    while node.head.i != node.i:
        node = node.head
        if node.i == own.i:
            return True
    return False


def preceding(head: Any) -> bool:
    """Whether the phrase or clause that sets an event apart puts it before the time of the
    clause it hangs on ("AFTER they killed 14"): no later than that time, most often in its
    year, a better coarse date than the publication's."""
    return head.lower_ in words()["precedes"] or any(
        c.dep_ == "mark" and c.lower_ in words()["precedes"] for c in head.children)


def far_apart(head: Any) -> bool:
    """ "YEARS after they agreed", "decades before the vote": in another year."""
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in words()["long_units"]
               for c in head.children)


def auxiliaries(verb: Any) -> list[Any]:
    """A verb's auxiliaries, a conjunct's taken from its head ("has made ... and SIMULATED")."""
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not own and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return auxiliaries(verb.head)
    return own


def present_perfect(verb: Any) -> bool:
    """ "has accused", "have scrambled": a past linked to now."""
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP")
                                     for a in auxiliaries(verb))


def habitual(trigger: Any) -> bool:
    """A present or present perfect said to recur: "have scrambled hundreds of TIMES", "has
    REPEATEDLY accused", "routinely detains": many events over open time, none to date."""
    verb = verb_of(trigger)
    if not (present_perfect(verb) or (verb.tag_ in ("VBZ", "VBP") and not auxiliaries(verb))):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in words()["frequency_adverbs"]
               for c in verb.children) or any(
        counted(t) and verb_of(t).i == verb.i for t in verb.subtree)


def counted(token: Any) -> bool:
    """ "three TIMES", "so many TIMES", "hundreds of TIMES": occasions counted, not "tough
    times" nor a factor ("ten times harder")."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in words()["occasions"] or \
            token.head.pos_ in ("ADJ", "ADV"):
        return False
    head = token.head.head if token.head.lower_ == "of" else None  # "hundreds of times"
    return any(c.tag_ == "CD" or c.lower_ in words()["quantities"] for c in token.children) \
        or (head is not None and (head.tag_ == "CD" or head.lower_ in words()["quantities"]))


def flashback_year(doc: Document, dates: SpanDates, trigger: Any) -> str | None:
    """The year a flashback paragraph names later on, for its undated opening: after a
    paragraph in 2009, "Mr. X set about persuading ... . A summit in June 2013 ..." is 2013.
    Only while the story is already in the past (the last date before the paragraph is a
    year before publication), for a sentence told all in the past with no time of its own,
    and when the rest of the paragraph dates one year only, written out, not before that
    last date. Otherwise an undated sentence is the news set against later background
    ("Mr. L resigned. He joined the company in 1985"), and a counted "a year earlier" is
    counted from the story's time, not back from the publication."""
    sent = trigger.sent
    if not doc.published or any(t.tag_ in PRESENT_OR_FUTURE for t in sent) or any(
            sent.start_char <= t["start"] < sent.end_char for t in doc.timexes):
        return None
    paragraph = doc.text.rfind("\n", 0, sent.start_char) + 1
    before = dated(doc, dates, 0, paragraph)
    if not before or before[-1][2][:4] >= doc.published[:4]:
        return None
    words_end = len(doc.text[:sent.end_char].rstrip())  # the break may be in the sentence
    end = doc.text.find("\n", words_end)
    later = dated(doc, dates, words_end, len(doc.text) if end < 0 else end)
    years = {value[:4] for _, _, value in later}
    if len(years) == 1 and before[-1][2][:4] <= min(years) < doc.published[:4] and any(
            WRITTEN_YEAR.search(doc.text, at, to) for at, to, _ in later):
        return min(years)
    return None


def told_past(trigger: Any) -> bool:
    """ "declined", "has declined": an act told as done, by the publication at the latest."""
    verb = verb_of(trigger)
    return (verb.tag_ == "VBD" and not auxiliaries(verb)) or present_perfect(verb)


def later_than(value: str, published: str | None) -> bool:
    """Whether a date begins after the publication date ("2017" in a story of 2016): it
    cannot be the time of an act told as done, only of the plans before it ("the tour will
    leave in 2017. Its sponsor DECLINED to renew")."""
    found, told = interval(value), interval(published) if published else None
    return found is not None and told is not None and found.start > told.end


def event_date(doc: Document, dates: SpanDates, start: int, end: int,
               sentence: tuple[int, int], lede: int = 0, trigger: Any = None) -> str | None:
    """The date of the event whose trigger spans ``start``-``end`` in ``sentence``; the
    lede ends at offset ``lede``; None when the text gives no time one could date it by."""
    apart = ordered(trigger) if trigger is not None else None
    found = dated(doc, dates, *sentence)
    own = [t for t in found if trigger is None or in_clause(doc, t, trigger)]
    clause: list[tuple[int, int, str]] = []
    at = 0
    if apart is not None:
        phrase = list(apart.subtree)
        at, to = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        own = [t for t in own if at <= t[0] < to]
        clause = [t for t in found if not at <= t[0] < to and in_clause(doc, t, apart.head)]
    if trigger is not None and told_past(trigger):
        own = [t for t in own if not later_than(t[2], doc.published)]
    if own:  # a time of its own before one it is no later than ("Tuesday, before Christmas")
        own = [t for t in own if not bound_before(doc, {"start": t[0], "end": t[1]})[1]] or own
        return calendar_value(min(own, key=lambda t: max(0, t[0] - end, start - t[1]))[2])
    if trigger is not None and ((apart is not None and far_apart(apart)) or habitual(trigger)):
        return None
    if clause and preceding(apart):  # "called for a ban in December 2015 AFTER they killed 14"
        return min(clause, key=lambda t: max(0, t[0] - at, at - t[1]))[2][:4]
    if trigger is not None and apart is None and told_past(trigger):
        done = [t for t in found if planned(doc, t, trigger)
                and not later_than(t[2], doc.published)]
        if done:  # "AGREED to sell it to him in 2010": no later than that, most often that year
            return min(done, key=lambda t: max(0, t[0] - end, start - t[1]))[2][:4]
    if trigger is not None and apart is None and (past_perfect(verb_of(trigger)) or (
            told_past(trigger) and content(verb_of(trigger)))):
        done = [t for t in found if governed(doc, t, trigger)
                and not later_than(t[2], doc.published)]
        if done:  # "was caught in 2014 faking proof that Ukraine HAD SHOT down the plane"
            return min(done, key=lambda t: max(0, t[0] - end, start - t[1]))[2][:4]
    paragraph = doc.text.rfind("\n", 0, sentence[0]) + 1
    earlier = dated(doc, dates, paragraph, sentence[0])
    if trigger is not None and told_past(trigger):
        earlier = [t for t in earlier if not later_than(t[2], doc.published)]
    if earlier:
        return calendar_value(earlier[-1][2])
    if not doc.published:
        return None
    if start >= lede and trigger is not None:
        year = flashback_year(doc, dates, trigger)
        if year:
            return year
    if start >= lede or apart is not None or (
            trigger is not None and past_perfect(verb_of(trigger))):
        return doc.published[:4]  # "had accused": before the news the lede tells
    told = [t for t in dated(doc, dates, 0, paragraph)
            if len(t[2]) == 10 and t[2] <= doc.published]  # a day, not a background month
    return told[0][2] if told else doc.published
