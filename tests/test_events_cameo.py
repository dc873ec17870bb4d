"""The CAMEO-derived trigger table, statements, the new guards, sides, dates and merging.

Every sentence here is written for the tests, not taken from an evaluation set.
"""

from __future__ import annotations

from conftest import shared_path
from dateline.events.lexicon import Lexicon
from dateline.events.train import derive
from dateline.resources import load_text


def types(doc):
    return [e["type"] for e in doc.events]


def test_train_rebuilds_the_shipped_table_byte_for_byte():
    cameo = shared_path("petrarch2", "CAMEO.2.0.txt")
    mapping = shared_path("plover-gsr", "CAMEO2PLOVER-2021.txt")
    assert derive(cameo, mapping) == load_text("events", "cameo_verbs.tsv")


def test_derived_table_covers_statement_verbs_the_hand_table_lacks(pipeline):
    from dateline.nlp import load

    lex, nlp = Lexicon(), load()
    doc = nlp("Ruritania hailed the accord and lashed out at Freedonia.")
    hailed, lashed = doc[1], doc[5]
    assert lex.hand(hailed) is None and lex.match(hailed).category == "SUPPORT"
    assert lex.match(lashed).category == "ACCUSE" and lex.match(lashed).cameo == "111"


def test_a_verb_whose_cameo_senses_disagree_codes_only_through_a_pattern(pipeline):
    from dateline.nlp import load

    lex, nlp = Lexicon(), load()
    crash = nlp("The car slammed into the wall.")
    assert lex.match(crash[2]) is None  # "slam": a crash by default in one block, ---
    criticism = nlp("The minister slammed the plan as unacceptable.")
    assert lex.match(criticism[2]).category == "ACCUSE"  # pattern "* as unacceptable"


def test_derived_trigger_needs_a_named_recipient(run):
    assert types(run("The Polish senator lashed out at Russia on Monday.")) == ["ACCUSE"]
    assert types(run("The Polish senator lashed out on Monday.")) == []


def test_a_derived_verb_with_a_clause_leaves_the_event_to_the_clause(pipeline):
    from dateline.nlp import load

    lex, nlp = Lexicon(), load()
    # "want" is CAMEO 030 by default; "wanted to ..." is no agreement of its own
    assert lex.match(nlp("Mexico wanted to leave early.")[1]) is None
    assert lex.match(nlp("Mexico wanted Canada's support.")[1]).category == "AGREE"


def test_market_subject_is_not_an_actor(run):
    assert types(run("The Russian stock index shot up 16 percent on Friday.")) == []
    assert "ASSAULT" in types(run("Russian soldiers shot Ukrainian civilians on Friday."))


def test_product_object_is_not_a_release(run):
    assert types(run("The Iranian government released a new video on Friday.")) == []
    assert "RETREAT" in types(run("The Iranian government released the British prisoners "
                                  "on Friday."))


def test_failure_denies_its_complement(run):
    assert "ACCUSE" not in types(run("Austria failed to condemn Hungary."))
    assert "ACCUSE" in types(run("Austria condemned Hungary."))


def test_statement_cue_takes_the_speakers_actor_and_the_content_target(run):
    doc = run('Angela Merkel, the German chancellor, spoke on Monday. "Russia must leave '
              'Crimea," she warned.')
    # a warning whose content says another must act is a demand (see test_events_verbal)
    [event] = [e for e in doc.events if e["type"] == "REQUEST"]
    assert event["source"]["actor"] is not None
    assert event["source"]["country"] == "DEU"
    assert event["target"]["country"] == "RUS"


def test_dateline_city_is_never_a_side(run):
    doc = run("HANOI, Vietnam (AP) — Vietnam accused China of ramming a fishing boat.")
    [event] = doc.events
    assert event["source"]["start"] > doc.text.index("—")
    assert event["source"]["country"] == "VNM" and event["target"]["country"] == "CHN"


def test_bounding_dates_are_not_the_event_date(run):
    doc = run("Since October, France has criticized Italy.", published="2016-12-05")
    [event] = doc.events
    assert event["date"] == "2016"  # otherwise undated: the publication year
    dated = run("On Tuesday, France criticized Italy.", published="2016-12-08")
    assert dated.events[0]["date"] == "2016-12-06"


def test_narrative_time_carries_through_the_paragraph(run):
    text = "On Tuesday, the ministers gathered in Rome.\nTalks went on. France criticized " \
           "Italy.\n" \
           "On Tuesday, the ministers gathered in Rome. France criticized Spain."
    doc = run(text, published="2016-12-08")
    first, second = [e for e in doc.events if e["type"] == "ACCUSE"]
    assert first["date"] == "2016"  # a new paragraph: Tuesday does not carry over
    assert second["date"] == "2016-12-06"


def test_one_event_reported_twice_is_one_record_with_both_mentions(run):
    doc = run("France criticized Italy. On the same day France criticized Italy again.",
              published="2016-12-08")
    [event] = doc.events
    assert [m["text"] for m in event["mentions"]] == ["criticized", "criticized"]
    two = run("France criticized Italy. Spain criticized Italy.", published="2016-12-08")
    assert len(two.events) == 2


def test_a_denial_of_responsibility_is_a_rejection_without_a_recipient(run):
    """CAMEO 016 (deny responsibility) is adopted as REJECT (plover.yaml, as the PLOVER
    manual suggests); what is denied is no party, so the denier alone is coded."""
    doc = run("The Chilean government denied any involvement in the bombing on Monday.")
    assert [(e["type"], e["source"]["country"], e["target"]) for e in doc.events] == [
        ("REJECT", "CHL", None)]
    # a verbal pattern of another category still needs its recipient
    assert types(run("The Chilean government called a meeting on Monday.")) == []


def test_a_rejection_is_of_whoever_made_what_is_rejected(run):
    doc = run("Chile dismissed Peru's accusation on Monday.")
    # the accusation it answers is Peru's act against Chile (nouns.yaml, answer)
    assert [(e["type"], e["target"]["country"]) for e in doc.events] == [("REJECT", "PER"),
                                                                          ("ACCUSE", "CHL")]
    doc = run("Chile dismissed the accusation on Monday.")  # nobody's: the denier alone
    assert [(e["type"], e["target"]) for e in doc.events] == [("REJECT", None)]


def test_a_denial_verb_rejects_any_thing_said_but_fires_or_judges_a_person(pipeline):
    from dateline.nlp import load

    lex, nlp = Lexicon(), load()
    assert lex.match(nlp("The mayor dismissed the criticism.")[2]).category == "REJECT"
    assert lex.match(nlp("The mayor dismissed the notion.")[2]).category == "REJECT"
    assert lex.match(nlp("The bank dismissed its chief executive, Jane Miller.")[2]) is None
    # one CAMEO denial pattern ("repeat a denial") makes no denial sense of the verb
    assert lex.match(nlp("The mayor repeated the claim.")[2]) is None


def test_support_expressed_for_a_party_is_praise_not_cameos_bare_express(run):
    # CAMEO gives a bare EXPRESS 110 (disapprove), so "expressed support" was an accusation
    doc = run("Senator Ana Ruiz expressed support for Governor Luis Vega on Monday.",
              published="2026-03-03")
    assert [(e["type"], e["target"]["text"]) for e in doc.events] == [("SUPPORT", "Luis Vega")]
    thanks = run("Senator Ana Ruiz voiced gratitude to Governor Luis Vega.", published="2026-03-03")
    assert types(thanks) == ["SUPPORT"]


def test_support_a_survey_finds_among_voters_is_no_ones_act(run):
    doc = run("The survey expressed strong support among voters for the plan.",
              published="2026-03-03")
    assert "SUPPORT" not in types(doc) and "ACCUSE" not in types(doc)
