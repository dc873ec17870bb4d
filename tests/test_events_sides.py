"""The country of an event side: PLOVER coding (ISO3, IGO, NGO) and where the text places it."""

from __future__ import annotations

from conftest import only_event
from dateline.events.sides import seat_holder, side_code


def test_igo_source_is_coded_igo_and_keeps_its_actor(run):
    doc = run("The United Nations condemned Poland's treatment of the refugees.")
    event = only_event(doc, "ACCUSE")
    assert event["source"]["country"] == "IGO" and event["source"]["actor"] == "united-nations"
    assert event["target"]["country"] == "POL"
    assert doc.actor("united-nations")["country"] == "UN"  # the actor record keeps its own code


def test_a_named_organ_is_its_own_igo_actor_not_its_parent(run):
    doc = run("The Security Council condemned Chile's attack on the border town.")
    event = only_event(doc, "ACCUSE")
    assert event["source"]["actor"] == "united-nations-security-council"
    assert event["source"]["country"] == "IGO"
    doc = run("The United Nations condemned Chile's attack on the border town.")
    assert only_event(doc, "ACCUSE")["source"]["actor"] == "united-nations"


def test_igo_target_and_igo_official(run):
    doc = run("Chile accused the World Health Organization of hiding data.")
    assert only_event(doc, "ACCUSE")["target"]["country"] == "IGO"
    doc = run("UN Secretary-General Ban Ki-moon criticised Sweden over the deportations.")
    event = only_event(doc, "ACCUSE")
    assert event["source"]["country"] == "IGO" and event["target"]["country"] == "SWE"


def test_ngo_sides(run):
    doc = run("Amnesty International accused Peru of torturing detainees.")
    event = only_event(doc, "ACCUSE")
    assert event["source"]["country"] == "NGO"
    assert event["source"]["actor"] == "amnesty-international"
    doc = run("Mali expelled Red Cross workers from the northern town.")
    assert only_event(doc, "SANCTION")["target"]["country"] == "NGO"


def test_side_code_keeps_states_and_national_ngos():
    assert side_code("FRA", {"type": "country", "sector": None}) == "FRA"
    assert side_code("EGY", {"type": "organisation", "sector": "NGO"}) == "EGY"
    assert side_code(None, {"type": "organisation", "sector": "NGO"}) == "NGO"
    assert side_code("NATO", None) == "IGO"
    assert side_code(None, {"type": "person", "sector": "NGO"}) is None


def test_office_holder_takes_the_country_of_a_seat_of_government(run):
    doc = run("President Walter Brandt imposed sanctions on Eritrea over the border raids, "
              "the White House said on Friday.")
    event = only_event(doc, "SANCTION")
    assert event["source"]["country"] == "USA" and event["target"]["country"] == "ERI"


def test_domestic_event_takes_its_country_as_recipient(run):
    doc = run("Peru's government announced that it is prepared to impose a curfew as riots "
              "spread through Lima.")
    event = only_event(doc, "THREATEN")
    assert event["source"]["country"] == "PER" and event["target"]["country"] == "PER"
    assert event["target"]["text"] == "Lima"
    doc = run("Germany threatened to raise taxes on Monday.")  # named once: no recipient
    assert only_event(doc, "THREATEN")["target"] is None
    doc = run("Chile threatened to close the border, a Chilean spokesman said on Monday.")
    assert only_event(doc, "THREATEN")["target"] is None  # named again only by the reporter


def test_protest_leader_shares_the_country_of_the_protest(run):
    doc = run("Supporters of former President Tomas Herrera blocked roads in Quito demanding "
              "his return.")
    event = only_event(doc, "PROTEST")
    assert event["source"]["country"] == "ECU" and event["target"]["country"] == "ECU"


def test_group_is_placed_where_its_clause_happens(run):
    doc = run("Prisoners rioted at a jail in Dili on Monday, demanding independence from "
              "Indonesian rule.")  # two countries in the sentence; the riot's place decides
    assert only_event(doc, "PROTEST")["source"]["country"] == "TLS"


def test_an_appositive_names_an_unnamed_recipient(run):
    doc = run("South Korea accused the North's leader, Kim Jong Un, of recklessness on Friday.")
    event = only_event(doc, "ACCUSE")
    assert event["source"]["country"] == "KOR" and "Kim Jong Un" in event["target"]["text"]
    bare = run("South Korea accused the leader of recklessness on Friday.")
    assert only_event(bare, "ACCUSE")["target"] is None


def test_a_word_of_a_longer_name_is_no_country(run):
    person = run("Chad Bown accused Poland of lying.")
    assert only_event(person, "ACCUSE")["source"]["country"] is None  # a first name, not Chad
    bare = run("Jordan's King Abdullah accused Poland of lying.")
    assert only_event(bare, "ACCUSE")["source"]["country"] == "JOR"


def test_a_hyphen_dateline_is_no_side(run):
    doc = run("Fishermen protest.\n\nOSLO - European fishermen accused Denmark of overfishing"
              " the northern waters.")
    assert all(e["source"]["country"] != "NOR" for e in doc.events)
    doc = run("Fishermen protest.\n\nFishermen from Oslo accused Denmark of overfishing the"
              " northern waters.")
    assert only_event(doc, "ACCUSE")["source"]["country"] == "NOR"  # a place in the text


def test_a_visit_to_an_executive_seat_is_with_its_holder(run):
    text = ("Chilean President Michelle Alvarado visited the White House on Wednesday, a day"
            " after {} praised her reforms.")
    doc = run(text.format("U.S. President Walter Brandt"))
    target = only_event(doc, "CONSULT")["target"]
    assert target["actor"] == "walter-brandt" and target["text"] == "White House"
    doc = run(text.format("former U.S. President Walter Brandt and U.S. President Kim Olsen"))
    # two presidents: the state
    assert only_event(doc, "CONSULT")["target"]["actor"] == "united-states"
    doc = run("Chilean President Michelle Alvarado visited the Pentagon on Wednesday, a day after"
              " U.S. President Walter Brandt praised her reforms.")
    assert only_event(doc, "CONSULT")["target"]["actor"] == "united-states"  # no executive's seat


def test_a_seat_holder_is_who_holds_the_office_on_the_day():
    actors = [{"id": "barack-obama", "name": "Barack Obama", "type": "person", "country": "USA",
               "roles": ["President"]},
              {"id": "george-bush", "name": "George Bush", "type": "person", "country": "USA",
               "roles": ["President"]}]
    assert seat_holder("the White House", "USA", actors, "2016-09-16")["id"] == "barack-obama"
    assert seat_holder("the Pentagon", "USA", actors, "2016-09-16") is None
    assert seat_holder("the White House", "USA", actors[1:], "2016-09-16") is None  # former


def test_a_person_in_apposition_is_the_more_specific_side(run):
    doc = run("The first Peruvian to climb the peak, Marta Kovacs, accused Chile of hiding the"
              " report.")
    source = only_event(doc, "ACCUSE")["source"]
    assert source["actor"] == "marta-kovacs" and source["country"] == "PER"
    doc = run("Senator Marta Kovacs, a Peruvian, accused Chile of hiding the report.")
    assert only_event(doc, "ACCUSE")["source"]["text"] == "Marta Kovacs"  # named already


def test_a_side_named_by_the_people_a_name_qualifies_keeps_their_noun(run):
    doc = run("Chilean officials accused Peru of hiding the report.")
    source = only_event(doc, "ACCUSE")["source"]
    assert source["text"] == "Chilean officials" and source["country"] == "CHL"
    doc = run("European Union leaders condemned Peru's crackdown on the miners.")
    source = only_event(doc, "ACCUSE")["source"]
    assert source["text"] == "European Union leaders" and source["actor"] == "european-union"
    doc = run("The leaders of Chile accused Peru of hiding the report.")
    source = only_event(doc, "ACCUSE")["source"]
    assert source["text"] == "The leaders of Chile" and source["actor"] == "chile"


def test_a_side_named_alone_keeps_its_own_words(run):
    doc = run("Chile accused the Peruvian navy of hiding the report.")
    event = only_event(doc, "ACCUSE")
    assert event["source"]["text"] == "Chile"
    doc = run("Chile's diplomats accused Peru of hiding the report.")  # a possessor's people
    assert only_event(doc, "ACCUSE")["source"]["text"] == "Chile"
    doc = run("The ports of Chile accused Peru of hiding the report.")  # no people
    assert only_event(doc, "ACCUSE")["source"]["text"] == "Chile"


def test_the_definite_plural_repeats_the_body_that_qualified_it_before(run):
    doc = run("Chilean leaders gathered in Lima on Monday. "
              "The abashed leaders later accused Peru of spying.")
    source = only_event(doc, "ACCUSE")["source"]
    assert source["actor"] == "chile" and source["text"] == "The abashed leaders"


def test_a_plural_without_the_article_or_an_earlier_qualifier_names_no_one(run):
    doc = run("Chilean leaders gathered in Lima on Monday. Leaders later accused Peru of spying.")
    assert not [e for e in doc.events if e["type"] == "ACCUSE"]
    doc = run("Chilean envoys gathered in Lima on Monday. The leaders later accused Peru of "
              "spying.")
    assert not [e for e in doc.events if e["type"] == "ACCUSE"]


def test_a_title_with_the_name_in_apposition_gives_the_name(run):
    doc = run("Chile accused the Peruvian president, Ana Vidal, of lying about the border.")
    target = only_event(doc, "ACCUSE")["target"]
    assert target["text"] == "Ana Vidal" and target["actor"] == "ana-vidal"
    doc = run("Chile accused the Peruvian president of lying about the border.")
    target = only_event(doc, "ACCUSE")["target"]  # no name in apposition: no person's
    assert target["country"] == "PER" and "Vidal" not in target["text"]


def test_a_name_with_a_title_in_apposition_keeps_the_name(run):
    doc = run("Maria Lopez, the Peruvian president, accused Chile of lying about the border.")
    source = only_event(doc, "ACCUSE")["source"]
    assert source["text"] == "Maria Lopez" and source["actor"] == "maria-lopez"


def test_an_unplaced_group_speaks_of_its_own_country(run):
    doc = run("Lawmakers criticized President Barack Obama on Monday.")
    event = only_event(doc, "ACCUSE")
    assert (event["source"]["country"], event["target"]["actor"]) == ("USA", "barack-obama")
    doc = run("Soldiers attacked the convoy of President Barack Obama on Monday.")
    # a material act: foreign soldiers as often as one's own
    assert not [e for e in doc.events if e["source"]["country"] == "USA"]


def test_a_wire_dateline_read_as_the_speaker_gives_way_to_the_name_beside_it(run):
    doc = run("Diaz, stumping for Rojas, trashes Baker.\n\nLima (AFP) – Chilean Foreign Minister"
              " Luis Diaz on Monday hit the campaign trail with Nancy Rojas for the first time,"
              " trashing Tom Baker as unqualified and accusing him of endangering the lives of"
              " Chilean troops.\n\nThe rally went on for hours, aides said.")
    accused = [e for e in doc.events if e["type"] == "ACCUSE"]
    assert accused and all(e["source"]["actor"] == "luis-diaz" for e in accused)
    assert not any("Lima" in e["source"]["text"] for e in doc.events)
    # the recipient read off the clause stays when the speaker takes the dateline's place
    assert [e["target"]["actor"] for e in accused] == ["tom-baker"]


def test_a_description_apposed_to_a_name_is_that_persons_not_whose_it_says(run):
    # "a Rojas supporter who ..." is Luis Diaz, who supports Rojas
    doc = run("Senator Ana Rojas has many allies. The remarks came from Senator Luis Diaz, a "
              "Rojas supporter who has sharply criticized Governor Tom Baker.")
    event = only_event(doc, "ACCUSE")
    assert event["source"]["actor"] == "luis-diaz" and event["target"]["actor"] == "tom-baker"
    # with no one apposed, the supporter is someone unnamed (groups.yaml stances), not Rojas
    doc = run("Senator Ana Rojas has many allies. A Rojas supporter sharply criticized Governor "
              "Tom Baker on Monday.")
    assert [e["source"]["actor"] for e in doc.events if e["type"] == "ACCUSE"] in ([], [None])


def test_a_veto_is_addressed_to_the_legislature_of_its_country(run):
    doc = run("The Chilean Senate passed the mining bill on Tuesday. President Tom Baker of Chile "
              "promised a veto on Wednesday.")
    [threat] = [e for e in doc.events if e["type"] == "THREATEN"]
    assert threat["target"]["text"] == "Chilean Senate"
    doc = run("The mining bill passed on Tuesday. President Tom Baker of Chile promised a veto "
              "on Wednesday.")  # no legislature named: the country named in the clause
    [threat] = [e for e in doc.events if e["type"] == "THREATEN"]
    assert threat["target"]["text"] == "Chile"


def test_people_named_by_their_stance_towards_a_name_are_not_its_actor(run):
    text = ("WASHINGTON (AP) — Senator Bernie Vale of Vermont spoke in Washington on Monday. "
            "{} have sharply criticized Governor Tom Baker of Ohio on Monday.")
    fans = only_event(run(text.format("Vale supporters")), "ACCUSE")["source"]
    assert (fans["actor"], fans["country"], fans["text"]) == (None, "USA", "Vale supporters")
    aides = only_event(run(text.format("Vale aides")), "ACCUSE")["source"]
    assert aides["actor"] == "bernie-vale"  # who serve him act for him
