"""The actor knowledge base: learning across documents, records, user overrides."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from dateline.actors.kb import ActorKB, Overrides
from dateline.errors import ConfigError
from dateline.model import Document
from test_actors_resolve import resolve


def test_a_later_document_naming_only_the_surname_gets_the_same_actor() -> None:
    kb = ActorKB()
    first = resolve("Italian Foreign Minister Carla Bertoni met students in Rome.", kb=kb,
                    published="2021-03-01")
    assert first.actor("carla-bertoni")["country"] == "ITA"
    second = resolve("Bertoni said the talks would continue.", kb=kb, published="2021-04-02")
    mention = next(m for m in second.mentions if m["text"] == "Bertoni")
    assert mention["actor"] == "carla-bertoni"
    actor = second.actor("carla-bertoni")
    assert actor["country"] == "ITA" and actor["sector"] == "GOV"
    assert "Foreign Minister" in actor["roles"]
    record = next(r for r in kb.records() if r["id"] == "carla-bertoni")
    assert record["first_seen"] == "2021-03-01" and record["last_seen"] == "2021-04-02"
    assert record["roles"][0]["role"] == "Foreign Minister"
    assert record["roles"][0]["docs"] == [first.id]
    assert {a["alias"] for a in record["aliases"]} >= {"Bertoni"}


def test_records_round_trip() -> None:
    kb = ActorKB()
    resolve("Kenyan Defense Minister Amos Wekesa visited the base.", kb=kb)
    again = ActorKB.from_records(kb.records())
    assert again.find("Wekesa", "person") == "amos-wekesa"
    assert again.get("amos-wekesa")["country"] == "KEN"


def test_an_ambiguous_alias_resolves_to_nothing() -> None:
    kb = ActorKB.from_records([
        {"id": "ana-silva", "name": "Ana Silva", "type": "person", "country": "BRA",
         "sector": None, "roles": [], "aliases": [{"alias": "Silva"}]},
        {"id": "rui-silva", "name": "Rui Silva", "type": "person", "country": "PRT",
         "sector": None, "roles": [], "aliases": [{"alias": "Silva"}]},
    ])
    assert kb.find("Silva", "person") is None
    assert kb.find("Ana Silva", "person") == "ana-silva"


def overrides_file(tmp_path: Path) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "merge:\n  - [tomas-kral, kral]\n"
        "split:\n  - {alias: Dover, from: james-dover, to: dover-town, name: Dover,"
        " type: group, country: GBR}\n"
        "correct:\n  tomas-kral: {country: CZE, sector: MIL}\n",
        encoding="utf-8")
    return path


def test_overrides_merge_split_correct(tmp_path: Path) -> None:
    kb = ActorKB(overrides=overrides_file(tmp_path))
    doc = resolve("Tomas Kral spoke on Monday. Later, Kral left. James Dover and Dover agreed.",
                  kb=kb)
    ids = {m["text"]: m["actor"] for m in doc.mentions}
    assert ids["Tomas Kral"] == ids["Kral"] == "tomas-kral"
    assert doc.actor("tomas-kral")["country"] == "CZE"
    assert doc.actor("tomas-kral")["sector"] == "MIL"
    assert ids["James Dover"] == "james-dover"
    assert ids["Dover"] == "dover-town"
    assert doc.actor("dover-town")["country"] == "GBR"


def test_overrides_from_the_environment_reach_the_stage(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.actors import ActorStage
    from dateline.settings import Settings

    monkeypatch.setenv("DATELINE_ACTOR_OVERRIDES", str(overrides_file(tmp_path)))
    stage = ActorStage(Settings.load())
    assert stage.kb.overrides.canonical("kral") == "tomas-kral"
    assert ActorStage(Settings()).kb.overrides.canonical("kral") == "kral"


def test_the_example_overrides_file_loads() -> None:
    path = Path(__file__).resolve().parents[1] / "src/dateline/data/actors"
    overrides = Overrides.load(path / "overrides.example.yaml")
    assert overrides.canonical("tony-blinken") == "antony-blinken"
    assert ("lloyd-austin", "Austin") in overrides.splits
    assert overrides.corrections["wang-yi"]["country"] == "CHN"
    doc = Document(id="x", source="x", raw="")
    overrides.apply(doc)
    assert doc.actors == []


def test_a_surname_only_actor_joins_the_full_name_seen_later() -> None:
    kb = ActorKB()
    resolve("The vote would be close, Okafor said.", kb=kb)
    assert kb.find("Okafor", "person") == "okafor"
    resolve("Nigerian Senator Chidi Okafor opened the debate.", kb=kb)
    assert kb.get("okafor")["id"] == "chidi-okafor"
    assert kb.find("Okafor", "person") == "chidi-okafor"
    later = resolve("The debate is closed, Okafor said.", kb=kb)
    assert later.actor("chidi-okafor")["country"] == "NGA"


def test_minimal_records_load_and_learn() -> None:
    kb = ActorKB.from_records([{"id": "ivo-petrov", "name": "Ivo Petrov", "type": "person"}])
    doc = resolve("Bulgarian Interior Minister Ivo Petrov resigned.", kb=kb,
                  published="2020-01-05")
    assert doc.actor("ivo-petrov")["country"] == "BGR"
    record = kb.get("ivo-petrov")
    assert record["roles"][0]["role"] == "Interior Minister"
    assert record["country"] == "BGR"


def test_a_title_alone_finds_the_latest_holder_in_the_kb() -> None:
    kb = ActorKB()
    resolve("Chilean Foreign Minister Rosa Vidal met envoys.", kb=kb, published="2019-02-01")
    resolve("Chilean Foreign Minister Diego Fuentes met envoys.", kb=kb, published="2021-06-01")
    doc = resolve("The Chilean foreign minister said the border was open.", kb=kb,
                  published="2021-07-01")
    mention = next(m for m in doc.mentions if "foreign minister" in m["text"])
    assert mention["actor"] == "diego-fuentes"
    assert mention["text"] == "Chilean foreign minister"
    alone = resolve("The foreign minister said the border was open.", kb=ActorKB())
    assert alone.mentions == []


@pytest.mark.parametrize(("content", "reason"), [
    ("merge: [unclosed", "actor overrides"),
    ("- just\n- a list\n", "expected merge / split / correct"),
    ("split:\n  - {alias: Austin, to: austin-texas}\n", "an entry lacks 'from'"),
])
def test_a_bad_overrides_file_is_one_clear_error(tmp_path, content, reason):
    path = tmp_path / "actors.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason) as caught:
        Overrides.load(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_missing_overrides_file_is_one_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="actor overrides .*missing.yaml"):
        Overrides.load(tmp_path / "missing.yaml")


def test_a_record_the_text_did_not_place_takes_the_documents_default() -> None:
    kb = ActorKB()
    doc = resolve("The United States and Washington pressed on. U.S. officials met in Ohio. "
                  "Congress passed the bill.", kb=kb, published="2021-05-01")
    assert next(a for a in doc.actors if a["id"] == "congress")["country"] == "USA"
    assert kb.get("congress")["country"] == "USA"  # stored with the record, not only the doc
    lone = resolve("Congress passed the bill on Monday.", kb=ActorKB())
    assert next(a for a in lone.actors if a["id"] == "congress")["country"] is None


def test_a_failed_document_teaches_nothing_and_a_kept_one_is_learned() -> None:
    """Learning inside a failing transaction is undone, down to the nested entries and the
    document lists it appended to; the same learning in a transaction that ends is kept."""
    kb = ActorKB()
    resolve("Portuguese Finance Minister Rui Tavares met bankers.", kb=kb,
            published="2022-05-02")
    before = copy.deepcopy(kb.records())
    later = resolve("Finance Minister Rui Tavares said Tavares would stay.",
                    kb=ActorKB.from_records(copy.deepcopy(before)), published="2022-06-01")
    with pytest.raises(RuntimeError), kb.transaction():
        kb.learn(later)
        assert kb.get("rui-tavares")["last_seen"] == "2022-06-01"
        raise RuntimeError("the store refused the document")
    assert kb.records() == before
    with kb.transaction():
        kb.learn(later)
    record = kb.get("rui-tavares")
    assert record["last_seen"] == "2022-06-01" and later.id in record["docs"]
    assert later.id in next(r for r in record["roles"] if r["role"] == "Finance Minister")["docs"]


def test_a_snapshot_copies_every_list_and_dict_and_shares_only_plain_values() -> None:
    from dateline.actors.kb import _snapshot

    record = {"docs": ["d1", "d2"], "roles": [{"role": "minister", "docs": ["d1"]}, "x"],
              "evidence": {"country": {"NOR": 1}}, "name": "Mara Quillon"}
    copy_ = _snapshot(record)
    assert copy_ == record
    record["docs"].append("d3")  # a plain list: copied, not shared
    record["roles"][0]["docs"].append("d3")  # a list of dicts and strings: copied deep
    record["evidence"]["country"]["NOR"] = 2
    assert copy_ == {"docs": ["d1", "d2"], "roles": [{"role": "minister", "docs": ["d1"]}, "x"],
                     "evidence": {"country": {"NOR": 1}}, "name": "Mara Quillon"}
