"""Source and target of a trigger from the dependency parse (who acts, who is acted upon).

Hand-written because no library maps a spaCy parse to PLOVER's actor/recipient roles;
candidates come in order of preference and the resolver picks the first that is an actor.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from dateline.language import ENGLISH
from dateline.quotes.lexicon import load_cues
from dateline.resources import load_yaml

RELATIVE = {"that", "which", "who", "whom"}
# Relative pronouns read as a clause's object: a "that" so parsed is as often a content
# clause's complementizer ("consensus THAT Russia hacked into ...").
OBJECT_RELATIVE = RELATIVE - {"that"}
TARGET_PREPS = ("on", "upon", "against", "with", "to", "from", "for", "at", "into", "of",
                "between", "among", "over", "about", "regarding", "toward", "towards", "in",
                "behind")  # "threw its support BEHIND X"
# Prepositions by which a verb in its most general sense (a CAMEO bare default, ``bare``)
# names its other party: "spoke WITH Comey", "appealed TO Congress", "campaigned AGAINST
# Trump", "bought steel FROM the US"; not a medium, a place or a beneficiary ("went ON
# Twitter", "gathered AT a bar", "prepared papers FOR Carson", "voted FOR Obama").
PARTY_PREPS = ("with", "to", "against", "from")
# Prepositions by which a verb's object is aimed at a party ("pressure ON", "ties WITH").
AIMED = ("on", "upon", "against", "with", "to", "toward", "towards", "at")
# Clause links through which a verb inherits the subject of its head.
INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acomp")
PREDICATE = ("VERB", "AUX", "ADJ")
# Passive heads that assert their infinitive and whose subject carries it out: "was FORCED
# to resign" (she resigned); "was expected / asked to resign" asserts nothing and names no actor.
IMPLICATIVE = {"force", "compel", "oblige", "make"}


# Named-entity labels of a time: a phrase whose object is one says when, not to whom.
TEMPORAL = {"DATE", "TIME"}


def temporal(child: Any) -> bool:
    """Whether a dependent is a prepositional phrase of time ("called a meeting ON FRIDAY",
    "met IN MARCH"): no slot for a pattern's preposition nor for a recipient."""
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return child.dep_ == "prep" and bool(objects) and all(o.ent_type_ in TEMPORAL
                                                           for o in objects)


def pobjs(prep: Any) -> Iterator[Any]:
    if temporal(prep):
        return
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            yield child
            yield from (c for c in child.children if c.dep_ == "conj")


def predicate(token: Any) -> Any:
    """The verb that governs a noun trigger ("held TALKS", "a MEETING with" -> held, concluded)."""
    hops = 0
    while token.pos_ not in PREDICATE and token.head.i != token.i and hops < 4:
        token = token.head
        hops += 1
    return token


def sources(token: Any) -> Iterator[Any]:
    """Candidate heads for the actor of the event, best first."""
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            if child.dep_ == "poss":
                yield child
        yield from (c for c in token.children if c.dep_ in ("compound", "amod"))
        yield from nominal_agents(token)
        if token.dep_ == "nsubjpass":  # "the treaty was signed BY X": whoever acted on it
            yield from (g for c in token.head.children if c.dep_ == "agent" for g in pobjs(c))
        if token.dep_ in ENGLISH.subjects:
            return
        token = predicate(token)
        if not any(c.dep_ == "agent" for c in token.children):
            # "forces were engaged in ethnic CLEANSING": the passive subject takes part
            yield from (c for c in token.children if c.dep_ == "nsubjpass")
    via = None
    for _ in range(5):
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) and not any(
            c.dep_ == "agent" for c in token.children
        ):
            if via == "xcomp" and token.lemma_.lower() in IMPLICATIVE:
                # "Lopez was forced TO RESIGN": the passive subject acts
                yield from (c for c in token.children if c.dep_ == "nsubjpass")
            return  # a passive without its "by" phrase ("before BEING assassinated") names no actor
        found = False
        for child in token.children:
            if child.dep_ == "agent":
                yield from pobjs(child)
                found = True
            elif child.dep_ == "nsubj" and extraposed(child):
                found = True  # "IT's easy to criticize X": nobody, whatever "it" resolves to
            elif child.dep_ == "nsubj" and child.ent_type_ in TEMPORAL:
                # "THIS PAST WEEKEND in Hangzhou, Obama and Xi committed", parsed with the
                # time as the subject: the names just before the verb acted
                yield from named_before_verb(token)
                found = True
            elif child.dep_ == "nsubj":
                if child.lower_ in RELATIVE and token.dep_ == "relcl":
                    yield from antecedent(token.head)
                    yield from subject_of_object(token.head)
                else:
                    yield child
                    yield from subject_of_object(child)
                    if child.lower_ in ENGLISH.referring_pronouns or any(
                        c.dep_ == "poss" and c.lower_ in ENGLISH.possessive_pronouns
                        for c in child.children
                    ):  # "Nigeria said IT / ITS TROOPS ...": the reporter is the actor
                        yield from reporter(token)
                found = True
        if found or token.head.i == token.i:
            return
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.sent.root.pos_ in ("VERB",
                                                                                   "AUX"):
            # "the Americans KILLED in the attack": the noun underwent it, no one named (in
            # a sentence the parse left verbless, the participle may be its misparsed verb:
            # "Republicans APPROVED of Baker", "Doctors from two groups DONATED ...")
            return
        if token.dep_ in ("relcl", "acl"):
            yield token.head  # "Britain's decision to LEAVE": the noun's possessor chose
            yield from (c for c in token.head.children if c.dep_ == "poss")
            return
        if token.dep_ not in INHERIT:
            return
        # "Obama said after MEETING with Putin": a gerund in an adjunct acts with the subject
        # of the clause the adjunct modifies
        if interrupted(token):
            return
        adjunct = token.dep_ == "pcomp" and token.head.dep_ == "prep"
        via = token.dep_
        token = token.head.head if adjunct else token.head


def interrupted(token: Any) -> bool:
    """ "Only three senators endorsed him, and the bad blood Cruz engendered ... PREVENTED
    him": a coordinated verb without a subject, after another clause of its head that has
    a subject of its own, is a misparse whose subject is lost ("the bad blood"); the first
    conjunct's subject did not act in it."""
    if token.dep_ != "conj":
        return False
    # what a verb of speech reports comes between it and its conjunct ("he SAID, 'I will
    # never eat them again,' and VOWED ..."); one with an object reports nothing
    head = token.head
    reports = head.lemma_.lower() in load_cues().speech and not any(
        c.dep_ == "dobj" for c in head.children)
    links = ("conj",) if reports else ("conj", "ccomp")
    return any(token.head.i < c.i < token.i and c.pos_ in ("VERB", "AUX")
               and c.dep_ in links and any(g.dep_ in ENGLISH.subjects for g in c.children)
               for c in token.head.children)


def extraposed(subject: Any) -> bool:
    """ "IT is easy to criticize", "IT was wrong that they ...": a dummy subject whose
    clause, the infinitive or that-clause, comes after the predicate; not the subject of
    an adjective or participle whose infinitive it does ("it is READY / PREPARED to")."""
    head = subject.head
    predicative = [c for c in head.children if c.dep_ in ("acomp", "attr")]
    return subject.lower_ == "it" and bool(predicative) and not any(
        p.tag_ == "VBN" or p.lower_.endswith("ed") or p.lower_ in ENGLISH.subject_adjectives
        for p in predicative) and any(
        c.dep_ in ("xcomp", "ccomp") for t in [head, *predicative] for c in t.children)


def named_before_verb(verb: Any) -> Iterator[Any]:
    """The name right before a verb (adverbs aside) and its conjuncts of its kind, first
    conjunct first: a subject the parser attached elsewhere."""
    at = verb.i - 1
    while at >= 0 and verb.doc[at].pos_ == "ADV":
        at -= 1
    if at < 0 or verb.doc[at].pos_ != "PROPN":
        return
    name = verb.doc[at]
    while name.dep_ == "conj" and name.head.ent_type_ == name.ent_type_:
        name = name.head  # "Mr. Obama and MR. XI", not the place before them
    yield name
    yield from (c for c in conjuncts(name) if c.ent_type_ == name.ent_type_)


def antecedent(noun: Any) -> Iterator[Any]:
    """The noun a relative or participle clause hangs on, and the name it is in apposition
    to: "Senator X, a Democrat WHO has met ..." is the Senator's act, as the resolver names
    the Senator and not "a Democrat"."""
    yield noun
    if noun.dep_ == "appos":
        yield noun.head


def undergoer(token: Any) -> Iterator[Any]:
    """The noun a clause's act befalls when the clause hangs on it: the relative pronoun
    object ("Senator X, WHOM Governor Y criticized"), or the noun of a passive participle
    that names its agent ("Governor Y, CRITICIZED BY Senator X")."""
    if token.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in OBJECT_RELATIVE
                                     for c in token.children):
        yield from antecedent(token.head)
    elif agent_participle(token) and token.head.pos_ in ("NOUN", "PROPN"):
        yield from antecedent(token.head)  # not a quantity: "ONE of its gunboats ..."


def agent_participle(token: Any) -> bool:
    """ "Governor Y, CRITICIZED BY Senator X", "the channel, DISPUTED BY X and Z": a passive
    participle naming its agent, whose act befalls its noun and nothing else."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and any(
        c.dep_ == "agent" for c in token.children)


def nominal_agents(noun: Any) -> Iterator[Any]:
    """The actor a noun's own phrase names: "the invasion of Ukraine BY Russia", and the
    first party of "a summit BETWEEN X and Y" (the other party is the counterpart, see
    ``counterparts``; "talks AMONG 195 countries" are led by the clause's subject)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            yield from pobjs(child)
        elif child.dep_ == "prep" and child.lower_ == "between":
            yield from (c for c in child.children if c.dep_ == "pobj")


def patient(token: Any) -> Iterator[Any]:
    """ "the leader who ... before BEING ASSASSINATED", "to avoid BEING SANCTIONED": a passive
    verb without a subject of its own undergoes what it says; its patient is the subject
    of the clause it hangs on."""
    if token.dep_ not in INHERIT or not any(c.dep_ == "auxpass" for c in token.children) \
            or any(c.dep_ in ENGLISH.subjects for c in token.children):
        return
    adjunct = token.dep_ == "pcomp" and token.head.dep_ == "prep"
    yield from sources(token.head.head if adjunct else token.head)


def described(token: Any) -> Iterator[Any]:
    """ "the envoy, WHO was shot by a soldier": a passive relative clause is done to the
    noun it describes (a participle naming its agent is ``undergoer``'s)."""
    if token.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in RELATIVE
                                     for c in token.children):
        yield token.head


def reporter(token: Any) -> Iterator[Any]:
    """ "Nigeria said IT will withdraw": the subject of the verb reporting the clause."""
    while token.dep_ in ("conj", "xcomp", "acomp") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "ccomp":
        yield from (c for c in token.head.children if c.dep_ == "nsubj")


def subject_of_object(noun: Any) -> Iterator[Any]:
    """An instrument's owner: "Washington issued rules that DENIED ..." -> Washington."""
    if noun.dep_ == "dobj":
        verb = noun.head
        yield from (c for c in verb.children if c.dep_ == "nsubj")


def counterparts(token: Any) -> Iterator[Any]:
    """ "talks WITH Y", "a mediation effort BETWEEN X and Y", "agreed to a truce WITH Y",
    "signed an accord WITH Y": the other party of a meeting or a pact, also one phrase
    further down or in the verb's object."""
    holders = [token, token.head] if token.dep_ == "compound" else [token]
    holders += [g for c in token.children if c.dep_ == "prep" and not temporal(c)
                for g in c.children if g.dep_ == "pobj"]
    holders += [c for c in token.children if c.dep_ == "dobj"]
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ == "prep" and child.lower_ in ("with", "between"):
            yield from pobjs(child)


def partners(token: Any, agents: bool = False) -> Iterator[Any]:
    """ "X and Y met": the other conjuncts of the subject, for reciprocal events; with
    ``agents`` also those of a passive's agent ("the treaty was signed by X and Y"), for a
    hand trigger: a derived verb's senses are too general ("a rally attended by X and Y")."""
    head = predicate(token)
    for child in head.children:
        if child.dep_ in ENGLISH.subjects:
            yield from (c for c in child.children if c.dep_ == "conj")
        elif child.dep_ == "agent" and agents:
            for agent in (c for c in child.children if c.dep_ == "pobj"):
                yield from conjuncts(agent)


def reported(token: Any) -> bool:
    """Whether a noun trigger reports an event rather than merely naming one.

    "held TALKS", "Blinken's TALKS with Wang", "the INVASION of X by Y", "the American
    INVASION of Iraq" (a nationality adjective is a possessor; a place name is not: "the
    Paris AGREEMENT" names a pact), "presided over a SUMMIT" (nouns.yaml, partake) report;
    "after the MEETING" only names."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return True
    if token.dep_ == "compound":  # "a MEDIATION effort between ..."
        token = token.head
    if token.dep_ in ("dobj", "attr", "nsubjpass"):
        return True
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in noun_frames()["partake"]:
        return True  # "PRESIDED over a summit", "PARTICIPATED in talks"
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("with", "between",
                                                                    "against", "by", "among"))
               or (c.dep_ == "amod" and c.ent_type_ == "NORP")
               for c in token.children)


def targets(token: Any) -> Iterator[Any]:
    """Candidate heads for the recipient of the event, best first."""
    if agent_participle(token):
        yield from undergoer(token)
        return
    for child in token.children:
        if child.dep_ == "nsubjpass":
            yield child
    yield from patient(token)
    yield from described(token)
    yield from undergoer(token)
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "attr")]
    for child in objects:
        yield child
        yield from (c for c in child.children if c.dep_ == "conj")
    holders = [token, token.head] if token.dep_ == "compound" else [token]
    holders += [c for c in token.children if c.dep_ == "prt"]  # "kidnapped UP to 16 ..."
    for prep in TARGET_PREPS:  # "a MEDIATION effort between X and Y": the compound's head
        for child in (c for holder in holders for c in holder.children):
            if child.dep_ == "prep" and child.lower_ == prep:
                yield from pobjs(child)
    for obj in objects:  # "aid TO Mozambique", "relations WITH Russia", "calls BY Annan"
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS + ("by",):
                yield from pobjs(prep)
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp"):
            yield from (c for c in child.children if c.dep_ in ENGLISH.subjects)
            yield from targets(child)
        elif child.dep_ == "acl" and any(c.dep_ == "mark" for c in child.children):
            # "its DEMAND that Russia release ...": the content clause of a noun
            yield from (c for c in child.children if c.dep_ in ENGLISH.subjects)
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj", "nsubjpass"):
        verb = predicate(token)
        if verb.i != token.i:
            yield from (c for c in verb.children if c.dep_ == "dative")
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                # "reiterated its DEMAND that Israel ease ...": the demand's content clause
                yield from (c for c in clause.children if c.dep_ in ENGLISH.subjects)
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                    if token not in child.subtree:
                        yield from pobjs(child)
    for child in token.children:  # "donated and delivered goods TO X": shared recipient
        if child.dep_ == "conj" and child.pos_ == "VERB":
            yield from targets(child)
    yield from conditioned(token)
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        # "condemned X's test and pledged to impose sanctions": the first verb's recipient
        yield from recipients(token.head)
    yield from opposed(token)
    for child in token.children:  # "scrambled jets TO INTERCEPT Russian bombers": whom it is for
        if purpose(child):
            yield from (c for c in child.children if c.dep_ == "dobj")
    if purpose(token):
        # "sent personnel TO Bosnia to investigate": a purpose clause acts where its head went
        for prep in token.head.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "into"):
                yield from pobjs(prep)


def recipients(token: Any, aimed: bool = False, bare: bool = False) -> Iterator[Any]:
    """The recipient slots of the verb itself: passive subject, objects, prepositional objects
    ("criticized X", "lashed out AT X", "was blamed"), for triggers that need a named one;
    then whose its object is; ``aimed``: also whom the object is aimed at ("stepped up
    PRESSURE on X"), for a pattern that names its object (a bare verb's object may be any
    thing: "took a stand AGAINST the war" takes nothing from anyone); ``bare``: a verb in its
    most general sense names a party only by ``PARTY_PREPS``."""
    preps = PARTY_PREPS if bare else TARGET_PREPS
    if agent_participle(token):
        yield from undergoer(token)
        return
    yield from patient(token)
    yield from undergoer(token)
    for child in token.children:
        if child.dep_ in ("nsubjpass", "dobj", "dative"):
            yield child
            yield from (c for c in child.children if c.dep_ == "conj")
    for holder in [token] + [c for c in token.children if c.dep_ == "prt"]:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                yield from pobjs(child)
    yield from authors(token)
    for obj in (c for c in token.children if c.dep_ == "dobj" and aimed):
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in AIMED:
                yield from pobjs(child)


def authors(token: Any) -> Iterator[Any]:
    """Whose the object is: "dismissed THE ADMINISTRATION'S accusation", "rejected a proposal
    BY / FROM Iran": a verb acts on the party that made what it acts on."""
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        for child in obj.children:
            if child.dep_ == "poss":
                yield child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                yield from pobjs(child)
    yield from conditioned(token)  # "would take measures IF North Korea tested again"


def infinitive(verb: Any) -> bool:
    """Whether a verb is a "to" infinitive ("agreed TO build", "threats TO cut aid")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def purpose(token: Any) -> bool:
    """Whether a verb heads an infinitive of purpose: "... TO investigate the killings"."""
    return token.dep_ == "advcl" and infinitive(token)


def conditioned(token: Any) -> Iterator[Any]:
    """ "to strike UNLESS Israel rescinds": whoever the condition asks to act."""
    for child in token.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ENGLISH.condition_markers
                                         for m in child.children):
            yield from (c for c in child.children if c.dep_ in ENGLISH.subjects)


def opposed(token: Any) -> Iterator[Any]:
    """The party one phrase further down: "mobilized for a war AGAINST Iraq", "an
    investigation into crimes committed BY Croat forces"."""
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for noun in pobjs(prep):
            for inner in noun.children:
                if inner.dep_ == "prep" and inner.lower_ == "against":
                    yield from pobjs(inner)
                elif inner.dep_ == "acl":
                    yield from (g for a in inner.children if a.dep_ == "agent" for g in pobjs(a))


@lru_cache(maxsize=1)
def noun_frames() -> dict[str, Any]:
    """data/events/nouns.yaml: the support and receiving verbs, the recipient prepositions."""
    data = load_yaml("events", "nouns.yaml")
    return {"support": frozenset(data["support"]), "receive": frozenset(data["receive"]),
            "targets": {kind: frozenset(preps) for kind, preps in data["targets"].items()},
            "intended": frozenset(data["intended"]), "answer": frozenset(data["answer"]),
            "partake": frozenset(data["partake"]), "legislated": frozenset(data["legislated"]),
            "judged": frozenset(entry.partition(" ")[::2] for entry in data["judged"])}


def legislated(token: Any) -> bool:
    """Whether a trigger is, or announces, an act on a bill (nouns.yaml ``legislated``):
    "VETOED the bill", "promised a VETO", "threatened to VETO it"."""
    acts = noun_frames()["legislated"]
    return token.lemma_.lower() in acts or any(
        c.dep_ in ("dobj", "xcomp") and c.lemma_.lower() in acts for c in token.children)


def governor(noun: Any) -> Any | None:
    """The verb a noun is the object of ("ISSUED a threat", "a threat was ISSUED", "CAME
    under attack")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.dep_ == "prep" and \
            noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def governed_by(noun: Any, frame: str) -> bool:
    """Whether a noun is the object of a support ("MADE a proposal"), a receiving ("FACED
    criticism") or an answering verb ("REJECTED the demand"), see nouns.yaml; an act one is
    "UNDER" is undergone whatever the verb ("backed out UNDER pressure from X")."""
    verb = governor(noun)
    if verb is None:
        return False
    if noun.dep_ == "pobj":  # "under": see ``governor``
        return frame == "receive"
    return verb.lemma_.lower() in noun_frames()[frame]


def own_agents(noun: Any, category: str) -> Iterator[Any]:
    """Who a noun's own phrase says acted: its possessor ("CHILE's condemnation"), a "by"
    or "from" phrase ("criticism FROM Peru"; not where "from" names the recipient, as in a
    withdrawal from a country), a nationality or a name before it ("CHILEAN criticism",
    "U.S. sanctions")."""
    recipient = noun_frames()["targets"].get(category, frozenset())
    received = governed_by(noun, "receive")  # "won the backing OF Peru": Peru acted
    for child in noun.children:
        if child.dep_ == "poss":
            yield child
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and (child.lower_ == "by" or (
                child.lower_ == "from" and "from" not in recipient) or (
                child.lower_ == "of" and received)):
            yield from pobjs(child)
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ENGLISH.named_labels:
            yield child


def intended_recipients(noun: Any) -> Iterator[Any]:
    """Who a noun's infinitive acts on ("threats TO CUT aid to Laos", "threats to wall off
    the border AND SLAP tariffs on Mexican imports"): the recipient slots of the infinitive
    and of its coordinated verbs, each object's own aimed phrase included ("tariffs ON
    Mexican imports"), and a nationality naming whose the object is ("MEXICAN imports")."""
    for clause in (c for c in noun.children if c.dep_ == "acl" and infinitive(c)):
        for verb in (clause, *(c for c in conjuncts(clause) if c.pos_ == "VERB")):
            for found in recipients(verb, aimed=True):
                yield found
                yield from (c for c in found.children
                            if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))


def conjuncts(token: Any) -> Iterator[Any]:
    """The conjuncts of a word, nested ones included ("Chile, Peru and Bolivia")."""
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from conjuncts(child)


def noun_reported(noun: Any, category: str) -> bool:
    """Whether a derived noun reports its act: a support or receiving verb's object, or a
    noun whose phrase names who acted ("Peru's rejection"); "after the rejection" names one."""
    return governed_by(noun, "support") or governed_by(noun, "receive") or \
        next(own_agents(noun, category), None) is not None


def noun_sources(noun: Any, category: str) -> Iterator[Any]:
    """Candidate actors of a derived noun's event: its own phrase's (``own_agents``), else
    the subject of the support verb it is the object of ("Chile ISSUED a condemnation")."""
    yield from own_agents(noun, category)
    if governed_by(noun, "support"):
        yield from sources(governor(noun))
    elif governed_by(noun, "receive"):  # "EARNED praise FROM Chile": the phrase on the verb
        for child in governor(noun).children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                yield from pobjs(child)


def noun_targets(noun: Any, category: str) -> Iterator[Any]:
    """Candidate recipients of a derived noun's event: the prepositions its category reads
    as the recipient ("condemnation OF X", "a threat AGAINST X", nouns.yaml), the subjects of
    its content clause ("the accusation that RUSSIA hacked"), the subject of a receiving or
    an answering verb ("PERU faced criticism", "PERU rejected Chile's demand") or the author
    of that subject ("PERU's remarks drew criticism"), a support
    verb's own recipient ("issued a warning TO X", "gave X an ultimatum")."""
    preps = noun_frames()["targets"].get(category, frozenset())
    if governed_by(noun, "receive"):
        preps = preps - {"of"}  # "the backing OF Peru" names who acted (``own_agents``)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            yield from pobjs(child)
    for child in noun.children:
        if child.dep_ == "acl" and any(c.dep_ == "mark" for c in child.children):
            yield from (c for c in child.children if c.dep_ in ENGLISH.subjects)
    if category in noun_frames()["intended"]:
        yield from intended_recipients(noun)
    verb = governor(noun)
    if governed_by(noun, "receive") or governed_by(noun, "answer"):
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c is not noun):
            yield subject
            # "TRUMP's comments drew criticism": what is criticised is its author's
            yield from (c for c in subject.children if c.dep_ == "poss")
    elif governed_by(noun, "support"):
        for child in verb.children:
            if child.dep_ == "dative":
                yield child
            elif child.dep_ == "prep" and child.lower_ in preps and noun not in child.subtree:
                yield from pobjs(child)
