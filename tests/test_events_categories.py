"""One sentence per PLOVER category, written for these tests: type, source and target country."""

from __future__ import annotations

import pytest

CASES = [
    ("AGREE", "Norway agreed to build a research station in Chile.", "NOR", None),
    ("CONSULT", "Kenya held talks with Tanzania on the border dispute.", "KEN", "TZA"),
    ("SUPPORT", "Portugal apologized to Angola for the incident at the port.", "PRT", "AGO"),
    ("CONCEDE", "Peru lifted the curfew in the southern provinces.", "PER", None),
    ("COOPERATE", "Finland shared intelligence with Estonia about the smugglers.", "FIN", "EST"),
    ("AID", "Canada donated food and medicine to Haiti after the storm.", "CAN", "HTI"),
    ("RETREAT", "Bolivia withdrew its troops from the disputed valley.", "BOL", None),
    ("REQUEST", "Brazil called on Paraguay to reopen the bridge.", "BRA", "PRY"),
    ("ACCUSE", "Ghana accused Togo of harbouring the smugglers.", "GHA", "TGO"),
    ("REJECT", "Hungary rejected the proposal from Austria.", "HUN", "AUT"),
    ("THREATEN", "Egypt threatened to cut off gas supplies to Jordan.", "EGY", "JOR"),
    ("PROTEST", "Thousands of Chilean students staged demonstrations in Santiago.", "CHL", None),
    ("SANCTION", "Australia imposed sanctions on Myanmar over the crackdown.", "AUS", "MMR"),
    ("MOBILIZE", "Armenia mobilized army reservists along the border.", "ARM", None),
    ("COERCE", "Belarus arrested three Polish journalists near the border.", "BLR", "POL"),
    ("ASSAULT", "Ethiopian troops attacked Eritrean positions near the town.", "ETH", "ERI"),
]


@pytest.mark.parametrize(("category", "text", "source", "target"), CASES,
                         ids=[c[0] for c in CASES])
def test_category_is_coded_with_its_actors(run, category, text, source, target):
    doc = run(text, published="2023-03-01")
    found = [e for e in doc.events if e["type"] == category]
    assert found, f"no {category} in {doc.events}"
    event = found[0]
    assert event["source"]["country"] == source
    if target:
        assert event["target"] and event["target"]["country"] == target
    assert len({e["type"] for e in doc.events}) == 1, "one clause codes one event type"


def test_every_category_of_the_ontology_is_exercised():
    from dateline.events.ontology import ontology

    assert {c[0] for c in CASES} == set(ontology().categories)


@pytest.mark.parametrize("text, protest", [
    ("Hundreds of Chilean students rallied outside the ministry in Santiago.", True),
    ("Thousands of Chilean workers demonstrated in Santiago on Monday.", True),
    # a named person's rally is a campaign's, not a crowd's protest
    ("Senator Tom Baker held a rally in Santiago on Monday.", False),
    ("Senator Tom Baker rallied in Santiago on Monday.", False),
    # with an object or a clause, the verb's other sense
    ("The Chilean students demonstrated their knack for slogans in Santiago.", False),
    ("The Chilean students demonstrated that the rules had failed.", False),
])
def test_a_demonstration_is_a_crowds_without_an_object(run, text, protest):
    assert ("PROTEST" in [e["type"] for e in run(text).events]) == protest, text
