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
