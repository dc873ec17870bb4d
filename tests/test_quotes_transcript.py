"""Interview transcripts: turn labels, garbled labels, label -> participant mapping."""

from __future__ import annotations

from dateline.quotes.transcript import find_labelled_turns, map_labels

HOST = {"name": "Nora Lind", "start": 0, "end": 9}
GUEST = {"name": "Minister Paul Okafor", "start": 20, "end": 40}

INTERVIEW = """Radio host Nora Lind spoke with Foreign Minister Paul Okafor in Lagos.

Nora Lind:

What did you tell the delegation about the harbour project this morning?

Pall. Oak leaf:

We told them the harbour will open next year, and that the funding is secured.

Interviewer :

And the critics who say the costs have doubled since the contract was signed?

Pall. Oak leaf:

The costs have risen, but I believe that every contract was published and audited.
"""


def test_label_lines_and_inline_labels_make_turns() -> None:
    turns = find_labelled_turns(INTERVIEW)
    labels = [INTERVIEW[t.label[0] : t.label[1]] for t in turns]
    assert labels == ["Nora Lind", "Pall. Oak leaf", "Interviewer", "Pall. Oak leaf"]
    inline = "Q: Will you run again?\nA: No, I will not.\nQ: Why not?\nA: It is time to rest."
    assert [inline[t.label[0] : t.label[1]] for t in find_labelled_turns(inline)] == [
        "Q", "A", "Q", "A"]


def test_a_lone_colon_line_is_not_a_transcript() -> None:
    assert find_labelled_turns("The minister listed three aims:\nGrowth, jobs and roads.") == []


def test_exact_names_and_turn_alternation_map_garbled_labels() -> None:
    mapping = map_labels(["Nora Lind", "Pall. Oak leaf", "Interviewer", "Pall. Oak leaf"],
                         [GUEST, HOST])
    assert mapping["nora lind"] == (HOST, 1.0)
    guest, sure = mapping["pall oak leaf"]
    assert guest is GUEST and 0.5 < sure < 1.0
    assert mapping["interviewer"][0] is HOST


def test_interview_turns_become_transcript_quotes(run) -> None:
    doc = run(INTERVIEW)
    turns = [q for q in doc.quotes if q["kind"] == "transcript"]
    assert len(turns) == 4
    by_label = {q["label"]: q for q in turns}
    assert by_label["Nora Lind"]["actor"] == "nora-lind"
    assert by_label["Nora Lind"]["confidence"] == 1.0
    assert by_label["Interviewer"]["actor"] == "nora-lind"
    okafor = by_label["Pall. Oak leaf"]
    assert okafor["actor"] and "okafor" in okafor["actor"]
    assert okafor["speaker"]["text"] == "Pall. Oak leaf"
    for q in turns:
        assert doc.text[q["start"] : q["end"]] == q["text"]
    belief = [q for q in doc.quotes if q["kind"] != "transcript" and q["speaker"]
              and q["speaker"]["text"] == "I"]
    assert belief and belief[0]["actor"] == okafor["actor"]  # "I" is whoever holds the turn


def test_section_headings_and_comment_threads_are_not_interviews(run) -> None:
    headings = ("Objective:\nTo measure how often the ferry ran late over the winter.\n"
                "Design:\nA count of departures from the harbour logbook kept by Nora Lind.\n"
                "Results:\nThe ferry ran late on twelve days out of ninety in the season.\n"
                "Conclusion:\nThe winter timetable should allow more time at the quay.\n"
                "Limitation:\nOne harbour only, and one winter of records from the logbook.\n")
    comments = ("Nice recipe from Paul Okafor.\n\n"
                "Ann Berg says:\nI made this twice and loved it.\n\n"
                "Tom Hale says:\nToo sweet for me, but the kids asked for more of it.\n\n"
                "Eva Lund says:\nCan I use brown sugar instead of white sugar in this?\n\n"
                "Max Roe says:\nWorked well with oat milk, thanks for the recipe.\n\n"
                "Ida Falk says:\nMine came out flat, maybe the oven was too hot today.\n")
    for text in (headings, comments):
        assert not [q for q in run(text).quotes if q["kind"] == "transcript"]
