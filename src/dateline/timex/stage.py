"""The timex stage: recognise, normalise against the DCT, and keep the narrative time."""

from __future__ import annotations

import re
from typing import Any

from dateline.model import Document, Timex
from dateline.settings import Settings
from dateline.timex import calendar
from dateline.timex.interval import DATED_TYPES, date_fields
from dateline.timex.lexicon import lexicon
from dateline.timex.normalise import Context, Normaliser
from dateline.timex.recognise import Candidate, Recogniser
from dateline.timex.tense import tense

DATE_MODS = {"START", "MID", "END", "NONE"}
# Modifiers that make an offset approximate ("ABOUT two years ago"): its value is no finer
# than its unit.
APPROXIMATE = {"APPROX", "LESS_THAN", "MORE_THAN"}
# A bare number is a year only when it is not counting something ("1990 people").
NOT_YEAR_BEFORE = ("$", "£", "€", "No.", "#")
# "the first nine months": a period running to date, after which comparisons are by year.
YEAR_TO_DATE = re.compile(r"the\s+(?:(?:first|latest)\s+)?(?:six|nine|6|9)\s+months", re.IGNORECASE)


class TimexStage:
    """Annotate ``doc.timexes`` with TIMEX3 DATE/TIME/DURATION/SET values."""

    name = "timex"

    def __init__(self, settings: Settings | None = None) -> None:
        self.lex = lexicon()
        self.recogniser = Recogniser(self.lex)
        self.normaliser = Normaliser(self.lex)
        self.future_cues = frozenset(self.lex.future_cues)
        self.future_path = frozenset(self.lex.future_path)

    def __call__(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.timexes = self.annotate(doc)

    def annotate(self, doc: Document) -> list[Timex]:
        dct = calendar.parse(doc.published)
        known = dct.gran if dct else "D"
        anchor, anchored = dct, 0
        out: list[Timex] = []
        for cand in self.recogniser.find(doc.text):
            if cand.rule == "year" and not self.is_year(doc, cand):
                continue
            if cand.rule == "duration" and self.is_rate(doc, cand):
                continue
            if self.is_fraction(doc, cand) or self.in_name(doc, cand):
                continue

            def clause_tense(c: Candidate = cand) -> str:
                if doc.spacy is None:
                    return "NONE"
                return tense(doc.spacy, c.start, c.end, self.future_cues, self.future_path)

            result = self.normaliser(cand, Context(dct, known, clause_tense, anchor,
                                                        cand.start - anchored))
            if result is None:
                continue
            kind, value, mod = result
            start = cand.start
            found = self.recogniser.modifier_before(doc.text, start)
            if found and not value.endswith("_REF"):
                word_mod = self.lex.modifiers[" ".join(found["mod"].lower().split())]
                if word_mod not in DATE_MODS or kind in ("DATE", "TIME"):
                    start = found.start()
                    if word_mod != "NONE":
                        mod = mod or word_mod
                    if word_mod in APPROXIMATE and cand.norm == "offset" and kind == "DATE":
                        value = self.normaliser.approximate(cand.groups, value)
            timex: Timex = {"start": start, "end": cand.end, "text": doc.text[start:cand.end],
                            "type": kind, "value": value}
            if mod:
                timex["mod"] = mod
            if kind in DATED_TYPES:
                timex.update(date_fields(value))  # type: ignore[typeddict-item]
            out.append(timex)
            point = calendar.parse(value) if kind == "DATE" and cand.anchors else None
            if point is not None:
                anchor, anchored = point, cand.start
            elif anchor is not None and YEAR_TO_DATE.fullmatch(timex["text"]):
                anchor = anchor.at("Y")  # "for the nine months, ... a year earlier": the year
        return out

    @staticmethod
    def is_rate(doc: Document, cand: Candidate) -> bool:
        """"$1.76 a year", "four flights a week": a rate, not a length of time."""
        if cand.groups.get("num", "").lower() not in ("a", "an") or doc.spacy is None:
            return False
        span: Any = doc.spacy.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        return doc.spacy[span.start - 1].pos_ in ("NOUN", "NUM", "PROPN", "SYM")

    @staticmethod
    def in_name(doc: Document, cand: Candidate) -> bool:
        """ "Theresa MAY", "APRIL Ryan": a month's name inside a longer person's name. Read
        on the parse's entities (as the actor stage's ``prepare`` corrected them), not on
        the resolved ones: on Spark this stage runs before resolution."""
        return any(e.label_ == "PERSON" and e.start_char <= cand.start and cand.end <= e.end_char
                   and e.end_char - e.start_char > cand.end - cand.start
                   for e in (doc.spacy.ents if doc.spacy is not None else ()))

    @staticmethod
    def is_fraction(doc: Document, cand: Candidate) -> bool:
        """"a quarter of the market", "three-quarters": fractions, not three-month periods."""
        if not cand.groups.get("unit", "").lower().startswith("quarter") or "ord" in cand.groups:
            return False
        text = doc.text[cand.start:cand.end]
        return (cand.groups.get("num", "").lower() in ("a", "an") or "-" in text
                or doc.text[cand.end:cand.end + 4] == " of ")

    @staticmethod
    def is_year(doc: Document, cand: Candidate) -> bool:
        """Reject "1990 people", "$2000" and "2000%": numbers that count rather than date."""
        before = doc.text[max(0, cand.start - 4):cand.start].rstrip()
        after = doc.text[cand.end:cand.end + 2].lstrip()
        if before.endswith(NOT_YEAR_BEFORE) or after.startswith("%") or re.match(r"[-.]\d", after):
            return False
        if "fiscal" in cand.groups:
            return True
        if doc.spacy is None:
            return True
        span: Any = doc.spacy.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None:
            return True
        tok = span.root
        return not (tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i == tok.i + 1)
