"""The quotes stage: direct, mixed and indirect quotes and transcript turns, with speakers."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from spacy.tokens import Token

from dateline.actors.gender import agrees
from dateline.language import ENGLISH
from dateline.model import Document, Quote
from dateline.quotes.antecedent import local_antecedents
from dateline.quotes.candidate import Candidate
from dateline.quotes.direct import attribute_marked
from dateline.quotes.headline import find_headline, names_someone
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
PLAN = "dateline_quotes"  # Doc.user_data: the prepared quotes (QuoteStage.prepare)
# How a prepared quote's actor is found (QuoteStage._rows)
INHERIT, PARTICIPANT, SPEAKER, NOBODY = "inherit", "participant", "speaker", "nobody"


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

    def within(self, speaker: dict[str, Any] | None) -> tuple[str, str] | None:
        """(kind, actor) of the nearest earlier quote whose content holds a speaker span;
        only quotes that start within the longest quote's length before it can."""
        if speaker is None:
            return None
        at = speaker["start"]
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
            doc.quotes = []
            if doc.spacy is not None:
                self.prepare(doc)
                self.resolve(doc)

    def prepare(self, doc: Document) -> None:
        """The part that reads no knowledge base (the parse, its corrected entities, the
        dates): every quote with its cue, speaker span and date, and how its speaker is
        resolved to an actor. Kept in ``doc.spacy.user_data`` as plain lists and dicts, so
        an engine can run it beside the parsing (the Spark ingest does: it ships with the
        parse)."""
        doc.spacy.user_data[PLAN] = self.plan(doc)

    def resolve(self, doc: Document) -> None:
        """Resolve a prepared document's speakers to actors, in text order, so that "he"
        can refer back to the last named speaker."""
        plan = doc.spacy.user_data.pop(PLAN)
        headline = plan.get("headline")
        if headline and names_someone(headline["source"], doc.mentions):
            plan = headline
        named: SpeakerResolver | None = None  # the actor a name names, without memory
        resolver = SpeakerResolver(doc)
        said = Said()
        for quote, how in plan["quotes"]:
            if how[0] == INHERIT:
                actor = said.quotes[how[1]]["actor"]
            elif how[0] == PARTICIPANT:
                named = named or SpeakerResolver(doc)
                actor = named.actor_at(how[1]) if how[1] else None
            elif how[0] == SPEAKER:
                within = said.within(quote["speaker"])
                # in a turn, "he" is someone else than the turn's speaker
                outside = within is None or within[0] == "transcript"
                speaker = quote["speaker"]
                span = speaker and (speaker["start"], speaker["end"])
                pronoun = (speaker or {}).get("text", "").lower()
                near = next(((s, e) for s, e in how[1] if outside
                             and agrees(pronoun, resolver.gender_at((s, e)))), None)
                actor = resolver.resolve(near or span, within)
            else:
                actor = None
            quote["actor"] = actor
            said.add(quote)
        doc.quotes = said.quotes

    def plan(self, doc: Document) -> dict[str, Any]:
        """Marked quotes and parsed clauses, merged, with transcript turns and the
        headline's attribution; ``headline`` holds the quotes with a headline whose source
        names no entity, which stands if it names an actor (a mention)."""
        sdoc, text = doc.spacy, doc.text
        marked = find_marked(text)
        inside: set[int] = set()
        for q in marked:
            span = sdoc.char_span(q.start, q.end, alignment_mode="contract")
            if span is not None:
                inside.update(range(span.start, span.end))
        direct = attribute_marked(sdoc, text, marked, self.cues, inside)
        indirect = find_indirect(sdoc, text, self.cues, inside)
        entities = [{"start": e.start_char, "end": e.end_char, "text": e.text,
                     "label": e.label_} for e in sdoc.ents]
        turns = Turns(find_turns(doc, entities))
        cands = [c for c in merge(text, direct, indirect) if not turns.holds(text, c)]
        head = None if turns.turns else find_headline(doc)
        if head is None:
            return {"quotes": self._rows(doc, cands + turns.turns, turns, inside)}
        headed = self._rows(doc, [c for c in cands if not (
            head.start <= c.start and c.end <= head.end)] + [head], turns, inside)
        if names_someone(head.speaker, [e for e in entities
                                        if e["label"] in ENGLISH.named_labels]):
            return {"quotes": headed}
        return {"quotes": self._rows(doc, cands, turns, inside),
                "headline": {"source": list(head.speaker), "quotes": headed}}

    def _rows(self, doc: Document, cands: list[Candidate], turns: Turns, inside: set[int]
              ) -> list[list[Any]]:
        """Each candidate in text order as [quote without its actor, how its actor is
        found]: the actor of an earlier quote it continues ([INHERIT, index]), the actor a
        participant's name names ([PARTICIPANT, span or None]: a turn, or a subject parsed
        out of a turn label, "Flashes: I don't want ..."), or its speaker's ([SPEAKER,
        spans of compatible subjects earlier in its sentence, closest first]); [NOBODY] for a
        continued quote whose source was dropped. Candidates are not changed."""
        cands = sorted(cands, key=lambda c: (c.start, c.end))
        dates = SpanDates(doc)
        rows: list[list[Any]] = []
        done: dict[int, tuple[int, tuple[int, int] | None]] = {}  # id -> (row, speaker)
        for cand in cands:
            speaker, tok = cand.speaker, cand.speaker_tok
            how: list[Any]
            if "participant" in cand.extra:
                how = [PARTICIPANT, cand.extra["participant"]]
            elif tok is not None and (turn := turns.labelled_at(tok.idx)) is not None:
                speaker, tok = turn.speaker, None
                how = [PARTICIPANT, turn.extra["participant"]]
            else:
                how = [SPEAKER, []]
            if speaker is None and tok is not None:
                ns = noun_span(doc.spacy, tok)
                speaker = (ns.start_char, ns.end_char)
            src = cand.inherited_from
            if src is not None and speaker is None:
                row, speaker = done.get(id(src), (None, src.speaker))
                how = [NOBODY] if row is None else [INHERIT, row]
            elif how[0] == SPEAKER:
                how[1] = self._named_spans(tok, inside)
            done[id(cand)] = len(rows), speaker
            rows.append([self._quote(doc, cand, speaker, dates), how])
        return rows

    def _named_spans(self, tok: Token | None, inside: set[int]) -> list[list[int]]:
        """For a "he"/"she" speaker, the spans of compatible subjects earlier in its sentence,
        closest first; the first of the pronoun's gender wins over the actors stage's (often
        far) antecedent (genders are known once actors are resolved)."""
        if tok is None:
            return []
        spans = (noun_span(ante.doc, ante) for ante in local_antecedents(tok, self.cues, inside))
        return [[span.start_char, span.end_char] for span in spans]

    @staticmethod
    def _quote(doc: Document, cand: Candidate, speaker: tuple[int, int] | None,
               dates: SpanDates) -> Quote:
        date = dates.of_speech(cand.start, cand.end, cand.cue_span)
        quote: dict[str, Any] = {
            **doc.span(cand.start, cand.end),
            "kind": cand.kind,
            "cue": doc.span(*cand.cue_span) if cand.cue_span else None,
            "speaker": doc.span(*speaker) if speaker else None,
            "actor": None,
            "date": date,
            **date_fields(date),
        }
        for key in ("label", "confidence"):
            if key in cand.extra:
                quote[key] = cand.extra[key]
        return quote  # type: ignore[return-value]
