"""Speaker span -> actor id: the actors stage's mentions first, then a local fallback.

The fallback (names, surnames, he/she to the last named speaker of that gender, they/we/it
to the last organisation, country or group that spoke, unless people were named as a plural
subject since) only runs when no mention covers the
speaker, so that the actors stage's coreference wins.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.actors import gender as gendered
from dateline.actors.ids import slug as actor_slug
from dateline.actors.reference import reference
from dateline.actors.resolve import main_subject
from dateline.language import ENGLISH
from dateline.model import Document
from dateline.quotes.marks import find_marked, paragraphs
from dateline.spans import SpanIndex

_TITLE = re.compile(r"^(?:mr|mrs|ms|dr|sen|rep|gov|gen|pres|prof)\.?\s+", re.I)


def slug(name: str) -> str:
    """An actor id as the actors stage makes it, without a possessive ("Blinken's")."""
    return actor_slug(re.sub(r"'s$|’s$", "", name.strip()))


def _last_word(name: str) -> str:
    words = _TITLE.sub("", name).split() or [""]
    return re.sub(r"(?:'s|’s)$", "", words[-1].lower())


def _first_word(name: str) -> str:
    words = _TITLE.sub("", name).split() or [""]
    return words[0].lower()


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class SpeakerResolver:
    """Resolves speaker spans of one document, remembering who spoke last."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.spoken: list[str] = []  # people who spoke, in text order
        self.last_group: str | None = None  # the last organisation, country or group
        self.last_group_at = 0  # where it was named as a speaker
        self._quoted: SpanIndex | None = None  # quoted stretches, found when first needed
        self._paragraphs: list[tuple[int, int]] = []  # and the paragraphs, at the same time
        persons = [e for e in doc.entities if e["label"] == "PERSON"]
        self.persons = persons
        # tables built once per document, so each speaker costs no scan of the document
        self.full_names: dict[str, list] = {}  # family name ("blinken", "wang") -> full names
        for ent in persons:
            if len(_TITLE.sub("", ent["text"]).split()) > 1:
                for word in {_last_word(ent["text"]), _first_word(ent["text"])}:
                    self.full_names.setdefault(word, []).append(ent)
        self.actors: dict[str, Any] = {}
        self.known: dict[str, str] = {}  # slug of an id, name or alias -> the first such actor
        for actor in doc.actors:
            self.actors.setdefault(actor["id"], actor)
            for key in (actor["id"], *map(slug, [actor["name"], *actor.get("aliases", [])])):
                self.known.setdefault(key, actor["id"])
        self.mentions = SpanIndex(doc.mentions)
        self.entities = SpanIndex(doc.entities)

    def _known(self, name: str) -> str:
        key = slug(name)
        return self.known.get(key, key)

    def _surname(self, text: str, before: int) -> str | None:
        """ "Blinken" -> "Antony Blinken" from the nearest full name with that last word."""
        best = None
        for ent in self.full_names.get(_last_word(text), []):
            if best is None or ent["start"] < before:
                best = ent
        return best["text"] if best else None

    def resolve(self, span: tuple[int, int] | None, within: tuple[str, str] | None = None
                ) -> str | None:
        """The actor id for a speaker span; also updates the last-speaker memory.

        ``within`` is (kind, actor) of a quote whose content holds the speaker: in
        "Blinken said he believed ..." the "he" is Blinken, in an interview turn "I" is
        whoever holds the turn.
        """
        if span is None:
            return None
        word = self.doc.text[span[0] : span[1]].strip().lower()
        if within is not None and not self.has_mention(span):
            kind, outer = within
            if (kind == "transcript" and word in ENGLISH.self_pronouns) or (
                kind != "transcript" and word in ENGLISH.third_person
                and gendered.agrees(word, self.gender_of(outer))
            ):
                return outer
        actor, person = self._lookup(span)
        if actor and person:
            if not self.spoken or self.spoken[-1] != actor:
                self.spoken.append(actor)
        elif actor:
            self.last_group, self.last_group_at = actor, span[1]
        return actor

    def has_mention(self, span: tuple[int, int]) -> bool:
        """Whether the actors stage resolved something over this span."""
        return bool(self.mentions.overlapping(*span))

    def gender_of(self, actor_id: str | None) -> str | None:
        return gendered.of_record(self.actors.get(actor_id or ""))

    def gender_at(self, span: tuple[int, int]) -> str | None:
        """The gender of whom a span names: its actor's, else a person name's first name's,
        else a gendered noun's ("the spokeswoman")."""
        for mention in self.mentions.overlapping(*span):
            if gender := self.gender_of(mention["actor"]):
                return gender
        for ent in self.entities.overlapping(*span):
            if ent["label"] == "PERSON":
                return gendered.by_first_name(_TITLE.sub("", ent["text"]))
        return gendered.words().nouns.get(self.doc.text[span[0]:span[1]].strip().lower())

    def actor_at(self, span: tuple[int, int]) -> str | None:
        """The actor a span names, without touching the last-speaker memory."""
        return self._lookup(span)[0]

    def _lookup(self, span: tuple[int, int]) -> tuple[str | None, bool]:
        if self._facing(span):
            return None, False
        mentions = self.mentions.overlapping(*span)
        if mentions:
            best = max(mentions, key=lambda m: _overlap(span, (m["start"], m["end"])))
            actor = self.actors.get(best["actor"])
            return best["actor"], bool(actor and actor.get("type") == "person")
        ents = self.entities.overlapping(*span)
        for ent in ents:
            if ent.get("actor"):
                actor = self.actors.get(ent["actor"])
                return ent["actor"], bool(actor and actor.get("type") == "person")
        for ent in ents:
            if ent["label"] == "PERSON":
                full = self._surname(ent["text"], ent["start"]) or _TITLE.sub("", ent["text"])
                return self._known(full), True
        for ent in ents:
            if ent["label"] in ENGLISH.named_labels:
                return self._known(ent["text"]), False
        word = self.doc.text[span[0] : span[1]].strip().lower()
        if word in ENGLISH.person_pronouns:
            return self._person_before(word, span[0]), True
        if word in ENGLISH.group_pronouns:
            return (None if self._people_since(word, span[0]) else self.last_group), False
        return None, False

    def _facing(self, span: tuple[int, int]) -> bool:
        """Whether a speaker is people named by their stance towards a name ("Sanders
        SUPPORTERS said"): not that name, nor anyone the stage can name."""
        sdoc = self.doc.spacy
        words = sdoc.char_span(*span, alignment_mode="expand") if sdoc else None
        if words is None or not len(words):
            return False
        head = words.root
        return head.lemma_.lower() in ENGLISH.stance_nouns and not self.mentions.overlapping(
            head.idx, head.idx + len(head))

    def _people_since(self, pronoun: str, at: int) -> bool:
        """Whether a "they" more likely means people named since the last group spoke: a
        plural agent noun of the reference data as a subject ("The dock workers were angry.
        They said ...") in its sentence or the one before, after that group."""
        sdoc = self.doc.spacy
        token = sdoc.char_span(at, at + len(pronoun), alignment_mode="expand") if sdoc else None
        if pronoun != "they" or token is None:
            return False
        sent = token[0].sent
        start = sdoc[sent.start - 1].sent.start if sent.start else sent.start
        agents = reference().agents
        return any(t.tag_ == "NNS" and t.dep_ in ENGLISH.subjects and t.lemma_.lower() in agents
                   and t.idx >= self.last_group_at for t in sdoc[start:token[0].i])

    def _person_before(self, pronoun: str, at: int) -> str | None:
        """Whom a he/she/I speaker means: the nearest main-clause subject before it, outside
        quotation marks, in its paragraph or the one before, that is a person of its gender
        ("Devine spoke. ... But what does Sanders want? \n He complained": Sanders); else
        the last person who spoke whose gender it agrees with, else the last such person
        named before it."""
        if subject := self._subject_before(pronoun, at):
            return subject
        for actor_id in reversed(self.spoken):
            if gendered.agrees(pronoun, self.gender_of(actor_id)):
                return actor_id
        for ent in reversed([e for e in self.persons if e["end"] <= at]):
            if gendered.agrees(pronoun, self.gender_at((ent["start"], ent["end"]))):
                return self._lookup((ent["start"], ent["end"]))[0]
        return None

    def _subject_before(self, pronoun: str, at: int) -> str | None:
        sdoc = self.doc.spacy
        if sdoc is None or pronoun not in ENGLISH.third_person:
            return None
        if self._quoted is None:
            self._quoted = SpanIndex([{"start": m.start, "end": m.end}
                                      for m in find_marked(self.doc.text)])
            self._paragraphs = paragraphs(self.doc.text)
        paras = [p for p in self._paragraphs if p[0] <= at]
        start = paras[-2][0] if len(paras) > 1 else 0
        for mention in reversed(self.mentions.inside(start, at)):
            actor = self.actors.get(mention["actor"] or "")
            if (not actor or actor.get("type") != "person" or mention.get("kind") == "pronoun"
                    or self._quoted.covering(mention["start"])
                    or not gendered.agrees(pronoun, self.gender_of(actor["id"]))):
                continue
            span = sdoc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is not None and any(main_subject(t) for t in span):
                return str(actor["id"])
        return None
