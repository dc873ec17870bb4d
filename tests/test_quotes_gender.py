"""Pronoun speakers that agree with their antecedent: he/she by gender, they by being a
group, on sentences written for these tests."""

from __future__ import annotations

from dateline.model import Document


def actor_of_quote(doc: Document, fragment: str) -> str | None:
    found = [q for q in doc.quotes if fragment in q["text"]]
    assert found, f"no quote containing {fragment!r} in {[q['text'] for q in doc.quotes]}"
    return found[0]["actor"]


def test_she_passes_over_a_man_subject_of_her_sentence(run) -> None:
    doc = run("Greta Lindgren, the chairwoman, met Jens Aalto on Monday.\n"
              'Mr. Aalto was asked about the harbour, and she responded: "The figures do '
              'not add up."')
    assert actor_of_quote(doc, "figures do not add up") == "greta-lindgren"


def test_without_gender_evidence_the_subject_of_her_sentence(run) -> None:
    doc = run("Liv Sandberg met Rolf Okonkwo on Monday.\n"
              'Okonkwo was asked about the harbour, and she responded: "The figures do not '
              'add up."')
    assert actor_of_quote(doc, "figures do not add up") == "rolf-okonkwo"


def test_she_is_not_the_last_speaker_when_he_is_a_man(run) -> None:
    doc = run("Britt Castell, the chairwoman, opened the hearing on the harbour.\n"
              '"We will hear everyone," Mr. Henrik Voss said.\n'
              '"The figures do not add up," she said.')
    assert actor_of_quote(doc, "figures do not add up") == "britt-castell"
    doc = run("Karin Dahl opened the hearing on the harbour.\n"
              '"We will hear everyone," Mathis Berger said.\n'
              '"The figures do not add up," she said.')
    assert actor_of_quote(doc, "figures do not add up") == "mathis-berger"  # as before


def test_they_is_a_group_that_spoke_not_a_person(run) -> None:
    doc = run('"The harbour will close in May," the Harbour Workers Union said.\n'
              '"We will appeal," Henrik Voss said.\n'
              '"The decision is final," they said.')
    assert actor_of_quote(doc, "decision is final") == actor_of_quote(doc, "harbour will close")
    doc = run('"We will appeal," Mathis Berger said.\n'
              '"The decision is final," they said.')
    assert actor_of_quote(doc, "decision is final") is None


def test_he_in_her_own_statement_is_not_her(run) -> None:
    def pronoun_speaker(doc: Document, word: str) -> str | None:
        return next(q["actor"] for q in doc.quotes if (q["speaker"] or {}).get("text") == word)

    doc = run("Congresswoman Signe Mattsson met the divers on Monday. "
              "Signe Mattsson said he believed the harbour was unsafe.")
    assert pronoun_speaker(doc, "he") != "signe-mattsson"
    doc = run("Signe Mattsson met the divers on Monday. "
              "Signe Mattsson said she believed the harbour was unsafe.")
    assert pronoun_speaker(doc, "she") == "signe-mattsson"
