"""The trigger lexicon: which parsed tokens start which PLOVER event, matched on lemma and deps."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from dateline.events.ontology import ontology
from dateline.resources import load_yaml

POS = {"verb": {"VERB"}, "noun": {"NOUN", "PROPN"}, "adj": {"ADJ"}}
# Dependents that never satisfy ``with``: the "to" of "got to ask" is no "ask to".
FUNCTION = {"aux", "auxpass", "mark", "det", "punct", "neg", "cc"}
# Dependents through which a required word ("call ON", "deny ... ACCESS") may hang.
LINKS = {"prep", "agent", "prt", "dobj", "xcomp", "dative", "ccomp", "compound", "amod", "acomp"}


@dataclass(frozen=True)
class Trigger:
    category: str
    lemma: str
    pos: str
    mode: str | None
    cameo: str
    with_: frozenset[str]
    without: frozenset[str]
    negated: str | None
    rank: int


def lemma(token: Any) -> str:
    return token.lemma_.lower()


def neighbours(token: Any) -> set[str]:
    """Lemmas near a trigger that can satisfy its ``with``: dependents, one hop further, heads."""
    near = {lemma(token.head)} if token.head.i != token.i else set()
    if token.dep_ == "pobj" or token.head.dep_ in ("prep", "agent"):
        near.add(lemma(token.head.head))
    for child in token.children:
        if child.dep_ not in FUNCTION:
            near.add(lemma(child))
            if child.ent_type_:  # upper-case entity labels: "release PERSON"
                near.add(child.ent_type_)
        if child.dep_ in LINKS:
            for grand in child.children:
                if grand.dep_ != "punct":
                    near.add(lemma(grand))
                if child.dep_ == "dobj" and grand.dep_ == "prep":  # "suspended PART of the aid"
                    near.update(lemma(g) for g in grand.children if g.dep_ == "pobj")
    near.add(token.text.lower())
    return near


class Lexicon:
    """Trigger entries indexed by lemma; built once from triggers.yaml."""

    def __init__(self) -> None:
        onto = ontology()
        self.index: dict[str, list[Trigger]] = defaultdict(list)
        for category, entries in load_yaml("events", "triggers.yaml").items():
            if category not in onto.categories:
                raise ValueError(f"triggers.yaml: unknown PLOVER category {category}")
            for entry in entries:
                words = entry.get("with") or ()
                if not all(isinstance(w, str) for w in words):  # YAML reads a bare on/off as bool
                    raise ValueError(f"triggers.yaml: quote the words of {entry}")
                mode = entry.get("mode")
                if mode is not None and mode not in onto.modes(category):
                    raise ValueError(f"triggers.yaml: unknown mode {mode} for {category}")
                self.index[entry["lemma"]].append(Trigger(
                    category=category,
                    lemma=entry["lemma"],
                    pos=entry.get("pos", "verb"),
                    mode=mode,
                    cameo=str(entry.get("cameo") or onto.cameo(category, mode)),
                    with_=frozenset(words),
                    without=frozenset(entry.get("without") or ()),
                    negated=entry.get("negated"),
                    rank=int(entry.get("rank", 1)),
                ))
        # Entries that need a companion word are more specific: try them first.
        for entries in self.index.values():
            entries.sort(key=lambda t: (not t.with_, -t.rank))

    def match(self, token: Any) -> Trigger | None:
        """The most specific entry whose lemma, part of speech and companions fit ``token``."""
        entries = self.index.get(lemma(token))
        if not entries:
            return None
        near: set[str] | None = None
        for trig in entries:
            if token.pos_ not in POS[trig.pos]:
                continue
            if trig.with_ or trig.without:
                near = near if near is not None else neighbours(token)
                if trig.with_ and not trig.with_ & near or trig.without & near:
                    continue
            return trig
        return None
