"""Event sides follow PLOVER's actor coding: ISO3 for states, IGO / NGO for organisations."""

from __future__ import annotations

from dateline.events.sides import side_code


def only(doc, category):
    found = [e for e in doc.events if e["type"] == category]
    assert found, doc.events
    return found[0]


def test_igo_source_is_coded_igo_and_keeps_its_actor(run):
    doc = run("The United Nations condemned Poland's treatment of the refugees.")
    event = only(doc, "ACCUSE")
    assert event["source"]["country"] == "IGO" and event["source"]["actor"] == "un"
    assert event["target"]["country"] == "POL"
    assert doc.actor("un")["country"] == "UN"  # the actor record keeps its own code


def test_igo_target_and_igo_official(run):
    doc = run("Chile accused the World Health Organization of hiding data.")
    assert only(doc, "ACCUSE")["target"]["country"] == "IGO"
    doc = run("UN Secretary-General Ban Ki-moon criticised Sweden over the deportations.")
    event = only(doc, "ACCUSE")
    assert event["source"]["country"] == "IGO" and event["target"]["country"] == "SWE"


def test_ngo_sides(run):
    doc = run("Amnesty International accused Peru of torturing detainees.")
    event = only(doc, "ACCUSE")
    assert event["source"]["country"] == "NGO"
    assert event["source"]["actor"] == "amnesty-international"
    doc = run("Mali expelled Red Cross workers from the northern town.")
    assert only(doc, "SANCTION")["target"]["country"] == "NGO"


def test_side_code_keeps_states_and_national_ngos():
    assert side_code("FRA", {"type": "country", "sector": None}) == "FRA"
    assert side_code("EGY", {"type": "organisation", "sector": "NGO"}) == "EGY"
    assert side_code(None, {"type": "organisation", "sector": "NGO"}) == "NGO"
    assert side_code("NATO", None) == "IGO"
    assert side_code(None, {"type": "person", "sector": "NGO"}) is None
