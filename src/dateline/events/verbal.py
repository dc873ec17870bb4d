"""Verbal senses decided on the parse: what a trigger's complement says it is.

A verb of force or a call whose complement evaluates its object ("blasted Clinton AS A
DISGRACE", "calls Clinton 'A DISGRACE'") is said, not done: ACCUSE when the evaluation is
negative (SUPPORT when a call praises), read off VADER like statement content. A warning
that tells its object to act ("warned North Korea TO REFRAIN") is a demand: REQUEST; one
that only foretells ("warned that growth could suffer") is no threat, nor is agreeing with a
view ("agreed that Pence won") an agreement. A spoken commitment whose act is coercive
("pledged to impose sanctions", "promised a veto") is PLOVER's THREATEN, not AGREE: intent
is coded by what is intended. A verb of saying the lexicon leaves uncoded ("slammed X",
"dismissed X as ...") takes its verbal CAMEO sense, else its own valence; one whose bare
sense is force ("attacked Jane Miller") said of a person is an accusation.
"""

from __future__ import annotations

from typing import Any

from dateline.events.guards import VERBAL
from dateline.events.lexicon import NAMING, Lexicon, Trigger, lemma, plain_trigger
from dateline.events.ontology import ontology
from dateline.events.roles import infinitive
from dateline.events.statements import analyzer
from dateline.language import ENGLISH
from dateline.quotes.lexicon import load_cues
from dateline.quotes.syntax import frame

# Verbal categories that, intended, are a threat like any material conflict: a promised
# veto, boycott or rejection coerces (CAMEO 13: threaten to reject, boycott, block).
COERCIVE_VERBAL = {"REJECT", "THREATEN"}
# VADER word valence (-4 to +4) beyond which a verb of saying is itself an evaluation
# ("insulted" -2.3, "mocked" -1.3, "complimented" +1.8; "warned" -1.1 and "questioned" -0.4
# are not accusations of their object).
VERB_VALENCE = 1.2
# VADER compound (-1 to +1) beyond which the complement a neutral verb of saying gives its
# object evaluates it ("as reckless" -0.40, "as a lawyer from Ohio" 0).
COMPLEMENT_VALENCE = 0.3
# Frames (see quotes.syntax.frame) in which a verb of saying names whom it is about.
ABOUT = {"dobj", "prep"}


def onto_quad(category: str) -> str:
    return str(ontology().categories[category]["quad"])


def complement(token: Any) -> Any | None:
    """The predicative complement of the trigger's object: "called X [a disgrace]",
    "blasted X [as a disgrace]"; None without an object or such a complement. A clause of a
    noun has none: "pointed to Britain's decision to leave the EU AS an example" evaluates
    the decision, in the outer verb's words."""
    if token.dep_ == "acl" or not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return None
    for child in token.children:
        if child.dep_ == "oprd":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":  # "as A DISGRACE", "as RECKLESS"
            return next(iter(child.children), None)
    return None


def valence(token: Any) -> float:
    return analyzer().polarity_scores(" ".join(t.text for t in token.subtree))["compound"]


def forecast(token: Any) -> bool:
    """ "warned that the vote COULD depress growth", "warn that the bloc could fall apart":
    a warning whose reported clause is not its speaker's own announced act (a pronoun
    subject with will/would: "warned that they WOULD retaliate") foretells, it threatens
    nobody; what the clause says of a named actor is read as statement content instead."""
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        subj = next((c for c in clause.children if c.dep_ in ENGLISH.subjects), None)
        own = subj is not None and subj.lower_ in ENGLISH.referring_pronouns
        if not (own and any(c.dep_ == "aux" and c.lower_ in ENGLISH.future_auxiliaries
                            for c in clause.children)):
            return True
    return False


def concurs(token: Any) -> bool:
    """ "all agreed (that) Pence won", "agreed with Matthews ABOUT the winner": agreeing
    with a view, not to an act; only the consenting sense ("agreed to talks", "agreed on a
    plan", "agreed to share") is PLOVER's AGREE."""
    if lemma(token) != "agree":
        return False
    return any(c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "about")
               for c in token.children)


def acts(token: Any, lexicon: Lexicon) -> set[str]:
    """The categories an intended act may code: a verb's trigger ("to IMPOSE sanctions"), or
    for a noun ("a VETO", "further SANCTIONS") the bare senses of the verb spelt like it and
    what the lexicon codes the noun itself as, with whatever verb ("new TARIFFS")."""
    if token.pos_ == "VERB":
        trig = lexicon.match(token)
        return {trig.category} if trig else set()
    if token.pos_ != "NOUN":
        return set()
    kinds = {t.category for t in lexicon.index.get(lemma(token), ())
             if t.pos == "noun" or not t.with_}
    return kinds | {p.trigger.category if p.trigger else "" for p in lexicon.cameo.index.get(
        lemma(token), ()) if not p.size and p.particle is None}


def coercive_commitment(token: Any, lexicon: Lexicon) -> bool:
    """ "pledged TO IMPOSE sanctions", "promised A VETO": a spoken commitment (a speech cue
    such as promise, pledge, vow) whose infinitive or object is a conflict act in every
    sense the lexicon knows ("promised AID", "offered HELP" stay agreements)."""
    if lemma(token) not in load_cues().speech or any(
            c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return False  # "agreed WITH Y to ...": a deal between two, not a threat
    onto = ontology()
    for child in token.children:
        if child.dep_ in ("xcomp", "dobj"):
            kinds = acts(child, lexicon)
            if kinds and all(k in COERCIVE_VERBAL or (
                    k and onto.categories[k]["quad"] == "material_conflict") for k in kinds):
                return True
    return False


def unready(token: Any, lexicon: Lexicon) -> bool:
    """ "READY to return fire", "READY to take on the cartel": readiness is an offer (PLOVER
    AGREE: "WILLING to negotiate", "READY to work with Peru") unless its act is a hostile one
    the lexicon knows, which offers nothing to anyone."""
    if token.pos_ != "ADJ":
        return False
    onto = ontology()
    kinds = {k for c in token.children if c.dep_ == "xcomp" for k in acts(c, lexicon)}
    return any(k and not onto.cooperative(k) for k in kinds)


def coercion_called_for(token: Any, lexicon: Lexicon) -> bool:
    """ "called FOR sanctions on Chile", "urged SANCTIONS": a demand whose object is a
    sanction in every sense the lexicon knows, with no one asked to impose it ("urged the
    EU to impose sanctions" asks the EU). CAMEO codes it as a threat of sanctions (1312:
    "CALL (FOR SANCTIONS)", "URGE * SANCTIONS"); a call for an overthrow or a resignation
    stays a demand for change (PLOVER REQUEST "change")."""
    if any(c.dep_ == "xcomp" for c in token.children):
        return False
    objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
               for g in c.children if g.dep_ == "pobj"]
    objects += [c for c in token.children if c.dep_ == "dobj"]
    for obj in objects:
        kinds = acts(obj, lexicon)
        if kinds == {"SANCTION"}:
            return True
    return False


def said_clause(child: Any) -> bool:
    """Whether a verb's dependent is what it says: a clause opened by "that" ("allowed THAT
    his members tilt Republican") or a quotation before it ("'We know how it will go,'
    Manafort conceded"); not a clause the parse hangs there by mistake ("prepared to resume
    shelling as talks were deadlocked")."""
    return child.dep_ == "ccomp" and (
        any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
        or child.i < child.head.i)


def verbal_sense(token: Any, category: str, lexicon: Lexicon) -> str | None:
    """The category a trigger codes once its complement is read (see the module's doc);
    None when it codes nothing (a warning that only foretells)."""
    if category not in VERBAL and token.pos_ == "VERB" and any(said_clause(c)
                                                             for c in token.children):
        return None  # "ALLOWED that his members tilt Republican": a content clause says
    if category == "AGREE" and coercive_commitment(token, lexicon):
        return "THREATEN"
    if category == "REQUEST" and coercion_called_for(token, lexicon):
        return "THREATEN"
    if category == "THREATEN" and forecast(token):
        return None
    if category == "AGREE" and (concurs(token) or unready(token, lexicon)):
        return None
    if category == "THREATEN" and any(c.dep_ == "dobj" for c in token.children) and any(
            c.dep_ == "xcomp" and infinitive(c) for c in token.children):
        return "REQUEST"
    if onto_quad(category) == "material_conflict" and personal(token) and (
            lemma(token) in load_cues().speech or load_cues().learned_cue(lemma(token),
                                                                          frame(token))):
        return "ACCUSE"  # "ripped Jane Miller for her vote"
    said = complement(token)
    if said is None:
        return category
    score = valence(said)
    if onto_quad(category) == "material_conflict" and score < 0:
        return "ACCUSE"  # a verb of force with an evaluating complement ("blasted X as weak")
    if lemma(token) in NAMING:  # a name neither praising nor blaming ("a neighbour") says nothing
        return "ACCUSE" if score < 0 else "SUPPORT" if score > 0 else None
    return category


def spoken_trigger(token: Any, lexicon: Lexicon) -> Trigger | None:
    """A verb of saying the lexicon leaves uncoded, said of a named party ("SLAMMED Clinton",
    "DISMISSED Estonia as ..."): a speech cue, or a verb PolNeAR's annotators mark an
    attribution cue in this frame (the quotes stage's learned cue table), but not a verb of
    belief or intention ("feared X"), with a named object. Where CAMEO's bare entries for it
    disagree between one verbal event and none ("dismiss": ACCUSE or "---"), being a cue
    decides for the event; where CAMEO has no bare event ("slam"), its own VADER valence
    makes it ACCUSE or SUPPORT."""
    if token.pos_ != "VERB":
        return None
    cues, word = load_cues(), lemma(token)
    if word not in cues.speech and word not in cues.learned:
        return None  # neither a cue nor in the learned table: no frame makes it one
    if word in cues.belief or word in cues.intention or frame(token) not in ABOUT or \
            not named_object(token):
        return None
    if word not in cues.speech and not cues.learned_cue(word, frame(token)):
        return None
    bare = {p.trigger.category for p in lexicon.cameo.index.get(word, ())
            if p.trigger and not p.size and p.particle is None}
    if len(bare) == 1 and onto_quad(next(iter(bare))).startswith("verbal"):
        if personal(token) and complement(token) is None:
            return None  # "dismissed its chief executive Jane Miller": fired, not judged
        category = bare.pop()  # "dismiss": ACCUSE, or "---" (no event) where it is no cue
    elif bare:
        return None
    else:
        lex = analyzer().lexicon
        score = lex.get(token.lower_, lex.get(word, 0.0))
        if abs(score) < VERB_VALENCE:
            # a neutral verb of saying evaluates by what it calls its object:
            # "characterized Hart AS RECKLESS", "described her as A LIAR"
            said = complement(token)
            score = valence(said) if said is not None else 0.0
            if abs(score) < COMPLEMENT_VALENCE:
                return None
        category = "ACCUSE" if score < 0 else "SUPPORT"
    return plain_trigger(category, word, dyadic=True)


def named_object(token: Any) -> bool:
    """Whether the verb's object, or its preposition's, is a name ("slammed CLINTON"), or
    what a name said or did ("slammed CLINTON's remarks": the verb is said of its author),
    or a person's pronoun ("slammed HIM", "slammed HIS remarks"), which the sides resolve
    like a name or leave the event without a target."""
    for child in token.children:
        nouns = [child] if child.dep_ == "dobj" else \
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        nouns += [g for n in nouns for g in n.children if g.dep_ == "poss"]
        if any(n.ent_type_ in ENGLISH.named_labels or n.lower_ in ENGLISH.pronoun_gender
               for n in nouns):
            return True
    return False


def personal(token: Any) -> bool:
    """Whether the verb's object is a named person ("ripped Jane Miller"): force is not
    done to a person by a speaker in the news, it is said of them."""
    return any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lower_ in
                                     ENGLISH.person_pronouns) for c in token.children)
