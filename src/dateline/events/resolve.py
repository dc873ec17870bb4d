"""Turn a parse token into an event actor: actor id, country and span, via the actor stage.

Order: a mention (name, title, pronoun, metonym) from the actors stage, an entity carrying an
actor id, then a country name or demonym inside the noun phrase, then, for "we"/"I" inside a
quote, the quote's speaker. Tokens that resolve to none of these are not actors. A people
named with where it lives ("the Kurds of Iraq") is coded by that place, as PLOVER does.
A side's words are its most specific name: the person named in apposition ("the North's
leader, Kim Jong Un"), the people a name qualifies ("G-20 leaders", "the leaders of the
G-20"); a definite plural naming no one ("the leaders") repeats the body that qualified the
same noun last; "the two countries", "both men" name the last two countries or people.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from dateline.actors.countries import country_code, lookup
from dateline.events.roles import extraposed
from dateline.events.sides import pair_nouns, people_nouns, seat_holder, side_code
from dateline.language import ENGLISH
from dateline.model import Document, EventActor
from dateline.spans import SpanIndex, attr_bounds
from dateline.timex import SpanDates

# Children that start a new clause: they are not part of the noun phrase naming an actor.
CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc", "conj", "prep"}
NP_PREPS = {"of", "in", "from"}
PREMODIFIERS = {"det", "compound", "amod", "nmod", "poss", "nummod"}
DEFINITE = {"the", "these", "those"}
BACK = 300  # tokens back to the phrase a definite plural ("the leaders") repeats
PAIR_SENTENCES = 2  # sentences back to the two actors "the two ..." or "both ..." names
FIRST_PERSON = {"we", "i", "us", "me", "our"}
PLACES = {"GPE", "LOC", "FAC"}


def phrase(token: Any) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``token`` (modifiers and "of"/"in" phrases)."""
    left = right = token.i
    for child in token.children:
        if child.dep_ in CLAUSAL and not (child.dep_ == "prep" and child.lower_ in NP_PREPS):
            continue
        sub = list(child.subtree)
        left, right = min(left, sub[0].i), max(right, sub[-1].i)
    return left, right + 1


def left_of(head: Any) -> int:
    """The first token of a noun's premodifiers ("the G-20 group LEADERS": "the")."""
    return min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in PREMODIFIERS])


def named_once(actors: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Single-word names (an alias, a person's surname) that name exactly one actor."""
    owners: dict[str, set[str]] = {}
    for actor in actors:
        words = [a for a in actor.get("aliases") or [] if " " not in a]
        if actor.get("type") == "person" and " " in actor["name"]:
            words.append(actor["name"].split()[-1])
        for word in words:
            owners.setdefault(word, set()).add(actor["id"])
    return {word: ids.pop() for word, ids in owners.items() if len(ids) == 1}


class Resolver:
    """Actor resolution for one document, indexed once."""

    def __init__(self, doc: Document, datelines: Sequence[tuple[int, int]] = ()) -> None:
        """``datelines``: spans saying where the story was filed, whose names are no actors."""
        self.doc = doc
        self.sdoc = doc.spacy

        self.datelines = list(datelines)

        def filed(span: dict[str, Any]) -> bool:
            return self.filed(span["start"])

        self.actors = {a["id"]: a for a in doc.actors}
        # indexed, so that resolving each token costs no scan of the whole document
        self.mentions = SpanIndex(sorted((m for m in doc.mentions if not filed(m)),
                                         key=lambda m: m["start"]))
        self.entities = SpanIndex([e for e in doc.entities if not filed(e)
                                   and e.get("label") in ENGLISH.actor_labels | {"PERSON"}])
        self.quotes = SpanIndex([q for q in doc.quotes if q.get("actor") or q.get("speaker")])
        self.cues = SpanIndex([q for q in doc.quotes if q.get("actor") and q.get("cue")],
                              lambda q: (q["cue"]["start"], q["cue"]["end"]))
        self.direct = SpanIndex([q for q in doc.quotes if q.get("kind") == "direct"])
        self.ents = SpanIndex(list(self.sdoc.ents), attr_bounds)
        self.dates = SpanDates(doc)
        self.names = named_once(doc.actors)

    def first(self, tokens: Iterable[Any], avoid: EventActor | None = None) -> EventActor | None:
        """The first candidate token that resolves to an actor other than ``avoid``."""
        for token in tokens:
            found = self.resolve(token)
            if found is None:
                continue
            if avoid is not None and (
                (found["start"], found["end"]) == (avoid["start"], avoid["end"])
                or (found["actor"] and found["actor"] == avoid["actor"])
            ):
                continue
            return found
        return None

    def resolve(self, token: Any, appositions: bool = True) -> EventActor | None:
        """The actor a token's phrase names; ``appositions``: or the person apposed to it
        (``apposed``), which is resolved without its own appositions."""
        left, right = phrase(token)
        start = self.sdoc[left].idx
        end = self.sdoc[right - 1].idx + len(self.sdoc[right - 1])
        head = (token.idx, token.idx + len(token))
        spans = self.mentions.overlapping(start, end)
        # The head's own name first, then its modifiers ("Jewish settlers"), then the rest
        # of the phrase ("... in the West Bank city of Hebron").
        spans.sort(key=lambda m: (not (m["start"] < head[1] and m["end"] > head[0]),
                                  m["start"] >= head[1]))
        own = [m for m in spans if m["start"] < head[1] and m["end"] > head[0]]
        # "the Albanians OF southern Serbia": a people coded by where it lives (PLOVER)
        if own and own[0].get("kind") == "demonym" and (home := self.placed(token, {"of"})):
            return self.make(None, home, head[0], head[1])
        # "the North's LEADER, Kim Jong Un": the name in apposition is the side's words, also
        # where the title already means that person; a title for another person keeps its own
        if appositions and (named := self.apposed(token)) and not (
                own and self.person(own[0]["actor"]) and own[0]["actor"] != named["actor"]):
            country = named["country"] or self.phrase_country(left, right)  # "A PERUVIAN, X"
            return self.make(named["actor"], country, named["start"], named["end"])
        for mention in spans:
            actor = self.actors.get(mention["actor"])
            country = (actor or {}).get("country") or self.code(mention["text"])
            country = country or self.phrase_country(left, right)
            if not own and token.lemma_.lower() in ENGLISH.stance_nouns:
                # "Clinton HATERS", "Sanders SUPPORTERS": a group, not the name they face
                return self.make(None, country, self.sdoc[left_of(token)].idx, head[1])
            return self.make(mention["actor"], country, *self.group_span(token, mention))
        for entity in self.entities.inside(start, end):
            actor_id = entity.get("actor")
            actor = self.actors.get(actor_id or "")
            country = actor["country"] if actor else self.code(entity["text"])
            if actor or country:
                return self.make(actor_id, country, entity["start"], entity["end"])
        for tok in self.sdoc[left:right]:
            code = self.code(tok.text) if self.bare_place(tok) and not self.filed(tok.idx) \
                else None
            if code:
                return self.make(None, code, tok.idx, tok.idx + len(tok))
        for entity in self.entities.covering(head[0]):
            if entity["label"] == "PERSON":
                return self.make(entity.get("actor"), None, entity["start"], entity["end"])
        if token.lower_ in FIRST_PERSON:
            for quote in self.quotes.covering(token.idx):
                actor = self.actors.get(quote.get("actor") or "")
                country = (actor or {}).get("country") or self.speaker_country(quote)
                return self.make(quote.get("actor"), country, head[0], head[1])
        for child in token.children:  # "accused the North's leader, KIM JONG UN, of ..."
            if appositions and child.dep_ == "appos" and \
                    (named := self.resolve(child, appositions=False)) is not None:
                return named
        return self.unrecognised(token) or self.named_before(token) or next(
            iter(self.pair(token)), None)

    def group_span(self, head: Any, mention: dict[str, Any]) -> tuple[int, int]:
        """A side's words: with the people a name qualifies ("G-20 LEADERS", "Chinese
        OFFICIALS", "the LEADERS of the G-20" are who acted, for the body or country they
        serve; ``people_nouns``), else the mention's ("American companies": "American")."""
        own = (int(mention["start"]), int(mention["end"]))
        if head.tag_ != "NNS" or head.lemma_.lower() not in people_nouns():
            return own
        first = self.sdoc[left_of(head)]
        if head.idx >= mention["end"] and first.idx <= mention["start"]:
            between = [t for t in self.sdoc[first.i:head.i] if t.idx >= mention["end"]]
            if all(t.head.i == head.i and t.dep_ in ("compound", "amod") for t in between):
                return own[0], head.idx + len(head)
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            if prep.idx < mention["start"] and mention["end"] <= prep.right_edge.idx + len(
                    prep.right_edge):
                return first.idx, own[1]
        return own

    def named_before(self, token: Any) -> EventActor | None:
        """ "Republican leaders met ... THE ABASHED LEADERS left": a definite plural noun for
        people that names no one means the body or country that qualified the same noun last
        (within ``BACK`` tokens); its own words are the side's text."""
        if token.tag_ != "NNS" or token.lemma_.lower() not in people_nouns() or not any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
            return None
        for earlier in reversed(self.sdoc[max(0, token.i - BACK):token.i]):
            if earlier.tag_ != "NNS" or earlier.lemma_ != token.lemma_:
                continue
            for child in (c for c in earlier.children if c.dep_ in PREMODIFIERS):
                for mention in self.mentions.covering(child.idx):
                    actor = self.actors.get(mention["actor"])
                    if actor and actor.get("type") != "person":
                        left = self.sdoc[left_of(token)]
                        return self.make(actor["id"], actor.get("country"), left.idx,
                                         token.idx + len(token))
        return None

    def pair(self, token: Any) -> list[EventActor]:
        """ "THE TWO COUNTRIES signed", "BOTH MEN met", "their two nations": the last two
        actors of the noun's kind (``pair_nouns``) mentioned in its sentence or the
        ``PAIR_SENTENCES`` before it, the earlier first, each with the phrase's words; []
        for any other phrase."""
        kind = pair_nouns().get(token.lemma_.lower())
        words = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod", "poss")}
        definite = words & (DEFINITE | ENGLISH.possessive_pronouns)  # not "expects TWO men to"
        if kind is None or token.tag_ != "NNS" or not (
                "both" in words or ("two" in words and definite)):
            return []
        found: dict[str, dict[str, Any]] = {}
        sent = token.sent
        for _ in range(PAIR_SENTENCES):  # further back, "both candidates" may be others
            sent = self.sdoc[sent.start - 1].sent if sent.start else sent
        for mention in reversed(self.mentions.inside(sent.start_char, token.idx)):
            actor = self.actors.get(mention["actor"])
            if actor and actor.get("type") == kind:
                found.setdefault(actor["id"], actor)
                if len(found) == 2:
                    start = self.sdoc[left_of(token)].idx
                    return [self.make(a["id"], a.get("country"), start, token.idx + len(token))
                            for a in reversed(found.values())]
        return []

    def partner(self, side: EventActor) -> EventActor | None:
        """The other of the two actors a side's "the two ..." or "both ..." names."""
        span = self.sdoc.char_span(side["start"], side["end"], alignment_mode="expand")
        found = self.pair(span.root) if span is not None else []
        return found[1] if found and found[0]["actor"] == side["actor"] else None

    def host(self, side: EventActor) -> EventActor:
        """A visit's or a meeting's host named by the seat of its office ("visited the WHITE
        HOUSE", "talks at the KREMLIN"): the document's holder of that office, if one."""
        holder = side["actor"] and side["country"] and \
            seat_holder(side["text"], side["country"], list(self.actors.values()),
                        self.doc.published)
        if not holder:
            return side
        return self.make(holder["id"], side["country"], side["start"], side["end"])

    def filed(self, offset: int) -> bool:
        """Whether a character lies in a dateline ("BRUSSELS -"): where, not who."""
        return any(start <= offset < end for start, end in self.datelines)

    def legislature(self, country: str | None) -> EventActor | None:
        """The first-named legislature (an organisation of sector LEG) of ``country``."""
        for mention in self.mentions.items:
            actor = self.actors.get(mention["actor"]) or {}
            if country and actor.get("type") == "organisation" and actor.get("sector") == "LEG" \
                    and actor.get("country") == country:
                return self.make(actor["id"], country, mention["start"], mention["end"])
        return None

    def person(self, actor_id: str | None) -> bool:
        return (self.actors.get(actor_id or "") or {}).get("type") == "person"

    def apposed(self, token: Any) -> EventActor | None:
        """ "The first AMERICAN to ..., Moner Abusalha,", "a Chinese diplomat, Li Wei,": the
        person named in apposition, more specific than a people or a description, also
        where the description follows the name ("Cornel West, a Sanders SUPPORTER who ...":
        West, not Sanders); a title in apposition to a name ("Todd Stern, the climate
        ENVOY") names no one better."""
        named = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ == "appos" and token.pos_ == "NOUN":
            named.append(token.head)
        for other in named:
            if other.pos_ == "PROPN" and (found := self.resolve(other, appositions=False)) \
                    is not None and self.person(found["actor"]):
                return found
        return None

    def unrecognised(self, token: Any) -> EventActor | None:
        """A proper noun the entity recogniser missed ("Trump accused Holt" read as a title)
        that is, word for word, a name the document's actors go by, and only one's."""
        if token.pos_ != "PROPN" or self.mentions.covering(token.idx):
            return None
        actor_id = self.names.get(token.text)
        if actor_id is None:
            return None
        return self.make(actor_id, self.actors[actor_id].get("country"), token.idx,
                         token.idx + len(token))

    def opinion(self, token: Any) -> bool:
        """Whether a trigger lies inside a direct quotation and is not the speaker's own act:
        "they hit Matt," Trump said is his view of others, not an event; "we condemn" is his."""
        if not self.direct.covering(token.idx):
            return False
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        return not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children)

    def cued(self, token: Any) -> dict[str, Any] | None:
        """The attributed statement whose cue is ``token`` ("accused", "warned"), if its
        speaker was resolved to an actor by the quotes stage."""
        return next(iter(self.cues.covering(token.idx)), None)

    def speaker(self, quote: dict[str, Any]) -> EventActor | None:
        """The resolved speaker of a statement as an event side; an id the document's actors
        do not hold ("OSLO - Fishermen" read as one name) names nobody, nor does a dummy
        "it" ("it's easy to criticize X"). A speaker read off a
        wire dateline ("New York (AFP) - Vice President Joe Biden ... accusing him") is the
        name in apposition to it, if any: the place is where, not who."""
        span = quote.get("speaker") or quote["cue"]
        said = self.sdoc.char_span(span["start"], span["end"], alignment_mode="expand")
        if said is not None and len(said) == 1 and extraposed(said[0]):
            return None  # "IT's easy to criticize X": nobody spoke
        if self.filed(span["start"]):
            return next((found for c in (said.root.children if said is not None else ())
                         if c.dep_ == "appos" and not self.filed(c.idx)
                         and (found := self.resolve(c)) is not None), None)
        actor = self.actors.get(quote["actor"])
        country = (actor or {}).get("country") or self.speaker_country(quote)
        return self.make(actor and actor["id"], country, span["start"], span["end"])

    def addressees(self, quote: dict[str, Any], avoid: EventActor) -> Iterator[EventActor]:
        """The actors a statement's content names, other than its speaker, in text order;
        not a name that only says whom or what another phrase means (``qualifies``)."""
        for mention in self.mentions.overlapping(quote["start"], quote["end"]):
            if not quote["start"] <= mention["start"] < quote["end"]:
                continue
            actor = self.actors.get(mention["actor"])
            if actor is None or mention["actor"] == avoid["actor"] or \
                    mention.get("kind") == "pronoun" or self.qualifies(mention):
                continue
            yield self.make(mention["actor"], actor.get("country"), mention["start"],
                            mention["end"])

    def addressee(self, quote: dict[str, Any], avoid: EventActor) -> EventActor | None:
        """The first actor a statement's content names (``addressees``): whom an accusation,
        a demand or a warning is about ("said Russia must stop ...")."""
        return next(self.addressees(quote, avoid), None)

    def qualifies(self, mention: dict[str, Any]) -> bool:
        """Whether a mention only says who or what another phrase means: the possessor or
        a modifier of another name ("NBC's Matt Lauer", "CNN host Jane Doe"), or a name in
        the relative clause of a common noun ("the man that Senator Doe hired")."""
        span = self.sdoc.char_span(mention["start"], mention["end"], alignment_mode="expand")
        if span is None:
            return False
        head = span.root
        while head.dep_ in ("poss", "compound") and head.head.i != head.i:
            head = head.head
            if head.i >= span.end and head.pos_ == "PROPN" and \
                    head.ent_type_ in ENGLISH.named_labels:
                return True
        return any(t.dep_ == "relcl" and t.head.pos_ == "NOUN" for t in span.root.ancestors)

    def spoken_of(self, token: Any, speaker: EventActor) -> EventActor | None:
        """ "He is a talented man," Putin said: a he or she in what a speaker says is someone
        the speaker talks about, never the speaker; where the actors stage left it unresolved
        (two people just before it) or read it as the speaker, the one other person of its
        gender named before it in its sentence or the previous one."""
        gender = ENGLISH.pronoun_gender.get(token.lower_)
        if gender is None or token.lower_ not in ENGLISH.person_pronouns:
            return None
        found = self.resolve(token)
        if found is not None and found["actor"] != speaker["actor"]:
            return found
        sent = token.sent
        start = self.sdoc[sent.start - 1].sent.start_char if sent.start else sent.start_char
        people = {m["actor"]: m for m in self.mentions.inside(start, token.idx)
                  if m["actor"] != speaker["actor"] and m.get("kind") != "pronoun"
                  and self.person(m["actor"])
                  and self.actors[m["actor"]].get("gender") in (None, gender)}
        if len(people) != 1:
            return None
        mention = next(iter(people.values()))
        return self.make(mention["actor"], self.actors[mention["actor"]].get("country"),
                         token.idx, token.idx + len(token))

    def sentence_ents(self, sent: Any) -> list[Any]:
        """``sent.ents``, which spaCy finds by building every entity of the document."""
        return self.ents.inside(sent.start, sent.end)

    def placed(self, token: Any, preps: set[str]) -> str | None:
        """The one country named in the token's phrases led by ``preps`` ("in Dili")."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                sub = list(prep.subtree)
                codes = {p["code"] for p in self.places(sub[0].idx, sub[-1].idx + len(sub[-1]))}
                if len(codes) == 1:
                    return codes.pop()
        return None

    def phrase_country(self, left: int, right: int) -> str | None:
        """A country named or implied inside the phrase ("Jordan's King Abdullah")."""
        start, end = self.sdoc[left].idx, self.sdoc[right - 1].idx + len(self.sdoc[right - 1])
        for entity in self.entities.inside(start, end):
            if entity["label"] != "PERSON":
                if code := self.code(entity["text"]):
                    return code
        for tok in self.sdoc[left:right]:
            if self.bare_place(tok) and not self.filed(tok.idx) and (code := self.code(tok.text)):
                return code
        return None

    def bare_place(self, tok: Any) -> bool:
        """Whether a word may name a country on its own: not a country's name inside a person's
        ("CHAD Bown"; a demonym still places: "BOSNIAN Serbs") or a word of a longer place name
        ("New JERSEY Gov. Chris Christie"), whose whole was already looked up; a body's name
        keeps its country word ("the CHINESE Foreign Ministry")."""
        if tok.pos_ not in ("PROPN", "ADJ", "NOUN"):
            return False
        place = lookup(tok.text)
        person = place is not None and place.kind != "demonym" and any(
            (self.actors.get(m["actor"] or "") or {}).get("type") == "person"
            for m in self.mentions.covering(tok.idx))
        return not person and not any(e.label_ in PLACES and e.end - e.start > 1
                                      for e in self.ents.covering(tok.idx))

    def office_holder(self, found: EventActor) -> bool:
        """Whether a resolved actor is a person holding an office ("President X")."""
        record = self.actors.get(found["actor"] or "")
        return bool(record and record["type"] == "person" and record["roles"])

    def sentence_country(self, start: int, end: int, exclude: set[str]) -> str | None:
        """The one country a sentence names (besides ``exclude``), for an actor without one.

        "President X resigned to allow Haiti's first elections": an office-holder the actors
        stage could not place takes the only country in their sentence; none if several.
        """
        found = {self.code(e["text"]) for e in self.entities.inside(start, end)
                 if e["label"] in ("GPE", "NORP")}
        found |= {m["code"] for m in self.places(start, end)}  # "the White House said"
        found -= exclude | {None}
        return found.pop() if len(found) == 1 else None

    def places(self, start: int, end: int) -> list[dict[str, Any]]:
        """Mentions of a country (name, demonym, capital, seat of government) in a range,
        each with its ``code``."""
        found = []
        for mention in self.mentions.inside(start, end):
            actor = self.actors.get(mention["actor"])
            if actor and actor["type"] == "country":
                found.append({**mention, "code": actor["country"]})
        return found

    def speaker_country(self, quote: dict[str, Any]) -> str | None:
        """The country in a quote's speaker phrase ("the French foreign minister")."""
        speaker = quote.get("speaker")
        span = speaker and self.sdoc.char_span(speaker["start"], speaker["end"],
                                               alignment_mode="expand")
        return self.phrase_country(span.start, span.end) if span else None

    def code(self, name: str) -> str | None:
        return country_code(name)

    def make(self, actor: str | None, country: str | None, start: int, end: int) -> EventActor:
        """An event side; its country in PLOVER's coding (ISO3, IGO or NGO, see sides.py)."""
        country = side_code(country, self.actors.get(actor or ""))
        return {"actor": actor, "country": country, "text": self.doc.text[start:end],
                "start": start, "end": end}

