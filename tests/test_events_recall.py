"""Events found through general mechanisms: names the recogniser missed, adjunct gerunds,
demands told to an object or in a bare reported clause (events/resolve.py, roles.py,
lexicon.py, statements.py).

Every sentence here is written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations

from conftest import only_event
from dateline.events.resolve import named_once
from dateline.events.stage import EventStage

TWO = "Governor Tom Baker met Senator Jane Miller on Monday.\n\n"


def coded(doc, category):
    return [e for e in doc.events if e["type"] == category]


def unrecognised(doc, word):
    """The document as if the entity recogniser had missed ``word`` in its last paragraph."""
    last = doc.text.rfind("\n") + 1
    doc.mentions = [m for m in doc.mentions if not (m["start"] >= last and m["text"] == word)]
    doc.entities = [e for e in doc.entities if not (e["start"] >= last and e["text"] == word)]
    return doc


def test_a_name_the_recogniser_missed_is_the_documents_actor_of_that_name(run):
    doc = unrecognised(run(TWO + "Baker accused Miller of lying about the budget.",
                           published="2016-10-05"), "Miller")
    [event] = [e for e in EventStage().code(doc) if e["type"] == "ACCUSE"]
    assert event["target"]["actor"] == "jane-miller" and event["target"]["text"] == "Miller"


def test_a_name_two_actors_share_is_not_guessed():
    actors = [{"id": "tom-baker", "name": "Tom Baker", "type": "person", "aliases": []},
              {"id": "ann-baker", "name": "Ann Baker", "type": "person", "aliases": []},
              {"id": "jane-miller", "name": "Jane Miller", "type": "person", "aliases": ["Jane"]}]
    names = named_once(actors)
    assert names["Miller"] == "jane-miller" and names["Jane"] == "jane-miller"
    assert "Baker" not in names


def test_a_gerund_in_an_adjunct_acts_with_the_subject_of_its_clause(run):
    doc = run("Governor Tom Baker said after meeting with Senator Jane Miller that the talks "
              "went well.", published="2016-10-05")
    event = only_event(doc, "CONSULT")
    assert "Baker" in event["source"]["text"] and "Miller" in event["target"]["text"]
    passive = run("The budget was passed after meeting with Senator Jane Miller.",
                  published="2016-10-05")
    assert not coded(passive, "CONSULT")  # nobody named does the meeting


def test_a_bare_reported_clause_is_a_demand_on_its_subject(run):
    doc = run("Governor Tom Baker insisted that Senator Jane Miller step down at once.",
              published="2016-10-05")
    event = only_event(doc, "REQUEST")
    assert "Baker" in event["source"]["text"] and "Miller" in event["target"]["text"]
    told = run("Governor Tom Baker insisted that Senator Jane Miller stepped down at once.",
               published="2016-10-05")
    assert not coded(told, "REQUEST")


def test_a_quoted_demand_after_its_subject_is_a_demand_on_it(run):
    doc = run('Governor Tom Baker insisted that Senator Jane Miller "stop her reckless '
              'games."', published="2016-10-05")
    event = only_event(doc, "REQUEST")
    assert "Miller" in event["target"]["text"]


def test_a_verb_of_saying_with_an_object_told_to_act_is_a_request(run):
    doc = run("Governor Tom Baker told Senator Jane Miller to drop the bill.",
              published="2016-10-05")
    event = only_event(doc, "REQUEST")
    assert event["trigger"]["text"] == "told" and "Miller" in event["target"]["text"]
    praise = run("Governor Tom Baker encouraged Senator Jane Miller to drop the bill.",
                 published="2016-10-05")
    assert only_event(praise, "REQUEST")["trigger"]["text"] == "encouraged"


def test_a_verb_of_force_or_mere_telling_is_no_request(run):
    forced = run("Governor Tom Baker forced Senator Jane Miller to drop the bill.",
                 published="2016-10-05")
    assert not coded(forced, "REQUEST")
    about = run("Governor Tom Baker told Senator Jane Miller about the bill.",
                published="2016-10-05")
    assert not coded(about, "REQUEST")


def test_a_noun_of_force_with_its_possessor_is_the_act(run):
    # CAMEO lists verbs only: "invasion", "annexation", "hacking" are hand entries (triggers.yaml)
    doc = run("Russia's invasion of Georgia renewed fears across the region.",
              published="2016-10-05")
    event = only_event(doc, "ASSAULT")
    assert event["trigger"]["text"] == "invasion"
    unowned = run("The invasion of Georgia renewed fears across the region.",
                  published="2016-10-05")
    assert not coded(unowned, "ASSAULT")  # a named idea, nobody's reported act


def test_a_meeting_of_many_needs_no_other_party(run):
    doc = run("NATO leaders met in Brussels on Friday to discuss the budget.",
              published="2016-10-05")
    event = only_event(doc, "CONSULT")
    assert event["source"]["country"] == "IGO" and event["target"] is None
    one = run("Governor Tom Baker met in Brussels on Friday to discuss the budget.",
              published="2016-10-05")
    assert not coded(one, "CONSULT")  # one party alone: who was met is not said


def test_a_directive_is_on_an_actor_or_no_demand(run):
    doc = run("Senator Jane Miller needs 67 delegates to clinch the nomination.",
              published="2016-10-05")
    assert not coded(doc, "REQUEST")  # delegates are told nothing
    press = run("Governor Tom Baker told reporters to wait for the budget.",
                published="2016-10-05")
    assert not coded(press, "REQUEST")  # nobody the event record can name
    told = run("Governor Tom Baker asked Senator Jane Miller to pass the budget.",
               published="2016-10-05")
    assert "Miller" in only_event(told, "REQUEST")["target"]["text"]
