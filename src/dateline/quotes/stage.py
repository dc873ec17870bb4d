"""The quotes stage: direct, mixed and indirect quotes and transcript turns, with speakers."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from dateline.model import Document, Quote
from dateline.quotes.antecedent import local_antecedent
from dateline.quotes.candidate import Candidate
from dateline.quotes.direct import attribute_marked
from dateline.quotes.headline import find_headline
from dateline.quotes.indirect import find_indirect
from dateline.quotes.lexicon import load_cues
from dateline.quotes.marks import find_marked
from dateline.quotes.speakers import SpeakerResolver
from dateline.quotes.syntax import noun_span
from dateline.quotes.transcript import find_turns
from dateline.settings import Settings
from dateline.spans import SpanIndex, attr_bounds
from dateline.timex.anchor import SpanDates
from dateline.timex.interval import date_fields

_WORD = re.compile(r"\w+")


def _words(text: str, start: int, end: int) -> set[int]:
    return {start + m.start() for m in _WORD.finditer(text[start:end])}


def merge(text: str, direct: list[Candidate], indirect: list[Candidate]) -> list[Candidate]:
    """One quote per statement: a clause that is mostly a marked quote is that quote;
    a clause that only contains a marked fragment is a mixed quote absorbing it."""
    absorbed: set[int] = set()
    kept: list[Candidate] = []
    near = SpanIndex(range(len(direct)), lambda n: (direct[n].start, direct[n].end))
    words = [_words(text, d.start, d.end) for d in direct]
    for ind in indirect:
        iw = _words(text, ind.start, ind.end)
        same = None
        inner = []
        for n in near.overlapping(ind.start, ind.end):  # no shared word without overlap
            d, dw = direct[n], words[n]
            both = len(iw & dw)
            if not both:
                continue
            if both >= 0.5 * len(iw):
                same = d
            elif both >= 0.8 * len(dw):
                inner.append(n)
        if same is not None:
            if same.cue is None and same.speaker is None:
                same.cue, same.cue_span, same.speaker_tok = ind.cue, ind.cue_span, ind.speaker_tok
                same.inherited_from = None
            continue
        if inner:
            ind.kind = "mixed"
            absorbed.update(inner)
        kept.append(ind)
    kept.extend(d for n, d in enumerate(direct) if n not in absorbed)
    return sorted(kept, key=lambda c: (c.start, c.end))


class Turns:
    """Transcript turns indexed by their content and by their speaker label."""

    def __init__(self, turns: list[Candidate]) -> None:
        self.turns = turns
        self.content = SpanIndex(turns, attr_bounds)
        self.labels = SpanIndex([t for t in turns if t.speaker], lambda t: t.speaker)

    def labelled_at(self, i: int) -> Candidate | None:
        """The first turn whose speaker label holds offset i."""
        return next(iter(self.labels.covering(i)), None)

    def holds(self, text: str, cand: Candidate) -> bool:
        """An uncued quote that is really a transcript turn ("\"PENCE: Well, ..."), or a
        quote whose cue is a word of a turn label."""
        if not self.turns:
            return False
        if cand.cue_span is not None and self.labelled_at(cand.cue_span[0]):
            return True  # a "cue" misread inside a garbled label line
        if cand.cue is not None:
            return False
        words = _words(text, cand.start, cand.end)
        return not words or any(  # a wordless quote was held by any turn: kept so
            len(words & _words(text, t.start, t.end)) >= 0.5 * len(words)
            for t in self.content.overlapping(cand.start, cand.end))


def _label_speaker(cand: Candidate, turns: Turns) -> None:
    """A subject parsed out of a turn label ("Flashes: I don't want ...") is the turn's
    speaker: take the label and its participant."""
    turn = turns.labelled_at(cand.speaker_tok.idx)
    if turn is not None:
        cand.speaker, cand.speaker_tok = turn.speaker, None
        cand.extra["actor"] = turn.extra.get("actor")


class Said:
    """The quotes attributed so far, in text order (start, then end)."""

    def __init__(self) -> None:
        self.quotes: list[Quote] = []
        self.starts: list[int] = []
        self.longest = 0

    def add(self, quote: Quote) -> None:
        self.quotes.append(quote)
        self.starts.append(quote["start"])
        self.longest = max(self.longest, quote["end"] - quote["start"])

    def within(self, cand: Candidate) -> tuple[str, str] | None:
        """(kind, actor) of the nearest earlier quote whose content holds cand's speaker;
        only quotes that start within the longest quote's length before it can."""
        if cand.speaker is None:
            return None
        at = cand.speaker[0]
        for n in range(bisect_right(self.starts, at) - 1, -1, -1):
            quote = self.quotes[n]
            if quote["start"] + self.longest <= at:
                break
            if at < quote["end"] and quote["actor"]:
                return quote["kind"], quote["actor"]
        return None


class QuoteStage:
    """Find every quotation and reported statement and attribute it to an actor."""

    name = "quotes"

    def __init__(self, settings: Settings | None = None) -> None:
        self.cues = load_cues()

    def __call__(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.quotes = self.quotes(doc) if doc.spacy is not None else []

    def quotes(self, doc: Document) -> list[Quote]:
        """Marked quotes and parsed clauses, merged, then speakers resolved in text order
        so that "he" can refer back to the last named speaker."""
        sdoc, text = doc.spacy, doc.text
        marked = find_marked(text)
        inside: set[int] = set()
        for q in marked:
            span = sdoc.char_span(q.start, q.end, alignment_mode="contract")
            if span is not None:
                inside.update(range(span.start, span.end))
        direct = attribute_marked(sdoc, text, marked, self.cues, inside)
        indirect = find_indirect(sdoc, text, self.cues, inside)
        turns = Turns(find_turns(doc))
        heads = [] if turns.turns else find_headline(doc)
        cands = [c for c in merge(text, direct, indirect) if not turns.holds(text, c)
                 and not any(h.start <= c.start and c.end <= h.end for h in heads)]
        cands += turns.turns + heads
        for cand in cands:
            if cand.kind != "transcript" and cand.speaker_tok is not None:
                _label_speaker(cand, turns)
        cands.sort(key=lambda c: (c.start, c.end))
        resolver = SpeakerResolver(doc)
        dates = SpanDates(doc)
        said = Said()
        for cand in cands:
            if cand.speaker is None and cand.speaker_tok is not None:
                ns = noun_span(sdoc, cand.speaker_tok)
                cand.speaker = (ns.start_char, ns.end_char)
            src = cand.inherited_from
            if src is not None and cand.speaker is None:
                cand.speaker = src.speaker
                actor = src.extra.get("actor")
            elif "actor" in cand.extra:
                actor = cand.extra["actor"]
            else:
                within = said.within(cand)
                # in a turn, "he" is someone else than the turn's speaker
                outside = within is None or within[0] == "transcript"
                named = self._named_span(cand, inside, resolver) if outside else None
                actor = resolver.resolve(named or cand.speaker, within)
            cand.extra["actor"] = actor
            said.add(self._quote(doc, cand, actor, dates))
        return said.quotes

    def _named_span(self, cand: Candidate, inside: set[int],
                    resolver: SpeakerResolver) -> tuple[int, int] | None:
        """For a "he"/"she" speaker, the span of a compatible subject of its gender earlier in
        its sentence, which wins over the actors stage's (often far) antecedent."""
        if cand.speaker_tok is None:
            return None
        ante = local_antecedent(cand.speaker_tok, self.cues, inside,
                                lambda tok: resolver.gender_at((tok.idx, tok.idx + len(tok))))
        if ante is None:
            return None
        span = noun_span(ante.doc, ante)
        return span.start_char, span.end_char

    @staticmethod
    def _quote(doc: Document, cand: Candidate, actor: str | None, dates: SpanDates) -> Quote:
        date = dates.of_speech(cand.start, cand.end, cand.cue_span)
        quote: dict[str, Any] = {
            **doc.span(cand.start, cand.end),
            "kind": cand.kind,
            "cue": doc.span(*cand.cue_span) if cand.cue_span else None,
            "speaker": doc.span(*cand.speaker) if cand.speaker else None,
            "actor": actor,
            "date": date,
            **date_fields(date),
        }
        for key in ("label", "confidence"):
            if key in cand.extra:
                quote[key] = cand.extra[key]
        return quote  # type: ignore[return-value]
