"""The trigger lexicon: which parsed tokens start which PLOVER event, matched on lemma and deps.

Two layers, both indexed by lemma: the hand-written ``triggers.yaml`` (PLOVER's own choices
where CAMEO is wrong or silent) is tried first, then ``cameo_verbs.tsv``, derived from the
CAMEO verb dictionary by ``dateline.events.train``. A noun the table derives from a verb
("condemnation", "threat") codes as that verb would, its conditions read off the noun's
phrase ("the deployment OF BATTALIONS" as "deploy battalions").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.events.ontology import ontology
from dateline.events.roles import infinitive, temporal
from dateline.language import ENGLISH
from dateline.quotes.lexicon import load_cues
from dateline.resources import load_text, load_yaml

# The calling sense: "called X a disgrace" names X, it meets nobody.
NAMING = {"call", "brand", "label", "dub"}
POS = {"verb": {"VERB"}, "noun": {"NOUN", "PROPN"}, "adj": {"ADJ"}}
# Dependents that never satisfy ``with``: the "to" of "got to ask" is no "ask to".
FUNCTION = {"aux", "auxpass", "mark", "det", "punct", "neg", "cc"}
# Dependents through which a required word ("call ON", "deny ... ACCESS") may hang.
LINKS = {"prep", "agent", "prt", "dobj", "xcomp", "dative", "ccomp", "compound", "amod", "acomp"}
# The lexicon's own triggers that rules return (Lexicon.comment, Lexicon.demand).
RULE_TRIGGERS = ("comment", "demand")


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
    # Derived from CAMEO, whose events are dyadic: codes only with a recipient named in the
    # verb's own objects or prepositions (PETRARCH codes nothing without a target either).
    dyadic: bool = False
    # A derived pattern that names content words of its object ("deploy TROOPS", "conduct
    # military EXERCISES"; not a bare particle: "back OUT") is specific enough to code
    # without a named recipient where PLOVER does not require one (MOBILIZE: "a group may
    # mobilize with no entity stated").
    specific: bool = False
    # The category (and mode) coded when the clause names no recipient: a missile fired
    # AT a town is an attack, fired into the sea it is a show of force (PLOVER MOBILIZE).
    untargeted: tuple[str, str | None] | None = None
    # A noun coded as the verb it derives from ("condemnation" as "condemn"): its sides are
    # read off the noun's phrase and its governing verb (roles.noun_sources/noun_targets).
    nominal: bool = False
    # An act between its parties, as a meeting is, whatever its category (triggers.yaml
    # "reciprocal": "Chile and Peru SIGNED a treaty").
    reciprocal: bool = False
    # Its ``with`` word must be its object or a passive's subject (triggers.yaml "object":
    # "ENDED its embargo", not "the embargo would END", which no one did).
    object_: bool = False
    # Its sense has no object: with one, or a clause, it is the verb's other sense
    # (triggers.yaml "intransitive": "DEMONSTRATED his knack", "demonstrated THAT ...").
    intransitive: bool = False
    # A derived verb's bare default: CAMEO's pattern names neither a particle nor an object
    # ("GO", "FACE", "TAKE"), the verb's most general sense (see ``roles.recipients``).
    bare: bool = False


def plain_trigger(category: str, word: str = "", dyadic: bool = False) -> Trigger:
    """A verb's trigger with no conditions of its own, of the category's default CAMEO code:
    what a rule rather than a table entry decides (a comment, a demand, a verb of saying)."""
    return Trigger(category=category, lemma=word, pos="verb", mode=None,
                   cameo=ontology().cameo(category, None), with_=frozenset(),
                   without=frozenset(), negated=None, rank=1, dyadic=dyadic)


def lemma(token: Any) -> str:
    return token.lemma_.lower()


def kin(one: str, other: str) -> bool:
    """Whether two lemmas are of one word family: a shared stem of four letters
    ("accuse"/"accusation", "test"/"testing", "invade"/"invasion"); a shorter lemma must be
    equal ("say", "hit")."""
    stem = min(4, len(one), len(other))
    return one[:stem] == other[:stem] and (stem == 4 or one == other)


def neighbours(token: Any) -> set[str]:
    """Lemmas near a trigger that can satisfy its ``with``: dependents, one hop further, heads."""
    near = {lemma(token.head)} if token.head.i != token.i else set()
    if token.dep_ == "pobj" or token.head.dep_ in ("prep", "agent"):
        near.add(lemma(token.head.head))
    for child in token.children:
        if temporal(child):
            continue
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


# Dependents whose words a CAMEO pattern may require after its verb (objects, prepositions,
# particles, complements); clauses of their own (ccomp, advcl, conj) are not the verb's object.
OBJECT_DEPS = {"dobj", "prep", "prt", "dative", "attr", "acomp", "oprd", "agent", "xcomp",
               "npadvmod", "advmod", "pobj"}
CLAUSAL = {"xcomp", "ccomp"}


@dataclass(frozen=True)
class Pattern:
    """One derived CAMEO verb entry: required subject and object words (each slot a set)."""

    particle: str | None
    subject: tuple[frozenset[str], ...]
    object: tuple[frozenset[str], ...]
    trigger: Trigger | None  # None: the pattern names no PLOVER event ("---", CAMEO 01/02)
    size: int = field(init=False)  # how many words it requires: the more, the more specific

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", len(self.subject) + len(self.object))


# The links a CAMEO pattern's words are read through, by what the word is: a noun's own
# modifiers and conjuncts ("new trade SANCTIONS and tariffs"), a preposition's object, a
# verb's objects ("agreed to HOLD TALKS"). A noun's other prepositional phrases are no part
# of the verb's object: "slammed the comments ABOUT THE BORDER" slams no border.
NOUN_LINKS = {"compound", "amod", "nummod", "poss", "nmod", "conj", "appos", "quantmod", "neg",
              "advmod"}
PREP_LINKS = {"pobj", "pcomp"}
# A noun's "of" phrase still names what is acted on: "suspended PART of the aid".
PARTITIVE = "of"


def phrase_words(token: Any, found: set[str]) -> None:
    """The lemmas and forms of ``token``'s phrase as a CAMEO pattern reads it."""
    found.add(lemma(token))
    found.add(token.lower_)
    for child in token.children:
        if temporal(child):
            continue
        if token.pos_ in ("VERB", "AUX"):
            follow = child.dep_ in OBJECT_DEPS and child.i > token.i
        elif token.dep_ in ("prep", "agent") or token.pos_ == "ADP":
            follow = child.dep_ in PREP_LINKS
        else:
            follow = child.dep_ in NOUN_LINKS or (child.dep_ == "prep" and
                                                   child.lower_ == PARTITIVE)
        if follow:
            phrase_words(child, found)


def words_under(token: Any, deps: set[str], after: bool) -> set[str]:
    """Lemmas and forms of the phrases of ``token``'s dependents of the given relations."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in deps and (not after or child.i > token.i) and not temporal(child):
            phrase_words(child, found)
    return found


# The verb's own object, before any prepositional phrase of it.
DIRECT = OBJECT_DEPS - {"prep", "agent", "pobj"}


class ClauseWords:
    """The words of a trigger's clause that CAMEO patterns test, each read off the parse
    once and only when a pattern asks (most verbs stop at their first patterns)."""

    def __init__(self, token: Any, subject_deps: set[str] | frozenset[str]) -> None:
        self.token, self.subject_deps = token, subject_deps

    @cached_property
    def objects(self) -> set[str]:
        return words_under(self.token, OBJECT_DEPS, after=True)

    @cached_property
    def direct(self) -> set[str]:
        return words_under(self.token, DIRECT, after=True)

    @cached_property
    def preps(self) -> set[str]:
        return {c.lower_ for c in self.token.children if c.dep_ in ("prep", "agent")}

    @cached_property
    def subjects(self) -> set[str]:
        return words_under(self.token, self.subject_deps, after=False)


def own_object(slots: tuple[frozenset[str], ...], direct: set[str], preps: set[str]) -> bool:
    """Whether a pattern's words before its first preposition are the verb's own object:
    "slam * BORDER" slams a border shut, "slammed Chile OVER the border" does not; after a
    preposition ("move * troop TOWARD border") a word may be in any of its phrases."""
    for slot in slots:
        if slot & preps:
            return True
        if not slot & direct:
            return False
    return True


VETO = Trigger(category="", lemma="", pos="verb", mode=None, cameo="", with_=frozenset(),
               without=frozenset(), negated=None, rank=0)


class CameoVerbs:
    """The derived CAMEO verb table, indexed by lemma; most specific pattern first."""

    def __init__(self) -> None:
        onto = ontology()
        sets: dict[str, frozenset[str]] = {}
        self.index: dict[str, list[Pattern]] = defaultdict(list)
        self.nouns: dict[str, list[str]] = defaultdict(list)  # derived noun -> its verbs
        for line in load_text("events", "cameo_verbs.tsv").splitlines():
            if line.startswith("#") or not line:
                continue
            cols = line.split("\t")
            if cols[0] == "set":
                sets[cols[1]] = frozenset(cols[2].split())
                continue
            if cols[0] == "noun":
                self.nouns[cols[1]].append(cols[2])
                continue
            _, verb, particle, code, kind, mode, before, after = cols
            trig = None
            if kind in onto.categories:
                mode_ = mode if mode in onto.modes(kind) else None
                trig = Trigger(category=kind, lemma=verb, pos="verb", mode=mode_,
                               cameo=code.split(":")[0], with_=frozenset(),
                               without=frozenset(), negated=None, rank=1, dyadic=True,
                               specific=any(w.startswith("&") or w not in STOP_WORDS
                                            for w in f"{before} {after}".split() if w != "-"))

            def slots(text: str) -> tuple[frozenset[str], ...]:
                return tuple(sets.get(w, frozenset()) if w.startswith("&") else frozenset({w})
                             for w in text.split() if text != "-")

            self.index[verb].append(Pattern(particle=None if particle == "-" else particle,
                                            subject=slots(before), object=slots(after),
                                            trigger=trig))
        for patterns in self.index.values():
            patterns.sort(key=lambda p: (-p.size, p.particle is None))

    def criticises(self, verb: str) -> bool:
        """Whether CAMEO lists a criticism sense of the verb beside any other ("attack",
        "slam", "blast", "hit", "lash": a blow or a rebuke)."""
        return any(p.trigger and p.trigger.category == "ACCUSE" for p in self.index.get(verb, ()))

    def denies(self, verb: str) -> Trigger | None:
        """The REJECT trigger of a verb CAMEO lists denying several things said ("deny /
        dismiss / reject ACCUSATIONS, CHARGES, a REPORT": 016, adopted as REJECT); one such
        pattern is an idiom of the verb, not its sense ("repeat a DENIAL")."""
        found = [p.trigger for p in self.index.get(verb, ()) if p.object and p.trigger
                 and p.trigger.category == "REJECT" and p.trigger.cameo.startswith("016")]
        return found[0] if len(found) > 1 else None

    def match(self, token: Any, verb: str | None = None) -> Trigger | None:
        """The event of the most specific pattern that fits; a verb whose bare defaults
        disagree (a crash and a criticism: "slam") codes nothing without a pattern. With
        ``verb``, ``token`` is a noun derived from it: its phrase holds the objects, its
        possessor the subject ("Chile's deployment OF TROOPS")."""
        patterns = self.index.get(verb or lemma(token))
        if not patterns or (token.pos_ != "VERB" and verb is None):
            return None
        words = ClauseWords(token, {"poss"} if verb else ENGLISH.subjects)
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        defaults = []
        for pat in patterns:
            if pat.particle and pat.particle not in particles and \
                    pat.particle not in words.objects:
                continue
            if not pat.size:
                defaults.append(pat)
                continue
            if not all(slot & words.objects for slot in pat.object):
                continue
            if not own_object(pat.object, words.direct, words.preps):
                continue
            if pat.subject and not all(slot & words.subjects for slot in pat.subject):
                continue
            return pat.trigger
        if not defaults or any(c.dep_ in CLAUSAL for c in token.children):
            return None  # "wanted to ...", "thinks that ...": the event, if any, is the clause
        best = [p for p in defaults if p.particle == defaults[0].particle]
        kinds = {p.trigger.category if p.trigger else None for p in best}
        if len(kinds) != 1 or best[0].trigger is None:
            return None
        return replace(best[0].trigger, bare=True) if best[0].particle is None \
            else best[0].trigger


class Lexicon:
    """Trigger entries indexed by lemma: triggers.yaml first, then the derived CAMEO table."""

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
                untargeted = entry.get("untargeted")
                if untargeted is not None:
                    kind, _, alone = untargeted.partition(" ")
                    if kind not in onto.categories or (alone and alone not in onto.modes(kind)):
                        raise ValueError(f"triggers.yaml: unknown untargeted {untargeted}")
                    untargeted = (kind, alone or None)
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
                    untargeted=untargeted,
                    reciprocal=bool(entry.get("reciprocal")),
                    object_=bool(entry.get("object")),
                    intransitive=bool(entry.get("intransitive")),
                ))
        # Entries that need a companion word are more specific: try them first.
        for entries in self.index.values():
            entries.sort(key=lambda t: (not t.with_, -t.rank))
        self.cameo = CameoVerbs()
        # Derived nouns whose verb may code an event (a hand entry or a CAMEO pattern); a
        # noun already in the hand table keeps its own entries first.
        self.nouns = {noun: verbs for noun, verbs in self.cameo.nouns.items()
                      if any(v in self.index or any(p.trigger for p in self.cameo.index.get(v, ()))
                             for v in verbs)}
        self.comment = plain_trigger("ACCUSE")
        self.demand = plain_trigger("REQUEST")

    def dump(self, trig: Trigger) -> str | list[Any]:
        """A trigger as plain data, to ship with a parse: the name of one of this lexicon's
        rule triggers (the events stage tells those by identity), else its fields."""
        for name in RULE_TRIGGERS:
            if trig is getattr(self, name):
                return name
        return [sorted(value) if isinstance(value, frozenset) else
                list(value) if isinstance(value, tuple) else value
                for value in (getattr(trig, f.name) for f in fields(Trigger))]

    def load(self, data: str | list[Any]) -> Trigger:
        """The trigger ``dump`` gave ``data`` for."""
        if isinstance(data, str):
            return getattr(self, data)
        values = dict(zip((f.name for f in fields(Trigger)), data, strict=True))
        untargeted = values["untargeted"]
        return Trigger(**{**values, "with_": frozenset(values["with_"]),
                          "without": frozenset(values["without"]),
                          "untargeted": tuple(untargeted) if untargeted else None})

    def match(self, token: Any) -> Trigger | None:
        """The most specific hand entry that fits ``token``, else the derived CAMEO one, else
        a directive ("encouraged X to act")."""
        if token.pos_ != "VERB":  # the hand table's nouns and adjectives, the derived nouns
            found = self.hand(token) if lemma(token) in self.index else None
            if found is VETO:
                return None
            return found or (self.nominal(token) if token.pos_ == "NOUN" else None)
        found = self.hand(token)
        if found is VETO:
            return None
        return found or self.cameo.match(token) or self.directive(token) or \
            self.naming(token) or self.denial(token)

    def nominal(self, token: Any) -> Trigger | None:
        """A noun derived from a verb ("condemnation", "the deployment of battalions") coded
        as that verb: its hand entries, their companions read off the noun's phrase, else its
        CAMEO patterns; the first of its verbs that codes."""
        for verb in self.nouns.get(lemma(token), ()):
            found = self.hand(token, verb)
            if found is VETO:
                return None
            found = found or self.cameo.match(token, verb)
            if found is not None:
                # a verb's own form as its noun ("an attack") names too many things to
                # code without a recipient (derivation.yaml, converted)
                return replace(found, lemma=lemma(token), pos="noun", nominal=True,
                               dyadic=found.dyadic or verb == lemma(token))
        return None

    def denial(self, token: Any) -> Trigger | None:
        """ "dismissed the CRITICISM", "denied the NOTION": a verb of saying whose CAMEO
        sense is denying what was said (``CameoVerbs.denies``) rejects whatever thing its
        object names, listed there or not; a person or a party as object ("dismissed its
        chief executive", "dismissed Cruz") is fired or judged, not denied."""
        if token.pos_ != "VERB" or lemma(token) not in load_cues().speech:
            return None
        trig = self.cameo.denies(lemma(token))
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if trig is None or obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or any(
                c.dep_ == "appos" for c in obj.children):
            return None
        return trig

    def naming(self, token: Any) -> Trigger | None:
        """ "called Burma A SUCCESS STORY": a verb of naming with its object and what it
        names it is a comment on that object, whichever CAMEO comment pattern fits (CAMEO
        codes comments, 012/013, as no event); ``verbal_sense`` reads praise or blame off
        the complement."""
        if lemma(token) in NAMING and token.pos_ == "VERB" and all(
                any(c.dep_ == dep for c in token.children) for dep in ("dobj", "oprd")):
            return self.comment
        return None

    def directive(self, token: Any) -> Trigger | None:
        """ "told / encouraged / persuaded X TO bolster ...": a verb of saying (a speech cue,
        or a verb whose bare CAMEO sense is a verbal act) with an object and an infinitive for that
        object to carry out is a demand on it, whatever the verb's bare sense (CAMEO codes
        "encourage" as praise, "tell" as no event)."""
        if token.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in token.children):
            return None
        if not any(c.dep_ == "xcomp" and c.i > token.i and infinitive(c)
                   for c in token.children):
            return None
        onto = ontology()
        verbal = lemma(token) in load_cues().speech or any(
            p.trigger and not p.size and "verbal" in onto.categories[p.trigger.category]["quad"]
            for p in self.cameo.index.get(lemma(token), ()))
        return self.demand if verbal else None

    def hand(self, token: Any, verb: str | None = None) -> Trigger | None:
        """The most specific entry whose lemma, part of speech and companions fit ``token``;
        ``VETO`` when an entry's ``without`` word is near ("offered no PROOF") or an
        intransitive entry has an object: the hand table knows this sense is no event, so
        the derived table is not asked. With
        ``verb``, the verb entries of the verb a noun ``token`` derives from."""
        entries = self.index.get(verb or lemma(token))
        if not entries:
            return None
        near: set[str] | None = None
        for trig in entries:
            if (trig.pos != "verb") if verb else token.pos_ not in POS[trig.pos]:
                continue
            if trig.with_ or trig.without:
                near = near if near is not None else neighbours(token)
                if trig.without & near:
                    return VETO
                if trig.with_ and not trig.with_ & near:
                    continue
                if trig.object_ and not any(c.dep_ in ("dobj", "nsubjpass") and
                                            lemma(c) in trig.with_ for c in token.children):
                    continue
            if trig.intransitive and any(c.dep_ in ("dobj", "ccomp") for c in token.children):
                return VETO
            return trig
        return None
