"""The quotes stage: direct, mixed and indirect quotes and transcript turns, with speakers."""

from __future__ import annotations

import re
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
from dateline.timex.anchor import date_of_speech
from dateline.timex.interval import date_fields

_WORD = re.compile(r"\w+")


def _words(text: str, start: int, end: int) -> set[int]:
    return {start + m.start() for m in _WORD.finditer(text[start:end])}


def merge(text: str, direct: list[Candidate], indirect: list[Candidate]) -> list[Candidate]:
    """One quote per statement: a clause that is mostly a marked quote is that quote;
    a clause that only contains a marked fragment is a mixed quote absorbing it."""
    absorbed: set[int] = set()
    kept: list[Candidate] = []
    for ind in indirect:
        iw = _words(text, ind.start, ind.end)
        same = None
        inner = []
        for n, d in enumerate(direct):
            dw = _words(text, d.start, d.end)
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


def _in_turn(text: str, cand: Candidate, turns: list[Candidate]) -> bool:
    """An uncued quote that is really a transcript turn ("\"PENCE: Well, ..."), or a
    quote whose cue is a word of a turn label."""
    if not turns:
        return False
    if cand.cue_span is not None and any(  # a "cue" misread inside a garbled label line
        t.speaker and t.speaker[0] <= cand.cue_span[0] < t.speaker[1] for t in turns
    ):
        return True
    if cand.cue is not None:
        return False
    words = _words(text, cand.start, cand.end)
    return any(len(words & _words(text, t.start, t.end)) >= 0.5 * len(words) for t in turns)


def _label_speaker(cand: Candidate, turns: list[Candidate]) -> None:
    """A subject parsed out of a turn label ("Flashes: I don't want ...") is the turn's
    speaker: take the label and its participant."""
    i = cand.speaker_tok.idx
    for turn in turns:
        if turn.speaker and turn.speaker[0] <= i < turn.speaker[1]:
            cand.speaker, cand.speaker_tok = turn.speaker, None
            cand.extra["actor"] = turn.extra.get("actor")
            return


def _within(cand: Candidate, before: list[Quote]) -> tuple[str, str] | None:
    """(kind, actor) of the nearest earlier quote whose content holds cand's speaker."""
    if cand.speaker is None:
        return None
    for quote in reversed(before):
        if quote["start"] <= cand.speaker[0] < quote["end"] and quote["actor"]:
            return quote["kind"], quote["actor"]
    return None


class QuoteStage:
    """Find every quotation and reported statement and attribute it to an actor."""

    name = "quotes"

    def __init__(self) -> None:
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
        turns = find_turns(doc)
        heads = [] if turns else find_headline(doc)
        cands = [c for c in merge(text, direct, indirect) if not _in_turn(text, c, turns)
                 and not any(h.start <= c.start and c.end <= h.end for h in heads)]
        cands += turns + heads
        for cand in cands:
            if cand.kind != "transcript" and cand.speaker_tok is not None:
                _label_speaker(cand, turns)
        cands.sort(key=lambda c: (c.start, c.end))
        resolver = SpeakerResolver(doc)
        out: list[Quote] = []
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
                within = _within(cand, out)
                # in a turn, "he" is someone else than the turn's speaker
                outside = within is None or within[0] == "transcript"
                named = self._named_span(cand, inside) if outside else None
                actor = resolver.resolve(named or cand.speaker, within)
            cand.extra["actor"] = actor
            out.append(self._quote(doc, cand, actor))
        return out

    def _named_span(self, cand: Candidate, inside: set[int]) -> tuple[int, int] | None:
        """For a "he"/"she" speaker, the span of a compatible subject earlier in its sentence,
        which wins over the actors stage's (often far) antecedent."""
        if cand.speaker_tok is None:
            return None
        ante = local_antecedent(cand.speaker_tok, self.cues, inside)
        if ante is None:
            return None
        span = noun_span(ante.doc, ante)
        return span.start_char, span.end_char

    @staticmethod
    def _quote(doc: Document, cand: Candidate, actor: str | None) -> Quote:
        date = date_of_speech(doc, cand.start, cand.end, cand.cue_span)
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
