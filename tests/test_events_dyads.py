"""Who is on each side and how often an act is told: one event per coordinated party, one
record per act told alike, phrases of time as no slot, the implicative passive
(events/stage.py ``spread`` and ``merge``, roles.py ``temporal`` and ``sources``).

Every sentence here is written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations

from dateline.events.stage import merge


def dyads(doc, category):
    return sorted((e["source"]["country"], (e["target"] or {}).get("country"))
                  for e in doc.events if e["type"] == category)


def test_coordinated_recipients_each_get_their_event(run):
    doc = run("Chile imposed tariffs on goods from Peru and Bolivia.", published="2023-03-01")
    assert dyads(doc, "SANCTION") == [("CHL", "BOL"), ("CHL", "PER")]


def test_coordinated_nationality_adjectives_each_name_a_recipient(run):
    doc = run("Russian jets violated Swedish and Finnish airspace on Monday.",
              published="2023-03-01")
    assert {target for _, target in dyads(doc, "MOBILIZE")} == {"SWE", "FIN"}


def test_coordinated_actors_each_get_their_event(run):
    doc = run("Chile and Peru condemned the attack by Bolivia.", published="2023-03-01")
    assert dyads(doc, "ACCUSE") == [("CHL", "BOL"), ("PER", "BOL")]


def test_the_first_of_many_partners_meets_each_of_the_others(run):
    # signing is SUPPORT in the codebook, and its parties sign together
    doc = run("Chile, Peru and Bolivia signed a trade agreement.", published="2023-03-01")
    assert dyads(doc, "SUPPORT") == [("CHL", "BOL"), ("CHL", "PER")]
    doc = run("Chile, Peru and Bolivia reached a trade agreement.", published="2023-03-01")
    assert dyads(doc, "AGREE") == [("CHL", "BOL"), ("CHL", "PER")]


def test_two_partners_are_one_meeting(run):
    doc = run("Chile and Peru met in Lima on Friday.", published="2023-03-01")
    assert dyads(doc, "CONSULT") == [("CHL", "PER")]


def test_conjuncts_resolving_to_one_party_are_one_event(run):
    doc = run("Chilean senator Maria Lopez and her campaign criticized Peru.",
              published="2023-03-01")
    assert len([e for e in doc.events if e["type"] == "ACCUSE"]) == 1


def test_one_act_told_twice_by_one_verb_is_one_record(run):
    doc = run("Chile condemns Peru over border clash\n\nSANTIAGO -- Chile condemned Peru on "
              "Monday over a clash at the border.\n", published="2023-03-20")
    accusations = [e for e in doc.events if e["type"] == "ACCUSE"]
    assert len(accusations) == 1
    assert [m["text"] for m in accusations[0]["mentions"]] == ["condemns", "condemned"]


def test_different_acts_of_one_month_stay_apart(run):
    doc = run("Chile tested a new ballistic missile in March. Chile fired two missiles into "
              "the sea on March 9.", published="2023-03-20")
    assert sorted(e["trigger"]["text"] for e in doc.events
                  if e["type"] == "MOBILIZE") == ["fired", "tested"]


def test_a_phrase_of_time_is_no_pattern_preposition(run):
    doc = run("The Security Council called a meeting on Friday.", published="2023-03-01")
    assert "REQUEST" not in {e["type"] for e in doc.events}


def test_a_named_object_of_the_preposition_still_fits_the_pattern(run):
    doc = run("The Security Council called on Chile to withdraw.", published="2023-03-01")
    assert dyads(doc, "REQUEST") == [("IGO", "CHL")]


def test_the_subject_of_a_forced_resignation_resigns(run):
    doc = run("Chilean senator Maria Lopez was forced to step down as the party's chair in July.",
              published="2023-03-01")
    retreat = [e for e in doc.events if e["type"] == "RETREAT"]
    assert [e["source"]["actor"] for e in retreat] == ["maria-lopez"]


def test_an_expected_resignation_is_no_act(run):
    doc = run("Chilean senator Maria Lopez was expected to step down as the party's chair in "
              "July.", published="2023-03-01")
    assert "RETREAT" not in {e["type"] for e in doc.events}


def test_naming_an_object_with_praise_is_support_whatever_cameo_pattern_fits(run):
    # CAMEO's "call ... success" is an optimistic comment (013, no PLOVER event); without
    # the naming rule only a date read as "call ON" made this an event
    doc = run("The Chilean president called Peru a wonderful success story.",
              published="2023-03-01")
    assert dyads(doc, "SUPPORT") == [("CHL", "PER")]


def test_naming_an_object_neither_praising_nor_blaming_is_no_event(run):
    assert not run("The Chilean president called Peru a neighbour.", published="2023-03-01").events


def test_a_relative_clause_of_one_conjunct_is_that_conjuncts_act_alone(run):
    doc = run("Maria Lopez, who stepped down last week as Chile's trade minister, and Jorge "
              "Diaz have been seeking investors.", published="2023-03-01")
    assert [e["source"]["actor"] for e in doc.events if e["type"] == "RETREAT"] == ["maria-lopez"]


def test_a_meeting_between_coordinated_nationalities_is_one_dyad(run):
    doc = run("The day ended with annual meetings in Lima between senior Chilean and Peruvian "
              "officials.", published="2023-03-01")
    assert dyads(doc, "CONSULT") == [("CHL", "PER")]


def test_coordinated_subjects_of_an_act_on_a_third_are_no_recipients_of_each_other(run):
    doc = run("Chile, Peru and Bolivia condemned the plan.", published="2023-03-01")
    assert dyads(doc, "ACCUSE") == [("BOL", None), ("CHL", None), ("PER", None)]


def test_a_pact_signed_with_a_party_names_it_for_each_signer(run):
    doc = run("Chile and Bolivia signed a water accord with Peru on Monday.")
    pairs = {(e["source"]["country"], e["target"]["country"]) for e in doc.events
             if e["type"] == "SUPPORT"}
    assert pairs == {("CHL", "PER"), ("BOL", "PER")}
    alone = run("Chile and Bolivia signed a water accord on Monday.")
    pairs = {(e["source"]["country"], e["target"]["country"]) for e in alone.events
             if e["type"] == "SUPPORT"}
    assert pairs == {("CHL", "BOL")}  # no other party: the signers are each other's


def test_the_two_countries_are_the_last_two_named(run):
    doc = run("Chile and Peru argued over the river for years. In 2009 the two countries signed"
              " a treaty on its water.", published="2023-03-01")
    assert dyads(doc, "SUPPORT") == [("CHL", "PER")]
    leaders = run("President Ana Rojas met President Luis Vega in Lima. The two leaders agreed"
                  " to cut tariffs.", published="2023-03-01")
    [agreed] = [e for e in leaders.events if e["type"] == "AGREE"]
    assert (agreed["source"]["actor"], agreed["target"]["actor"]) == ("ana-rojas", "luis-vega")


def test_both_men_each_act(run):
    doc = run("Senator Tom Baker spoke after Senator Jim Lowe. Both men condemned Chile on"
              " Monday.", published="2023-03-01")
    assert sorted(e["source"]["actor"] for e in doc.events if e["type"] == "ACCUSE") == [
        "jim-lowe", "tom-baker"]


def test_two_without_a_determiner_names_nobody_yet(run):
    doc = run("Senator Tom Baker spoke after Senator Jim Lowe. Two senators condemned Chile on"
              " Monday.", published="2023-03-01")
    assert not [e for e in doc.events if e["type"] == "ACCUSE" and e["source"]["actor"]]


def told(trigger, start, date):
    """An event record as the stage builds it, told by ``trigger`` in a sentence at ``start``."""
    side = {"actor": "tom-baker", "country": "USA", "text": "Baker", "start": start, "end": start}
    return {"type": "ACCUSE", "source": side, "target": {**side, "actor": "ann-lee"},
            "date": date, "sentence": [start, start + 40], "trigger": {"text": trigger},
            "mentions": [{"text": trigger, "start": start}]}


def test_a_record_first_told_in_the_headline_takes_the_bodys_telling():
    headline, body = told("Slams", 0, "2016"), told("blasted", 50, "2016-09-21")
    [record] = merge([headline, body], [("slam", True, 0), ("blast", True, 50)], headline=45)
    assert record["trigger"]["text"] == "blasted" and record["sentence"][0] == 50
    assert [m["text"] for m in record["mentions"]] == ["Slams", "blasted"]
    assert record["date"] == "2016-09-21"
    [kept] = merge([told("warned", 0, "2016"), told("warned", 50, "2016-09-21")],
                   [("warn", True, 0), ("warn", True, 50)], headline=0)
    assert kept["sentence"][0] == 0  # no headline: the first telling stays the record


def test_a_participle_naming_who_judged_is_an_act_of_its_own(run):
    doc = run("Senator Tom Baker, criticized by Governor Ann Lee for his votes, resigned.",
              published="2023-03-01")
    [accused] = [e for e in doc.events if e["type"] == "ACCUSE"]
    assert (accused["source"]["actor"], accused["target"]["actor"]) == ("ann-lee", "tom-baker")
    led = run("Senator Tom Baker spoke at a conference led by Governor Ann Lee on Monday.",
              published="2023-03-01")
    assert "COOPERATE" not in [e["type"] for e in led.events]  # a role, not an act
    counted = run("Chile has apologized to Peru for one of its gunboats intercepting a Bolivian"
                  " ship in the Titicaca Channel, disputed by Chile and Peru.",
                  published="2023-03-01")
    assert "ACCUSE" not in [e["type"] for e in counted.events]  # only its noun undergoes it


def test_a_time_parsed_as_the_subject_gives_way_to_the_names_before_the_verb(run):
    doc = run("And this past weekend in Lima, Peru, Mr. Rojas and Mr. Vega formally committed"
              " their two nations to the Paris accord.", published="2016-09-08")
    [event] = doc.events
    assert (event["source"]["text"], event["target"]["text"]) == ("Rojas", "Vega")
    alone = run("This past weekend formally committed Chile to the Paris accord.",
                published="2016-09-08")
    assert alone.events == []  # no name before the verb: nobody acted


def test_an_act_after_another_is_not_governed_by_it(run):
    doc = run("After her meeting with President Luis Vega, the Chilean government announced"
              " that Chile would end its embargo against Peru.", published="2023-03-01")
    assert ("CONCEDE", "CHL", "PER") in [(e["type"], e["source"]["country"],
                                          (e["target"] or {}).get("country")) for e in doc.events]
    ended = run("Senator Tom Baker said the embargo on Peru would end.", published="2023-03-01")
    assert "end" not in [e["trigger"]["text"] for e in ended.events]  # no one's act: it ends
    held = run("Chile held talks with Peru to end the embargo against Bolivia.",
               published="2023-03-01")
    assert [e["type"] for e in held.events] == ["CONSULT"]  # the talks govern their purpose


def test_both_names_only_the_two_named_just_before(run):
    doc = run("Senator Tom Baker spoke after Senator Jim Lowe. The hall was full. The band played"
              " on. Coffee was served late. Both senators condemned Chile on Monday.",
              published="2023-03-01")
    assert not [e for e in doc.events if e["type"] == "ACCUSE" and e["source"]["actor"]]


def test_a_general_verb_of_cooperation_said_of_a_person_is_a_figure(run):
    doc = run("Senator Tom Baker gave Governor Ann Lee a boost on Monday.", published="2023-03-01")
    assert "COOPERATE" not in [e["type"] for e in doc.events]
    states = run("Chile gave Peru a boost on Monday.", published="2023-03-01")
    assert dyads(states, "COOPERATE") == [("CHL", "PER")]
