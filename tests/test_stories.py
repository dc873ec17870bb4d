"""The grouping's pure decisions: near-duplicate signatures, story event matching and
counts, story assignment (dateline.stories)."""

from __future__ import annotations

from dateline.stories import assign, events, minhash

ARTICLE = "\n\n".join([
    "The harbour authority said on Tuesday that the new container terminal would open "
    "in the spring after two years of delays caused by flooding and a shortage of cranes.",
    "Officials told reporters that the first ships would dock in April and that the port "
    "expected to handle twice as many containers by the end of next year.",
    "Local fishermen have complained that the dredging disturbed their grounds, and a "
    "court in the provincial capital will hear their case later this month.",
    "The mayor welcomed the news, saying the terminal would bring hundreds of jobs to a "
    "town that lost its shipyard a decade ago and has struggled ever since.",
])
OTHER = ("Farmers in the northern valley began harvesting wheat a week early this year "
         "because of an unusually warm summer, the agricultural cooperative said, adding "
         "that yields looked strong despite the dry weeks of July and early August.")


def report(id_, doc, type_="CONSULT", src=("usa-leader", "USA"), tgt=("chn-leader", "CHN"),
           start="2022-11-14", end="2022-11-14",
           words="leaders met island summit talks hours") -> events.EventReport:
    return events.EventReport(id_, doc, type_, src[0], src[1], tgt[0], tgt[1], start, end,
                              frozenset(words.split()))


def test_a_trimmed_copy_and_a_rewrapped_copy_are_duplicates_and_another_text_is_not():
    original = minhash.signature(ARTICLE)
    trimmed = minhash.signature("\n\n".join(ARTICLE.split("\n\n")[:3]))
    wrapped = minhash.signature("Home | News | Business\n\n" + ARTICLE + "\n\nShare this")
    other = minhash.signature(OTHER)
    assert minhash.is_duplicate(original, trimmed)
    assert minhash.is_duplicate(original, wrapped)
    assert not minhash.is_duplicate(original, other)
    assert minhash.containment(original, trimmed) > 0.9 > minhash.jaccard(original, trimmed)


def test_copies_share_band_keys_and_a_short_text_gets_none():
    original = minhash.signature(ARTICLE)
    wrapped = minhash.signature("Home | News\n\n" + ARTICLE)
    assert set(minhash.band_keys(original)) & set(minhash.band_keys(wrapped))
    assert not set(minhash.band_keys(original)) & set(minhash.band_keys(
        minhash.signature(OTHER)))
    assert len(minhash.band_keys(original)) == minhash.BANDS
    assert minhash.band_keys(minhash.signature("Too short to be a copy.")) == []


def test_a_signature_survives_the_store_round_trip():
    sig = minhash.signature(ARTICLE)
    back = minhash.Signature.from_bytes(sig.to_bytes(), sig.shingles)
    assert minhash.jaccard(sig, back) == 1.0 and back.shingles == sig.shingles


def test_reports_of_one_event_match_and_differing_ones_do_not():
    a = report("d1-e0", "d1")
    assert events.match(a, report("d2-e0", "d2", start="2022-11-15", end="2022-11-15"))
    assert events.match(a, report("d2-e0", "d2", type_="ACCUSE")) is None
    assert events.match(a, report("d2-e0", "d2", tgt=("rus-leader", "RUS"))) is None
    assert events.match(a, report("d2-e0", "d2", start="2024-04-26", end="2024-04-26")) is None
    assert events.match(a, report("d2-e0", "d2", words="farmers harvest wheat early")) is None


def test_sentence_words_are_content_words():
    words = events.sentence_words("And she has accepted that invitation to the summit.")
    assert words == {"accepted", "invitation", "summit"}
    assert not events.sentence_words("He has done that, and it was there then.")


def test_countries_alone_need_a_closer_sentence_than_resolved_actors():
    loose = "leaders met farmers wheat valley harvest"
    by_actor = report("d2-e0", "d2", words=loose)
    by_country = report("d2-e0", "d2", src=(None, "USA"), tgt=(None, "CHN"), words=loose)
    a = report("d1-e0", "d1")
    assert events.match(a, by_actor) is not None
    assert events.match(report("d1-e0", "d1", src=(None, "USA"), tgt=(None, "CHN")),
                        by_country) is None


def test_keys_of_matching_reports_meet_across_a_month_boundary():
    a = report("d1-e0", "d1", start="2022-10-31", end="2022-10-31")
    b = report("d2-e0", "d2", start="2022-11-01", end="2022-11-01")
    assert set(events.lookup_keys(a)) & set(events.keys(b))
    assert events.buckets("2022-01-01", "2022-12-31") == (["2021", "2022", "2023"], True)
    assert events.buckets(None, None) == (["undated"], False)


def test_a_report_dated_by_its_year_and_a_precise_one_meet_both_ways():
    year = report("d1-e0", "d1", start="2022-01-01", end="2022-12-31")
    day = report("d2-e0", "d2")
    assert set(events.lookup_keys(year)) & set(events.keys(day))
    assert set(events.lookup_keys(day)) & set(events.keys(year))
    assert events.match(year, day) is not None
    other_year = report("d3-e0", "d3", start="2023-05-02", end="2023-05-02")
    assert not set(events.lookup_keys(other_year)) & set(events.keys(day))


def test_each_report_joins_its_best_story_event_once():
    new = [report("d3-e0", "d3"), report("d3-e1", "d3")]
    candidates = {"d1-e0": [report("d1-e0", "d1")],
                  "d2-e4": [report("d2-e4", "d2", type_="ACCUSE")]}
    joined = events.assign(new, candidates)
    assert joined == {"d3-e0": "d1-e0"} or joined == {"d3-e1": "d1-e0"}
    assert events.assign([report("d1-e1", "d1")], candidates) == {}  # never its own document


def test_counts_take_a_copy_once_and_every_outlet():
    members = [("d1", None, "Wire", 2), ("d2", "d1", "Courier", 2), ("d3", None, None, 1)]
    assert events.counts(members) == {"num_mentions": 3, "num_articles": 2, "num_sources": 3}


def test_a_document_joins_a_close_story_and_starts_its_own_when_far():
    near = assign.Candidate("s1", events=1, words=0.0, actors=6.0, actor_share=1.0, gap_days=1)
    far = assign.Candidate("s2", events=0, words=0.0, actors=6.0, actor_share=1.0, gap_days=500)
    tied_by_events = assign.Candidate("s3", events=2, words=0.0, actors=0.0, actor_share=0.0,
                                      gap_days=500)
    weak = assign.Candidate("s4", events=0, words=0.05, actors=1.0, actor_share=0.2, gap_days=0)
    assert assign.best([near, far, weak]) == "s1"
    assert assign.best([far, weak]) is None
    assert assign.best([tied_by_events]) == "s3"
    assert assign.gap_days("2024-04-26", "2024-04-26", "2022-11-14", "2022-11-14") == 529
    assert assign.gap_days("2022-11-01", "2022-11-30", "2022-11-14", "2022-11-14") == 0


def test_actors_named_everywhere_tie_no_story_and_rare_ones_do():
    # a month of 200 documents: both candidates in most, a witness and a judge in three
    counts = {"|2016-09": 150, "|2016-10": 50, "candidate-a|2016-09": 140,
              "candidate-a|2016-10": 45, "candidate-b|2016-09": 120, "witness|2016-09": 3,
              "judge|2016-10": 3}
    rare = assign.rarities(["candidate-a", "candidate-b", "witness", "judge"], counts)
    assert rare["candidate-a"] < rare["candidate-b"] < assign.MIN_RARITY < rare["witness"]
    common = rare["candidate-a"] + rare["candidate-b"]
    own = sum(rare.values())
    by_candidates = assign.Candidate("s1", events=0, words=0.0, actors=common,
                                     actor_share=common / own, gap_days=2)
    by_witnesses = assign.Candidate("s2", events=0, words=0.0,
                                    actors=rare["witness"] + rare["judge"],
                                    actor_share=(rare["witness"] + rare["judge"]) / own,
                                    gap_days=2)
    assert assign.best([by_candidates]) is None
    assert assign.best([by_candidates, by_witnesses]) == "s2"
    assert assign.rarities(["witness"], {}) == {"witness": 0.0}  # nothing counted yet


def test_only_a_story_event_dated_within_a_week_ties_a_story():
    assert assign.precise("2016-09-26", "2016-09-26")
    assert assign.precise("2016-09-12", "2016-09-18")
    assert not assign.precise("2016-09-01", "2016-09-30")
    assert not assign.precise(None, None)


def test_actor_keys_reach_the_months_within_the_gap_only():
    stored = assign.actor_keys(["antony-blinken"], "2022-11-30")
    assert stored == ["antony-blinken|2022-11"]
    near = assign.actor_lookup_keys(["antony-blinken"], "2022-12-05", "2022-12-05")
    far = assign.actor_lookup_keys(["antony-blinken"], "2023-03-01", "2023-03-01")
    assert set(stored) & set(near) and not set(stored) & set(far)
    assert assign.actor_keys(["antony-blinken"], None) == []
    assert assign.key_actor(stored[0]) == "antony-blinken"


def test_a_story_event_is_compared_with_reports_of_each_type_among_its_members():
    mixed = {"se": [report("d1-e0", "d1", type_="ACCUSE"), report("d2-e0", "d2")]}
    assert events.assign([report("d3-e0", "d3")], mixed) == {"d3-e0": "se"}
    assert events.assign([report("d3-e0", "d3", type_="ACCUSE")], mixed) == {"d3-e0": "se"}
    assert events.assign([report("d3-e0", "d3", type_="REJECT")], mixed) == {}
