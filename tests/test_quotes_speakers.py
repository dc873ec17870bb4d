"""Speaker choice for quotation-marked quotes, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document


def quote_with(doc: Document, fragment: str) -> dict:
    found = [q for q in doc.quotes if fragment in q["text"]]
    assert found, f"no quote containing {fragment!r} in {[q['text'] for q in doc.quotes]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a cue in the next paragraph never attributes the quote
        ('"We are not leaving," Mara Lindqvist said. "The harbour is ours."\n'
         "The port authority said it would inspect the docks.", "harbour is ours",
         "Mara Lindqvist"),
        # a wire dateline's place is never the speaker, though the parser makes it a subject
        ("Harbour board says sorry.\n\nPORTO NOVA, July 25 (UPI) — The harbour board "
         "released a statement on Monday, offering “a deep and sincere apology” to Sen. Ann "
         "Lee.", "deep and sincere", "The harbour board"),
        # a participle hanging off a name
        ('The new advert shows footage of Mara Lindqvist asking, "Who will pay for the '
         'harbour?"', "Who will pay", "Mara Lindqvist"),
        # the object of a non-speech verb does the infinitive
        ('The long delays have led the engineer Piet Vos to fear "a harbour without any '
         'ships at all."', "harbour without any ships", "Piet Vos"),
        # "brand" is a speech verb, like "call"
        ('The harbour board branded the new ferry schedule "a recipe for chaos" on Monday.',
         "recipe for chaos", "The harbour board"),
        # a share of those polled says things
        ('In the survey, 41 percent said the harbour board was "doing a poor job."',
         "doing a poor job", "41 percent"),
        # a quote sentence with no cue, after a sentence where a named person says something
        ('The harbour master, Piet Vos, called her the best engineer he had hired. "She '
         'never once missed a deadline in ten years."', "never once missed", "Piet Vos"),
        # "X, now the Y, who said ...": X
        ('The vote was delayed by Anna Roos, now the council leader, who said the plan '
         '"would bankrupt the harbour within a year."', "bankrupt the harbour", "Anna Roos"),
    ],
)
def test_speaker_span(run, text, fragment, speaker) -> None:
    q = quote_with(run(text), fragment)
    assert q["speaker"] and speaker in q["speaker"]["text"], q["speaker"]


def test_pronoun_takes_role_subject_of_its_own_sentence(run) -> None:
    doc = run("Mara Lindqvist spoke to the council for an hour about the harbour.\n"
              "The Harbour Authority spokesperson was asked about the dredging on Tuesday, "
              'and he responded: "We have nothing to hide from anyone."')
    q = quote_with(doc, "nothing to hide")
    assert q["speaker"]["text"] == "he"
    assert q["actor"] and "harbour-authority" in q["actor"]


def test_pronoun_takes_named_subject_over_far_antecedent(run) -> None:
    doc = run("Piet Vos opened the hearing on the harbour.\n"
              'Senator Anna Roos questioned him: "The figures you gave us do not add up," '
              "she said.")
    q = quote_with(doc, "figures you gave us")
    assert q["actor"] == "anna-roos"


@pytest.mark.parametrize(
    "text",
    [
        'In an interview on Channel Four’s "Meet the Harbour," Mara Lindqvist said the ferries '
        "would run again in May.",
        "Mara Lindqvist said on Monday that the clip of “Harbour Nights” would air in May.",
    ],
)
def test_titles_in_a_name_slot_are_not_quotes(run, text) -> None:
    doc = run(text)
    assert not [q for q in doc.quotes if q["kind"] == "direct"], doc.quotes


def test_nickname_is_not_a_quote(run) -> None:
    doc = run('Councillor Anna "Annie" Roos told the council: "We will vote against the plan."')
    assert [q["text"] for q in doc.quotes if q["kind"] == "direct"] == [
        "We will vote against the plan."]


def test_they_after_a_plural_subject_is_not_the_last_organisation(run) -> None:
    doc = run('The Harbour Board said the ferries would run. "We are ready," it said.\n'
              "The dock workers were furious on Monday. "
              '"Nobody asked us about the ferries," they said.')
    assert quote_with(doc, "Nobody asked us")["actor"] is None
    doc = run('The Harbour Board said the ferries would run. "We are ready," it said.\n'
              "The ferries were late again on Monday. "
              '"Nobody asked us about the ferries," they said.')
    assert quote_with(doc, "Nobody asked us")["actor"] == quote_with(doc, "We are ready")["actor"]


def test_he_takes_the_nearest_main_subject_of_his_gender_over_the_last_speaker(run) -> None:
    doc = run('Piet Vos said the "harbour is lost." The board met on Monday.\n\n'
              "But what does Tom Hale want from this? The vote shows the futility.\n\n"
              "Early in the year, he complained that the board had limited the ferries.")
    assert quote_with(doc, "had limited the ferries")["actor"] == "tom-hale"


def test_he_passes_over_a_name_inside_quotation_marks(run) -> None:
    doc = run('Piet Vos said the board was wrong. "Tom Hale never listens to us."\n\n'
              "Early in the year, he complained that the board had limited the ferries.")
    assert quote_with(doc, "had limited the ferries")["actor"] == "piet-vos"


def test_people_named_by_their_stance_towards_a_name_do_not_speak_as_it(run) -> None:
    text = ('WASHINGTON (AP) — Senator Bernie Vale of Vermont spoke in Washington on Monday. '
            '"He is the best candidate we have," {} said on Monday.')
    assert quote_with(run(text.format("Vale supporters")), "best candidate")["actor"] is None
    # people who serve the name speak for it
    assert quote_with(run(text.format("Vale aides")), "best candidate")["actor"] == "bernie-vale"
