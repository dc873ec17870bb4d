"""Verbal senses and meeting places (events/verbal.py, events/stage.py); sentences written
for the tests."""

from __future__ import annotations

from conftest import only_event


def test_a_verb_of_force_with_an_evaluative_complement_is_an_accusation(run):
    said = run('Governor Chris Christie blasted Senator Jane Miller as a "disgrace" on Monday.')
    assert only_event(said, "ACCUSE")["target"]["actor"] == "jane-miller"
    assert not [e for e in said.events if e["type"] == "ASSAULT"]
    done = run("Russian troops attacked Ukrainian soldiers near Donetsk on Monday.")
    assert only_event(done, "ASSAULT")["target"]["country"] == "UKR"


def test_calling_somebody_names_is_an_accusation_not_a_meeting(run):
    named = run('Governor Chris Christie called Senator Jane Miller a "disgrace" on Monday.')
    assert only_event(named, "ACCUSE")["target"]["actor"] == "jane-miller"
    praised = run('President Barack Obama called Burma a wonderful success story on Monday.')
    assert only_event(praised, "SUPPORT")["target"]["country"] == "MMR"


def test_a_warning_to_act_is_a_demand(run):
    demand = run("China warned North Korea to refrain from further nuclear tests on Friday.")
    assert only_event(demand, "REQUEST")["target"]["country"] == "PRK"
    threat = run("China warned North Korea of serious consequences on Friday.")
    assert only_event(threat, "THREATEN")["target"]["country"] == "PRK"


def test_a_meeting_place_is_not_the_other_party(run):
    doc = run("President Barack Obama met Chancellor Angela Merkel at Harvard University on"
              " Monday.")
    assert only_event(doc, "CONSULT")["target"]["actor"] == "angela-merkel"
    alone = run("President Barack Obama held talks at Harvard University on Monday.")
    assert not [e for e in alone.events if e["type"] == "CONSULT"]
    visit = run("President Barack Obama arrived in China on Monday for a state visit.")
    assert only_event(visit, "CONSULT")["target"]["country"] == "CHN"


def test_a_warning_that_only_foretells_is_no_threat(run):
    doc = run("Governor Tom Baker warned that the new tax could depress growth in Ohio.",
              published="2016-10-05")
    assert not [e for e in doc.events if e["type"] == "THREATEN"]
    own = run("Governor Tom Baker warned that he would sue Senator Jane Miller.",
              published="2016-10-05")
    assert [e for e in own.events if e["type"] == "THREATEN"]


def test_agreeing_with_a_view_is_no_agreement(run):
    doc = run("Governor Tom Baker agreed that Senator Jane Miller won the debate.",
              published="2016-10-05")
    assert not [e for e in doc.events if e["type"] == "AGREE"]
    consent = run("Governor Tom Baker agreed with Senator Jane Miller on a new budget deal.",
                  published="2016-10-05")
    assert [e for e in consent.events if e["type"] == "AGREE"]


def test_a_pledge_to_coerce_is_a_threat_a_pledge_to_help_an_agreement(run):
    threat = run("Portugal pledged to impose new sanctions on Bolivia on Monday.")
    event = only_event(threat, "THREATEN")
    assert (event["source"]["country"], event["target"]["country"]) == ("PRT", "BOL")
    assert "AGREE" not in [e["type"] for e in threat.events]
    helps = run("Portugal pledged to send food aid to Bolivia on Monday.")
    assert only_event(helps, "AGREE")["target"]["country"] == "BOL"
    assert "THREATEN" not in [e["type"] for e in helps.events]


def test_a_promised_noun_is_read_as_the_verb_it_is_spelt_like(run):
    veto = run("Chile promised a veto of the Peruvian resolution on Monday.")
    assert only_event(veto, "THREATEN")["source"]["country"] == "CHL"
    aid = run("Chile promised aid to Peru on Monday.")
    assert only_event(aid, "AGREE")["target"]["country"] == "PER"
    assert "THREATEN" not in [e["type"] for e in aid.events]


def test_a_second_verb_without_its_own_recipient_shares_the_firsts(run):
    shared = run("Portugal condemned Bolivia's missile test and pledged to impose further "
                 "sanctions.")
    assert only_event(shared, "THREATEN")["target"]["country"] == "BOL"
    own = run("Portugal condemned Bolivia's missile test and pledged to impose sanctions on "
              "Chile.")
    assert only_event(own, "THREATEN")["target"]["country"] == "CHL"


def test_a_verb_of_saying_no_dictionary_codes_takes_its_own_valence(run):
    said = run("Governor Tom Baker slammed Senator Jane Miller on Tuesday.")
    assert only_event(said, "ACCUSE")["target"]["actor"] == "jane-miller"
    door = run("Governor Tom Baker slammed the door on Tuesday.")
    assert door.events == []


def test_force_done_to_a_named_person_by_a_speaker_is_an_accusation(run):
    said = run("Governor Tom Baker attacked Senator Jane Miller on Tuesday.")
    assert only_event(said, "ACCUSE")["target"]["actor"] == "jane-miller"
    assert "ASSAULT" not in [e["type"] for e in said.events]
    done = run("Rebels attacked the Bolivian town of Tarija on Monday.")
    assert only_event(done, "ASSAULT")["target"]["country"] == "BOL"


def test_a_cue_decides_between_a_verbal_sense_and_none(run):
    judged = run("Governor Tom Baker dismissed Senator Jane Miller as an ineffective leader.")
    assert only_event(judged, "ACCUSE")["target"]["actor"] == "jane-miller"
    fired = run("The Acme company dismissed its chief executive Jane Miller on Monday.")
    assert "ACCUSE" not in [e["type"] for e in fired.events]


def test_a_verb_of_saying_whose_object_is_a_persons_pronoun_is_said_of_that_person(run):
    doc = run("Senator Ann Price met Governor Jim Hart on Monday. She dismissed him as a fraud.",
              published="2016-10-05")
    assert [e for e in doc.events if e["type"] == "ACCUSE" and e["trigger"]["text"] == "dismissed"]


def test_a_persons_pronoun_dismissed_with_no_evaluation_is_not_judged(run):
    # "dismissed her": let go, as "dismissed its chief executive Jane Miller" is
    doc = run("Jane Miller ran the bank for ten years. The board of Acme Bank dismissed her on "
              "Monday.", published="2016-10-05")
    assert not [e for e in doc.events if e["type"] == "ACCUSE"]


def test_an_act_verb_with_a_content_clause_says_something_and_does_nothing(run):
    # "allowed that ..." grants a point; "conceded, saying ..." still concedes
    assert "CONCEDE" not in [e["type"] for e in run("Chile allowed that the talks with Peru "
                                                    "had failed.").events]
    assert "CONCEDE" in [e["type"] for e in run("Chile conceded, saying the talks with Peru "
                                                "had failed.").events]
