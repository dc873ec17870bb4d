"""Forms of a derived CAMEO verb that code: an announced coercion; the phrases a pattern reads.

Every sentence here is written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations


def types(doc):
    return [e["type"] for e in doc.events]


def test_announced_coercion_of_a_derived_verb_is_a_threat(run):
    # "freeze" is derived from CAMEO only (no hand entry): the future announces the act
    doc = run("Britain will freeze Russian assets, the chancellor said.")
    assert types(doc) == ["THREATEN"]
    assert doc.events[0]["target"]["country"] == "RUS"


def test_a_vow_to_coerce_is_a_threat_not_the_act(run):
    assert types(run("The French president vowed to blockade Syrian ports.")) == ["THREATEN"]
    assert types(run("The French president vowed to impose sanctions on Syria.")) == ["THREATEN"]


def test_a_derived_cooperative_sense_in_the_future_promises_nothing(run):
    # "face" is a CAMEO meeting verb; "will face criticism" announces no meeting
    assert types(run("The Peruvian senator will face criticism from Chile.")) == []


def cameo_match(sentence, index):
    from dateline.events.lexicon import Lexicon
    from dateline.nlp import load

    trig = Lexicon().cameo.match(load()(sentence)[index])
    return trig and (trig.category, trig.cameo)


def test_a_pattern_reads_the_object_phrase_not_a_phrase_inside_it(pipeline):
    assert cameo_match("Chile reached a trade deal with Peru.", 1) == ("AGREE", "0311")
    # "slam * BORDER" (close it) names the verb's object, not the topic of its object
    assert cameo_match("The senator slammed the comments about the border.", 2) is None


def test_pattern_words_before_a_preposition_are_the_verbs_own_object(pipeline):
    assert cameo_match("Peru moved troops toward the border.", 1) == ("MOBILIZE", "154")
    assert cameo_match("The general moved toward the troops.", 2) is None
    # the deal of "reach * DEAL" is what is reached, not what came before
    assert cameo_match("Chile reached the port after a trade deal with Peru.", 1) is None


def test_a_verb_of_saying_on_what_a_named_party_said_is_said_of_that_party(run):
    doc = run("Chile has slammed Bolivian President Evo Morales's remarks.")
    assert types(doc) == ["ACCUSE"] and doc.events[0]["target"]["country"] == "BOL"
    assert types(run("Chile has slammed the remarks about the border.")) == []


def test_material_cooperation_announced_withheld_is_a_threat(run):
    doc = run("The Chilean president said Chile would not come to the defense of Peru.")
    assert types(doc) == ["THREATEN"] and doc.events[0]["target"]["country"] == "PER"
    assert types(run("Chile will not send any more aid to Peru, the president said.")) == \
        ["THREATEN"]
    assert types(run("Chile did not send aid to Peru.")) == []  # a fact, no announcement
    assert types(run("Chile would not send aid to Peru.")) == []  # the narrator imagines


def test_coming_to_a_countrys_defense_is_protection_not_a_visit(run):
    # CAMEO reads "come * (TO)" as a visit (040): the hand entry says what it is
    doc = run("Chile came to the defense of Peru on Monday.")
    assert types(doc) == ["AID"] and doc.events[0]["cameo"] == "074"
    assert types(run("The Chilean president came to Lima on Monday.")) != ["AID"]


def test_a_coercion_sought_or_advocated_threatens_and_cooperation_advocated_is_asked_for(run):
    assert types(run("Chile sought new sanctions against Peru.")) == ["THREATEN"]
    # CAMEO: "CALL (FOR SANCTIONS)", "URGE * SANCTIONS" are 1312, threaten with sanctions
    assert types(run("Chile lobbied for sanctions against Peru.")) == ["THREATEN"]
    assert types(run("Chile called for aid to Peru on Monday.")) == ["REQUEST"]
    assert types(run("Senator Tom Baker called for sanctions against Chile on Monday.")) == [
        "THREATEN"]
    asked = run("Senator Tom Baker urged Peru to impose sanctions on Chile on Monday.")
    assert [(e["type"], e["target"]["text"]) for e in asked.events] == [("REQUEST", "Peru")]
    assert types(run("Chile imposed sanctions on Peru.")) == ["SANCTION"]
    # a noun the lexicon codes only beside its verbs ("IMPOSE tariffs") is that act when called for
    called = run("Senator Tom Baker called for steep tariffs on goods from Chile on Monday.")
    assert [(e["type"], e["target"]["text"]) for e in called.events] == [("THREATEN", "Chile")]
    assert types(run("Senator Tom Baker called for talks with Chile on Monday.")) == ["REQUEST"]


def test_a_pattern_named_object_may_name_whom_it_is_aimed_at(run):
    # "step up * PRESSURE" (CAMEO 100): the pressure's "on" phrase is the recipient
    doc = run("Chile stepped up pressure on Peru.")
    assert types(doc) == ["REQUEST"] and doc.events[0]["target"]["country"] == "PER"
    # a bare verb's object may be anything: no recipient through it
    assert types(run("Chile undermined its bid against Peru.")) == []


def test_a_pattern_commented_with_an_inflected_phrasal_verb_is_that_verbs(run):
    # CAMEO lists "- * TALKS [160] # CALLED_OFF" under "+CALL_OFF", "# RULED_OUT" likewise
    assert types(run("Chile called off talks with Peru.")) == ["SANCTION"]
    assert types(run("Chile ruled out talks with Peru.")) == ["REJECT"]
    assert types(run("Chile held talks with Peru.")) == ["CONSULT"]  # the talks happened


def test_a_pattern_without_a_comment_serves_every_verb_of_its_block(pipeline):
    # "- * (WITH) [046]" sits uncommented in the block of CONFER, DISCUSS, SPEAK, TALK
    assert cameo_match("Chile spoke with Peru on Monday.", 1) == ("CONSULT", "046")
    assert cameo_match("Chile spoke on Monday.", 1) is None


def test_a_coercion_told_in_the_future_is_a_threat_of_its_own_side_only(run):
    doc = run("The Chilean president said Chile would freeze Peruvian assets.")
    assert types(doc) == ["THREATEN"] and doc.events[0]["source"]["country"] == "CHL"
    # another side's coercion foretold is no threat of Peru's, nor of the speaker's
    assert types(run("The Chilean president said Peru would freeze Chilean assets.")) == []
