"""Verbal events from what a statement says: "Trump is inciting violence," Clinton said.

Most events in news are statements whose cue is a plain "said": the event is in the content.
A statement's main clause that evaluates a named actor other than the speaker is that
speaker's ACCUSE (negative) or SUPPORT (positive) of the actor; one that says the actor must
or should act, or that the speaker wants or counts on it to act, is a REQUEST. The
evaluation is read off the VADER sentiment lexicon (a well-kept, hand-validated valence
list) on the content's main predicate and its complements, so no word list is kept here;
the words of names ("the UNITED States") and prepositions VADER reads as words ("LIKE")
evaluate nothing. The clauses read are the main ones, those they report however deep ("I
think it shows [how desperate they are]") unless under a negated belief, and those a noun
states ("no doubt [that he is talented]"). The target is the predicate's subject (or the
actor its clausal subject or its possessor names), resolved to an actor; in a direct
quotation a he or she is someone the speaker talks about, never the speaker; what the
speaker says they are towards someone ("I'm a big fan OF PAUL") is about that someone.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from dateline.events.guards import (
    OBLIGATION,
    interrogative,
    inverted,
    mandative,
    negated,
    open_question,
)
from dateline.events.lexicon import lemma
from dateline.events.resolve import FIRST_PERSON, Resolver
from dateline.events.roles import infinitive
from dateline.events.sides import people_nouns
from dateline.language import ENGLISH
from dateline.model import EventActor
from dateline.quotes.lexicon import load_cues

# VADER's compound score of a clause runs from -1 to +1 and reads negation and degree ("isn't
# working", "hardly fit"); beyond these it is an evaluation, not a shade. Praise needs more:
# news reports plenty of mildly positive facts ("it will help"). A clause whose subject is
# the actor evaluated needs less ("his comments are not helping", "Trump has mocked a
# reporter"; VADER scores one mild word about -0.3) than a statement as a whole, which is
# about its first-named actor only when it evaluates strongly.
NEGATIVE, POSITIVE = -0.2, 0.6
# What the speaker says they are towards whom it names is an attitude, not a fact to confuse
# with praise ("I'm a big fan of Paul" +0.32, "I've been a supporter of Trump" +0.27): one
# word of valence 1.0 (VADER's compound 0.25, attitudes.STANCE_VALENCE) is enough.
OWN_POSITIVE = 0.25
WHOLE_NEGATIVE = -0.4
# Parts of speech whose words VADER's lexicon may list in another sense: "somebody LIKE
# Trump" is no liking (the others, "kind OF", "WITHOUT", stay for VADER's rules).
FUNCTION_WORDS = {"ADP", "SCONJ"}
# A determiner VADER scores as negative on its own, besides negating what follows it.
NEGATING_DETERMINERS = {"no"}
# Entity labels whose words are names, not evaluations.
NAMES = ENGLISH.named_labels | ENGLISH.actor_labels
# Coordinated predicates are main clauses of their own ("He lied and he cheated").
CLAUSE_LINKS = {"conj"}
# How deep in its clause a word still says something of the clause's subject: further down
# it describes something else ("did a great job representing her state AT a time OF
# terrible TRAGEDY").
DEPTH = 4
# Where a word is said of a subject: its predicative complement ("she was GREAT", "a
# BRILLIANT justice"), or the object of the predicate ("did a GREAT job").
PREDICATIVE = {"acomp", "attr", "oprd"}
# Links of a word that modifies the noun (or the adjective) it depends on.
MODIFIERS = {"amod", "advmod", "compound", "nmod"}


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def clause_words(pred: Any, span: Any, core: bool = False) -> list[Any]:
    """The predicate's clause inside the statement, without its coordinated clauses (each
    is judged on its own); when ``core``, without the clauses inside it that describe
    something else (``aside``: "Clinton was the only choice for voters who know what it
    is like to STRUGGLE" says nothing ill of Clinton) and the words further down than
    ``DEPTH`` links, save the subject's own phrase."""
    skip = {t.i for c in pred.children if c.dep_ in CLAUSE_LINKS for t in c.subtree}
    if core:
        skip |= {t.i for c in pred.subtree if c.i != pred.i and aside(c) for t in c.subtree}
        subject = next((c for c in pred.children if c.dep_ in ENGLISH.subjects), None)
        said = {t.i for t in subject.subtree} if subject is not None else set()
        skip |= {t.i for t in pred.subtree if t.i not in said and depth(t, pred) > DEPTH}
    return [t for t in pred.subtree if span.start <= t.i < span.end and t.i not in skip]


def depth(token: Any, top: Any) -> int:
    """How many links lead from a word up to its predicate."""
    steps = 0
    while token.i != top.i and token.head.i != token.i:
        token, steps = token.head, steps + 1
    return steps


def aside(clause: Any) -> bool:
    """Whether a clause inside a predicate's clause describes something else than its
    subject: a relative clause ("voters WHO FACE tough odds"; not one of a predicative noun,
    "is a person WHO IS DISHONEST", said of the subject), or a condition ("IF Trump kicks
    ...")."""
    if clause.dep_ == "relcl":
        return clause.head.dep_ not in PREDICATIVE
    return clause.dep_ == "advcl" and conditional(clause)


def named(token: Any) -> bool:
    """Whether a word is part of a name, which evaluates nobody ("the UNITED States", "the
    SUPREME Court") though VADER scores it."""
    return token.ent_type_ in NAMES and token.pos_ == "PROPN"


def evaluating(pred: Any, span: Any, names: bool = True, core: bool = False) -> list[Any]:
    """The words of the predicate's clause that may evaluate (those of names only if
    ``names``). Not VADER's words in another sense: a preposition ("somebody LIKE Trump"),
    a noun for a kind of actor (the "PARTY" is no celebration, ``people_nouns``), a "no"
    that negates no valued word ("has NO plans to meet", "polling NO. 1"), which VADER
    would score as a word of its own."""
    lexicon = analyzer().lexicon
    words = clause_words(pred, span, core)
    return [t for i, t in enumerate(words)
            if not (t.pos_ in FUNCTION_WORDS and t.lower_ in lexicon)
            and not (t.pos_ == "NOUN" and t.lemma_.lower() in people_nouns())
            and not (t.lower_ in NEGATING_DETERMINERS
                     and not any(n.lower_ in lexicon for n in words[i + 1:i + 4]))
            and (names or not named(t))]


def evaluation(pred: Any, span: Any, names: bool = True, core: bool = False) -> float:
    """VADER's compound score of the predicate's clause inside the statement (``evaluating``
    words only)."""
    return analyzer().polarity_scores(" ".join(
        t.text for t in evaluating(pred, span, names, core)))["compound"]


def judging_word(pred: Any, span: Any, score: float, core: bool = False) -> Any:
    """The word an evaluation turns on, shown as the event's trigger: in "Bush is a weak
    candidate" it is "weak", not "is". The clause's word of strongest valence on the
    score's side in VADER's lexicon; the predicate when no single word carries it."""
    return next(iter(valued(pred, span, score, core)), pred)


def valued(pred: Any, span: Any, score: float, core: bool = False) -> list[Any]:
    """The clause's words of the score's side in VADER's lexicon, strongest first (a name's
    words, which ``named`` tells, included)."""
    lexicon = analyzer().lexicon
    found = [(lexicon[t.lower_] * score, t) for t in evaluating(pred, span, core=core)
             if t.lower_ in lexicon]
    return [t for weight, t in sorted(found, key=lambda pair: -pair[0]) if weight > 0]


def heads(span: Any) -> Iterator[Any]:
    """The main predicates of a content span: tokens governed from outside it, and their
    coordinated verbs ("He lied and he cheated")."""
    for tok in span:
        if tok.head.i == tok.i or not span.start <= tok.head.i < span.end:
            yield tok
            yield from (c for c in tok.children if c.dep_ in CLAUSE_LINKS and c.pos_ in
                        ("VERB", "AUX"))


def subject(pred: Any) -> Any | None:
    """The clause's subject, or its clausal subject ("WHAT Trump IS DOING is playing on
    fears": whoever that clause names)."""
    for child in pred.children:
        if child.dep_ in ENGLISH.subjects or child.dep_ == "csubj":
            return child
    return None


def antecedent_subject(subj: Any, span: Any) -> Any:
    """A statement's "it" or "they" opening a sentence after the first continues the
    previous sentence's subject ("The president's RATIONALES don't hold weight. THEY are
    100 percent wrong"); any other subject is itself."""
    sent = subj.sent
    if subj.lower_ not in ("it", "they") or sent.start <= span.start or \
            subj.i != sent.start + next(i for i, t in enumerate(sent) if not t.is_punct):
        return subj
    before = subj.doc[sent.start - 1].sent
    return subject(before.root) or subj


def conditional(pred: Any) -> bool:
    """Whether the predicate is an if/unless clause (or an inverted one: "SHOULD they
    continue ...") or a question's content."""
    return open_question(pred) or (pred.dep_ == "advcl" and inverted(pred))


def obliged(pred: Any) -> bool:
    """ "Baker MUST resign", "the staff NEED to be more open": what a speaker says an actor
    must or needs to do is a demand on it."""
    return any(c.dep_ == "aux" and lemma(c) in OBLIGATION for c in pred.children) or (
        lemma(pred) == "need" and any(c.dep_ == "xcomp" and infinitive(c)
                                      for c in pred.children))


def spoken(sdoc: Any, quote: dict[str, Any]) -> bool:
    """Whether the quote is a statement: a speech cue ("said", "according to") or none (a
    direct quote's continuation), not a belief or an intention ("decided", "found")."""
    cue = quote.get("cue")
    if not cue:
        return True
    cues = load_cues()
    span = sdoc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    return span is not None and (lemma(span.root) in cues.speech
                                 or span.text.lower() in cues.prepositions)


def statement_events(resolver: Resolver, quote: dict[str, Any], source: EventActor
                     ) -> Iterator[tuple[str, EventActor, Any, Any]]:
    """(category, target, predicate, the word it turns on) for each main clause of a
    statement that accuses, praises or demands something of a named actor other than the
    speaker."""
    sdoc = resolver.sdoc
    if not spoken(sdoc, quote):
        return
    span = sdoc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    if span is None or span.text.rstrip().rstrip("\"”’'").endswith("?"):
        return
    # Content may start after the actor it is about: Russia insisted that Pyongyang "stop
    # its escapades" (the quoted words are the span); the cue bounds it then.
    cue = quote.get("cue")
    floor = cue["end"] if cue and cue["end"] <= span.start_char else span.start_char
    coded = False
    for head in heads(span):
        for pred in clauses(head, span):
            found = judged(resolver, pred, span, source, floor, quote.get("kind") == "direct")
            if found is not None:
                coded = True
                yield found[0], found[1], pred, found[2]
                break
    if coded:
        return
    # No clause is about a named actor: a statement as a whole that evaluates strongly is
    # about the first actor it names that the word it turns on is said of ("..., unlike
    # Trump, who insults veterans"), not one it names elsewhere ("the best airports are in
    # places like China"); a strong accusation is about the first actor it names if a person
    # (whom the speaker's words are aimed at, however the parse links them).
    score = evaluation(span.root, span)
    if WHOLE_NEGATIVE < score < POSITIVE:
        return
    word = judging_word(span.root, span, score)
    if named(word) or hedged(word, span):
        return  # a name ("the UNITED States would work with ..."), or a condition
    for nth, target in enumerate(resolver.addressees(quote, source)):
        if not linked(word, target, resolver.sdoc) and not (
                nth == 0 and score <= WHOLE_NEGATIVE and resolver.person(target["actor"])):
            continue
        if own_state(resolver, target, source) or (
                source["actor"] is None and target["country"] == source["country"]):
            return
        if score <= WHOLE_NEGATIVE:
            yield "ACCUSE", target, span.root, word
        elif praising(word, span.root, False):
            yield "SUPPORT", target, span.root, word
        return


def within(top: Any, token: Any, part: bool = True) -> bool:
    """Whether a token lies in a word's own phrase, not through a coordinated one ("attacks
    and shootings in Paris": Paris is in the shootings' phrase, not the attacks'), nor, if
    not ``part``, as what the phrase is part of ("the poor members OF the Senate")."""
    while token.i != top.i:
        if token.dep_ in CLAUSE_LINKS or token.head.i == token.i or (
                not part and token.lower_ == "of" and token.dep_ == "prep"):
            return False
        token = token.head
    return True


def linked(word: Any, target: EventActor, sdoc: Any) -> bool:
    """Whether an evaluating word is said of an actor a statement names: the actor is in
    the word's phrase ("ATTACKS on Trump", "DISAPPOINTED Trump has decided") or in that of
    the noun it modifies ("Obama's FAILED policies", "VICIOUS insults from Trump"), the word
    in the actor's ("Trump, who INSULTS veterans"), or the word is said of the actor as its
    subject ("Clinton was CARELESS").
    A place named where something happened ("shootings IN Paris") is no one evaluated."""
    span = sdoc.char_span(target["start"], target["end"], alignment_mode="expand")
    if span is None:
        return False
    actor = span.root
    if actor.dep_ == "pobj" and actor.head.lower_ in ENGLISH.setting_prepositions:
        return False
    if within(word, actor) or within(actor, word):
        return True
    head = word
    while head.dep_ in MODIFIERS and head.head.i != head.i:
        head = head.head  # "a very DANGEROUS man"
    if head.i != word.i and head.pos_ in ("NOUN", "PROPN") and within(head, actor, False):
        return True  # "Obama's FAILED policies", "VICIOUS insults from Trump"
    return head.dep_ in PREDICATIVE and any(
        c.i == actor.i for c in head.head.children
        if c.dep_ in ENGLISH.subjects)  # "Clinton was CARELESS", "Lee is a CRUEL man"


def hedged(word: Any, span: Any) -> bool:
    """Whether a word lies in a condition or an indirect question of the statement ("IF
    Trump ends up a disaster", "WHETHER they launch attacks"): it evaluates nobody yet."""
    node = word
    while span.start <= node.i < span.end:
        if open_question(node):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def clauses(head: Any, span: Any) -> Iterator[Any]:
    """A main predicate, then the clauses it states, however deep ("I think [Trump is
    dangerous]", "I think it shows [how desperate they are]"), and those its noun states
    ("there is no doubt [that he is talented]": a clause of a noun opened by "that" as a
    conjunction, not a relative clause, whose "that" is a pronoun)."""
    yield head
    for child in head.children:
        if not span.start <= child.i < span.end:
            continue
        if child.dep_ == "ccomp" and not negated(head):
            # "I DON'T think [Ryan would be shy]" asserts nothing of Ryan
            yield from clauses(child, span)
        elif child.dep_ in ("attr", "dobj"):
            yield from (c for c in child.children if c.dep_ == "acl" and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children))


def judged(resolver: Resolver, pred: Any, span: Any, source: EventActor, floor: int,
           direct: bool = False) -> tuple[str, EventActor, Any] | None:
    """The category, target and deciding word of one clause of a statement, if it
    evaluates an actor; in a ``direct`` quotation a he or she is someone the speaker talks
    about (in reported speech, "Baker said HE is ...", it is mostly the speaker)."""
    if pred.pos_ not in ("VERB", "AUX") or conditional(pred):
        return None
    subj = subject(pred)
    if subj is None:
        return None
    subj = antecedent_subject(subj, span)
    target = resolver.first([subj], avoid=source)
    if direct and subj.lower_ in ENGLISH.person_pronouns and subj.lower_ not in FIRST_PERSON:
        target = resolver.spoken_of(subj, source)
        if target is None:
            return None  # someone the speaker talks about, but who is not known
    if target is not None and own_state(resolver, target, source):
        target = None  # Kerry: "the United States will work with ...": his side's own act
    own = target is None and (subj.lower_ in FIRST_PERSON or resolver.first([subj]) is not None)
    if speaks(resolver, subj, source) and not negated(pred) and \
            (agent := wanted_agent(pred)) is not None:
        # "we expect RUSSIA to stop", "I count on the COUNCIL to act": a demand on it
        wanted = resolver.first([agent], avoid=source)
        if wanted is not None and wanted["start"] >= floor:
            return "REQUEST", wanted, pred
    if own:
        # the speaker's own act on somebody: "we cannot trust Hillary"
        target = resolver.first(objects(pred), avoid=source)
    if target is None or target["start"] < floor or (
            source["actor"] is None and target["actor"] is None
            and target["country"] == source["country"]):
        return None
    if (obliged(pred) or mandative(pred)) and not negated(pred):
        # a demand falls on an agent: "Pence's PERFORMANCE should boost ..." predicts
        agent = target["start"] <= subj.idx < target["end"]
        modal = next((c for c in pred.children if c.dep_ == "aux" and lemma(c) in OBLIGATION),
                     pred)
        return ("REQUEST", target, modal) if agent else None
    score = evaluation(pred, span, names=False, core=True)
    word = judging_word(pred, span, score, core=True)
    if score <= NEGATIVE:
        return "ACCUSE", target, word
    if score >= (OWN_POSITIVE if own and lemma(pred) == "be" else POSITIVE) and \
            praising(word, pred, own):
        return "SUPPORT", target, word
    return None


def praising(word: Any, pred: Any, own: bool) -> bool:
    """Whether a positive word is praise said of the clause's subject: a predicative
    adjective or noun ("she was GREAT", "a BRILLIANT justice", "did a GREAT job"), or the
    speaker's own verb of attitude ("I ADMIRE her"). A verb or a noun elsewhere in the
    clause tells a fact, good news not being praise ("Wilson WON", "she will HELP", "lacks
    the STRENGTH"); a noun as subject is what the subject has ("her LEADERSHIP was ...")."""
    if own and word.i == pred.i:
        return True
    if word.pos_ not in ("ADJ", "NOUN"):
        return False
    if word.dep_ in ENGLISH.subjects:
        return True  # "her LEADERSHIP has been ...": what the subject is said to have
    node = word
    while node.dep_ in ("amod", "advmod", "compound", "conj") and node.head.i != node.i:
        node = node.head
    return node.dep_ in PREDICATIVE or (node.dep_ == "dobj" and node.i != word.i)


def spoken_source(resolver: Resolver, candidates: list[Any]) -> EventActor | None:
    """ "they had said THEY would take measures": a pronoun subject that no mention resolves,
    inside a statement whose speaker the quotes stage resolved (its antecedent resolution
    reads "X said he ..." as X), is that speaker; the innermost such statement decides."""
    pronoun = next((c for c in candidates if c.lower_ in ENGLISH.referring_pronouns
                    and c.lower_ not in FIRST_PERSON), None)  # "we": resolve.py's own rule
    if pronoun is None:
        return None
    around = [q for q in resolver.quotes.covering(pronoun.idx)
              if q.get("actor") and main_subject(resolver, q, pronoun)]
    if not around:
        return None
    return resolver.speaker(min(around, key=lambda q: q["end"] - q["start"]))


def main_subject(resolver: Resolver, quote: dict[str, Any], pronoun: Any) -> bool:
    """Whether a pronoun is the subject of a statement's main clause ("said THEY would"),
    not of a clause further in ("after SHE attacked ...") or of a question, which may be
    anyone."""
    span = resolver.sdoc.char_span(quote["start"], quote["end"], alignment_mode="expand")
    return span is not None and not interrogative(span[0]) and \
        pronoun.dep_ in ENGLISH.subjects and pronoun.head.i in {h.i for h in heads(span)}


def speaks(resolver: Resolver, subj: Any, source: EventActor) -> bool:
    """Whether a clause's subject is the statement's speaker: "WE want", "I count on", or
    the speaker's own name ("RUSSIA wants ...", said by Russia); a third-person pronoun in a
    quotation may be anyone the speaker talks about."""
    if subj.lower_ in FIRST_PERSON:
        return True
    found = resolver.first([subj]) if subj.pos_ == "PROPN" else None
    return bool(found and found["actor"] and found["actor"] == source["actor"])


def wanted_agent(pred: Any) -> Any | None:
    """Who is to carry out the infinitive a clause asks for: its own subject ("want RUSSIA
    to stop") or the verb's prepositional object ("count on the COUNCIL to act"); a direct
    object with an infinitive ("helped Kyiv to defend itself") is not asked anything, nor
    is the subject of a belief ("I expect HIM to do better" predicts)."""
    if lemma(pred) in load_cues().belief or lemma(pred) == "be":
        return None  # "his job IS to lay out the case" says what a duty is
    for child in pred.children:
        if child.dep_ not in ("ccomp", "xcomp") or not infinitive(child):
            continue
        if child.dep_ == "ccomp":
            return subject(child)
        return next((g for p in pred.children if p.dep_ == "prep"
                     for g in p.children if g.dep_ == "pobj"), None)
    return None


def own_state(resolver: Resolver, target: EventActor, source: EventActor) -> bool:
    """Whether a placed speaker's statement names their own country as an actor ("the
    United States does not accept ...", said by its president or its envoy)."""
    record = resolver.actors.get(target["actor"] or "")
    return bool(record and record["type"] == "country" and source["actor"]
                and target["country"] == source["country"])


def objects(pred: Any) -> Iterator[Any]:
    """Whom the speaker's own act or attitude is about: the verb's objects, or those of
    its predicative word ("I'm a big fan OF PAUL", "we are disappointed IN HIM")."""
    for child in pred.children:
        if child.dep_ in ("dobj", "dative"):
            yield child
        elif child.dep_ == "prep":
            yield from (g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("attr", "acomp"):
            yield from (g for p in child.children if p.dep_ == "prep"
                        for g in p.children if g.dep_ == "pobj")
