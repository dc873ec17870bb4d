"""The actor knowledge base: what earlier documents taught, and the user's corrections.

``ActorKB`` lives in memory; the store persists it through plain records:

    kb = ActorKB.from_records(records, overrides="actors.yaml")
    Pipeline(actors={"kb": kb})  # the actors stage resolves with it; its commit learns
    records = kb.records()       # list of dicts, JSON-ready, to persist

``learn(doc)`` records only what the document itself showed (``doc.evidence``, kept by the
stage before it fills a document's actors from the KB), once the document is finished.

A record is ``{"id", "name", "type", "country", "sector", "first_seen", "last_seen",
"docs": [doc ids], "roles": [{"role", "first_seen", "last_seen", "docs"}],
"aliases": [{"alias", "first_seen", "last_seen", "docs"}],
"evidence": {"country": {"USA": 3, "GBR": 1}, "sector": {...}, "gender": {"f": 2}}}`` (how
many documents said each value; the record holds the best-supported one, ``support`` says how
sure; a person's ``gender`` is what the texts showed, see dateline.actors.gender), plus
``"merged_into": id`` when a surname-only actor ("biden") was later found to be a full-named
one ("joe-biden"); dates are the documents' ``published`` dates (ISO, or None when unknown).

User overrides (YAML; the ``actor_overrides`` setting, ``DATELINE_ACTOR_OVERRIDES``) are
applied at resolution time, after the document's own evidence:

    merge:                      # later ids become the first one
      - [antony-blinken, tony-blinken]
    split:                      # a name that must resolve to another (new) actor
      - {alias: Austin, from: lloyd-austin, to: austin-texas, name: Austin, type: group}
    correct:                    # fields that win over anything learned
      wang-yi: {country: CHN, sector: GOV, roles: [Foreign Minister], name: Wang Yi}

See ``data/actors/overrides.example.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from dateline.actors.ids import slug
from dateline.actors.names import core
from dateline.actors.reference import reference
from dateline.actors.references import merge_records, rewrite_ids
from dateline.errors import ConfigError
from dateline.model import Document

FIELDS = ("name", "type", "country", "sector")
EVIDENCE = ("country", "sector", "gender")  # fields the documents vote on


def support(record: dict[str, Any], field: str) -> float | None:
    """How sure the record's value of a field is: the share of the documents that said
    anything about it which said that value (None when none did)."""
    counts = (record.get("evidence") or {}).get(field) or {}
    total = sum(counts.values())
    return counts.get(record.get(field) or "", 0) / total if total else None


def _seen(entry: dict[str, Any], date: str | None, doc_id: str) -> None:
    if date:
        if not entry.get("first_seen") or date < entry["first_seen"]:
            entry["first_seen"] = date
        if not entry.get("last_seen") or date > entry["last_seen"]:
            entry["last_seen"] = date
    entry.setdefault("first_seen", None)
    entry.setdefault("last_seen", None)
    docs = entry.setdefault("docs", [])
    if doc_id not in docs:
        docs.append(doc_id)


def _snapshot(value: Any) -> Any:
    """A deep copy of a record (nested dicts and lists of plain values), to put back on
    rollback. Unlike ``copy.deepcopy`` it keeps no memo and copies a list's strings by
    reference: an actor's document lists grow with the corpus, and a record is journalled
    each time a document mentions it."""
    if isinstance(value, dict):
        return {key: _snapshot(item) for key, item in value.items()}
    if isinstance(value, list):
        if any(issubclass(kind, (dict, list)) for kind in set(map(type, value))):
            return [_snapshot(item) if isinstance(item, (dict, list)) else item
                    for item in value]
        return value.copy()  # plain values (a document list): copied at C speed
    return value


def _best(counts: dict[str, int]) -> str | None:
    """The value most documents said (the earlier one on a tie), None when none said any."""
    best = max(counts.values(), default=0)
    return next((v for v, n in counts.items() if n == best), None) if best else None


class Overrides:
    """The user's merge / split / correct instructions."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data or {}
        self.merged: dict[str, str] = {}
        for group in data.get("merge") or []:
            for other in group[1:]:
                self.merged[other] = group[0]
        self.splits: dict[tuple[str, str], dict[str, Any]] = {
            (s["from"], s["alias"]): s for s in data.get("split") or []
        }
        self.corrections: dict[str, dict[str, Any]] = data.get("correct") or {}

    @classmethod
    def load(cls, path: str | Path | None) -> Overrides:
        """The overrides file, or a ConfigError naming the file and what is wrong."""
        if not path:
            return cls()
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
            if data is not None and not isinstance(data, dict):
                raise TypeError("expected merge / split / correct sections")
            return cls(data)
        except (OSError, yaml.YAMLError, TypeError, KeyError, IndexError,
                AttributeError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if isinstance(exc, KeyError):
                reason = f"an entry lacks {exc}"
            raise ConfigError(f"actor overrides {path}: {reason}") from exc

    def canonical(self, actor_id: str) -> str:
        seen = set()
        while actor_id in self.merged and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.merged[actor_id]
        return actor_id

    def apply(self, doc: Document) -> None:
        """Rewrite the document's actor ids and records as the user asked."""
        rewrite_ids(doc, self.canonical)
        new_records: dict[str, dict[str, Any]] = {}
        for mention in doc.mentions:
            split = self.splits.get((mention["actor"], mention["text"]))
            if split is not None:
                mention["actor"] = split["to"]
                new_records[split["to"]] = {
                    "id": split["to"], "name": split.get("name", mention["text"]),
                    "type": split.get("type", "person"), "country": split.get("country"),
                    "sector": split.get("sector"), "roles": [], "aliases": [],
                }
        by_span = {(m["start"], m["end"]): m["actor"] for m in doc.mentions}
        for ent in doc.entities:
            if ent.get("actor"):
                ent["actor"] = by_span.get((ent["start"], ent["end"]), ent["actor"])
        actors = merge_records([*doc.actors, *new_records.values()])
        used = {m["actor"] for m in doc.mentions}
        for actor_id, record in actors.items():
            record.update(self.corrections.get(actor_id, {}))
        doc.actors = [r for r in actors.values() if r["id"] in used]


class ActorKB:
    """Actors, their aliases and roles, with when and where they were seen.

    What a document teaches is kept only if the document is kept: ``transaction()``
    journals every record and index entry that ``learn`` changes, and puts them back
    when the block fails (the ingest job wraps learning and storing one document in it).
    """

    def __init__(self, overrides: str | Path | None = None) -> None:
        self.overrides = Overrides.load(overrides)
        self.actors: dict[str, dict[str, Any]] = {}
        self.by_alias: dict[tuple[str, str], set[str]] = {}
        self.by_role: dict[str, set[str]] = {}
        self._journal: dict[str, dict[str, Any] | None] | None = None
        self._indexed: list[tuple[set[str], str]] = []

    @classmethod
    def from_records(cls, records: list[dict[str, Any]],
                     overrides: str | Path | None = None) -> ActorKB:
        kb = cls(overrides)
        for record in records:
            record = {"country": None, "sector": None, "roles": [], "aliases": [],
                      "evidence": {}, **record}
            record.setdefault("gender", _best((record["evidence"] or {}).get("gender") or {}))
            kb.actors[record["id"]] = record
            kb._index(record)
        return kb

    def records(self) -> list[dict[str, Any]]:
        return list(self.actors.values())

    # -- transactions ------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Keeps what the block learns, or undoes all of it when the block fails; a block
        inside an open transaction is part of it."""
        if self._journal is not None:
            yield
            return
        self._journal, self._indexed = {}, []
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        finally:
            self._journal = None

    def _touch(self, actor_id: str) -> dict[str, Any] | None:
        """The record about to change, journalled first when inside a transaction."""
        record = self.actors.get(actor_id)
        if self._journal is not None and actor_id not in self._journal:
            self._journal[actor_id] = _snapshot(record)
        return record

    def changed(self) -> set[str]:
        """Ids changed so far in the open transaction."""
        return set(self._journal or ())

    def _rollback(self) -> None:
        for actor_id, before in (self._journal or {}).items():
            if before is None:
                self.actors.pop(actor_id, None)
            else:
                self.actors[actor_id] = before
        for ids, actor_id in reversed(self._indexed):
            ids.discard(actor_id)
        self._indexed = []

    def _add_index(self, index: dict[Any, set[str]], key: Any, actor_id: str) -> None:
        ids = index.setdefault(key, set())
        if actor_id not in ids:
            ids.add(actor_id)
            if self._journal is not None:
                self._indexed.append((ids, actor_id))

    def _index(self, record: dict[str, Any]) -> None:
        for entry in record.get("roles", []):
            role = entry["role"] if isinstance(entry, dict) else entry
            self._add_index(self.by_role, role, record["id"])
        names = [record["name"], *(a["alias"] for a in record.get("aliases", []))]
        names += [core(name, record["type"]) for name in names]  # "NBC" for "NBC News"
        if record["type"] == "person":  # a later "Blinken" or "Wang" alone
            words = record["name"].split()
            names += [words[0], words[-1]] if len(words) > 1 else []
        for name in names:
            self._add_index(self.by_alias, (name.casefold(), record["type"]), record["id"])

    # -- reading -----------------------------------------------------------------

    def canonical(self, actor_id: str) -> str:
        """The id an actor goes by now: after learned merges, then the user's merges."""
        seen = set()
        while (record := self.actors.get(actor_id)) is not None and record.get("merged_into") \
                and actor_id not in seen:
            seen.add(actor_id)
            actor_id = record["merged_into"]
        return self.overrides.canonical(actor_id)

    def canonicalise(self, doc: Document) -> None:
        """Every actor reference of the document under the id its actor goes by now."""
        rewrite_ids(doc, self.canonical)

    def find(self, name: str, type_: str) -> str | None:
        """The one actor of that type known by this name, or None (unknown or ambiguous)."""
        ids = {self.canonical(i) for i in self.by_alias.get((name.casefold(), type_), ())}
        return next(iter(ids)) if len(ids) == 1 else None

    def salient(self, surname: str) -> str | None:
        """The person a bare surname means across the corpus when one person known by it
        has been seen in at least twice as many documents as any other, else None."""
        ids = {self.canonical(i) for i in self.by_alias.get((surname.casefold(), "person"), ())}
        counts = sorted(((len(self.actors[i].get("docs", [])), i) for i in ids
                         if i in self.actors and self.actors[i]["name"] != surname
                         and self.actors[i]["name"].split()[-1] == surname),
                        reverse=True)
        if counts and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
            return counts[0][1]
        return None

    def holder(self, role: str, country: str) -> dict[str, Any] | None:
        """The person of that country seen most recently with that role (None on a tie)."""
        seen = []
        for actor_id in self.by_role.get(role, ()):
            record = self.actors[actor_id]
            if record["type"] != "person" or record.get("merged_into"):
                continue
            current = self.get(record["id"]) or record
            if current.get("country") != country:
                continue
            for entry in current.get("roles", []):
                if isinstance(entry, dict) and entry.get("role") == role:
                    seen.append((entry.get("last_seen") or "", current))
        if not seen:
            return None
        seen.sort(key=lambda pair: pair[0], reverse=True)
        if len(seen) > 1 and seen[0][0] == seen[1][0]:
            return None
        return seen[0][1]

    def get(self, actor_id: str) -> dict[str, Any] | None:
        """The stored record with the user's corrections on top."""
        record = self.actors.get(self.canonical(actor_id))
        if record is None:
            return None
        return {**record, **self.overrides.corrections.get(record["id"], {})}

    def enrich(self, actor: dict[str, Any]) -> None:
        """Fill what the document did not say (country, sector, roles) from what is known."""
        known = self.get(actor["id"])
        if known is None:
            return
        for key in EVIDENCE:
            if not actor.get(key) and known.get(key):
                actor[key] = known[key]
        for role in known.get("roles", []):
            name = role["role"] if isinstance(role, dict) else role
            if name not in actor["roles"]:
                actor["roles"].append(name)

    def learn(self, doc: Document) -> None:
        """Add what a resolved document itself showed (its ``evidence``): actors, their
        names and roles, dated. Ids are taken canonical, so merged actors grow as one."""
        date = doc.published
        own = doc.evidence if doc.evidence is not None else doc.actors
        # what the document's defaults gave (a domestic body's home country): used only for
        # a record that neither the text nor the reference has placed
        placed = {self.canonical(a["id"]): a.get("country") for a in doc.actors}
        learned, counted = [], set()
        for actor in own:
            actor_id = self.canonical(actor["id"])
            self._touch(actor_id)
            record = self.actors.setdefault(actor_id, {
                "id": actor_id, "name": actor["name"], "type": actor["type"],
                "country": None, "sector": None, "roles": [], "aliases": [], "evidence": {}})
            if actor_id not in counted:  # one vote per document
                counted.add(actor_id)
                self._count(record, actor)
            entry = reference().find(record["name"]) if not record.get("country") else None
            if entry is not None:  # the shipped reference: the same on every run
                record["country"], sector, _ = entry.at(date)
                record["sector"] = record.get("sector") or sector
            record["country"] = record.get("country") or placed.get(actor_id)
            if len(actor["name"]) > len(record["name"]) and actor["type"] == record["type"]:
                record["name"] = actor["name"]
            _seen(record, date, doc.id)
            for role in actor.get("roles", []):
                entry = next((r for r in record["roles"] if r["role"] == role), None)
                if entry is None:
                    entry = {"role": role}
                    record["roles"].append(entry)
                _seen(entry, date, doc.id)
            learned.append(record)
        for mention in doc.mentions:
            actor_id = self.canonical(mention["actor"])
            if mention.get("kind") != "name" or actor_id not in self.actors:
                continue
            record = self._touch(actor_id)
            entry = next((a for a in record["aliases"] if a["alias"] == mention["text"]), None)
            if entry is None:
                entry = {"alias": mention["text"]}
                record["aliases"].append(entry)
            _seen(entry, date, doc.id)
        for record in learned:
            self._index(record)
            self._absorb_short_name(record)

    @staticmethod
    def _count(record: dict[str, Any], actor: dict[str, Any]) -> None:
        """One more document's word on the actor's country and sector; the record takes the
        value most documents support (the earlier one on a tie)."""
        evidence = record.setdefault("evidence", {})
        for field in EVIDENCE:
            if not actor.get(field):
                continue
            counts = evidence.setdefault(field, {})
            counts[actor[field]] = counts.get(actor[field], 0) + 1
            if counts.get(record.get(field) or "", 0) < max(counts.values()):
                record[field] = _best(counts)

    def _absorb_short_name(self, record: dict[str, Any]) -> None:
        """An earlier surname-only person ("Biden") joins the full name seen now ("Joe Biden")
        when that full name is the only person known by the surname."""
        words = record["name"].split()
        if record["type"] != "person" or len(words) < 2:
            return
        for short in {words[0], words[-1]}:
            other = self.actors.get(slug(short))
            if other is None or other["type"] != "person" or other["name"] != short:
                continue
            known_as = self.by_alias.get((short.casefold(), "person"), set()) - {other["id"]}
            if known_as == {record["id"]} and not other.get("merged_into"):
                self._touch(other["id"])["merged_into"] = record["id"]
