"""Event dates from the trigger's own clause (events/dates.py); sentences written for the tests."""

from __future__ import annotations

from conftest import only_event
from dateline.events.dates import calendar_value


def test_a_date_in_a_clause_of_its_own_does_not_date_the_event(run):
    doc = run("Senator Jane Miller urged North Korea to resume the talks it abandoned in 2009.",
              published="2016-10-05")
    assert only_event(doc, "REQUEST")["date"] == "2016"  # undated: the publication year
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
    assert only_event(after, "ACCUSE")["date"] == "2016"  # a bound, not the event's day


def test_an_undated_event_in_a_wire_lede_is_the_days_news_else_the_year(run):
    wire = run("ROME, Italy (AP) -- Senator Jane Miller accused Russia of lying about the "
               "talks, in a long speech to the assembled ministers of the European Union.",
               published="2016-10-05")
    assert only_event(wire, "ACCUSE")["date"] == "2016-10-05"
    paper = run("Senator Jane Miller accused Russia of lying about the talks, in a long speech "
                "to the assembled ministers of the European Union.", published="2016-10-05")
    assert only_event(paper, "ACCUSE")["date"] == "2016"  # not the lede: the year


LEDE = ("Nordic ministers seek a fishing deal.\n\n{}Nordic ministers gathered on Monday to discuss"
        " the fishing quotas of the coming years, offering Denmark a new deal on the northern"
        " waters and their fish stocks.\n\nSweden rejected the offer in a short statement that"
        " was read to the press by a junior minister, who said that the quotas would ruin the"
        " fishing villages of its northern coast.")


def test_an_undated_lede_event_takes_the_first_day_the_lede_told(run):
    wire = run(LEDE.format("OSLO - "), published="2016-10-05")  # a hyphen dateline
    assert only_event(wire, "REJECT")["date"] == "2016-10-03"
    paper = run(LEDE.format(""), published="2016-10-05")  # no dateline: no lede
    assert only_event(paper, "REJECT")["date"] == "2016"


def test_a_participial_adjunct_takes_the_date_of_its_clause(run):
    doc = run("Norway's foreign minister arrived in Copenhagen on Monday, offering Denmark a new"
              " deal on the northern waters.", published="2016-10-05")
    assert only_event(doc, "AGREE")["date"] == "2016-10-03"
    own = run("Norway's foreign minister arrived in Copenhagen on Monday after he offered Denmark"
              " a new deal on the northern waters.", published="2016-10-05")
    assert only_event(own, "AGREE")["date"] == "2016"  # a clause of its own, undated


def test_a_bound_or_a_duration_is_not_the_events_date(run):
    dated = run("Chile accused Peru in October of spying on its navy.", published="2016-12-05")
    assert only_event(dated, "ACCUSE")["date"] == "2016-10"
    since = run("Chile has accused Peru since October of spying on its navy.",
                published="2016-12-05")
    assert only_event(since, "ACCUSE")["date"] == "2016"  # undated: the publication year
    lasting = run("Chile has accused Peru for three years of spying on its navy.",
                  published="2016-12-05")
    assert only_event(lasting, "ACCUSE")["date"] == "2016"


def test_a_week_is_given_as_the_day_month_or_year_that_holds_it():
    assert calendar_value("2016-W40") == "2016-10"  # October 3 to 9
    assert calendar_value("2016-W35-WE") == "2016-09"  # September 3 and 4
    assert calendar_value("2016-W35") == "2016"  # August 29 to September 4
    assert calendar_value("2016-W35-3") == "2016-08-31"
    assert calendar_value("2016-Q3") == "2016"
    assert calendar_value("2015-W53") == "2015-W53"  # December 28 to January 3: kept
    assert [calendar_value(v) for v in ("2016-08-31", "2016-08", "2016", "201X")] == [
        "2016-08-31", "2016-08", "2016", "201X"]


def test_a_weeks_date_in_one_month_is_that_month_else_the_year(run):
    text = "Chile accused Peru last week of spying on its navy."
    assert only_event(run(text, published="2016-10-12"), "ACCUSE")["date"] == "2016-10"
    assert only_event(run(text, published="2016-09-07"), "ACCUSE")["date"] == "2016"


def test_a_temporal_clause_is_dated_by_its_own_timex(run):
    own = run("As Chile accused Peru in October of spying on its navy, Lima recalled its"
              " ambassador.", published="2016-12-05")
    assert only_event(own, "ACCUSE")["date"] == "2016-10"
    main = run("As Chile accused Peru of spying on its navy, Lima recalled its ambassador in"
               " October.", published="2016-12-05")
    assert only_event(main, "ACCUSE")["date"] == "2016"  # the date of the clause it modifies


def test_a_noun_trigger_takes_the_date_in_its_own_phrase(run):
    own = run("Senator Jane Miller's last visit to Chile, in 2012, strengthened the ties of"
              " the two navies.", published="2016-12-05")
    assert only_event(own, "CONSULT")["date"] == "2012"
    other = run("Senator Jane Miller's last visit to Chile strengthened the navy that she"
                " commanded in 2012.", published="2016-12-05")
    assert only_event(other, "CONSULT")["date"] == "2016"  # a clause of its own


def test_an_event_after_or_before_another_takes_neither_its_date_nor_the_ledes_day(run):
    wire = "OSLO, Norway (AP) -- {} the fishing quotas of the coming years."
    after = run(wire.format("Nordic ministers met on Friday after Denmark's decision to leave"
                            " the European Union, to discuss"), published="2016-10-05")
    assert only_event(after, "SANCTION")["date"] == "2016"  # earlier, undated: the year
    news = run(wire.format("Denmark's decision to leave the European Union stunned the Nordic"
                           " ministers, who met to discuss"), published="2016-10-05")
    assert only_event(news, "SANCTION")["date"] == "2016-10-05"  # the lede's news


def test_an_event_years_before_or_after_its_clause_is_undated(run):
    years = run("A common fleet would be a big step, years after the Nordic countries agreed"
                " with Iceland to share their fishing grounds.", published="2016-10-05")
    assert only_event(years, "AGREE")["date"] is None
    days = run("A common fleet would be a big step, days after the Nordic countries agreed"
               " with Iceland to share their fishing grounds.", published="2016-10-05")
    assert only_event(days, "AGREE")["date"] == "2016"


def test_a_recurring_present_perfect_is_undated(run):
    often = run("Chile has repeatedly accused Peru of spying on its navy.",
                published="2016-12-05")
    assert only_event(often, "ACCUSE")["date"] is None
    times = run("Chilean warships have attacked Peruvian trawlers hundreds of times.",
                published="2016-12-05")
    assert only_event(times, "ASSAULT")["date"] is None
    hard = run("Chilean warships attacked Peruvian trawlers in hard times.",
               published="2016-12-05")
    assert only_event(hard, "ASSAULT")["date"] == "2016"  # times, but not counted
    factor = run("Chilean warships attack Peruvian trawlers ten times harder.",
                 published="2016-12-05")
    assert only_event(factor, "ASSAULT")["date"] == "2016"  # a factor, not occasions
    once = run("Chile has accused Peru of spying on its navy.", published="2016-12-05")
    assert only_event(once, "ACCUSE")["date"] == "2016"


def test_a_flashback_paragraph_opening_undated_takes_the_year_it_names_later(run):
    story = ("Nordic leaders meet in Oslo this week to discuss fishing quotas.\n\n"
             "The first quota talks failed in 2009.{}\n\n"
             "Senator Jane Miller {} Peru of spying on the navy of Chile. A summit in Lima in"
             " June 2013 ended without a deal.")
    past = run(story.format("", "accused"), published="2016-12-05")
    assert only_event(past, "ACCUSE")["date"] == "2013"
    now = run(story.format("", "has accused"), published="2016-12-05")
    assert only_event(now, "ACCUSE")["date"] == "2016"  # linked to now: not the flashback
    news = run(story.format(" Talks resumed last month.", "accused"), published="2016-12-05")
    assert only_event(news, "ACCUSE")["date"] == "2016"  # the story is back in the news
    counted = run(story.replace("in Lima in June 2013", "in Lima a year earlier").format(
        "", "accused"), published="2016-12-05")
    assert only_event(counted, "ACCUSE")["date"] == "2016"  # a year counted, not written


def test_soon_after_a_day_dates_an_event_in_its_month(run):
    doc = run("Campaigning in 2012, the senator said little. Soon after Election Day, Senator Tom"
              " Baker criticized Governor Ann Lee.", published="2016-09-08")
    assert only_event(doc, "ACCUSE")["date"] == "2012-11"
    bound = run("After Election Day, Senator Tom Baker criticized Governor Ann Lee.",
                published="2016-09-08")
    assert only_event(bound, "ACCUSE")["date"] == "2016"  # only after it: a bound, not its time


def test_a_clause_led_by_when_takes_the_time_it_hangs_on(run):
    month = run("The navy faced a crisis in March, when Chile accused Peru of spying on its"
                " fleet.", published="2016-12-05")
    assert only_event(month, "ACCUSE")["date"] == "2016-03"
    year = run("In 2012, the navy faced a crisis when Chile accused Peru of spying on its fleet.",
               published="2016-12-05")
    assert only_event(year, "ACCUSE")["date"] == "2012"
    because = run("In 2012, the navy faced a crisis because Chile accused Peru of spying on its"
                  " fleet.", published="2016-12-05")
    assert only_event(because, "ACCUSE")["date"] == "2016"  # a clause of its own, undated


def test_an_infinitive_of_purpose_takes_the_date_of_its_clause(run):
    doc = run("In October, Chile's foreign minister flew to Lima to meet Peru's president.",
              published="2016-12-05")
    assert only_event(doc, "CONSULT")["date"] == "2016-10"
    asked = run("In October, Chile's foreign minister flew to Lima because Peru's president"
                " had asked him to meet.", published="2016-12-05")
    assert only_event(asked, "REQUEST")["date"] == "2016"  # a clause of its own, undated


def test_a_present_participle_after_its_noun_takes_the_date_of_the_noun(run):
    doc = run("Senator Jane Miller gave a speech on Monday criticizing Russia over the talks.",
              published="2016-10-05")
    assert only_event(doc, "ACCUSE")["date"] == "2016-10-03"
    past = run("Senator Jane Miller read on Monday a letter that criticized Russia over the"
               " talks.", published="2016-10-05")
    assert only_event(past, "ACCUSE")["date"] == "2016"  # a clause of its own


def test_a_later_conjunct_or_a_gerund_lends_its_date(run):
    conj = run("Chile's president condemned and sanctioned Peru in March 2012.",
               published="2016-12-05")
    assert only_event(conj, "ACCUSE")["date"] == "2012-03"
    own = run("Chile's president condemned Peru, and the Bolivian government sanctioned it in"
              " March 2012.",
              published="2016-12-05")
    assert only_event(own, "ACCUSE")["date"] == "2016"  # a clause of its own
    gerund = run("Chile joined Peru in signing a fishing treaty in 2013.", published="2016-12-05")
    assert only_event(gerund, "CONSULT")["date"] == "2013"
    before = run("Chile joined Peru before signing a fishing treaty in 2013.",
                 published="2016-12-05")
    assert only_event(before, "CONSULT")["date"] == "2016"  # another time, undated
    kept = run("Chile's navy blocked Peru from reaching the fishing grounds on Friday.",
               published="2016-10-09")
    assert only_event(kept, "COERCE")["date"] == "2016-10-07"
    what = run("Chile's president criticized Peru for backing the 1994 fishing treaty.",
               published="2016-12-05")
    assert only_event(what, "ACCUSE")["date"] == "2016"  # what Peru did then, not when


def test_a_timex_in_the_object_of_a_bound_is_not_the_events_date(run):
    after = run("Chile's president accused Peru of fraud after the 2012 election.",
                published="2016-10-09")
    assert only_event(after, "ACCUSE")["date"] == "2016"
    during = run("Chile's president accused Peru of fraud during the 2012 election.",
                 published="2016-10-09")
    assert only_event(during, "ACCUSE")["date"] == "2012"
    soon = run("Chile's president accused Peru of fraud soon after the 2012 election.",
               published="2016-10-09")
    assert only_event(soon, "ACCUSE")["date"] == "2012"
    before = run("Chile's president accused Peru of fraud before the 2012 election.",
                 published="2016-10-09")
    assert only_event(before, "ACCUSE")["date"] == "2012"  # no later than then: that year
    day = run("On Tuesday, in a speech before the 2015 Christmas holiday, Chile's president"
              " accused Peru of fraud.", published="2015-12-23")
    assert only_event(day, "ACCUSE")["date"] == "2015-12-22"  # its own day first


def test_a_perfect_gerund_happened_before_its_clause(run):
    having = run("Chile's president lashed out at Peru on Thursday for having attacked a"
                 " Chilean trawler.", published="2016-10-09")
    assert [e["date"] for e in having.events if e["trigger"]["text"] == "attacked"] == ["2016"]
    simple = run("Chile's president lashed out at Peru on Thursday for attacking a Chilean"
                 " trawler.", published="2016-10-09")
    assert [e["date"] for e in simple.events if e["trigger"]["text"] == "attacking"] == [
        "2016-10-06"]


def test_an_act_told_as_done_takes_no_date_after_the_publication(run):
    done = run("Chile's navy has given Peru a chance at joining the fleet next January.",
               published="2016-10-09")
    assert only_event(done, "COOPERATE")["date"] == "2016"
    dated = run("Chile's navy gave Peru a chance in January at joining the fleet.",
                published="2016-10-09")
    assert only_event(dated, "COOPERATE")["date"] == "2016-01"


def test_an_act_told_as_done_takes_no_later_date_from_the_sentences_before(run):
    text = ("The tour will leave the Miami course in 2017 and move to Mexico. {}\n\n"
            "Other news followed.")
    done = run(text.format("Chile rejected Peru's offer to host it."), published="2016-06-01")
    assert only_event(done, "REJECT")["date"] == "2016"
    plan = run(text.format("Chile will reject Peru's offer to host it."), published="2016-06-01")
    assert only_event(plan, "REJECT")["date"] == "2017"


def test_an_event_after_which_a_dated_act_followed_takes_that_acts_year(run):
    after = run("Chile's president called for sanctions in December after Peru's navy attacked"
                " a Chilean trawler.", published="2016-05-11")
    assert only_event(after, "ASSAULT")["date"] == "2015"  # no later than December 2015
    before = run("Chile's president called for sanctions in December before Peru's navy"
                 " attacked a Chilean trawler.", published="2016-05-11")
    assert only_event(before, "ASSAULT")["date"] == "2016"  # any time since: the year


def test_a_past_act_whose_infinitive_is_dated_takes_that_year(run):
    past = run("Chile's president agreed to sell the frigate to Peru in 2010.",
               published="2016-05-11")
    assert only_event(past, "AGREE")["date"] == "2010"  # agreed by then
    future = run("Chile's president agreed to sell the frigate to Peru in 2017.",
                 published="2016-05-11")
    assert only_event(future, "AGREE")["date"] == "2016"  # a plan: not when it was agreed


def test_a_past_perfect_or_a_nouns_content_is_no_later_than_the_clause_it_is_told_in(run):
    perfect = run("In 2014, Chile's navy published proof that Peru had attacked a Chilean"
                  " trawler.", published="2016-08-17")
    assert only_event(perfect, "ASSAULT")["date"] == "2014"
    known = run("In 2014, Chile's navy published proof that Peru attacked a Chilean trawler.",
                published="2016-08-17")
    assert only_event(known, "ASSAULT")["date"] == "2014"
    relative = run("In 2014, Chile's navy sank the Peruvian trawler that attacked a Chilean"
                   " ferry.", published="2016-08-17")
    assert [e["date"] for e in relative.events if e["trigger"]["text"] == "attacked"] == [
        "2016"]  # a relative clause of its own: any time


def test_a_past_perfect_in_a_wire_lede_is_not_the_days_news(run):
    before = run("ROME, Italy (AP) -- Senator Jane Miller said that Russia had lied, in a long"
                 " speech to the assembled ministers of the European Union, who had accused"
                 " Russia of fraud.", published="2016-10-05")
    assert only_event(before, "ACCUSE")["date"] == "2016"  # before the news: the year
    news = run("ROME, Italy (AP) -- Senator Jane Miller said that Russia lied, in a long speech"
               " to the assembled ministers of the European Union, who accused Russia of"
               " fraud.", published="2016-10-05")
    assert [e["date"] for e in news.events if e["trigger"]["text"] == "accused"] == [
        "2016-10-05"]
