"""Material events and events told by nouns: clauses of their own, derived patterns that name
their object, the untargeted fallback, and the hand entries for sanctions, tariffs, leaving a
body, weapons tests and exercises (events/stage.py, lexicon.py, guards.py, triggers.yaml).

Every sentence here is written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations

from conftest import only_event


def types(doc):
    return {e["type"] for e in doc.events}


def test_a_relative_clause_codes_its_own_act_beside_the_main_clause(run):
    doc = run("The Security Council, which imposed sanctions on Chad in May, called an emergency "
              "meeting on Friday.", published="2023-03-01")
    event = only_event(doc, "SANCTION")
    assert event["source"]["country"] == "IGO" and event["target"]["country"] == "TCD"
    assert "CONSULT" in types(doc)


def test_a_condition_stays_governed_by_its_main_clause(run):
    doc = run("Chad will withdraw its troops unless Niger lifts the blockade.",
              published="2023-03-01")
    assert "CONCEDE" not in types(doc)  # the lifting is only the condition of a threat


def test_a_derived_pattern_naming_its_object_codes_a_mobilisation_without_a_recipient(run):
    doc = run("Armenia conducted military exercises near the border.", published="2023-03-01")
    assert only_event(doc, "MOBILIZE")["source"]["country"] == "ARM"


def test_a_derived_pattern_of_a_bare_particle_or_a_verbal_act_still_needs_a_recipient(run):
    assert not run("Under pressure from its allies, Armenia backed out.",
                   published="2023-03-01").events
    assert "AGREE" not in types(run("The Security Council called a meeting.",
                                    published="2023-03-01"))


def test_missiles_fired_at_no_one_are_a_show_of_force(run):
    doc = run("Iran fired two missiles into the sea on Monday.", published="2023-03-01")
    event = only_event(doc, "MOBILIZE")
    assert event["mode"] == "weapons" and event["target"] is None
    assert "ASSAULT" not in types(doc)


def test_missiles_fired_at_a_named_party_are_an_attack(run):
    doc = run("Iran fired two missiles at Iraqi positions on Monday.", published="2023-03-01")
    assert only_event(doc, "ASSAULT")["target"]["country"] == "IRQ"
    assert "MOBILIZE" not in types(doc)


def test_tariffs_slapped_on_a_country_are_a_sanction(run):
    doc = run("Chile slapped tariffs on Peruvian wine.", published="2023-03-01")
    event = only_event(doc, "SANCTION")
    assert event["source"]["country"] == "CHL" and event["target"]["country"] == "PER"
    assert not run("The boxer slapped his opponent.", published="2023-03-01").events


def test_leaving_an_organisation_is_a_sanction_but_leaving_a_meeting_is_not(run):
    doc = run("Greenland left the European Union in 1985.", published="2023-03-01")
    event = only_event(doc, "SANCTION")
    assert event["mode"] == "withdraw" and event["target"]["country"] == "IGO"
    assert "SANCTION" not in types(run("The Hungarian minister left the summit early.",
                                       published="2023-03-01"))


def test_a_weapons_test_told_by_a_noun_is_a_mobilisation(run):
    doc = run("Iran's latest missile test alarmed Israel.", published="2023-03-01")
    event = only_event(doc, "MOBILIZE")
    assert event["source"]["country"] == "IRN" and event["mode"] == "weapons"
    assert not run("Iran's latest driving test was easy.", published="2023-03-01").events


def test_a_single_countrys_exercise_mobilises_and_a_joint_one_cooperates(run):
    alone = run("Chile held a military exercise of 20,000 troops in May.", published="2023-03-01")
    assert only_event(alone, "MOBILIZE")["source"]["country"] == "CHL"
    joint = run("Peru and Chile held a joint military exercise in May.", published="2023-03-01")
    assert "COOPERATE" in types(joint) and "MOBILIZE" not in types(joint)


def test_a_deployment_of_forces_mobilises_but_a_deployment_of_software_does_not(run):
    doc = run("NATO ordered the deployment of four battalions to Poland.", published="2023-03-01")
    assert only_event(doc, "MOBILIZE")["source"]["country"] == "IGO"
    assert not run("Chile's deployment of a new tax system surprised voters.",
                   published="2023-03-01").events


def test_a_verb_coordinated_without_its_own_subject_shares_its_clause(run):
    threat = run("His threats to close the border and impose tariffs on Peru worried Lima.",
                 published="2023-03-01")
    assert "SANCTION" not in types(threat)  # named as a threat, not done
    done = run("Chile closed the border and imposed tariffs on Peru.", published="2023-03-01")
    assert only_event(done, "SANCTION")["target"]["country"] == "PER"


def test_a_nouns_by_phrase_names_its_actor(run):
    doc = run("The invasion of Georgia by Russia shocked Europe.", published="2023-03-01")
    event = only_event(doc, "ASSAULT")
    assert (event["source"]["country"], event["target"]["country"]) == ("RUS", "GEO")
    assert not run("After the invasion, prices rose.", published="2023-03-01").events


def test_a_meeting_between_two_parties_takes_the_first_as_its_actor(run):
    doc = run("A summit meeting between Chilean President Gabriel Boric and Peruvian President "
              "Pedro Castillo took place in Lima.", published="2023-03-01")
    event = only_event(doc, "CONSULT")
    assert (event["source"]["country"], event["target"]["country"]) == ("CHL", "PER")
    assert "CONSULT" not in types(run("A summit meeting took place in Lima.",
                                      published="2023-03-01"))


def test_the_object_of_a_purpose_clause_is_whom_a_mobilisation_is_for(run):
    doc = run("Danish fighter jets scrambled on Monday to intercept Russian bombers.",
              published="2023-03-01")
    assert only_event(doc, "MOBILIZE")["target"]["country"] == "RUS"
    alone = run("Danish fighter jets scrambled on Monday.", published="2023-03-01")
    assert only_event(alone, "MOBILIZE")["target"] is None


def test_a_choice_made_is_reported_even_inside_a_sentence_about_something_else(run):
    doc = run("European leaders gathered on Friday after Britain's decision to leave the "
              "European Union.", published="2023-03-01")
    event = only_event(doc, "SANCTION")
    assert (event["source"]["country"], event["target"]["country"]) == ("GBR", "IGO")
    planned = run("European leaders gathered on Friday after Britain's proposal to leave the "
                  "European Union.", published="2023-03-01")
    assert "SANCTION" not in types(planned)


def test_an_as_phrase_after_a_nouns_clause_evaluates_nothing_of_its_own(run):
    doc = run("The bank pointed to Britain's decision to leave the European Union as an example "
              "of a dangerous trend.", published="2023-03-01")
    assert "ACCUSE" not in types(doc) and "SANCTION" in types(doc)
    blasted = run("Chile blasted Peru as a disgrace on Monday.", published="2023-03-01")
    assert only_event(blasted, "ACCUSE")["target"]["country"] == "PER"


def test_a_participle_describing_a_noun_codes_nothing_of_its_own(run):
    doc = run("Canada suspended part of a military aid program for Mali aimed at uniting the "
              "armed forces.", published="2023-03-01")
    assert types(doc) == {"SANCTION"}


def test_a_nationality_before_an_event_noun_is_its_actor(run):
    doc = run("The American invasion of Iraq in 2003 was a mistake.", published="2023-03-01")
    event = only_event(doc, "ASSAULT")
    assert (event["source"]["country"], event["target"]["country"]) == ("USA", "IRQ")
    assert not run("The costly invasion of Iraq was a mistake.", published="2023-03-01").events


def test_only_forces_or_weapons_are_deployed(run):
    doc = run("Russia deployed 3,000 troops to the border on Monday.", published="2023-03-01")
    assert only_event(doc, "MOBILIZE")["source"]["country"] == "RUS"
    assert not run("The Reagan campaign deployed an aggressive convention strategy.",
                   published="2023-03-01").events


def test_a_place_name_before_an_event_noun_only_names_it(run):
    doc = run("She was a broker of the Lima climate agreement, the first accord of its kind.",
              published="2023-03-01")
    assert "AGREE" not in types(doc)


def test_a_blow_between_two_politicians_is_a_rebuke_where_cameo_knows_one(run):
    doc = run("Senator Jane Miller attacked Governor Tom Baker over the budget on Saturday.",
              published="2023-03-01")
    event = only_event(doc, "ACCUSE")
    assert "Miller" in event["source"]["text"] and "Baker" in event["target"]["text"]
    assert "ASSAULT" not in types(doc)
    troops = run("Ethiopian troops attacked Eritrean positions near the town.",
                 published="2023-03-01")
    assert only_event(troops, "ASSAULT")["target"]["country"] == "ERI"


def test_a_win_between_two_candidates_is_no_assault_but_a_shooting_is(run):
    assert "ASSAULT" not in types(run("Senator Jane Miller beat Governor Tom Baker in the "
                                      "Iowa primary.", published="2023-03-01"))
    shot = run("John Harker shot Senator Jane Miller in Dallas on Monday.",
               published="2023-03-01")
    assert "ASSAULT" in types(shot)


def test_a_force_probing_a_border_mobilises_but_a_probe_of_a_sale_investigates(run):
    doc = run("Officials noted a sharp rise in Russian military probing along the Finnish "
              "border.", published="2023-03-01")
    assert only_event(doc, "MOBILIZE")["source"]["country"] == "RUS"
    assert "MOBILIZE" not in types(run("Chile probed the sale of the port to Peru on Monday.",
                                       published="2023-03-01"))


def test_a_passive_without_its_agent_makes_the_victim_no_actor(run):
    doc = run("The Burmese leader who won independence before being assassinated was a hero.",
              published="2023-03-01")
    assert "ASSAULT" not in types(doc)
    named = run("The Burmese leader was assassinated by Thai agents in 1947.",
                published="2023-03-01")
    assert only_event(named, "ASSAULT")["source"]["country"] == "THA"


def test_a_derived_verb_done_to_oneself_has_no_recipient(run):
    doc = run("Governor Tom Baker surrounded himself with advisors who have ties to Russia.",
              published="2023-03-01")
    assert "ASSAULT" not in types(doc)
    other = run("Ukraine said Russia surrounded Ukrainian soldiers near Izium on Monday.",
                published="2023-03-01")
    assert only_event(other, "ASSAULT")["target"]["country"] == "UKR"


def test_a_meeting_with_many_unnamed_parties_is_multilateral(run):
    # the assembly is the recipient (the gold guide names it), of no one country
    doc = run("Chilean President Tom Baker told a meeting of Pacific Island leaders that the "
              "seas were rising.", published="2023-03-01")
    event = only_event(doc, "CONSULT")
    assert event["source"]["country"] == "CHL"
    assert (event["target"]["text"], event["target"]["country"]) == ("Pacific Island leaders",
                                                                     None)
    placed = run("Chile's president held talks with Peruvian governors on Monday.",
                 published="2023-03-01")
    assert only_event(placed, "CONSULT")["target"]["country"] == "PER"
    pair = run("Chile rejected an offer of direct talks between the two neighbours.",
               published="2023-03-01")
    assert "CONSULT" not in types(pair)  # "between": two parties, to be named
