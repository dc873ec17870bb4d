"""The reference actor base shipped with the package: who is who, before any text says so.

Two data files: ``data/actors/reference.tsv`` (derived from the PETRARCH2 dictionaries by
``dateline.actors.train``; names, aliases, country/sector periods, agent nouns) and
``data/actors/office_holders.yaml`` (written for dateline: office holders since 2015 of the
G20 and main IGOs, with dates). Both are read once per process, on first use, and indexed
by a normalised name key. The resolver uses them only as a fallback: what the text says of
an actor wins. A name shared by entries of different countries answers nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from dateline.actors.countries import igos
from dateline.actors.titles import load_titles
from dateline.resources import load_text, load_yaml

_DROP = re.compile(r"^the |['’]s$|[^\w\s-]")
_DATED = re.compile(r"/\d{4}-")
_FINAL = re.compile(r"(?:ey|ei|iy|ii|y)\b")  # Sergey / Sergei, Dmitry / Dmitri
# The sector of armed groups, which the reference leaves without a country when they act
# across borders (see ``RefActor.stateless``).
STATELESS = {"REB"}


@lru_cache(maxsize=1 << 16)  # the same names are looked up again and again
def key(name: str) -> str:
    """The lookup form of a name: ASCII, lower case, no punctuation, transliteration-neutral."""
    text = name if name.isascii() else \
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.lower()
    text = _DROP.sub("", text.replace("-", " ").replace(".", " ").strip())
    return _FINAL.sub("i", " ".join(text.split()))


@dataclass(frozen=True)
class Period:
    """A country, sector and (for hand-written holders) role over dates; None is open."""

    country: str | None
    sector: str | None
    start: str | None
    end: str | None
    role: str | None = None

    def covers(self, date: str | None) -> bool:
        if date is None or (self.start is None and self.end is None):
            return self.start is None and self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass
class RefActor:
    """One reference entry: canonical name, identity aliases and periods."""

    name: str
    raw: str = ""  # the periods as the reference file writes them, parsed on first use
    same: set[str] = field(default_factory=set)  # keys that name this actor and no other
    _periods: list[Period] | None = None

    @property
    def periods(self) -> list[Period]:
        if self._periods is None:
            self._periods = [Period(*(None if v == "-" else v for v in p.split("/")))
                             for p in self.raw.split()]
        return self._periods

    @property
    def stateless(self) -> bool:
        """An armed group no period places in a country: one across borders (the Islamic
        State, al-Qaida). The reference leaves the country of international media and
        companies open too (Google), but they have one."""
        return bool(self.periods) and all(p.country is None and p.sector in STATELESS
                                          for p in self.periods)

    def at(self, date: str | None) -> tuple[str | None, str | None, list[str]]:
        """(country, sector, roles) on a date; out of office: the latest country, no sector."""
        current = [p for p in self.periods if p.covers(date)]
        if date is not None:
            current = [p for p in current if p.start or p.end] or current
        if current:
            country = next((p.country for p in current if p.country), None)
            sector = next((p.sector for p in current if p.sector), None)
            return country, sector, [p.role for p in current if p.role]
        dated = sorted((p for p in self.periods if p.country),
                       key=lambda p: (p.start or "", p.end or "9"))
        before = [p for p in dated if date is None or (p.start or "") <= date]
        chosen = before[-1] if before else (dated[0] if dated else None)
        return (chosen.country if chosen else None), None, []


def _identity(alias: str, name: str) -> bool:
    """An alias that names the same actor, not only one of the same code: a person's name
    variant (same last word) or an acronym of the name's capitalised words."""
    words, own = alias.split(), name.split()
    if not words or not own:
        return False
    if words[-1].lower() == own[-1].lower() and not any(w.lower() in TITLE_WORDS for w in words):
        return True
    initials = "".join(w[0] for w in own if w[:1].isupper())
    return len(words) == 1 and len(alias) >= 2 and alias.upper() == initials.upper()


TITLE_WORDS = {"president", "mr", "mrs", "ms", "senator", "minister", "secretary", "prime",
               "king", "queen", "general", "gen", "administration", "president-elect"}


class Reference:
    """Name key -> reference actors; agent noun -> sector."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[RefActor]] = {}
        self.agents: dict[str, str] = {}
        self._given: frozenset[str] | None = None
        for line in load_text("actors", "reference.tsv").splitlines():
            if line.startswith("#") or not line:
                continue
            kind, name, *rest = line.split("\t")
            if kind == "agent":
                self.agents[name] = rest[0]
                continue
            aliases = [a for a in rest[1].split("|") if a] if len(rest) > 1 else []
            self._add(RefActor(name, rest[0]), aliases)
        self._holders()

    def _add(self, actor: RefActor, aliases: list[str], identity: bool = False) -> None:
        actor.same.add(key(actor.name))
        for alias in aliases:
            if identity or _identity(alias, actor.name):
                actor.same.add(key(alias))
        for k in {key(actor.name), *(key(a) for a in aliases)}:
            if k:
                self.by_key.setdefault(k, []).append(actor)

    def _holders(self) -> None:
        data = load_yaml("actors", "office_holders.yaml")
        sectors = {t.role: t.sector for t in load_titles().values()}
        people: dict[str, RefActor] = {}
        for country, roles in data["holders"].items():
            for role, terms in roles.items():
                starts = [t.split(" ", 1) for t in terms]
                for i, (start, name) in enumerate(starts):
                    end = starts[i + 1][0] if i + 1 < len(starts) else None
                    if name not in people:  # PETRARCH's entry of the same name grows
                        same = [a for a in self.by_key.get(key(name), []) if name in a.name]
                        people[name] = same[0] if len(same) == 1 else RefActor(name)
                    actor = people[name]
                    home = "IGO" if sectors.get(role) == "IGO" or country in igos() \
                        else country
                    actor.periods.append(Period(home, sectors.get(role) or "GOV", start, end,
                                                role))
        for name, actor in people.items():
            aliases = data.get("aliases", {}).get(name, [])
            for k in {key(name), *(key(a) for a in aliases)}:  # these win over PETRARCH's
                self.by_key[k] = [a for a in self.by_key.get(k, []) if a is actor]
            actor.name = name
            self._add(actor, [*aliases, name.split()[-1]], identity=True)
            actor.same.discard(key(name.split()[-1]))  # a bare surname: per document

    @property
    def given_names(self) -> frozenset[str]:
        """First words that open more dated entries (people in office) than undated ones
        (mostly organisations): "Lester", "Kim", not "Supreme" or "National"."""
        if self._given is None:
            votes: Counter[str] = Counter()
            for actor in {id(a): a for found in self.by_key.values() for a in found}.values():
                words = actor.name.split()
                if len(words) > 1 and words[0].isalpha():
                    votes[words[0]] += 1 if _DATED.search(actor.raw) or actor._periods else -1
            self._given = frozenset(w for w, n in votes.items() if n > 0)
        return self._given

    def find(self, name: str) -> RefActor | None:
        """The one reference actor of that name (entries of one country count as one)."""
        found = self.by_key.get(key(name), [])
        if not found:
            return None
        countries = {a.at(None)[0] for a in found} - {None}
        named = [a for a in found if key(name) in a.same]
        if len(countries) > 1 and len({a.name for a in named}) != 1:
            return None
        return named[0] if named else found[0]

    def canonical(self, name: str) -> str | None:
        """The reference name this one is a variant of ("FBI" -> "Federal Bureau of
        Investigation", "Sergei Lavrov" -> "Sergey Lavrov"), or None."""
        actor = self.find(name)
        return actor.name if actor is not None and key(name) in actor.same else None


@lru_cache(maxsize=1)
def reference() -> Reference:
    """The reference base, loaded once per process."""
    return Reference()
