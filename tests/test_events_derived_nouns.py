"""Event nouns derived from the CAMEO verbs (events/train.py, data/events/derivation.yaml) and
the sides of a noun event read off its parse (events/roles.py, data/events/nouns.yaml).

Every sentence here is written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations

import pytest

from conftest import only_event
from dateline.events.lexicon import CameoVerbs
from dateline.events.train import lemma_index, nouns_of
from dateline.resources import load_yaml

RULES = load_yaml("events", "derivation.yaml")


def sides(doc, category):
    event = only_event(doc, category)
    return event["source"]["country"], (event["target"] or {}).get("country")


def types(doc):
    return {e["type"] for e in doc.events}


@pytest.mark.parametrize("verb, noun", [
    ("condemn", "condemnation"), ("threaten", "threat"), ("agree", "agreement"),
    ("propose", "proposal"), ("invite", "invitation"), ("negotiate", "negotiation"),
    ("criticize", "criticism"), ("deploy", "deployment"), ("accuse", "accusation"),
    ("deny", "denial"), ("warn", "warning"), ("expel", "expulsion")])
def test_morphology_derives_the_event_noun_of_a_verb(verb, noun):
    assert noun in nouns_of(verb, lemma_index(), RULES)


def test_a_derivation_must_be_a_noun_spacy_knows_and_no_adjective_of_a_shorter_form():
    known = lemma_index()
    assert nouns_of("add", known, RULES) == []  # "addion", "addment": no words
    assert "broad" not in nouns_of("broaden", known, RULES)  # the adjective "broaden" is made of
    assert "killing" in nouns_of("kill", known, RULES)  # a gerund is tried when no suffix fits


@pytest.mark.parametrize("noun, why", sorted(RULES["wrong"].items()))
def test_each_wrong_derivation_is_one_the_rules_make_and_the_table_leaves_out(noun, why):
    rules = {**RULES, "wrong": {}}
    known = lemma_index()
    verbs = [verb for verb in CameoVerbs().index if noun in nouns_of(verb, known, rules)]
    assert verbs, f"{noun}: no rule derives it, the entry is not needed ({why})"
    assert noun not in CameoVerbs().nouns, why


def test_the_possessor_acts_and_of_names_the_recipient(run):
    doc = run("Chile's condemnation of Peru was swift.", published="2023-03-01")
    assert sides(doc, "ACCUSE") == ("CHL", "PER")
    # nobody named as acting: the noun only names an act
    assert not run("The condemnation of Peru surprised nobody.", published="2023-03-01").events


def test_a_by_phrase_acts(run):
    doc = run("The condemnation of Peru by Chile was swift.", published="2023-03-01")
    assert sides(doc, "ACCUSE") == ("CHL", "PER")


def test_a_from_phrase_acts_and_a_receiving_verbs_subject_is_the_recipient(run):
    doc = run("Peru faced sharp criticism from Chile on Monday.", published="2023-03-01")
    assert sides(doc, "ACCUSE") == ("CHL", "PER")
    doc = run("Peru drew a condemnation from Chile on Monday.", published="2023-03-01")
    assert sides(doc, "ACCUSE") == ("CHL", "PER")


def test_of_names_the_recipient_only_by_the_nouns_sense(run):
    # "the threat OF sanctions" names what is threatened, and a verbal act told by its noun
    # without a recipient is not coded
    assert "THREATEN" not in types(run("Chile's threat of sanctions worried Peru.",
                                       published="2023-03-01"))
    doc = run("Chile's threats against Peru worried Bolivia.", published="2023-03-01")
    assert sides(doc, "THREATEN") == ("CHL", "PER")


def test_with_names_the_other_party_of_an_agreement_or_a_negotiation(run):
    doc = run("Chile's agreement with Peru on fishing rights ended the dispute.",
              published="2023-03-01")
    assert sides(doc, "AGREE") == ("CHL", "PER")
    doc = run("Chile's negotiations with Peru resumed on Tuesday.", published="2023-03-01")
    assert sides(doc, "CONSULT") == ("CHL", "PER")
    assert not run("Negotiations with Peru resumed on Tuesday.", published="2023-03-01").events


def test_to_names_whom_an_invitation_is_for(run):
    doc = run("The Chilean president extended an invitation to Peru's president on Monday.",
              published="2023-03-01")
    assert sides(doc, "AGREE") == ("CHL", "PER")


def test_a_support_verbs_subject_acts_and_the_verb_is_no_event_of_its_own(run):
    doc = run("Chile issued a strong condemnation of Peru on Monday.", published="2023-03-01")
    assert [(e["type"], e["trigger"]["text"]) for e in doc.events] == [
        ("ACCUSE", "condemnation")]
    assert sides(doc, "ACCUSE") == ("CHL", "PER")
    # another verb's subject does not make the noun's act its own
    assert "ACCUSE" not in types(run("Chile welcomed the condemnation of Peru.",
                                     published="2023-03-01"))


def test_the_guards_apply_to_a_noun_through_its_governing_verb(run):
    assert not run("Chile did not issue a condemnation of Peru.", published="2023-03-01").events
    assert not run("The Chilean president might extend an invitation to Peru's president.",
                   published="2023-03-01").events
    assert "ACCUSE" not in types(run("Chile refused to issue a condemnation of Peru.",
                                     published="2023-03-01"))


def test_a_nouns_phrase_holds_what_its_verbs_entries_require(run):
    doc = run("Chile's deployment of four battalions to the border alarmed Peru.",
              published="2023-03-01")
    assert only_event(doc, "MOBILIZE")["source"]["country"] == "CHL"
    assert "MOBILIZE" not in types(run("Chile's deployment of a new tax system alarmed Peru.",
                                       published="2023-03-01"))


def test_a_threats_infinitive_names_its_recipient(run):
    doc = run("Chile's threats to cut aid to Peru worried Lima.",
              published="2023-03-01")
    assert sides(doc, "THREATEN") == ("CHL", "PER")
    doc = run("Chile's threats to close the border and impose tariffs on Peruvian imports "
              "worried traders.", published="2023-03-01")
    assert sides(doc, "THREATEN") == ("CHL", "PER")
    # an agreement's infinitive says what is agreed, not with whom
    assert "AGREE" not in types(run("Chile's agreement to cut tariffs on Peruvian imports "
                                    "was welcomed.", published="2023-03-01"))


def test_a_converted_noun_codes_with_a_recipient_in_its_phrase(run):
    assert "converted" in RULES and "attack" in nouns_of("attack", lemma_index(), RULES)
    doc = run("Chile's attacks on Peruvian border villages continued on Sunday.",
              published="2023-03-01")
    assert sides(doc, "ASSAULT") == ("CHL", "PER")
    doc = run("Bolivia's praise for Peru surprised the region.", published="2023-03-01")
    assert sides(doc, "SUPPORT") == ("BOL", "PER")
    # no recipient named: "an attack" names too many things to code alone
    assert "ASSAULT" not in types(run("Chile's attacks have hardened opinion.",
                                      published="2023-03-01"))
    assert "SUPPORT" not in types(run("Public support for the plan fell in Bolivia.",
                                      published="2023-03-01"))


def test_a_receiving_verbs_noun_is_done_by_its_of_or_from_phrase(run):
    doc = run("Peru won the backing of Chile on Monday.", published="2023-03-01")
    assert sides(doc, "SUPPORT") == ("CHL", "PER")
    doc = run("Peru earned praise from Chile for the reform.", published="2023-03-01")
    assert sides(doc, "SUPPORT") == ("CHL", "PER")  # "from" hangs on the verb
    doc = run("Peru came under attack from Chile over the border.", published="2023-03-01")
    assert sides(doc, "ASSAULT") == ("CHL", "PER")
    # after a verb of acting, "of" names the recipient, as before
    doc = run("Chile's backing of Peru surprised Bolivia.", published="2023-03-01")
    assert sides(doc, "SUPPORT") == ("CHL", "PER")


def test_an_answering_verbs_subject_is_the_recipient_of_the_act_it_answers(run):
    doc = run("Peru rejected Chile's demand for compensation on Monday.", published="2023-03-01")
    assert sides(doc, "REQUEST") == ("CHL", "PER")
    assert sides(doc, "REJECT") == ("PER", "CHL")  # the answer is an act of its own
    # nobody named as making the demand: only the rejection is told
    assert "REQUEST" not in types(run("Peru rejected the demand for compensation on Monday.",
                                      published="2023-03-01"))
    # a verb that neither acts nor answers makes no one the recipient
    assert "REQUEST" not in types(run("Peru studied Chile's demand for compensation on Monday.",
                                      published="2023-03-01"))


def test_criticism_drawn_by_a_thing_said_is_of_its_author(run):
    doc = run("Peru's remarks drew sharp criticism from Chile on Monday.", published="2023-03-01")
    assert sides(doc, "ACCUSE") == ("CHL", "PER")
    # a subject without an author names no recipient beyond itself
    assert "ACCUSE" not in types(run("The remarks drew sharp criticism from Chile on Monday.",
                                     published="2023-03-01"))


def test_an_act_one_is_under_is_undergone_by_the_clauses_subject(run):
    doc = run("Under pressure from Peru, Chile withdrew its ambassador.", published="2023-03-01")
    assert sides(doc, "REQUEST") == ("PER", "CHL")
    # nobody named as pressing: no request
    assert "REQUEST" not in types(run("Under pressure at home, Chile withdrew its ambassador.",
                                      published="2023-03-01"))


def test_a_persons_attack_on_a_person_or_an_organisation_is_words(run):
    doc = run("Chilean senator Ana Lopez made a sharp attack on Greenpeace on Monday.",
              published="2023-03-01")
    assert "ASSAULT" not in types(doc) and only_event(doc, "ACCUSE")["target"]["country"] == "NGO"
    # an army's attack is a blow
    doc = run("The Chilean army's attack on Greenpeace's ship killed two sailors.",
              published="2023-03-01")
    assert "ACCUSE" not in types(doc) and "ASSAULT" in types(doc)
