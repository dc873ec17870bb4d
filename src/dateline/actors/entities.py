"""Correct spaCy's named entities with what the actors area knows.

The small model misses or mislabels entities in predictable ways: it keeps "the" and "'s"
in spans, runs spans across line breaks and separators, tags all-caps datelines and
headlines poorly, tags titles ("State" of "Secretary of State") as organisations and
surnames ("Blinken", "Wang") as places or organisations after the full name was seen.
No library fixes these, so the rules are written here, driven by the reference data
(countries, demonyms, capitals, IGOs, titles) rather than by word lists of a corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from dateutil.parser import parserinfo
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dateline.actors import gender as gendered
from dateline.actors.countries import extras, gazetteer, lookup
from dateline.actors.names import person_suffixes
from dateline.actors.reference import reference
from dateline.actors.resolve import DATELINE, GENERIC_BODIES, Organisations
from dateline.actors.titles import TitleMatcher
from dateline.language import ENGLISH
from dateline.resources import load_yaml

# labels that name things; numeric and temporal labels are left as spaCy gave them
NAME_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
               "WORK_OF_ART", "LAW", "LANGUAGE"}
LABEL_OF_KIND = {"name": "GPE", "capital": "GPE", "demonym": "NORP", "igo": "ORG"}
SEPARATORS = {"-", "–", "—", ",", ":", ";", "/", "|", "(", "[", "]", '"', "“", "”"}
LOCATIVE = {"in", "near"}
TEMPORAL = {"DATE", "TIME"}
# full month and weekday names (dateutil's): dates, never names ("July" tagged ORG)
CALENDAR = {names[-1].lower() for names in parserinfo.MONTHS + parserinfo.WEEKDAYS}
INITIAL = re.compile(r"^[A-Z]\.$")
NUMBER = re.compile(r"^[-+]?\d*[.,/:-]?\d+(?:[-/]\d+)?$")
WHOLE = re.compile(r"^\d{1,3}$")
CONNECTORS = {"of", "'s", "’s", "&", "de", "la", "and"}
DATE_LIKE = re.compile(r"^\d{1,4}([-/.]\d{1,2}){1,2}$|^\d{4}$")


@dataclass
class Ent:
    """An entity as a token range of the parse, with its label."""

    start: int
    end: int
    label: str


class EntityFixer:
    """Rewrites a parse's entities in place (``doc.ents``) and returns them."""

    def __init__(self, nlp: Any, titles: TitleMatcher) -> None:
        self.titles = titles
        self.bodies = Organisations()
        self.places = PhraseMatcher(nlp.vocab, attr="LOWER")
        forms = set(gazetteer())
        self.places.add("PLACE", [nlp.make_doc(f"{form} x")[:-1].as_doc() for form in forms])
        words = load_yaml("actors", "ner.yaml")
        self.groups = {g.casefold() for g in words["groups"]}
        self.places.add("GROUP", [nlp.make_doc(f"{g} x")[:-1].as_doc() for g in words["groups"]])
        known = load_yaml("actors", "organisations.yaml")["known"]
        self.organisations = {form.casefold() for name, entry in known.items()
                              for form in [name, *entry.get("aliases", [])]}
        metonyms = {form.casefold() for entry in extras().values()
                    for form in entry.get("metonyms", [])}
        self.institutions = tuple(f" {form}" for form in self.organisations | metonyms
                                  if " " in form)
        self.event_heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.event_heads.add("EVENT", [nlp.make_doc(h) for h in words["event_heads"]])

    def __call__(self, doc: Doc, place: str | None = None) -> list[Span]:
        """Correct ``doc.ents``; ``place`` is the dateline place the clean stage found."""
        ents = [Ent(e.start, e.end, e.label_) for e in doc.ents]
        ents = [p for e in ents for p in self._split(doc, e)]
        ents = [e for e in (self._trim(doc, e) for e in ents) if e is not None]
        ents = self._drop_titles(doc, ents)
        ents = self._slugs(doc, ents)
        ents = self._datelines(doc, ents, place)
        ents = self._score_lines(doc, ents)
        ents = self._gazetteer(doc, ents)
        ents = self._events(doc, ents)
        ents = self._organisations(doc, ents)
        ents = self._people(doc, ents)
        ents = self._headlines(doc, ents)
        ents = self._surnamed(doc, ents)
        ents = self._majority(doc, ents)
        spans = filter_spans([Span(doc, e.start, e.end, label=e.label) for e in ents])
        doc.set_ents(spans, default="outside")
        return list(doc.ents)

    # ---------------------------------------------------------------- span shape
    def _split(self, doc: Doc, ent: Ent) -> list[Ent]:
        """Cut at line breaks, separators and inner possessives; relabel known pieces."""
        if ent.label not in NAME_LABELS:
            return [ent]
        pieces, start = [], ent.start
        for i in range(ent.start, ent.end):
            tok = doc[i]
            cut = tok.is_space or "\n" in tok.whitespace_ or _separates(doc, tok)
            if tok.text == "(" and any(t.text == ")" for t in doc[i:ent.end]):
                cut = False
            if tok.text in ENGLISH.possessive_endings and i + 1 < ent.end:
                cut = True
            if cut:
                if i > start:
                    keep = not (tok.is_space or tok.text in SEPARATORS | ENGLISH.possessive_endings)
                    pieces.append(Ent(start, i + keep, ent.label))
                start = i + 1
        if start < ent.end:
            pieces.append(Ent(start, ent.end, ent.label))
        if len(pieces) > 1:
            for piece in pieces:
                place = lookup(doc[piece.start:piece.end].text)
                if place and place.kind in LABEL_OF_KIND:
                    piece.label = LABEL_OF_KIND[place.kind]
        return pieces

    def _trim(self, doc: Doc, ent: Ent) -> Ent | None:
        """Drop a leading "the" or "her", trailing "'s", punctuation and numbers; drop empty
        spans."""
        if ent.label not in NAME_LABELS:
            return ent
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ == "the" or doc[start].tag_ == "PRP$"
                               or doc[start].is_punct
                               or doc[start].is_space or doc[start].like_num):
            start += 1
        while end > start and _trailing_junk(doc[start:end], doc[end - 1]):
            end -= 1
        if ent.label == "PERSON" and end - start > 1 and _opening_adjective(doc[start]) \
                and doc[end - 1].dep_ == "compound" and doc[end - 1].head.pos_ == "NOUN":
            start += 1  # "Top Sanders strategists": a sentence's capital, not a given name
        text = doc[start:end].text
        if start >= end or not any(c.isupper() for c in text) or text.lower() in CALENDAR:
            return None
        return Ent(start, end, ent.label)

    def _drop_titles(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """Remove entities inside a title; cut a title off the front of a name."""
        covered: dict[int, int] = {}
        for span, _title in self.titles(doc):
            for i in range(span.start, span.end):
                covered[i] = span.end
        out = []
        for ent in ents:
            if ent.label not in NAME_LABELS:
                out.append(ent)
                continue
            start = ent.start
            while start < ent.end and start in covered:
                start = covered[start]
            if start >= ent.end:
                continue
            body = ent.label == "ORG" and doc[ent.end - 1].lower_ in GENERIC_BODIES
            if start > ent.start and body:
                start = ent.start  # "Justice Department": a body's name, not a title
            if start > ent.start:
                ent = Ent(start, ent.end, "PERSON" if ent.end - start >= 2 else ent.label)
            out.append(ent)
        return out

    # ---------------------------------------------------------------- knowledge
    def _slugs(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """A wire headline's topic slug ("TENNIS - ...") is not a name unless it is a place."""
        slug_tokens: set[int] = set()
        for start in _line_starts(doc):
            end = _caps_run_end(doc, start)
            if (start < end < len(doc) - 1 and doc[end].text in {"-", "–", "—"}
                    and doc[end + 1].is_upper and lookup(doc[start:end].text) is None):
                slug_tokens.update(range(start, end))
        return [e for e in ents if e.start not in slug_tokens or e.label not in NAME_LABELS]

    def _datelines(self, doc: Doc, ents: list[Ent], place: str | None) -> list[Ent]:
        """A line opening with upper-case words and then ", Country", "—" or a date is a place;
        so is the story's dateline (``place``, found by the clean stage) before a hyphen."""
        found = []
        for line_start in _line_starts(doc):
            end = _caps_run_end(doc, line_start)
            if end == line_start or end + 1 >= len(doc):
                continue
            if any(t.ent_type_ in TEMPORAL for t in doc[line_start:end]):
                continue
            nxt, after = doc[end], doc[end + 1]
            filed = bool(place) and doc[line_start:end].text.casefold() == place.casefold()
            if (nxt.text in {"—", "–"} or DATE_LIKE.match(nxt.text)
                    or filed  # the clean stage's "BRUSSELS -", "PARIS, July 25 (UPI) —"
                    or (nxt.text == "," and (lookup(after.text) or DATE_LIKE.match(after.text)))):
                found.append(Ent(line_start, end, "GPE"))
                region = next((e.end for e in ents if e.start == end + 1), end + 2) \
                    if nxt.text == "," else end
                # a list, not a set: user_data ships with the parse (msgpack, on Spark)
                doc.user_data.setdefault(DATELINE, []).extend(range(line_start, region))
        names = {doc[e.start:e.end].text.casefold() for e in found}
        if place:
            names.add(place.casefold())
        for ent in ents:  # the dateline's place keeps its label wherever it recurs
            if ent.label in NAME_LABELS and doc[ent.start:ent.end].text.casefold() in names:
                ent.label = "GPE"
        return _replace(ents, found)

    def _score_lines(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """Results and standings lines ("Leeds 3 Wigan 1"): the names are teams, not places.

        A line qualifies when it holds only capitalised names, connectors and numbers, and
        every name is followed by a whole number; a country stays a place (national team),
        a name opening with an initial ("J. Smith 63") is a person.
        """
        found = []
        for line in _lines(doc):
            if not any(NUMBER.match(t.text) for t in line):
                continue
            names, current = [], []
            for tok in line:
                if NUMBER.match(tok.text) or tok.is_punct:
                    if current:
                        names.append((current, tok))
                        current = []
                elif tok.text[:1].isupper() or (current and tok.lower_ in CONNECTORS):
                    current.append(tok)
                else:
                    names = []
                    break
            if not names or current:
                continue
            if not all(WHOLE.match(after.text) for _, after in names):
                continue
            for toks in names:
                start, end = toks[0][0].i, toks[0][-1].i + 1
                place = lookup(doc[start:end].text)
                label = ("GPE" if place and place.kind == "name"
                         else "PERSON" if INITIAL.match(doc[start].text) else "ORG")
                found.append(Ent(start, end, label))
        return _replace(ents, found)

    def _gazetteer(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """Relabel and add countries, capitals, demonyms and IGOs from the reference data."""
        matches = []
        group = doc.vocab.strings["GROUP"]
        for match_id, s, e in self.places(doc):
            span = doc[s:e]
            if match_id == group:
                if span[0].text[:1].isupper() and span.text.casefold() in self.groups:
                    matches.append(Ent(s, e, "NORP"))
                continue
            place = lookup(span.text)
            if place is None or not span[0].text[:1].isupper():
                continue
            if place.kind in LABEL_OF_KIND:
                matches.append(Ent(s, e, LABEL_OF_KIND[place.kind]))
        by_range = {(e.start, e.end): e for e in ents}
        added = []
        for match in matches:
            ent = by_range.get((match.start, match.end))
            if ent is not None:
                if ent.label != "PERSON" or match.label != "GPE":
                    ent.label = match.label
            else:
                added.append(match)
        occupied = {i for e in ents for i in range(e.start, e.end)}
        added = [m for m in filter_spans_ents(added)
                 if not any(i in occupied for i in range(m.start, m.end))]
        return sorted(ents + added, key=lambda e: e.start)

    def _events(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """Capitalised words ending in an event word ("Hong Kong Open", "World Cup"): EVENT."""
        found = []
        for _, s, e in self.event_heads(doc):
            if e < len(doc) and (_name_word(doc[e]) or doc[e].lower_ == "of"):
                continue  # "Federal Open Market Committee": the name goes on
            start = s
            while start > 0 and s - start < 3 and _name_word(doc[start - 1]):
                start -= 1
            if start < s and doc[s].text[:1].isupper():
                found.append(Ent(start, e, "EVENT"))
        return _replace(ents, found)

    def _organisations(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """A known organisation tagged as a person ("Twitter said") is an organisation, and
        so is a "person" named after one ("the Obama White House", "a Trump State
        Department"): its last word is no surname."""
        for ent in ents:
            text = doc[ent.start:ent.end].text.casefold()
            if ent.label == "PERSON" and (text in self.organisations
                                          or text.endswith(self.institutions)):
                ent.label = "ORG"
        return ents

    def _people(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """One name, one person per document: "Blinken" after "Antony Blinken" is a person."""
        places = self._places_named(doc, ents)
        for ent in ents:
            if ent.label == "PERSON" and doc[ent.start:ent.end].text in places:
                ent.label = "GPE"
        self._staff(doc, ents)
        self._described(doc, ents)
        ents = sorted(ents + self._apposed(doc, ents), key=lambda e: e.start)
        full = {doc[e.start:e.end].text for e in ents
                if e.label == "PERSON" and e.end - e.start > 1}
        surnames = {name.split()[-1] for name in full}
        known = full | surnames | {name.split()[0] for name in full}  # "Wang" of "Wang Yi"
        ents = _replace(ents, self._full_names(doc, ents))
        for ent in ents:
            text = doc[ent.start:ent.end].text
            if ent.label in NAME_LABELS and ent.label != "PERSON" and text in known:
                ent.label = "PERSON"
        occupied = {i for e in ents for i in range(e.start, e.end)}
        added = [Ent(t.i, t.i + 1, "PERSON") for t in doc
                 if t.text in surnames and t.i not in occupied and t.is_title]
        ents = sorted(ents + added, key=lambda e: e.start)
        ents = [p for e in ents for p in _demonym_off(doc, e)]
        for ent in ents:  # "K." then "Curran": an initial alone takes in the name after it
            if (ent.label == "PERSON" and ent.end - ent.start == 1 and ent.end < len(doc)
                    and INITIAL.match(doc[ent.start].text) and doc[ent.end].is_title
                    and ent.end not in occupied):
                ent.end += 1
        ents = _with_suffixes(doc, ents)
        for ent in ents:  # "P. Simmons": take in a preceding initial
            if (ent.label == "PERSON" and ent.start > 0 and INITIAL.match(doc[ent.start - 1].text)
                    and doc[ent.start - 1].i not in occupied):
                ent.start -= 1
        return ents

    def _headlines(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """Headline capitals are not names: in a title-case or all-caps line, a "person"
        holding a surname the body names ("Trump Warns", "Derelict Obama") is that surname,
        and one holding none ("OBAMA FOCUSED" aside) is dropped when all caps."""
        heads = {i for line in _lines(doc) if _headline(line) for i in range(line.start, line.end)}
        body = [doc[e.start:e.end].text for e in ents if e.label == "PERSON"
                and e.start not in heads]
        full = {name for name in body if " " in name}
        surnames = {name.split()[-1] for name in body}
        out = []
        for ent in ents:
            span = doc[ent.start:ent.end]
            if ent.label in {"PERSON", "ORG"} and ent.start in heads and len(span) > 1 \
                    and span.text not in full:
                hit = [t for t in span if t.text in surnames]
                if hit:
                    ent = Ent(hit[0].i, hit[0].i + 1, "PERSON")
                elif span.text.isupper():
                    continue
            out.append(ent)
        return out

    def _surnamed(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """An "organisation" of capitalised words ending in a surname the document uses
        alone for a person ("Keith Lamont Scott" beside "Scott said") is that person."""
        bare = {doc[e.start].text for e in ents if e.label == "PERSON" and e.end - e.start == 1}
        for ent in ents:
            span = doc[ent.start:ent.end]
            if (ent.label == "ORG" and len(span) > 1 and span[-1].text in bare
                    and all(t.text[:1].isupper() and not t.is_stop for t in span)):
                ent.label = "PERSON"
        return ents

    def _places_named(self, doc: Doc, ents: list[Ent]) -> set[str]:
        """Names seen right after "in"/"near" and never after a title: places, not people."""
        titled = {span.end for span, _ in self.titles(doc)}
        after_in, people = set(), set()
        for ent in ents:
            if ent.label not in {"PERSON", "ORG"}:
                continue
            text = doc[ent.start:ent.end].text
            nxt = doc[ent.end].text if ent.end < len(doc) else ""
            if ent.start in titled or nxt in ENGLISH.possessive_endings:
                people.add(text)
            elif ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE:
                after_in.add(text)
        return after_in - people

    def _staff(self, doc: Doc, ents: list[Ent]) -> None:
        """ "Lester Holt of NBC News" tagged as two organisations: a given name and a
        surname "of" an organisation are a person (the small model mislabels anchors)."""
        starts = {e.start: e for e in ents}
        given = reference().given_names
        for ent in ents:
            words = doc[ent.start:ent.end]
            after = starts.get(ent.end + 1)
            if (ent.label == "ORG" and len(words) == 2 and words[0].text in given
                    and all(t.is_alpha and t.is_title for t in words)
                    and words.text.casefold() not in self.organisations
                    and reference().find(words.text) is None
                    and ent.end < len(doc) and doc[ent.end].lower_ == "of"
                    and after is not None and after.label == "ORG"):
                ent.label = "PERSON"

    def _described(self, doc: Doc, ents: list[Ent]) -> None:
        """ "Amanda Renteria is the campaign's political director", "Guy Cecil, an adviser":
        a given name and a surname tagged as an organisation, that the text describes by a
        person's title or a gendered noun, are a person; a name that looks like a body
        ("Stanford University") or that the reference data knows is left alone."""
        given = reference().given_names
        for ent in ents:
            words = doc[ent.start:ent.end]
            if (ent.label == "ORG" and len(words) in (2, 3) and words[0].text in given
                    and all(t.is_alpha and t.is_title for t in words)
                    and words.text.casefold() not in self.organisations
                    and self.bodies.sector(words.text) is None
                    and reference().find(words.text) is None
                    and any(self._person_noun(n) for n in _descriptions(words))):
                ent.label = "PERSON"

    def _person_noun(self, tok: Any) -> bool:
        """A noun for a person: a title's head ("director", "Chairman") or a gendered noun
        ("spokeswoman")."""
        return tok.pos_ in ("NOUN", "PROPN") and (self.titles.by_head(tok.lemma_)
                                                  or tok.lower_ in gendered.words().nouns)

    def _apposed(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """ "Another critic, Ana Ruiz, said": a given name and a surname in apposition to a
        common noun name a person even where the small model tags nothing (the name then
        counts for the surname and the pronouns after it); not a known organisation."""
        occupied = {i for e in ents for i in range(e.start, e.end)}
        given = reference().given_names
        found = []
        for tok in doc:
            if tok.dep_ != "appos" or tok.head.pos_ != "NOUN" or tok.pos_ != "PROPN":
                continue
            start = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "flat")])
            words = doc[start:tok.i + 1]
            if (2 <= len(words) <= 3 and words[0].text in given
                    and all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in words)
                    and not any(t.i in occupied for t in words)
                    and words.text.casefold() not in self.organisations):
                found.append(Ent(start, tok.i + 1, "PERSON"))
        return found

    def _full_names(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """Occurrences of a known full name that spaCy cut short or missed; not the first
        words of a longer person's name ("Aung San" inside "Aung San Suu Kyi" is his
        daughter's name, not him)."""
        exact = {(e.start, e.end) for e in ents if e.label == "PERSON"}
        firsts: dict[str, list[list[str]]] = defaultdict(list)
        for e in ents:
            words = [t.text for t in doc[e.start:e.end]]
            if e.label == "PERSON" and len(words) > 1 and words not in firsts[words[0]]:
                firsts[words[0]].append(words)
        found = []
        for tok in doc:
            for words in firsts.get(tok.text, []):
                end = tok.i + len(words)
                if ([t.text for t in doc[tok.i:end]] == words
                        and not any(s <= tok.i and end <= e for s, e in exact)):
                    found.append(Ent(tok.i, end, "PERSON"))
        return found

    def _majority(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """The same name keeps the same label within a document (the majority label)."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for ent in ents:
            if ent.label in NAME_LABELS:
                votes[doc[ent.start:ent.end].text][ent.label] += 1
        for ent in ents:
            counts = votes.get(doc[ent.start:ent.end].text)
            if counts and ent.label in NAME_LABELS:
                label, n = counts.most_common(1)[0]
                if n > counts[ent.label]:
                    ent.label = label
        return ents


def _descriptions(words: Span) -> list[Any]:
    """The nouns said of a name: in apposition either way ("X, the director" / "the
    director, X"), as its copula's complement ("X is the director") or before it with
    what they are coordinated with ("former CEO and presidential candidate X")."""
    name = words.root
    found = [c for c in name.children if c.dep_ == "appos"]
    before = [c for c in name.children if c.dep_ == "compound" and c.i < words.start]
    found += before + [c for b in before for c in b.conjuncts]
    if name.dep_ == "appos":
        found.append(name.head)
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        found += [c for c in name.head.children if c.dep_ == "attr"]
    return found


def _opening_adjective(tok: Any) -> bool:
    """A capitalised adjective opening a sentence ("Top", "Senior") that no one goes by as a
    given name; trimmed only off a name that modifies a noun ("Top Sanders strategists"),
    not off a name that acts ("Young Kim spoke")."""
    return tok.is_sent_start and tok.tag_ == "JJ" and tok.text not in reference().given_names


def _name_word(tok: Any) -> bool:
    """A capitalised word on the same line that can be part of a name."""
    return (tok.text[:1].isupper() and not tok.is_punct and not tok.is_stop
            and "\n" not in tok.whitespace_ and tok.ent_type_ not in TEMPORAL | {"GPE"})


def _with_suffixes(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Donald Trump Jr.", "Joseph R. Biden, Jr.": the suffix is part of the name, not a
    person of its own."""
    suffixes = person_suffixes()
    out: list[Ent] = []
    for ent in ents:
        prev = out[-1] if out else None
        end = ent.end
        if (ent.label == "PERSON" and ent.end - ent.start == 1 and prev is not None
                and prev.label == "PERSON" and doc[ent.start].text in suffixes
                and (prev.end == ent.start
                     or (prev.end + 1 == ent.start and doc[prev.end].text == ","))):
            prev.end = ent.end
            continue
        if ent.label == "PERSON" and end < len(doc) and doc[end].text in suffixes:
            ent.end = end + 1
        elif (ent.label == "PERSON" and end + 1 < len(doc) and doc[end].text == ","
              and doc[end + 1].text in suffixes):
            ent.end = end + 2
        out.append(ent)
    return out


def _demonym_off(doc: Doc, ent: Ent) -> list[Ent]:
    """ "American Dennis Mitchell" as one PERSON -> NORP "American" + PERSON "Dennis Mitchell"."""
    if ent.label != "PERSON" or ent.end - ent.start < 3:
        return [ent]
    place = lookup(doc[ent.start].text)
    if place is None or place.kind != "demonym":
        return [ent]
    return [Ent(ent.start, ent.start + 1, "NORP"), Ent(ent.start + 1, ent.end, "PERSON")]


def _separates(doc: Doc, tok: Any) -> bool:
    """A separator token; a dash only between spaces ("Lithuania - Contra", not "Jean-Michel")."""
    if tok.text not in SEPARATORS:
        return False
    if tok.text in {"-", "–", "/"}:
        return bool(tok.whitespace_) and tok.i > 0 and bool(doc[tok.i - 1].whitespace_)
    return True


def _trailing_junk(span: Span, tok: Any) -> bool:
    if tok.like_num and tok.i > span.start and tok.nbor(-1).lower_ == "of":  # "Group of 20"
        return False
    if tok.text in ENGLISH.possessive_endings or tok.is_space:
        return True
    if tok.text == ")" and "(" in span.text:
        return False
    if tok.is_punct and tok.text != ".":
        return True
    return not any(c.isalpha() for c in tok.text)


def _headline(line: Span) -> bool:
    """A line of four words or more in title case (every word but the small ones capitalised),
    or most of them capitalised and none ending a sentence."""
    words = [t for t in line if t.is_alpha]
    if len(words) < 4:
        return False
    content = [t for t in words if not t.is_stop]
    if len(content) >= 3 and all(t.text[:1].isupper() for t in content):
        return True  # title case, whatever ends it ("Clinton Plan for Taxes Is Complex.")
    if line[-1].text in {".", "?", "!"} and not line.text.isupper():
        return False
    return sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _lines(doc: Doc) -> list[Span]:
    """The lines of the text as token spans, without the line-break tokens."""
    lines, start = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                lines.append(doc[start:tok.i])
            start = tok.i + 1
        elif "\n" in tok.whitespace_:
            lines.append(doc[start:tok.i + 1])
            start = tok.i + 1
    if start < len(doc):
        lines.append(doc[start:])
    return lines


def _caps_run_end(doc: Doc, start: int) -> int:
    """Where the run of all-caps words from ``start`` ends ("NUSA DUA" in a dateline)."""
    end = start
    while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
        end += 1
    return end


def _line_starts(doc: Doc) -> list[int]:
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            starts.append(tok.i + 1)
    return [i for i in starts if not doc[i].is_space]


def filter_spans_ents(ents: list[Ent]) -> list[Ent]:
    """Longest non-overlapping entities, first come first served."""
    chosen: list[Ent] = []
    used: set[int] = set()
    for ent in sorted(ents, key=lambda e: (e.start - e.end, e.start)):
        if not any(i in used for i in range(ent.start, ent.end)):
            chosen.append(ent)
            used.update(range(ent.start, ent.end))
    return sorted(chosen, key=lambda e: e.start)


def _replace(ents: list[Ent], found: list[Ent]) -> list[Ent]:
    """Put ``found`` in, removing what it overlaps."""
    taken = {i for f in found for i in range(f.start, f.end)}
    kept = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
    return sorted(kept + found, key=lambda e: e.start)
