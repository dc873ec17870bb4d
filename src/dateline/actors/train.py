"""Derive the reference actor base from the PETRARCH2 actor and agent dictionaries.

The Phoenix dictionaries (TABARI format) list actors as a name line (``VLADIMIR_PUTIN_``,
optionally ``[CODE]`` on the same line), ``+ALIAS`` lines, and code lines
(``\\t[RUSGOV 991231-080507]``, ``[USAGOV >090120]``, ``[USAELI]``); consecutive names with
no code of their own share the next code block. A code is a country (ISO3) or IGO/NGO/IMG
prefix followed by 3-letter type chunks; dates are YYMMDD or YYYYMMDD, ``>`` from, ``<``
until. ``Phoenix.agents.txt`` maps nouns ("MINISTER", "REBEL!PERSON!") to type codes, with
``!MACRO! = A, B`` substitutions. Type codes become dateline sectors through
``data/actors/petrarch_sectors.yaml``. Country-level entries are left out (the gazetteer in
``countries`` covers them). Reproducible: ``make train-actors`` rebuilds
``data/actors/reference.tsv`` byte for byte.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pycountry

from dateline.actors.titles import load_titles
from dateline.resources import load_yaml

HEADER = """\
# Reference actors derived by dateline.actors.train (make train-actors) from PETRARCH2's
# Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt
# and Phoenix.agents.txt (Open Event Data Alliance, MIT licence). Do not edit by hand.
# actor NAME PERIODS ALIASES   PERIODS: space-separated COUNTRY/SECTOR/FROM/TO ("-": none),
#                              the undated one is the default; ALIASES: "|"-separated
# agent NOUN SECTOR            a common noun naming members of a sector ("police" -> GOV)
"""
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
CODE = re.compile(r"\[([^\]]*)\]")
PREFIXES = {"IGO": ("IGO", "IGO"), "NGO": (None, "NGO"), "IMG": (None, "REB")}  # (country, sector)
SMALL = {"of", "the", "and", "for", "de", "del", "da", "al", "on", "in", "la", "du", "to"}
NONE = "-"


def display(phrase: str) -> str:
    """ "FEDERAL_BUREAU_OF_INVESTIGATION_" -> "Federal Bureau of Investigation"."""
    words = [w for w in phrase.strip("_ ").replace("_", " ").split() if w]
    if len(words) == 1 and (len(words[0]) <= 3 or not re.search(r"[AEIOUY]", words[0])):
        return words[0]
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in SMALL:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


def date(text: str) -> str | None:
    """ "090120" -> "2009-01-20", "19060101" -> "1906-01-01"; None when malformed."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit() or not ("01" <= text[4:6] <= "12"):
        return None
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def period(code: str, sectors: dict[str, str]) -> str | None:
    """ "RUSGOV 991231-080507" -> "RUS/GOV/1999-12-31/2008-05-07" (None if unusable)."""
    parts = code.split()
    if not parts or not parts[0].isalpha():
        return None
    body, start, end = parts[0].upper(), None, None
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = date(span[1:])
        elif span.startswith("<"):
            end = date(span[1:])
        elif "-" in span:
            a, _, b = span.partition("-")
            start, end = date(a), date(b)
        if start is None and end is None:
            return None
    country, default = None, None
    head = body[:3]
    if head in PREFIXES:
        (country, default), body = PREFIXES[head], body[3:]
    elif pycountry.countries.get(alpha_3=head) is not None:
        country, body = head, body[3:]
    sector = next((sectors[body[i:i + 3]] for i in range(0, len(body), 3)
                   if body[i:i + 3] in sectors), default)
    if country is None and sector is None:
        return None
    return "/".join([country or NONE, sector or NONE, start or NONE, end or NONE])


def untitled(name: str, titles: set[str]) -> str:
    """ "Secretary-General Ban Ki-Moon" -> "Ban Ki-Moon": an entry is named without its title."""
    words = name.split()
    for n in range(min(4, len(words) - 2), 0, -1):
        if " ".join(words[:n]).lower() in titles:
            return " ".join(words[n:])
    return name


def read_actors(path: Path, sectors: dict[str, str]) -> list[tuple[str, list[str], list[str]]]:
    """(name, periods, aliases) of every actor entry that is not a whole country."""
    titles = {form.lower() for form in load_titles()}
    entries: list[tuple[str, list[str], list[str]]] = []
    pending: list[tuple[str, list[str], list[str]]] = []  # names waiting for a code block

    def close() -> None:
        entries.extend(e for e in pending if e[1])
        pending.clear()

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t" or line.startswith("["):
            codes = [p for c in CODE.findall(line) if (p := period(c, sectors))]
            for _, periods, _ in pending:
                periods.extend(c for c in codes if c not in periods)
            continue
        if line.startswith("+"):
            if pending:
                alias = display(line[1:].split("[")[0])
                if alias and alias not in pending[-1][2]:
                    pending[-1][2].append(alias)
            continue
        if pending and pending[-1][1]:  # a new name after a code block: the block is done
            close()
        name, _, rest = line.partition("[")
        codes = CODE.findall("[" + rest) if rest else []
        if len(codes) == 1 and re.fullmatch(r"[A-Z]{3}", codes[0].strip()):
            continue  # a whole country: the gazetteer's business
        periods = [p for c in codes if (p := period(c, sectors))]
        if display(name):
            pending.append((untitled(display(name), titles), periods, []))
    close()
    return entries


def read_agents(path: Path, sectors: dict[str, str]) -> list[tuple[str, str]]:
    """(noun, sector) for every agent noun whose code names a sector."""
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "=" in line and line.startswith("!"):
            key, _, values = line.partition("=")
            macros[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = re.match(r"^([^\[]+)\[~?([A-Z]+)", line)
        if not match:
            continue
        code = match[2]
        sector = next((sectors[code[i:i + 3]] for i in range(0, len(code), 3)
                       if code[i:i + 3] in sectors), None)
        if sector is None:
            continue
        forms = [match[1].strip()]
        for key, values in macros.items():
            forms = [f.replace(key, v) for f in forms for v in (values if key in f else [""])]
        for form in forms:
            noun = form.replace("_", " ").strip().lower()
            if noun and noun not in out:
                out[noun] = sector
    return sorted(out.items())


def build(petrarch: Path) -> str:
    sectors = load_yaml("actors", "petrarch_sectors.yaml")
    lines = [HEADER]
    for name in ACTOR_FILES:
        for actor, periods, aliases in read_actors(petrarch / name, sectors):
            lines.append(f"actor\t{actor}\t{' '.join(periods)}\t{'|'.join(aliases)}\n")
    for noun, sector in read_agents(petrarch / "Phoenix.agents.txt", sectors):
        lines.append(f"agent\t{noun}\t{sector}\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("petrarch", type=Path, help="folder of the PETRARCH2 dictionaries")
    parser.add_argument("out", type=Path, help="the reference file to write")
    args = parser.parse_args()
    args.out.write_text(build(args.petrarch), encoding="utf-8")


if __name__ == "__main__":
    main()
