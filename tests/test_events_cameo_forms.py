"""Forms of a derived CAMEO verb that code: an announced coercion.

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
