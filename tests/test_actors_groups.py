"""Parties, a person's campaign or administration, and bare surnames shared in a family."""

from __future__ import annotations

from test_actors_resolve import actor_of, resolve


def record(doc, actor_id):
    return next(a for a in doc.actors if a["id"] == actor_id)


def test_party_names_and_members_plural_are_the_party() -> None:
    doc = resolve("Republicans in Congress blocked the bill. The GOP leadership said the "
                  "Democrats had no votes.\n")
    assert actor_of(doc, "Republicans") == actor_of(doc, "GOP") == "republican-party"
    assert actor_of(doc, "Democrats") == "democratic-party"
    party = record(doc, "republican-party")
    assert (party["type"], party["country"], party["sector"]) == ("organisation", "USA", "PTY")


def test_a_plural_two_parties_share_stays_unresolved() -> None:
    doc = resolve("The Conservatives lost seats while the Labour Party gained in Britain.\n")
    assert actor_of(doc, "Labour Party") == "labour-party"
    assert actor_of(doc, "Conservatives") is None


def test_a_persons_campaign_is_an_organisation_with_their_country() -> None:
    doc = resolve("Hillary Clinton spoke in Ohio on Monday. The Clinton campaign said it "
                  "would spend more there, and the Obama administration agreed.\n")
    campaign = actor_of(doc, "Clinton campaign")
    assert campaign == "hillary-clinton-campaign"
    rec = record(doc, campaign)
    assert (rec["type"], rec["country"], rec["sector"]) == ("organisation", "USA", "OPP")
    assert record(doc, actor_of(doc, "Obama administration"))["sector"] == "GOV"
    assert actor_of(doc, "Hillary Clinton") == "hillary-clinton"  # the person stays a person


def test_a_bare_surname_follows_pronoun_gender() -> None:
    doc = resolve("Donald Trump unveiled a plan on Monday. Ivanka Trump, his daughter, "
                  "helped write it. She said mothers would gain the most.\n\n"
                  "Trump said he would pay for it by cutting fraud.\n")
    assert actor_of(doc, "Trump") == "donald-trump"


def test_first_name_alone_tells_the_relative_apart() -> None:
    doc = resolve("Melania Trump spoke at the convention. Melania Trump praised Donald Trump. "
                  "Melania smiled at the crowd.\n\nTrump thanked the delegates.\n")
    assert actor_of(doc, "Melania") == "melania-trump"
    assert actor_of(doc, "Trump") == "donald-trump"


def test_without_a_first_name_alone_the_most_named_wins() -> None:
    doc = resolve("Melania Trump spoke at the convention. Melania Trump praised Donald Trump "
                  "and the delegates.\n\nTrump thanked the crowd.\n")
    assert actor_of(doc, "Trump") == "melania-trump"


def test_title_case_headline_ending_in_a_period_holds_no_new_person() -> None:
    doc = resolve("Clinton Plan for Taxes Is Expansive but Complex.\n\n"
                  "Hillary Clinton released her tax plan on Monday. Clinton said it was fair.\n")
    assert actor_of(doc, "Clinton") == "hillary-clinton"
    assert not any(a["id"] == "clinton-plan" for a in doc.actors)
    assert any(a["id"] == "hillary-clinton" for a in doc.actors)


def test_an_organisation_ending_in_a_surname_used_alone_is_that_person() -> None:
    from dateline.actors.entities import EntityFixer
    from dateline.actors.titles import TitleMatcher
    from dateline.nlp import load
    from dateline.settings import Settings

    nlp = load(Settings.load())
    fixer = EntityFixer(nlp, TitleMatcher(nlp))
    def labels(text: str, org: str, person: str) -> dict[str, str]:
        """``org`` tagged ORG where it first occurs, ``person`` PERSON where it last does."""
        sdoc = nlp(text)
        at = text.rindex(person)
        sdoc.ents = [sdoc.char_span(text.index(org), text.index(org) + len(org), label="ORG"),
                     sdoc.char_span(at, at + len(person), label="PERSON")]
        return {e.text: e.label_ for e in fixer(sdoc)}

    assert labels("Police shot Keith Lamont Scott on Tuesday. Scott was 43.",
                  "Keith Lamont Scott", "Scott"
                  )["Keith Lamont Scott"] == "PERSON"
    assert labels("Shares of the Trump Organization fell. Trump said nothing.",
                  "Trump Organization", "Trump"
                  )["Trump Organization"] == "ORG"
