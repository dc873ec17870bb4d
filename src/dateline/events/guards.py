"""Precision guards: negation, modality, conditions and questions decide whether a trigger codes.

PLOVER treats intent as its own category (a promise to help is AGREE, a promise to hurt is
THREATEN) and excludes negated and merely hypothetical events; these rules read that off the
dependency parse of the trigger's clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.events.lexicon import Trigger, lemma
from dateline.events.ontology import ontology
from dateline.events.roles import governed_by, governor, infinitive
from dateline.language import ENGLISH
from dateline.quotes.lexicon import load_cues
from dateline.resources import load_yaml

POSSIBLE = {"may", "might", "could", "can"}
OBLIGATION = {"must", "should", "ought"}
NEGATION = {"not", "n't", "n’t", "never", "no"}
# Penn tags of the words that open an indirect question.
WH = {"WRB", "WP", "WP$", "WDT"}
# Determiners of a subject that deny anyone acted.
NOBODY = {"neither", "no"}
# Heads that deny their complement happened ("avoids condemning", "refused to criticize",
# "failed to condemn", "refrained from").
NEGATING = {"avoid", "refrain", "decline", "cease", "neglect", "hesitate", "refuse", "fail"}
# Heads that make their complement an intention rather than an act ("plans to impose",
# "VOWED to impose": a commitment to act is intent, PLOVER codes it by what is intended).
INTENT = {"plan", "intend", "prepare", "prepared", "aim", "decide", "want", "seek", "go",
          "ready", "willing", "vow", "pledge", "promise", "swear"}
# Heads whose infinitive is an act needed or hoped for, not one done ("NEEDS to persuade
# superdelegates", "STRUGGLING to demonstrate"); an attempt is coded as its act (CAMEO).
UNDONE = {"need", "struggle", "hope"}
# Verbs of advocacy whose "for" phrase names what is asked for (see ``advocated``).
ADVOCACY = {"push", "lobby", "press", "campaign", "argue", "call", "appeal", "ask", "plead",
            "advocate", "clamor", "clamour"}
# Nouns of a choice made, whose infinitive reports the act chosen (see ``unasserted``).
CHOSEN = {"decision", "vote"}
# Auxiliaries that open an inverted condition ("SHOULD they refuse, ...", "HAD he known").
INVERTING = {"should", "have", "be"}
# Subordinators of a clause that asserts nothing: a condition or a question (``open_question``).
QUESTION_MARKERS = ENGLISH.condition_markers | {"whether"}
# The conditional auxiliary: a future only when reported (see ``in_speech``).
HYPOTHETICAL = {"would"}
# Categories that are already statements about the future or verbal acts.
VERBAL = {"AGREE", "THREATEN", "REJECT", "REQUEST", "ACCUSE", "SUPPORT", "CONSULT"}
# Verbal acts whose simple present tells a stance held now ("Trump ADMIRES Putin", "Saudi
# officials DENY any links"), which PLOVER codes; a meeting or an agreement in the present
# is a schedule or an intent ("Clinton and Sanders MEET Monday", "I WANT Bernie in the fold"),
# an investigation an activity ("X, who STUDIES tax policy").
STANCES = VERBAL - {"CONSULT", "AGREE"}
ACTIVITIES = {"investigate"}


@dataclass(frozen=True)
class Verdict:
    """What a trigger codes; ``obliged``: "X said Y must ...", a REQUEST from X to Y."""

    category: str
    context: tuple[str, ...]
    obliged: bool = False

    def dump(self) -> list[Any]:
        """As plain data, to ship with a parse."""
        return [self.category, list(self.context), self.obliged]

    @classmethod
    def load(cls, data: list[Any]) -> Verdict:
        return cls(data[0], tuple(data[1]), data[2])


def clause(token: Any) -> list[Any]:
    """The trigger and the heads it complements: "agreed to set up" -> [set, agreed];
    "may halt MEDIATION efforts" -> [mediation, efforts, halt]; a noun's governing verb,
    active or passive ("did not issue a THREAT", "no THREAT was issued")."""
    chain = [token]
    while token.dep_ in ("xcomp", "acomp", "aux", "auxpass") or (
        token.dep_ in ("dobj", "attr", "compound", "nsubjpass") and token.pos_ in ("NOUN", "PROPN")
    ) or shared(token):
        token = token.head
        chain.append(token)
    return chain


def shared(token: Any) -> bool:
    """A coordinated verb without a subject of its own shares its head's clause: "his threats
    to wall off the border and SLAP tariffs" is as unasserted as "wall off"."""
    return token.dep_ == "conj" and token.pos_ == "VERB" and \
        not any(c.dep_ in ENGLISH.subjects for c in token.children)


def negated(token: Any) -> bool:
    if token.dep_ in ("xcomp", "pcomp", "acl") and lemma(token.head) in NEGATING:
        return True
    if token.dep_ == "pcomp" and lemma(token.head.head) in NEGATING:  # "refrained from X-ing"
        return True
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and lemma(c) == "never")
               or (c.dep_ in ENGLISH.subjects and none_of(c)) for c in token.children)


def reported_clause(head: Any) -> Any:
    """The clause a coordinated or infinitive verb belongs to ("said he would MEET and
    SIGN": "meet"), whose link tells whether it is reported."""
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
        head = head.head
    return head


def unsaid(head: Any) -> bool:
    """ "never said he wanted to KILL them", "did not claim that X ATTACKED", "asked WHY they
    would STRIKE": a clause reported by a negated verb, or asked, is asserted by nobody."""
    head = reported_clause(head)
    if head.dep_ == "acl" and head.head.pos_ == "NOUN" and any(
            c.dep_ == "mark" for c in head.children) and (
            none_of(head.head) or negated(head.head.head)):
        return True  # "cited NO evidence that Mills APPROVED", "did not find proof that ..."
    return head.dep_ == "ccomp" and (negated(head.head) or interrogative(next(head.subtree)))


def interrogative(first: Any) -> bool:
    """Whether a clause's first word makes it an indirect question ("WHY they ...",
    "WHETHER she ..."; not "if", which also opens a reported condition, nor a "that" the
    tagger reads as a wh-determiner, whose mark link shows it a complementizer)."""
    return (first.tag_ in WH and first.dep_ != "mark") or lemma(first) == "whether"


def none_of(subject: Any) -> bool:
    """ "NEITHER Johnson nor Weld is inclined to attack", "NO country condemned": a subject
    that names nobody who acted."""
    return any(g.dep_ in ("preconj", "det") and lemma(g) in NOBODY for g in subject.children)


def mandative(pred: Any) -> bool:
    """ "insisted that Pyongyang STOP", "insisted that the minister STEP down": a clause
    reported by a verb of speech whose verb is a bare base form (also where a singular noun
    subject would want "-s"), with no auxiliary, tells its subject what to do. The bare
    infinitive of a causative ("would help Clinton ATTRACT voters", "made him RESIGN") is
    no speech and asks nothing."""
    subj = next((c for c in pred.children if c.dep_ in ENGLISH.subjects), None)
    if pred.dep_ != "ccomp" or subj is None or any(c.dep_ in ("aux", "auxpass")
                                                   for c in pred.children):
        return False
    if lemma(pred.head) not in load_cues().speech:
        return False
    return pred.tag_ == "VB" or (pred.tag_ == "VBP" and subj.tag_ in ("NN", "NNP"))


def modal(chain: list[Any]) -> str | None:
    future = ENGLISH.future_auxiliaries
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "aux" and lemma(child) in future | POSSIBLE | OBLIGATION:
                return lemma(child)
        if tok.pos_ == "AUX" and lemma(tok) in future | POSSIBLE:
            return lemma(tok)
    return None


def condition(chain: list[Any]) -> Any | None:
    """The if/unless clause attached to the trigger's clause, if any (or an inverted one,
    ``inverted``)."""
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "advcl" and (any(
                m.dep_ == "mark" and lemma(m) in ENGLISH.condition_markers for m in child.children
            ) or inverted(child)):
                return child
    return None


def open_question(clause: Any) -> bool:
    """Whether a clause is opened by "if", "unless" or "whether": a condition or a question,
    which asserts nothing."""
    return any(m.dep_ == "mark" and lemma(m) in QUESTION_MARKERS for m in clause.children)


def inverted(clause: Any) -> bool:
    """ "SHOULD they continue to rebuff ..., the party will", "HAD he known": a clause before
    its head whose auxiliary comes before its subject, with no subordinator, is a
    condition."""
    aux = next((c for c in clause.children if c.dep_ in ("aux", "auxpass")), None)
    subj = next((c for c in clause.children if c.dep_ in ENGLISH.subjects), None)
    return clause.dep_ in ("advcl", "ccomp") and aux is not None and subj is not None and \
        aux.i < subj.i < clause.i < clause.head.i and lemma(aux) in INVERTING and \
        not any(c.dep_ == "mark" for c in clause.children)


def in_speech(head: Any) -> bool:
    """Whether a clause is reported speech ("said she WOULD support", "news that the PAC
    WOULD endorse"; a direct quote's clause hangs from its cue the same way), where "would"
    is the future told in the past; in the narrator's own clause "would" only imagines
    ("voters would support striking X")."""
    return reported_clause(head).dep_ in ("ccomp", "acl")


def announced(chain: list[Any]) -> bool:
    """ "announced that X WOULD lift sanctions", "pledged it WILL withdraw": a clause
    reported by a verb of announcing or committing (not by "say", which commits to nothing)
    tells a decision made known, which PLOVER codes as the act itself. The guards before
    it have already dropped a condition, a question and a negation."""
    head = reported_clause(chain[-1])
    if head.dep_ != "ccomp" or lemma(head.head) not in load_cues().commitment:
        return False
    verb = head.head  # itself told as done: not "may decide", nor "if they agree"
    return modal([verb]) is None and not open_question(verb)


def intended(chain: list[Any]) -> bool:
    """ "plans TO IMPOSE", "sought new SANCTIONS": an act under a head of intent, as its
    infinitive or as the noun it seeks."""
    return any((tok.dep_ == "xcomp" or (tok.dep_ == "dobj" and tok.pos_ == "NOUN"))
               and lemma(tok.head) in INTENT for tok in chain)


def advocated(token: Any) -> bool:
    """ "pushed FOR sanctions against Peru", "lobbied for tariffs": a material act a verb of
    advocacy asks for is not the act (the verb itself may be no trigger)."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "for" and lemma(head.head) in ADVOCACY


def habitual(token: Any, present_tells: bool = False) -> bool:
    """Whether a verb is not in a past form: "Mexico BUYS $250 billion from the US", "Trump
    and Clinton MEET Monday" state habits and schedules; a derived CAMEO verb, general as its
    senses are, codes only an act reported as done ("accepted", "has criticized"); so does a
    derived noun, or one its subject receives, by its verb ("FACED criticism", not "will FACE
    criticism"). Where ``present_tells`` the simple present is an act too: a headline's
    ("Senator BACKS Governor"), as headlines tell the story's act, and a stance's."""
    return token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBN") and not (
        present_tells and token.tag_ in ("VBZ", "VBP"))


def present_tells(token: Any, trig: Trigger, headline: bool) -> bool:
    """Whether the simple present of a trigger tells an act: any verbal act in a headline,
    a stance elsewhere (``STANCES``), told by the verb itself."""
    if headline:
        return trig.category in VERBAL
    return token.pos_ == "VERB" and trig.category in STANCES and trig.mode not in ACTIVITIES


def coercion_ahead(chain: list[Any], category: str) -> bool:
    """ "will IMPOSE new sanctions", "vowed to EXPEL the envoys": a derived verb of material
    conflict with a future auxiliary or under a head of intent announces the act, which
    PLOVER codes as THREATEN (below); the cooperative senses of derived verbs are too
    general to promise anything ("will FACE criticism" is no meeting)."""
    return ontology().categories[category]["quad"] == "material_conflict" and (
        modal(chain) in ENGLISH.future_auxiliaries or intended(chain))


def withheld(chain: list[Any], category: str) -> bool:
    """ "would not come to the defense of Estonia", "will not send any more aid": material
    cooperation its actor announces it will not give is a threat to withhold it (CAMEO 131,
    threaten to reduce or stop aid); "would" announces only in reported speech."""
    aux = modal(chain)
    return ontology().categories[category]["quad"] == "material_cooperation" and \
        aux in ENGLISH.future_auxiliaries and (aux not in HYPOTHETICAL or in_speech(chain[-1]))


def unasserted(chain: list[Any]) -> bool:
    """Whether the clause is the infinitive of a noun ("his THREATS to slap tariffs", "a
    PROPOSAL to create"): it names an idea, not an act that happened. A choice already made
    ("Britain's VOTE to leave the EU", "the DECISION to impose sanctions") is the act. So is
    a gerund that is its clause's subject ("CRITICIZING the police will alienate voters",
    "PRAISING him was like ..."): an act spoken of in general, by nobody; and an act only
    needed or hoped for (``UNDONE``)."""
    return any((tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and
                lemma(tok.head) not in CHOSEN and
                infinitive(tok))
               or (tok.dep_ in ("csubj", "csubjpass") and tok.tag_ == "VBG")
               or (tok.dep_ == "xcomp" and lemma(tok.head) in UNDONE)
               for tok in chain)


@lru_cache(maxsize=1)
def senses() -> dict[str, frozenset[str]]:
    data = load_yaml("events", "senses.yaml")
    return {key: frozenset(words) for key, words in data.items()}


def nonpolitical(token: Any, category: str) -> bool:
    """A market figure as subject ("the VIX shot up"), or a product as what a material
    trigger acts on ("released a campaign ad", "a video SHOT by a worker"): the verb's
    other sense, no event; so is a contest (``contest``). A clause a poll reports ("the poll
    showed X would DEFEAT Y"), a share of a people as the actor ("15 PERCENT of Republicans
    approve", "supported by 42 PERCENT of voters") or the measure of a noun trigger
    ("Clinton support 27 PERCENT") is a poll's figure, no one's act."""
    words = senses()
    material = category not in VERBAL | {"ACCUSE"}
    head = reported_clause(clause(token)[-1])
    if head.dep_ == "ccomp" and any(c.dep_ in ENGLISH.subjects and lemma(c) in words["polls"]
                                    for c in head.head.children):
        return True
    if material and token.dep_ == "acl" and token.tag_ == "VBN" and \
            lemma(token.head) in words["products"]:
        return True
    if (category == "CONSULT" or ontology().categories[category]["quad"].startswith(
            "material")) and contest(token):
        return True
    for child in token.children:
        if child.dep_ in ENGLISH.subjects and lemma(child) in words["markets"]:
            return True
        if child.dep_ in ("dobj", "nsubjpass") and lemma(child) in words["products"] and \
                material:
            return True
        if share(child) and (child.dep_ in ENGLISH.subjects or token.pos_ == "NOUN"):
            return True
        if child.dep_ == "agent" and any(share(g) for g in child.children):
            return True
    return False


def contest(token: Any) -> bool:
    """Whether a verb's object, or its preposition's, is a race ("FACES a tight primary
    with Sanders", "to CAPTURE the working-class vote", "BEAT him in the primary"): a force
    or a meeting in a race is a candidate's contest (senses.yaml ``contests``)."""
    words = senses()["contests"]
    if any(c.dep_ == "oprd" for c in token.children):
        return False  # "called his VOTE an irresponsible one" names, see verbal.complement
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [g for c in token.children if c.dep_ == "prep" for g in c.children
                if g.dep_ == "pobj"]
    return any(lemma(o) in words for o in objects)


def share(token: Any) -> bool:
    """Whether a noun phrase is a percentage ("15 PERCENT", "42%"), or one of it ("an
    average OF 13 percent")."""
    return lemma(token) in ("percent", "%") or (
        token.ent_type_ == "PERCENT" and token.head.ent_type_ != "PERCENT") or any(
        share(g) for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children if g.dep_ == "pobj")


def judge(token: Any, trig: Trigger, headline: bool = False) -> Verdict | None:
    """The category this trigger codes in its clause, with auxiliary modes; None to drop it;
    ``headline``: the clause is the story's headline (see ``habitual``)."""
    onto = ontology()
    chain = clause(token)
    category = trig.category
    cond = condition(chain)
    if nonpolitical(token, category) or unasserted(chain) or (
            (trig.dyadic or governed_by(token, "receive"))
            and habitual(governor(token) or token if token.pos_ == "NOUN" else token,
                         present_tells(token, trig, headline))
            and not coercion_ahead(chain, category)
            and (cond is None or onto.cooperative(category))):
        return None  # a conditional coercion is no habit but a threat: see below
    context: list[str] = []
    if any(open_question(tok) or inverted(tok) for tok in chain):
        return None  # the trigger is the condition itself: "if X is allowed to grow"
    if unsaid(chain[-1]):
        return None
    if advocated(token):
        # CAMEO codes a call for sanctions as a threat of them (1312, "CALL (FOR SANCTIONS)",
        # "URGE * SANCTIONS"); a call for aid, talks or an overthrow is a request, and the
        # talks asked for are not held
        return Verdict("THREATEN" if category == "SANCTION" else "REQUEST", ())
    if any(negated(tok) for tok in chain):
        if not trig.negated and withheld(chain, category):
            return Verdict("THREATEN", ("future",))
        if not trig.negated:
            return None
        category = trig.negated
    aux = modal(chain)
    if cond is not None:
        # "will withdraw unless ...", "may halt mediation if ...": a conditional act of the
        # speaker's own is a threat; a rule that merely permits under a condition is not.
        if not onto.cooperative(category):
            return Verdict("THREATEN", ("hypothetical",))
        if aux not in ENGLISH.future_auxiliaries:
            return None
        unless = any(lemma(m) == "unless" for m in cond.children)
        threat = unless or negated(cond)  # "we will withdraw unless / if you don't"
        return Verdict("THREATEN" if threat else "AGREE", ("hypothetical",))
    if aux in POSSIBLE or (aux in HYPOTHETICAL and not in_speech(chain[-1])):
        return None
    if aux in OBLIGATION or mandative(chain[-1]):
        return Verdict("REQUEST", ("obligation",), obliged=True)
    if aux in ENGLISH.future_auxiliaries or intended(chain):
        context.append("future")
        future = aux in ENGLISH.future_auxiliaries or any(  # or "is GOING to lift"
            tok.lower_ in ENGLISH.future_auxiliaries for tok in chain)
        if category not in VERBAL and not (future and announced(chain) and
                                           onto.cooperative(category)):
            category = "AGREE" if onto.cooperative(category) else "THREATEN"
    return Verdict(category, tuple(context))


def bare_threat(token: Any) -> Any | None:
    """ "If X doesn't act, we will": a bare future modal ruling an if/unless clause.

    Returns the condition clause's head, or None."""
    if token.pos_ != "AUX" or lemma(token) not in ENGLISH.future_auxiliaries:
        return None
    if any(c.dep_ in ("xcomp", "ccomp", "dobj", "acomp", "attr") for c in token.children):
        return None
    return condition([token])
