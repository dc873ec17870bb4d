"""The events stage: code each clause's dominant trigger as one PLOVER event with its actors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import Any

from dateline.events.acts import named_recipient, unowned_act
from dateline.events.attitudes import stances
from dateline.events.dates import event_date, lede_end
from dateline.events.dates import words as date_words
from dateline.events.guards import VERBAL, Verdict, bare_threat, clause, judge
from dateline.events.lexicon import Lexicon, Trigger, kin, lemma
from dateline.events.ontology import ontology
from dateline.events.resolve import Resolver, phrase
from dateline.events.roles import (
    conjuncts,
    counterparts,
    governed_by,
    infinitive,
    legislated,
    noun_reported,
    noun_sources,
    noun_targets,
    partners,
    predicate,
    recipients,
    reported,
    reporter,
    sources,
    targets,
)
from dateline.events.sides import datelines, group_nouns
from dateline.events.statements import spoken_source, statement_events
from dateline.events.verbal import spoken_trigger, verbal_sense
from dateline.language import ENGLISH
from dateline.model import Document, Event, EventActor
from dateline.settings import Settings
from dateline.timex.interval import date_fields

RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}
# Statements: when the trigger is the cue of an attributed statement, the quotes stage's
# resolved speaker is the source and the content names the recipient.
SPOKEN = {"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE"}
# Categories whose unnamed recipient is, by PLOVER/CAMEO coding practice, the government of
# the country where the event happens ("students staged demonstrations in Jakarta").
DOMESTIC = {"PROTEST"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at"}
PLAN = "dateline_triggers"  # Doc.user_data: the prepared triggers (EventStage.prepare)
STANCES = "dateline_stances"  # Doc.user_data: the stances the parse states (idem)


def object_slot(token: Any) -> bool:
    """Whether a word sits in an object or a place phrase: "in Serbian CITIES", "in Baghdad"."""
    while token.dep_ in ("amod", "compound", "poss", "nmod") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("pobj", "dobj", "dative")


def venue(token: Any) -> bool:
    """Whether a word names where a meeting is held ("meet ... AT Hofstra University", "talks
    IN Paris"): the place of a consultation is not its other party; a visit's is its host."""
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


def own_clause(node: Any, verbal: bool = False) -> bool:
    """Whether a verb heads a clause that asserts its own act: a relative clause ("the U.N.,
    which IMPOSED sanctions, called a meeting"), the infinitive of a noun ("met after Britain's
    decision to LEAVE the EU"; the guards judge whether it is asserted; a participle, "a
    program AIMED at", only describes its noun, unless it names who acted in words, when
    ``verbal``: "Baker, CRITICIZED by Lee, resigned"; "a conference LED by X" is a role),
    or an adverbial clause opened by a
    subordinator that is no condition ("AFTER Pyongyang fired missiles, the Council met").
    The trigger of the main clause does not govern it; a purpose infinitive or a condition
    stays governed ("staged demonstrations to demand", "will withdraw unless ...")."""
    if node.dep_ == "relcl" or (node.dep_ == "acl" and (infinitive(node) or (
            verbal and any(c.dep_ == "agent" for c in node.children)))):
        return True
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and lemma(c) not in ENGLISH.condition_markers | {"whether", "so"}
        for c in node.children)


def told(token: Any, trig: Trigger) -> bool:
    """Whether a trigger reports an act: a derived noun by its own phrase or its verb
    (``noun_reported``), any other by ``reported``."""
    return noun_reported(token, trig.category) if trig.nominal else reported(token)


def supporting(hits: list[tuple[Any, Trigger]]) -> list[tuple[Any, Trigger]]:
    """Hits less the support or receiving verbs whose object is a noun trigger: in "ISSUED a
    condemnation", "REACHED an agreement", "FACED criticism" the noun is the event, its verb
    only tells who did it."""
    nouns = {tok.i for tok, _ in hits if tok.pos_ == "NOUN"}
    # but a verb whose own CAMEO pattern names its object ("step up * PRESSURE") codes the
    # phrase, and the noun is no event of its own
    derived = {tok.i for tok, trig in hits if trig.nominal}
    named = {c.i for tok, trig in hits if trig.specific and not trig.nominal
             for c in tok.children if c.i in derived}
    return [(tok, trig) for tok, trig in hits if tok.i not in named and not any(
        c.i in nouns - named and (governed_by(c, "support") or governed_by(c, "receive"))
        for c in tok.children)]


def stands_at(trigger: Any) -> Any:
    """Where a trigger governs others: its verb ("HELD talks"), save a noun in a phrase of
    another time ("AFTER her meeting with Obama, the White House announced that ..."),
    which is an act of its own and governs nothing of the clause."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and \
            trigger.head.lower_ in date_words()["order"]:
        return trigger
    return predicate(trigger)


def dominant(hits: list[tuple[Any, Trigger]]) -> list[tuple[Any, Trigger]]:
    """Keep only triggers not governed by another trigger: one event per clause.

    "called on X to lift" codes the call, not the lifting; coordinated verbs ("conj")
    are separate clauses and both stay unless a trigger above governs them both. A noun
    trigger stands at its verb ("staged DEMONSTRATIONS to demand" codes the protest), and
    a derived verb yields to a hand trigger standing there, save a phrasal verb's pattern
    naming that object, which governs it. A derived noun an answering verb responds to
    ("rejected Chile's DEMAND") is an act of its own and stays.
    """
    heads: dict[int, bool] = {}
    named = {tok.i for tok, trig in hits if trig.dyadic and trig.specific and any(
        c.dep_ == "prt" for c in tok.children)}
    for tok, trig in hits:  # a derived default governs only derived triggers
        heads[stands_at(tok).i] = heads.get(stands_at(tok).i, True) and trig.dyadic
    kept = []
    for tok, trig in hits:
        if trig.nominal and governed_by(tok, "answer"):
            kept.append((tok, trig))  # "rejected Chile's DEMAND": two acts, both told
            continue
        node = stands_at(tok)
        # a hand trigger standing at a verb ("impose RESTRICTIONS") tells its derived
        # sense; but a phrasal verb's pattern naming its object tells what befalls a
        # trigger that is that object ("called off TALKS", "ruled out TALKS")
        governed = (trig.dyadic and not heads[node.i] and node.i not in named) or (
            not trig.dyadic and tok.i != node.i and node.i in named)
        while not governed and node.head.i != node.i and not own_clause(
                node, trig.category in VERBAL):
            sibling = node.dep_ == "conj"
            node = node.head
            if node.i in heads and not sibling and (trig.dyadic or not heads[node.i]):
                governed = True
                break
        if not governed:
            kept.append((tok, trig))
    return kept


def collective(doc: Document, side: EventActor) -> bool:
    """Whether a side is many parties at once ("European LEADERS gathered", "the G-20",
    "France and Germany"): PLOVER codes all participants of a meeting as its actor, so
    such a meeting needs no recipient."""
    if side["country"] == "IGO" and (doc.actor(side["actor"]) or {}).get("type") != "person":
        return True  # an alliance or a body of states, not its official
    span = doc.spacy.char_span(side["start"], side["end"], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in root.children)


def reflexive(token: Any) -> bool:
    """ "He SURROUNDED himself with advisors": the verb's own object is its actor, so a
    derived trigger, coded only for a recipient in its own slots, has none to code."""
    return any(c.dep_ == "dobj" and c.morph.get("Reflex") == ["Yes"] for c in token.children)


def many(token: Any) -> Any | None:
    """The many unnamed parties a meeting is with ("told a MEETING of Pacific Island
    LEADERS", "negotiations among 195 COUNTRIES", "talks with the LEADERS"): a multilateral
    meeting, coded with that assembly as its recipient (the gold guide names it; it has no
    one country); None if the meeting names no such parties."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "among", "of"):  # "between": two
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.tag_ in ("NNS", "NNPS") and not obj.ent_type_:
                    return obj
    return None


def passive(token: Any) -> bool:
    """ "He has been criticized for ...": the subject is the recipient; with no "by" phrase
    the accuser is unnamed, and whoever the quotes stage took for a speaker is not it."""
    return any(c.dep_ == "nsubjpass" for c in token.children) and \
        not any(c.dep_ == "agent" for c in token.children)


def coordinated(token: Any) -> list[Any]:
    """The other conjuncts of a noun or a nationality adjective, or of the noun it modifies:
    "Chile, Peru AND Bolivia", "Swedish AND Finnish waters", "Chilean officials and
    Peruvian DIPLOMATS". A clause's conjunct (a verb) is no party."""
    holders = [token]
    if token.dep_ in ("amod", "compound", "poss") and token.head.i != token.i:
        holders.append(token.head)
    found = []
    for holder in holders:
        first = holder
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        found += [t for t in chain([first], conjuncts(first))
                  if t.i not in (token.i, holder.i) and t.pos_ in ("NOUN", "PROPN", "ADJ")]
    return found


def party(side: EventActor | None) -> str | None:
    return side and (side["actor"] or side["country"])


def headline_end(doc: Document) -> int:
    """Where a headline over a body ends (0 if none): a lone sentence is no headline,
    whatever the cleaner calls it."""
    text = doc.text
    return len(doc.title) if doc.title and text.startswith(doc.title) and \
        text[len(doc.title):].strip() else 0


def stated(sdoc: Any) -> list[list[Any]]:
    """Every stance the parse states (see attitudes.py), in text order: [the sentence's
    first token, its end token, category, the stance word, its subject, whom it is
    about], tokens by index (plain lists, so it ships with the parse)."""
    return [[sent.start, sent.end, category, word.i, subj.i, about.i]
            for sent in sdoc.sents for category, word, subj, about in stances(sent)]


def merge(events: list[Event], marks: list[tuple[str, bool, int]], headline: int = 0
          ) -> list[Event]:
    """One event, one record: the same type between the same two parties on compatible
    dates, told by the same trigger family ("warns" and "warned"), in the same sentence, or
    as what the same speaker said (a cue and its content, quotes of one speech), is kept
    once, first mention first, with every trigger in ``mentions`` and the most precise of
    their dates. Compatible coarse dates alone say nothing: a test, a launch and a firing
    of one month are three events. A record first told in the headline (which ends at
    ``headline``) takes its trigger, sentence and sides from the body's first telling,
    the full one ("Christie CALLS Clinton a disgrace" over "Christie BLASTED Clinton as a
    'disgrace' Wednesday on ...").
    ``marks`` holds each event's trigger lemma, whether it is said, and its sentence start."""
    kept: list[tuple[Event, tuple[str, bool, int]]] = []
    for event, mark in zip(events, marks, strict=True):
        at = next((i for i, (k, m) in enumerate(kept) if k["type"] == event["type"]
                   and party(k["source"]) and party(k["source"]) == party(event["source"])
                   and party(k["target"]) == party(event["target"])
                   and compatible(k["date"], event["date"]) and told_alike(m, mark)), None)
        if at is None:
            kept.append((event, mark))
            continue
        same, other = kept[at][0], event
        if same["sentence"][0] < headline <= event["sentence"][0]:
            same, other = {**event, "mentions": same["mentions"] + event["mentions"]}, same
            kept[at] = (same, mark)
        else:
            same["mentions"].extend(event["mentions"])
        if len(other["date"] or "") > len(same["date"] or ""):  # the finest date told
            same.update(date=other["date"], **date_fields(other["date"]))
    return [event for event, _ in kept]


def told_alike(one: tuple[str, bool, int], other: tuple[str, bool, int]) -> bool:
    """Whether two mentions may tell one act: the same sentence, two statements (the
    parties are the same, so one speaker's words on one occasion), or triggers of one word
    family (``kin``)."""
    return one[2] == other[2] or (one[1] and other[1]) or kin(one[0], other[0])


def compatible(one: str | None, other: str | None) -> bool:
    """Whether two dates may name the same day: equal, or one a prefix of the other."""
    if one is None or other is None:
        return True
    return one.startswith(other) or other.startswith(one)


class EventStage:
    """Annotates ``doc.events`` from the parse, the actors, quotes and timexes."""

    name = "events"

    def __init__(self, settings: Settings | None = None) -> None:
        self.lexicon = Lexicon()
        self.ontology = ontology()
        self.groups = group_nouns()
        self.contexts = {name: [f" {w} " for w in words]
                         for name, words in self.ontology.contexts.items()}

    def __call__(self, docs: list[Document]) -> None:
        for doc in docs:
            if doc.spacy is not None:
                self.prepare(doc)
                self.resolve(doc)

    def prepare(self, doc: Document) -> None:
        """The part that reads no knowledge base (``triggers``, ``stated``), kept in
        ``doc.spacy.user_data`` as plain lists, so an engine can run it beside the parsing
        (the Spark ingest does: it ships with the parse)."""
        doc.spacy.user_data[PLAN] = self.triggers(doc)
        doc.spacy.user_data[STANCES] = stated(doc.spacy)

    def resolve(self, doc: Document) -> None:
        """Code a prepared document's triggers and stances with its actors, quotes and
        dates."""
        prepared = doc.spacy.user_data
        doc.events = self.code(doc, prepared.pop(PLAN), prepared.pop(STANCES))

    def triggers(self, doc: Document) -> list[list[Any]]:
        """What the parse alone decides, per sentence that has any: [first token, end token,
        its dominant triggers as [token, trigger, verdict or None, sense or None] (see
        ``event``), its bare threats as [token, condition's head] (see ``threat``)]. A
        question asserts nothing; bare threats count only in a clause no hand trigger codes."""
        found: list[list[Any]] = []
        parsed = doc.spacy.text  # a Span's text is rebuilt token by token on each access
        title = headline_end(doc)
        for sent in doc.spacy.sents:
            if parsed[sent.start_char:sent.end_char].rstrip().rstrip("\"”’'").endswith("?"):
                continue
            tokens = list(sent)  # read twice below; a Span makes each token anew
            hits = supporting([(tok, trig) for tok in tokens
                               if (trig := self.lexicon.match(tok)
                                   or spoken_trigger(tok, self.lexicon)) and told(tok, trig)])
            judged = []
            for tok, trig in dominant(hits):
                verdict = judge(tok, trig, sent.start_char < title)
                sense = verdict and verbal_sense(tok, verdict.category, self.lexicon)
                judged.append([tok.i, self.lexicon.dump(trig), verdict and verdict.dump(), sense])
            threats = [[tok.i, cond.i] for tok in tokens if (cond := bare_threat(tok)) is not None
                       ] if all(trig.dyadic for _, trig in hits) else []
            if judged or threats:
                found.append([sent.start, sent.end, judged, threats])
        return found

    def code(self, doc: Document, triggers: list[list[Any]] | None = None,
             stances: list[list[Any]] | None = None) -> list[Event]:
        """The document's events, from its ``triggers`` and ``stances`` (each found now if
        not given)."""
        if triggers is None:
            triggers = self.triggers(doc)
        if stances is None:
            stances = stated(doc.spacy)
        self.datelines = datelines(doc)
        resolver = Resolver(doc, self.datelines)
        events: list[Event] = []
        self.coded = events  # the events of earlier sentences, for ``actor_of``
        seen: set[tuple[Any, ...]] = set()
        self.lede = lede_end(doc.text, self.datelines)
        sdoc = doc.spacy
        for first, end, judged, threats in triggers:
            sent = sdoc[first:end]
            loaded = [(self.lexicon.load(trig), i, verdict, sense)
                      for i, trig, verdict, sense in judged]
            found = [(self.event(doc, resolver, sdoc[i], trig,
                                 verdict and Verdict.load(verdict), sense, sent), trig.reciprocal)
                     for trig, i, verdict, sense in loaded]
            found += [(self.threat(doc, resolver, sdoc[i], sdoc[cond], sent), False)
                      for i, cond in threats]
            for event in (e for one, mutual in found if one
                          for e in self.dyads(doc, resolver, one, mutual)):
                target = event["target"] or {}
                key = (event["type"], event["source"]["country"], event["source"]["actor"],
                       target.get("country"), target.get("actor"), tuple(event["sentence"]))
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        events += self.statements(doc, resolver, events)
        events += self.stances(doc, resolver, events, stances)
        return merge(events, [self.mark(doc, resolver, e) for e in events], headline_end(doc))

    @staticmethod
    def mark(doc: Document, resolver: Resolver, event: Event) -> tuple[str, bool, int]:
        """What ``merge`` compares: the trigger's lemma, whether it lies in a quote or cues
        one, and its sentence."""
        trigger = event["trigger"]
        span = doc.spacy.char_span(trigger["start"], trigger["end"], alignment_mode="expand")
        word = lemma(span[-1]) if span is not None and len(span) else trigger["text"].lower()
        said = bool(resolver.quotes.covering(trigger["start"])
                    or resolver.cues.covering(trigger["start"]))
        return word, said, event["sentence"][0]

    @staticmethod
    def dyads(doc: Document, resolver: Resolver, event: Event, mutual: bool = False
              ) -> list[Event]:
        """One event per coordinated party of a side ("tariffs on goods from Chile AND Peru",
        "into Swedish AND Finnish waters", "Chile AND Peru condemned", "BOTH MEN condemned"):
        PLOVER codes each dyad. When the other side is itself a conjunct ("Chile, Peru and
        Bolivia met"), or a meeting has none ("talks between Chilean and Peruvian officials"),
        the rest are partners of the first. A trigger inside one conjunct's own phrase is that
        conjunct's alone ("Lopez, who RESIGNED, and Diaz"); a conjunct naming a party already
        on either side adds nothing ("Lopez and her campaign" are one party). ``mutual``: the
        trigger is reciprocal whatever its category ("Chile, Peru and Bolivia SIGNED a
        treaty")."""
        told = [event]
        trigger = doc.spacy.char_span(event["trigger"]["start"], event["trigger"]["end"],
                                      alignment_mode="expand")
        taken = {party(event["source"]), party(event["target"])}
        roots = {role: side and doc.spacy.char_span(side["start"], side["end"],
                                                    alignment_mode="expand")
                 for role, side in (("source", event["source"]), ("target", event["target"]))}
        for role, other in (("source", "target"), ("target", "source")):
            if not roots[role]:
                continue
            root = roots[role].root
            if trigger is not None and root.left_edge.i <= trigger.start <= root.right_edge.i:
                continue
            group = coordinated(root)
            if (event["type"] in RECIPROCAL or mutual) and role == "source" and (
                    not roots[other] or roots[other].root.i in {t.i for t in group}):
                role = other  # "X, Y and Z met": X meets Y and Z
            for found in [resolver.resolve(token) for token in group] + resolver.pair(root)[1:]:
                if found is None or party(found) in taken:
                    continue
                taken.add(party(found))
                if told[0][role] is None:  # the meeting's first partner is its recipient
                    told[0] = {**event, role: found}
                else:
                    told.append({**event, role: found, "mentions": list(event["mentions"])})
        return told

    def statements(self, doc: Document, resolver: Resolver, coded: list[Event]) -> list[Event]:
        """Events a statement's content makes (see statements.py), for statements whose cue
        and content coded no event of their own."""
        found: list[Event] = []
        for quote in resolver.quotes.items:
            cue = quote.get("cue") or {}
            taken = [cue.get("start", -1), cue.get("end", -1), quote["start"], quote["end"]]
            if any(taken[0] <= e["trigger"]["start"] < taken[1]
                   or taken[2] <= e["trigger"]["start"] < taken[3] for e in coded):
                continue
            source = resolver.speaker(quote)
            if source is None or (source["actor"] is None and source["country"] is None):
                continue
            for category, target, pred, word in statement_events(resolver, quote, source):
                cameo = self.ontology.cameo(category, None)
                found.append(self.build(doc, resolver, category, None, cameo, [], source, target,
                                        pred, pred.sent, shown=word))
        return found

    def stances(self, doc: Document, resolver: Resolver, coded: list[Event],
                stances: list[list[Any]]) -> list[Event]:
        """Stances stated of an actor (``stated``) in clauses that coded no event of their
        own, outside direct quotations (a speaker's view of others)."""
        found: list[Event] = []
        sdoc = doc.spacy
        for first, end, category, *tokens in stances:
            sent = sdoc[first:end]
            word, subj, about = (sdoc[i] for i in tokens)
            pred = subj.head
            span = (pred.left_edge.idx, pred.right_edge.idx + len(pred.right_edge))
            if resolver.direct.covering(word.idx) or any(
                    span[0] <= e["trigger"]["start"] < span[1] for e in coded):
                continue
            source = resolver.first([subj])
            target = resolver.first([about], avoid=source) if source else None
            if source is None or target is None:
                continue
            cameo = self.ontology.cameo(category, None)
            found.append(self.build(doc, resolver, category, None, cameo, [], source,
                                    target, pred, sent, shown=word))
        return found

    def event(self, doc: Document, resolver: Resolver, tok: Any, trig: Trigger,
              verdict: Verdict | None, sense: str | None, sent: Any) -> Event | None:
        """The event a dominant trigger codes; ``verdict``: what ``judge`` made of it,
        ``sense``: the category ``verbal_sense`` reads off it."""
        if verdict is None or resolver.opinion(tok) or (trig.dyadic and reflexive(tok)):
            return None
        if tok.pos_ == "NOUN" and self.judged(tok, resolver):
            return None
        if sense is None:
            return None
        if sense != verdict.category:
            verdict = replace(verdict, category=sense)
        act = None if verdict.obliged else unowned_act(tok, trig, verdict.category,
                                                       self.lexicon, resolver)
        if verdict.obliged:
            head = clause(tok)[-1]
            source = resolver.first(reporter(head))
            subjects = (c for c in head.children if c.dep_ in ENGLISH.subjects)
            target = resolver.first(subjects, avoid=source) if source else None
        else:
            candidates = list(self.outside(noun_sources(tok, verdict.category) if trig.nominal
                                           else sources(tok)))
            source = resolver.first(candidates) or spoken_source(resolver, candidates)
            grouped = source is None
            source = source or self.group(resolver, candidates, sent)
            found = self.outside(
                noun_targets(tok, verdict.category) if trig.nominal else
                recipients(tok, trig.specific, trig.bare) if trig.dyadic else targets(tok))
            if trig.reciprocal and verdict.category == trig.category:
                # "signed a treaty WITH Y", "X and Y signed": the other signatories only; the
                # pact's own name is no party ("the PARIS accord")
                found = chain(counterparts(tok), partners(tok, True), *(
                    counterparts(c) for c in tok.children if c.dep_ == "dobj"))
            elif verdict.category in RECIPROCAL:
                # "talks WITH Y", "X and Y met", then the rest
                found = (t for t in chain(counterparts(tok), partners(tok, not trig.dyadic), found)
                         if trig.mode == "visit" or not venue(t))
            if trig is self.lexicon.demand:  # "told X to ...": X, or no demand on anyone
                found = (c for c in tok.children if c.dep_ == "dobj")
            if source is None and grouped and verdict.category in VERBAL:
                found = list(found)  # read twice: for the recipient, then again below
                source = self.group(resolver, candidates, sent, home=resolver.first(found))
                grouped = False  # placed by its recipient, whom it keeps
            target = resolver.first(found, avoid=source)  # without a source, for a speaker
            if target and source and grouped and target["country"] == source["country"]:
                target = None  # a group placed by the sentence's country is not its own recipient
            if target is None and trig is self.lexicon.demand:
                return None  # "needs 67 delegates to win", "left real estate to pursue ..."
        if source is not None and self.foretold(resolver, tok, verdict, source):
            return None
        quote = resolver.cued(tok) if verdict.category in SPOKEN else None
        if quote is not None and not passive(tok):
            if source is None or (source["actor"] is None and source["country"] is None):
                source = resolver.speaker(quote)
                if source and target and target["actor"] and target["actor"] == source["actor"]:
                    target = None  # the speaker is no recipient of their own words
            if target is None and act is None and source is not None:
                target = resolver.addressee(quote, source)
        if act is not None and source is not None:
            target = self.actor_of(doc, resolver, act, source)
        if source is None or (target is None and (trig.dyadic or self.said(trig, verdict.category))
                              and not self.alone(trig)):
            return None
        if source["country"] is None and resolver.office_holder(source):
            # a protest is domestic: its leader may share the country of its place
            taken = {target["country"]} if target and target["country"] and \
                verdict.category not in DOMESTIC else set()
            source["country"] = resolver.sentence_country(sent.start_char, sent.end_char, taken)
        category = verdict.category
        if act is None and (target is None or target["country"] is None):
            target = self.domestic(resolver, tok, sent, source, target)
        if target is None and category in DOMESTIC:
            target = self.government(resolver, tok, source)
        if target is None and act is None and legislated(tok):
            target = resolver.legislature(source["country"])  # "promised a VETO": of the bill
        if target is None and (category == "CONSULT" or (
                trig.reciprocal and category == trig.category)):
            target = resolver.partner(source)  # "the two countries signed a treaty"
        if target is None and category in RECIPROCAL and (parties := many(tok)) is not None:
            target = self.assembly(resolver, parties)
        if target is None and self.ontology.needs_recipient(category) and not (
                category in RECIPROCAL and collective(doc, source)) and not (
                trig.untargeted and category == trig.category == trig.untargeted[0]):
            return None
        if target is None and act is None:
            target = self.at_home(resolver, sent, source)
        elif category == "CONSULT":
            target = resolver.host(target)
        if target is None and trig.untargeted and category == trig.category:
            category, mode_alone = trig.untargeted
            trig = replace(trig, category=category, mode=mode_alone,
                           cameo=self.ontology.cameo(category, mode_alone))
        if trig.dyadic and not trig.specific and category == trig.category and \
                self.ontology.categories[category]["quad"] == "material_cooperation" and \
                self.personal(doc, source, target):
            return None  # "his speeches GAVE Sanders an issue", "a think tank FOUNDED by X"
        if category == "ASSAULT" and self.between_persons(doc, source, target):
            if not self.lexicon.cameo.criticises(lemma(tok)):
                if "election" in self.context_of(sent):
                    return None  # "Sanders beat Clinton in the primary": a contest, no force
            else:
                category = "ACCUSE"  # "Bush attacked Trump over immigration"
        mode = trig.mode if category == trig.category else None
        if category == "PROTEST" and mode == "demo" and resolver.person(source["actor"]):
            return None  # "Trump held a rally", "Sanders rallied in Iowa": a campaign's, no crowd
        cameo = trig.cameo if category == trig.category else self.ontology.cameo(category, None)
        return self.build(doc, resolver, category, mode, cameo, list(verdict.context), source,
                          target, tok, sent)

    def judged(self, noun: Any, resolver: Resolver) -> bool:
        """Whether a noun is the unowned act a judging verb names (``unowned_act``): "Chile
        condemned the INVASION" tells Chile's condemnation, not an invasion by Chile."""
        verb = noun.head.head if noun.dep_ == "oprd" else noun.head
        trig = self.lexicon.match(verb) if verb.i != noun.i else None
        act = unowned_act(verb, trig, trig.category, self.lexicon, resolver) if trig else None
        return act is not None and act.i == noun.i

    def actor_of(self, doc: Document, resolver: Resolver, act: Any,
                 judge: EventActor) -> EventActor | None:
        """The actor of the act a judging verb's object names (``unowned_act``): the source
        of the nearest earlier event of the document whose trigger is of the noun's word
        family (``kin``: "tested" for "the test") and whose recipient is the one the noun's
        phrase names, if any ("the attack ON PERU"), if another party than the judge (a
        side named only by its country is its country's); else none, rather than a name
        from around the object."""
        named = named_recipient(act, self.lexicon, resolver)
        for event in reversed(self.coded):
            if kin(lemma(act), self.mark(doc, resolver, event)[0]) and (
                    named is None or party(event["target"]) == party(named)):
                found = event["source"]
                same = party(found) == party(judge) or (
                    (self.only_country(doc, found) or self.only_country(doc, judge))
                    and found["country"] == judge["country"])
                return None if same else {**found}
        return None

    @staticmethod
    def only_country(doc: Document, side: EventActor) -> bool:
        """Whether a side names no one but its country ("Chilean", "Chile")."""
        return not side["actor"] or (doc.actor(side["actor"]) or {}).get("type") == "country"

    @staticmethod
    def foretold(resolver: Resolver, tok: Any, verdict: Verdict, source: EventActor) -> bool:
        """ "The Chilean president said PERU would freeze Chilean assets": a coercion told in
        the future by someone of another side than its actor foretells it; PLOVER's threat
        is announced by whoever would act ("said CHILE would", "we will"), and so is an act
        announced as decided ("Chile announced that PERU would lift sanctions" is Peru's
        decision only told)."""
        if "future" not in verdict.context or verdict.category in VERBAL - {"THREATEN"}:
            return False
        speaker = resolver.first(reporter(clause(tok)[-1]))
        if speaker is None:
            return False
        if speaker["country"] and source["country"]:
            return speaker["country"] != source["country"]
        return bool(speaker["actor"] and source["actor"]) and speaker["actor"] != source["actor"]

    @staticmethod
    def between_persons(doc: Document, source: EventActor, target: EventActor | None) -> bool:
        """Whether a named person strikes a named person or a named organisation: blows
        between politicians and their campaigns in news are words or votes ("attacked",
        "hammered", "beat", "Carson's ATTACK on the Cruz campaign"), a force has a unit or a
        country."""
        kinds = [(doc.actor(side["actor"]) or {}).get("type") if side else None
                 for side in (source, target)]
        return kinds[0] == "person" and kinds[1] in ("person", "organisation")

    @staticmethod
    def personal(doc: Document, source: EventActor, target: EventActor | None) -> bool:
        """Whether a side is a named person: a general verb of material cooperation (CAMEO's
        GIVE, SERVE, FOUND, LEAD) between states and bodies is their cooperation, said of a
        person a figure of speech ("GAVE an interview to the Post", "a lead GAVE Trump")."""
        return any((doc.actor(side["actor"]) or {}).get("type") == "person"
                   for side in (source, target) if side)

    def said(self, trig: Trigger, category: str) -> bool:
        """Whether a trigger is a derived noun of a verbal act ("Peru's accusation", "his
        threats"): an act told by its noun without a recipient is only named, not reported."""
        return trig.nominal and self.ontology.categories[category]["quad"].startswith("verbal")

    def alone(self, trig: Trigger) -> bool:
        """Whether a derived trigger codes without a named recipient: a pattern naming its
        object words ("conduct military EXERCISES") of a material category PLOVER codes
        without one (MOBILIZE, RETREAT, COERCE, ASSAULT), or of a verbal one plover.yaml
        lets code alone (REJECT: "denied any INVOLVEMENT"). Other verbal categories keep the
        recipient the derived table was built for ("call a MEETING" says nothing alone)."""
        category = self.ontology.categories[trig.category]
        return trig.specific and (category["quad"].startswith("material") or bool(
            category.get("alone"))) and not self.ontology.needs_recipient(trig.category)

    def outside(self, candidates: Iterable[Any]) -> Iterator[Any]:
        """Candidates not in a wire dateline: "HANOI, Vietnam (AP) —" places the story, it
        is no party to its events."""
        for tok in candidates:
            if not any(start <= tok.idx < end for start, end in self.datelines):
                yield tok

    def threat(self, doc: Document, resolver: Resolver, tok: Any, cond: Any,
               sent: Any) -> Event | None:
        """ "If X doesn't act, we will": THREATEN from the speaker of the bare modal to X;
        ``cond``: the head of the condition (``bare_threat``)."""
        source = resolver.first(c for c in tok.children if c.dep_ == "nsubj")
        if source is None:
            return None
        target = resolver.first((c for c in cond.children if c.dep_ in ENGLISH.subjects),
                                avoid=source)
        return self.build(doc, resolver, "THREATEN", None, self.ontology.cameo("THREATEN", None),
                          ["hypothetical"], source, target, tok, sent)

    def build(self, doc: Document, resolver: Resolver, category: str, mode: str | None, cameo: str,
              context: list[str], source: EventActor, target: EventActor | None, tok: Any,
              sent: Any, shown: Any = None) -> Event:
        """The event of trigger ``tok``, dated and placed by its clause; ``shown`` is the
        word given as its trigger when another decides the type (a statement's "weak")."""
        start, end = tok.idx, tok.idx + len(tok)
        if category == "THREATEN" and "hypothetical" in context:
            mark = min((t.idx for t in sent if lemma(t) in ("if", "unless")), default=start)
            start = min(start, mark)
        date = event_date(doc, resolver.dates, start, end, (sent.start_char, sent.end_char),
                          self.lede, tok)
        if shown is not None:
            start, end = shown.idx, shown.idx + len(shown)
        return {
            "type": category,
            "mode": mode,
            "context": self.context_of(sent) + context,
            "source": source,
            "target": target,
            "trigger": doc.span(start, end),
            "sentence": [sent.start_char, sent.end_char],
            "date": date,
            **date_fields(date),
            "place": self.place(doc, resolver, tok),
            "intensity": self.ontology.intensity(category, mode),
            "cameo": cameo,
            "mentions": [doc.span(start, end)],
        }

    def domestic(self, resolver: Resolver, tok: Any, sent: Any, source: EventActor,
                 target: EventActor | None) -> EventActor | None:
        """A countryless recipient in a sentence naming only the actor's country takes it.

        "The Freedonian government accepted demands from the rebels": the rebels (a group
        noun, or a name the actors stage could not place) are coded as Freedonian.
        """
        country = source["country"]
        if not country or resolver.sentence_country(sent.start_char, sent.end_char,
                                                    set()) != country:
            return target
        if target is not None:
            return {**target, "country": country}
        found = self.group(resolver, targets(tok), sent)
        if found and not (source["start"] < found["end"] and found["start"] < source["end"]):
            return found
        return None

    def at_home(self, resolver: Resolver, sent: Any, source: EventActor) -> EventActor | None:
        """An event without a recipient, in a sentence naming only the actor's country again
        as an object or place ("Iraq's government may impose martial law as fighting raged
        in Baghdad"): PLOVER codes the recipient as that country. A country named only by
        the actor, a subject or a reporter ("..., the White House said") gives none."""
        country = source["country"]
        start, end = sent.start_char, sent.end_char
        if not country or resolver.sentence_country(start, end, set()) != country:
            return None
        for place in resolver.places(start, end):
            span = sent.doc.char_span(place["start"], place["end"], alignment_mode="expand")
            if (place["end"] <= source["start"] or place["start"] >= source["end"]) and \
                    span is not None and object_slot(span.root):
                return resolver.make(place["actor"], country, place["start"], place["end"])
        return None

    @staticmethod
    def assembly(resolver: Resolver, parties: Any) -> EventActor:
        """The side of many unnamed parties at a meeting ("Pacific Island leaders"), of the
        country its phrase names, if one ("Nigerian governors")."""
        left, right = phrase(parties)
        doc = parties.doc
        return resolver.make(None, resolver.phrase_country(left, right), doc[left].idx,
                             doc[right - 1].idx + len(doc[right - 1]))

    def group(self, resolver: Resolver, candidates: Any, sent: Any,
              home: EventActor | None = None) -> EventActor | None:
        """The first candidate that is a group noun ("the rebels", "students"), placed where
        its clause happens, else in the one country its sentence names; None if unplaced.
        ``home``: the recipient of a statement, whose country places a group the sentence
        leaves unplaced ("SENATORS criticized the governor"): news tells of what a country's
        own groups say of its officials (domestic politics is coded, PLOVER)."""
        for cand in candidates:
            if cand.pos_ == "NOUN" and lemma(cand) in self.groups:
                clause = cand.head if cand.dep_ in ENGLISH.subjects else cand
                country = resolver.placed(clause, PLACE_PREPS) \
                    or resolver.sentence_country(sent.start_char, sent.end_char, set()) \
                    or (home and home["country"])
                if country is None:
                    return None
                left, right = phrase(cand)
                start = sent.doc[left].idx
                end = sent.doc[right - 1].idx + len(sent.doc[right - 1])
                return resolver.make(None, country, start, end)
        return None

    def government(self, resolver: Resolver, tok: Any, source: EventActor) -> EventActor | None:
        """The implicit recipient of a domestic event: the country of its place or its actor."""
        for ent in resolver.sentence_ents(tok.sent):
            if ent.label_ in ("GPE", "LOC") and (code := resolver.code(ent.text)):
                return resolver.make(None, code, ent.start_char, ent.end_char)
        if source["country"]:
            return resolver.make(None, source["country"], source["start"], source["end"])
        return None

    def context_of(self, sent: Any) -> list[str]:
        lemmas = " " + " ".join(lemma(t) for t in sent) + " "
        return [name for name, words in self.contexts.items() if any(w in lemmas for w in words)]

    def place(self, doc: Document, resolver: Resolver, tok: Any) -> str | None:
        """Where the trigger's clause puts the event ("met ... in Beijing"), else the dateline's."""
        anchors = {tok.i, predicate(tok).i}
        for ent in resolver.sentence_ents(tok.sent):
            if ent.label_ not in PLACE_LABELS or ent.root.dep_ != "pobj":
                continue
            prep = ent.root.head
            if prep.lower_ in PLACE_PREPS and prep.head.i in anchors:
                return ent.text
        return (doc.place or {}).get("name")
