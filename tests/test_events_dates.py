"""Event dates from the trigger's own clause (events/dates.py); sentences written for the tests."""

from __future__ import annotations

from conftest import only_event


def test_a_date_in_a_clause_of_its_own_does_not_date_the_event(run):
    doc = run("Senator Jane Miller urged North Korea to resume the talks it abandoned in 2009.",
              published="2016-10-05")
    assert only_event(doc, "REQUEST")["date"] == "2016-10"  # undated: the publication month
    own = run("Senator Jane Miller urged North Korea on Monday to resume the talks it abandoned"
              " in 2009.", published="2016-10-05")
    assert only_event(own, "REQUEST")["date"] == "2016-10-03"


def test_the_date_of_the_reporting_clause_dates_the_reported_act(run):
    doc = run("Senator Jane Miller said on Monday that President Barack Obama had criticized"
              " Russia.", published="2016-10-05")
    assert only_event(doc, "ACCUSE")["date"] == "2016-10-03"


def test_a_temporal_clause_dates_the_clause_it_modifies(run):
    lede = "The ministers gathered in Rome for a summit on trade and the economy of Europe. " * 3
    when = run(lede + "\n\nWhen the ministers met in Rome on Monday, Senator Jane Miller accused"
               " Russia of lying.", published="2016-10-05")
    assert only_event(when, "ACCUSE")["date"] == "2016-10-03"
    after = run(lede + "\n\nAfter the ministers met in Rome on Monday, Senator Jane Miller"
                " accused Russia of lying.", published="2016-10-05")
    assert only_event(after, "ACCUSE")["date"] == "2016-10"  # a bound, not the event's day


def test_an_undated_event_in_a_wire_lede_is_the_days_news_else_the_month(run):
    wire = run("ROME, Italy (AP) -- Senator Jane Miller accused Russia of lying about the "
               "talks, in a long speech to the assembled ministers of the European Union.",
               published="2016-10-05")
    assert only_event(wire, "ACCUSE")["date"] == "2016-10-05"
    paper = run("Senator Jane Miller accused Russia of lying about the talks, in a long speech "
                "to the assembled ministers of the European Union.", published="2016-10-05")
    assert only_event(paper, "ACCUSE")["date"] == "2016-10"


LEDE = ("Nordic ministers seek a fishing deal.\n\n{}Nordic ministers gathered on Monday to discuss"
        " the fishing quotas of the coming years, offering Denmark a new deal on the northern"
        " waters and their fish stocks.\n\nSweden rejected the offer in a short statement that"
        " was read to the press by a junior minister, who said that the quotas would ruin the"
        " fishing villages of its northern coast.")


def test_an_undated_lede_event_takes_the_first_day_the_lede_told(run):
    wire = run(LEDE.format("OSLO - "), published="2016-10-05")  # a hyphen dateline
    assert only_event(wire, "REJECT")["date"] == "2016-10-03"
    paper = run(LEDE.format(""), published="2016-10-05")  # no dateline: no lede
    assert only_event(paper, "REJECT")["date"] == "2016-10"


def test_a_participial_adjunct_takes_the_date_of_its_clause(run):
    doc = run("Norway's foreign minister arrived in Copenhagen on Monday, offering Denmark a new"
              " deal on the northern waters.", published="2016-10-05")
    assert only_event(doc, "AGREE")["date"] == "2016-10-03"
    own = run("Norway's foreign minister arrived in Copenhagen on Monday after he offered Denmark"
              " a new deal on the northern waters.", published="2016-10-05")
    assert only_event(own, "AGREE")["date"] == "2016-10"  # a clause of its own, undated


def test_a_bound_or_a_duration_is_not_the_events_date(run):
    dated = run("Chile accused Peru in October of spying on its navy.", published="2016-12-05")
    assert only_event(dated, "ACCUSE")["date"] == "2016-10"
    since = run("Chile has accused Peru since October of spying on its navy.",
                published="2016-12-05")
    assert only_event(since, "ACCUSE")["date"] == "2016-12"  # undated: the publication month
    lasting = run("Chile has accused Peru for three years of spying on its navy.",
                  published="2016-12-05")
    assert only_event(lasting, "ACCUSE")["date"] == "2016-12"
