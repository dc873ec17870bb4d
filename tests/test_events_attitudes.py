"""Stances stated of an actor (events/attitudes.py).

Every sentence here is written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations


def coded(doc, category):
    return [e for e in doc.events if e["type"] == category]


def test_a_critical_stance_toward_a_named_actor_is_an_accusation(run):
    doc = run("Senator Ann Price has been sharply critical of Governor Tom Baker.",
              published="2016-10-05")
    [event] = coded(doc, "ACCUSE")
    assert "Price" in event["source"]["text"] and "Baker" in event["target"]["text"]
    assert event["trigger"]["text"] == "critical"


def test_a_supporter_of_a_named_actor_supports_it(run):
    doc = run("Senator Ann Price is a loyal supporter of Governor Tom Baker.",
              published="2016-10-05")
    [event] = coded(doc, "SUPPORT")
    assert "Baker" in event["target"]["text"]


def test_a_negated_or_possible_stance_is_none(run):
    for text in ("Senator Ann Price is not critical of Governor Tom Baker.",
                 "Senator Ann Price could be critical of Governor Tom Baker.",
                 "If Senator Ann Price is critical of Governor Tom Baker, he will lose.",
                 "Is Senator Ann Price critical of Governor Tom Baker?"):
        doc = run(text, published="2016-10-05")
        assert not coded(doc, "ACCUSE"), text


def test_a_word_without_valence_or_without_a_named_party_is_no_stance(run):
    member = run("Senator Ann Price is a member of the Finance Committee.",
                 published="2016-10-05")
    assert not coded(member, "SUPPORT") and not coded(member, "ACCUSE")
    policy = run("Senator Ann Price has been critical of the new farm rules.",
                 published="2016-10-05")
    assert not coded(policy, "ACCUSE")


def test_a_stance_someone_reports_or_complains_of_is_not_the_narrators(run):
    # the complaint is Baker's accusation, not Price's stance; statements.py reads speech
    doc = run("Governor Tom Baker complained that Senator Ann Price had been unfair to Mayor "
              "Jim Hart.", published="2016-10-05")
    assert not [e for e in coded(doc, "ACCUSE") if "Price" in e["source"]["text"]]
    said = run("Governor Tom Baker said that Senator Ann Price is friendly with Mayor Jim Hart.",
               published="2016-10-05")
    assert not [e for e in coded(said, "SUPPORT") if "Price" in e["source"]["text"]]


def test_what_one_has_for_a_named_actor_is_a_stance(run):
    harsh = run("Senator Ann Price had harsh words for Governor Tom Baker on Monday.",
                published="2016-10-05")
    [event] = coded(harsh, "ACCUSE")
    assert "Baker" in event["target"]["text"] and event["trigger"]["text"] == "harsh"
    kind = run("Senator Ann Price had kinder words for Governor Tom Baker on Monday.",
               published="2016-10-05")
    assert coded(kind, "SUPPORT")


def test_having_none_of_a_stance_or_being_good_for_someone_is_none(run):
    none = run("Senator Ann Price has no respect for Governor Tom Baker.", published="2016-10-05")
    assert not coded(none, "SUPPORT")
    # what is good FOR someone helps them; it says nothing about them
    good = run("Senator Ann Price is a good candidate for Governor Tom Baker.",
               published="2016-10-05")
    assert not coded(good, "SUPPORT")
