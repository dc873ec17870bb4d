"""The learned cue table: training on a tiny PolNeAR-format split, and its use at run time."""

from __future__ import annotations

from pathlib import Path

from dateline.quotes.lexicon import Cues, load_cues
from dateline.quotes.train import count, gold_cues

TEXT = "The mayor insinuated that the budget was short. The mayor insinuated that taxes rise."


def write_split(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for n in range(3):
        (root / "text" / f"doc{n}.txt").write_text(TEXT, encoding="utf-8")
        first = TEXT.index("insinuated")
        second = TEXT.index("insinuated", first + 1)
        (root / "attributions" / f"doc{n}_ab12.ann").write_text(
            f"T1\tCue {first} {first + 10}\tinsinuated\n"
            f"T2\tCue {second} {second + 10}\tinsinuated\n",
            encoding="utf-8",
        )
    return root


def test_gold_cues_read_brat_fragments(tmp_path: Path) -> None:
    ann = tmp_path / "x_ab12.ann"
    ann.write_text("T1\tCue 4 8;10 12\tsaid so\nT2\tSource 0 3\tHe\n", encoding="utf-8")
    assert gold_cues(ann) == [(4, 8), (10, 12)]


def test_training_counts_cues_by_frame(tmp_path: Path) -> None:
    table = count(write_split(tmp_path / "polnear"))
    assert table["insinuate"]["ccomp"] == [6, 6]
    assert "be" not in table  # verbs never marked as cues are left out


def test_learned_cue_threshold() -> None:
    base = load_cues()
    cues = Cues(base.speech, base.belief, base.intention, base.prepositions, base.infinitive,
                base.gerund, base.direct_only, base.object,
                learned={"insinuate": {"ccomp": [6, 6], "none": [1, 40]}})
    assert cues.learned_cue("insinuate", "ccomp")
    assert not cues.learned_cue("insinuate", "none")
    assert not cues.learned_cue("walk", "ccomp")


def test_shipped_table_knows_common_cues() -> None:
    learned = load_cues().learned
    assert learned["say"]["ccomp"][0] > 100
    assert load_cues().learned_cue("say", "ccomp")
