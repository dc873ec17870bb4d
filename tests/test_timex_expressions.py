"""Each family of temporal expression, on sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import make_input
from dateline.model import Document


@pytest.fixture(scope="module")
def timex_pipeline():
    """Only the stages the timex stage needs, so these tests stay fast."""
    from dateline.pipeline import Pipeline

    return Pipeline(["clean", "parse", "timex"])


@pytest.fixture
def tx(timex_pipeline):
    """tx(text, published) -> {timex text: (type, value, mod)}."""

    def run(text: str, published: str | None = "2022-07-09") -> dict[str, tuple]:
        doc: Document = timex_pipeline.process([make_input(text, published=published)])[0]
        for t in doc.timexes:
            assert doc.text[t["start"]:t["end"]] == t["text"]
        return {t["text"]: (t["type"], t["value"], t.get("mod")) for t in doc.timexes}

    return run


def test_absolute_dates_in_news_formats(tx):
    found = tx("The treaty was signed on March 5, 2021. The vote was held on 12 April 2019. "
               "The file is dated 2020-02-29. The mill closed in June 1998.")
    assert found["March 5, 2021"][1] == "2021-03-05"
    assert found["12 April 2019"][1] == "2019-04-12"
    assert found["2020-02-29"][1] == "2020-02-29"
    assert found["June 1998"][1] == "1998-06"


def test_yearless_date_takes_year_from_tense(tx):
    past = tx("The mayor resigned on Nov. 3.", published="2022-07-09")
    future = tx("The mayor will resign on Nov. 3.", published="2022-07-09")
    assert past["Nov. 3"][1] == "2021-11-03"
    assert future["Nov. 3"][1] == "2022-11-03"


def test_weekdays_by_tense(tx):
    found = tx("Ministers met on Thursday. They will meet again on Tuesday.")
    assert found["Thursday"][1] == "2022-07-07"
    assert found["Tuesday"][1] == "2022-07-12"


def test_deictic_days_and_parts_of_day(tx):
    found = tx("Today the port reopened. Yesterday it was shut. Tonight the ferry sails.")
    assert found["Today"] == ("DATE", "2022-07-09", None)
    assert found["Yesterday"][1] == "2022-07-08"
    assert found["Tonight"] == ("TIME", "2022-07-09TNI", None)


def test_units_shifted_from_the_document_date(tx):
    found = tx("Prices rose last month and last week, and will fall next year. "
               "This year has been hard.")
    assert found["last month"][1] == "2022-06"
    assert found["last week"][1] == "2022-W26"
    assert found["next year"][1] == "2023"
    assert found["This year"][1] == "2022"


def test_fuzzy_modifiers(tx):
    found = tx("The plant was built late last year and expanded in mid-October. "
               "Sales slowed in early 2021.")
    assert found["late last year"] == ("DATE", "2021", "END")
    assert found["mid-October"][1:] == ("2021-10", "MID")
    assert found["early 2021"] == ("DATE", "2021", "START")


def test_month_rolls_over_the_year(tx):
    found = tx("It was their first meeting since October.", published="2022-07-09")
    assert found["October"][1] == "2021-10"


def test_narrative_time_anchors_offsets(tx):
    found = tx("The rebels took the town on Saturday. Just two days earlier, envoys had met. "
               "A year ago the town was calm.", published="2022-07-12")
    assert found["Saturday"][1] == "2022-07-09"
    assert found["two days earlier"][1] == "2022-07-07"
    assert found["A year ago"][1] == "2021"


def test_an_approximate_offset_is_no_finer_than_its_unit(tx):
    found = tx("The treaty was signed in March 2014. A little more than a year later, the"
               " envoys met again. Nearly two months later, they quarrelled.",
               published="2022-07-12")
    assert found["more than a year later"] == ("DATE", "2015", "MORE_THAN")
    assert found["Nearly two months later"] == ("DATE", "2014-05", "LESS_THAN")
    exact = tx("The treaty was signed on March 3, 2014. A year later, the envoys met again.",
               published="2022-07-12")
    assert exact["A year later"][1] == "2015-03-03"  # no modifier: the anchor's day


def test_an_offset_from_a_coarser_story_time_keeps_that_time(tx):
    found = tx("The rebels took the town in 2014. Three days later, the envoys fled.",
               published="2022-07-12")
    assert found["Three days later"][1] == "2014"  # not three days after the publication
    news = tx("The rebels took the town in 2022. Three days later, the envoys fled.",
              published="2022-07-12")
    assert news["Three days later"][1] == "2022-07-15"  # this year: from the publication
    filler = " The town's council met to discuss the budget of its schools and its roads." * 10
    far = tx("The rebels took the town in 2014." + filler + " Three days later, the envoys"
             " fled.", published="2022-07-12")
    assert far["Three days later"][1] == "2022-07-15"  # told long before: not the story's time


def test_quarters_seasons_decades(tx):
    found = tx("Profit rose in the third quarter. Talks resume this summer. "
               "The dispute dates from the 1990s. The budget for fiscal 2023 was cut.",
               published="2022-10-20")
    assert found["the third quarter"][1] == "2022-Q3"
    assert found["this summer"][1] == "2022-SU"
    assert found["the 1990s"][1] == "199"
    assert found["fiscal 2023"][1] == "2023"


def test_durations(tx):
    found = tx("The talks lasted five hours. Inflation has risen over the past several months. "
               "He served a two-year term.")
    assert found["five hours"] == ("DURATION", "PT5H", None)
    assert found["the past several months"] == ("DURATION", "PXM", None)
    assert found["two-year"] == ("DURATION", "P2Y", None)


def test_sets(tx):
    found = tx("The council meets every year. Flights leave daily. Markets open every Monday.")
    assert found["every year"] == ("SET", "P1Y", None)
    assert found["daily"] == ("SET", "P1D", None)
    assert found["every Monday"] == ("SET", "XXXX-WXX-1", None)


def test_references(tx):
    found = tx("Relations are now tense. The minister recently visited. "
               "Both sides will talk in the future.")
    assert found["now"][1] == "PRESENT_REF"
    assert found["recently"][1] == "PAST_REF"
    assert found["the future"][1] == "FUTURE_REF"


def test_clock_times(tx):
    found = tx("The polls closed at 7:15 p.m. on Friday.")
    assert found["7:15 p.m."] == ("TIME", "2022-07-09T19:15", None)


def test_dct_known_only_to_the_year(tx):
    found = tx("Officials met yesterday. Trade fell last year.", published="2022")
    assert found["yesterday"][1] == "2022-XX-XX"
    assert found["last year"][1] == "2021"


def test_relative_expressions_keep_every_known_part_of_the_dct(tx):
    found = tx("The envoys met on Saturday. Two days earlier, talks had stalled. "
               "Aides left last week.", published="2022")
    assert found["Saturday"][1] == "2022-WXX-6"
    assert found["Two days earlier"][1] == "2022-XX-XX"
    assert found["last week"][1] == "2022-WXX"
    found = tx("The envoys met on Saturday. Two days earlier, talks had stalled.",
               published="2022-07")
    assert found["Saturday"][1] == "2022-WXX-6"
    assert found["Two days earlier"][1] == "2022-07-XX"
    found = tx("The envoys met on Saturday. Two days earlier, talks had stalled.")
    assert found["Saturday"][1] == "2022-07-09"
    assert found["Two days earlier"][1] == "2022-07-07"


def test_numbers_that_count_are_not_years(tx):
    found = tx("The firm hired 2000 workers and paid $1999 each.")
    assert "2000" not in found and "1999" not in found
    assert tx("The firm was founded in 1999.")["1999"][1] == "1999"


def test_holidays_centuries_and_spoken_years(tx):
    found = tx("Turnout fell on Election Day. The law dates from the 20th century. "
               "Unemployment was to be halved by the year two thousand. "
               "Jazz flourished in the twenties.", published="1998-11-10")
    assert found["Election Day"][1] == "1998-11-03"
    assert found["the 20th century"][1] == "19"
    assert found["the year two thousand"][1] == "2000"
    assert found["the twenties"][1] == "192"


def test_schedules_point_forward(tx):
    found = tx("The board declared a dividend payable Dec. 7 to holders of record Nov. 22.",
               published="1989-10-27")
    assert found["Dec. 7"][1] == "1989-12-07"
    assert found["Nov. 22"][1] == "1989-11-22"


def test_ages_rates_and_fractions_are_not_durations(tx):
    found = tx("Mr. Lund, 52 years old, earns $90,000 a year and owns a quarter of the firm. "
               "Results for the year ended June 30 were flat.")
    assert "52 years" not in found and "a year" not in found and "a quarter" not in found
    assert found["the year"] == ("DURATION", "P1Y", None)


def test_simple_present_with_a_weekday_is_a_timetable(tx):
    found = tx("The two envoys meet separately Tuesday with the mediator.")
    assert found["Tuesday"][1] == "2022-07-12"


def test_perfect_progressive_looks_back(tx):
    found = tx("Rescuers have been searching for the climber since shortly after the Nov. 3 storm.")
    assert found["Nov. 3"][1] == "2021-11-03"


def test_halves_and_couples_of_units(tx):
    found = tx("The ferry crossing took 3 1/2 hours. The appeal lasted two and a half years. "
               "The speech ran a minute and a half. Prices should hold for a couple of months.")
    assert found["3 1/2 hours"][1] == "PT3H30M"
    assert found["two and a half years"][1] == "P2Y6M"
    assert found["a minute and a half"][1] == "PT1M30S"
    assert found["a couple of months"][1] == "P2M"


def test_year_to_date_results_compare_with_the_year_before(tx):
    found = tx("Profit rose in the third quarter. For the first nine months, the retailer earned "
               "$4 million, up from $3 million a year earlier.", published="2022-10-20")
    assert found["the third quarter"][1] == "2022-Q3"
    assert found["a year earlier"][1] == "2021"


def test_plural_shifted_units_are_vague_lengths(tx):
    found = tx("Lenders expect rates to ease in coming weeks, as they did in past years.")
    assert found["coming weeks"] == ("DURATION", "PXW", None)
    assert found["past years"] == ("DURATION", "PXY", None)


def test_last_years_quarter_is_the_quarter_a_year_back(tx):
    found = tx("The brewer lost money in the second quarter, after a profit in the corresponding "
               "period last year. Exports for last year's quarter were flat.",
               published="2022-08-02")
    assert found["the corresponding period last year"][1] == "2021-Q2"
    assert found["last year's quarter"][1] == "2021-Q2"


def test_holiday_week_under_way(tx):
    easter = tx("Pilgrims filled the square as Easter week began.", published="2023-04-04")
    assert easter["Easter week"] == ("DATE", "2023-W14", None)


def test_or_so_stays_inside_the_expression(tx):
    found = tx("The plant will close over the next year or so. It opened a month or so ago.",
               published="2022-07-09")
    assert found["the next year or so"][1] == "2023"
    assert found["a month or so ago"][1] == "2022-06"


def test_fiscal_year_ended_is_a_length(tx):
    found = tx("In the fiscal year ended March 31, the chain sold more shoes.")
    assert found["the fiscal year"] == ("DURATION", "P1Y", None)


def test_deadline_moved_to_a_date_lies_ahead(tx):
    found = tx("The offer was extended to Nov. 3.", published="2022-10-20")
    assert found["Nov. 3"][1] == "2022-11-03"


def test_shifted_month_and_day(tx):
    found = tx("The clinic closed last Dec. 2 after a fire.", published="2022-07-09")
    assert found["last Dec. 2"][1] == "2021-12-02"


def test_a_range_of_lengths_is_vague(tx):
    found = tx("Repairs should take two to four weeks, and the sale the next 6 to 9 months.")
    assert found["two to four weeks"] == ("DURATION", "PXW", None)
    assert found["the next 6 to 9 months"] == ("DURATION", "PXM", None)


def test_quarter_to_an_amount_is_the_quarter_itself(tx):
    found = tx("The miner reported a third-quarter loss. Revenue rose 4% in the quarter to "
               "$2 billion.", published="2022-10-20")
    assert found["the quarter"] == ("DATE", "2022-Q3", None)


def test_clock_time_falls_on_the_day_being_told(tx):
    found = tx("The storm reached the coast on Thursday. It made landfall at 9 a.m. near the port.")
    assert found["9 a.m."] == ("TIME", "2022-07-07T09:00", None)


def test_is_to_looks_ahead(tx):
    found = tx("The exchange is to reopen Tuesday after the holiday.")
    assert found["Tuesday"][1] == "2022-07-12"


def test_decimal_index_level_is_not_a_year(tx):
    found = tx("The share index closed at 1987.4, down from Friday.")
    assert "1987" not in found and "Friday" in found


def test_trading_and_business_days_are_days(tx):
    found = tx("Shares fell for five trading days. Refunds take ten business days.")
    assert found["five trading days"][1] == "P5D"
    assert found["ten business days"][1] == "P10D"


def test_last_half_and_last_quarter_are_the_final_parts(tx):
    found = tx("Sales slowed in the last half of 2019 and the last quarter of 2020.")
    assert found["the last half of 2019"][1] == "2019-H2"
    assert found["the last quarter of 2020"][1] == "2020-Q4"


def test_parts_of_the_narrative_day(tx):
    found = tx("Markets fell on Thursday. Traders sold in the morning, and by mid-afternoon the "
               "index had recovered. The ferry leaves at 5 in the morning.")
    assert found["the morning"] == ("TIME", "2022-07-07TMO", None)
    assert found["mid-afternoon"] == ("TIME", "2022-07-07TAF", None)
    assert found["5 in the morning"] == ("TIME", "2022-07-07T05:00", None)


def test_a_month_inside_a_persons_name_is_no_date(tx):
    assert "April" not in tx("Senator April Dunmore accused Chile of hiding the report.")
    assert tx("In April, Senator Jane Dunmore accused Chile of hiding the report.")["April"][:2] \
        == ("DATE", "2022-04")


def test_a_holiday_without_a_year_in_a_past_story_is_that_years(tx):
    found = tx("Campaigning in 2012, he said little. Soon after Election Day, he spoke.",
               "2016-09-08")
    assert found["Election Day"][1] == "2012-11-06"
    news = tx("Soon after Election Day, he spoke.", "2016-09-08")
    assert news["Election Day"][1] == "2015-11-03"
