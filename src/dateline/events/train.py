"""Derive the events stage's verb table from the CAMEO verb dictionary and CAMEO2PLOVER.

The PETRARCH2 dictionary (``CAMEO.2.0.txt``) groups verbs in blocks with a default CAMEO
code and verb+object patterns ("- * ACCUSATION [016] # DENOUNCE"); CAMEO2PLOVER-2021 maps
each CAMEO code to a PLOVER type and mode. The table written here keeps, per verb lemma
(and particle: "+LASH_OUT"), its default code and the patterns of that verb, each with the
words required before the verb (subject) and after it (objects, prepositions), and the
synonym sets the patterns name. A pattern belongs to the verb its comment names, in any
inflection ("# CALLED_OFF" under "+CALL_OFF"); a pattern without a comment to every verb of
its block, as PETRARCH reads a block of synonyms ("- * SANCTIONS" under BEEF_UP, STRENGTHEN).
A comment naming no verb of its block is a leftover of a merged block and is dropped
("- * ATTACK [190] # CONTINUE" under BLAME).
It also lists the nouns derived from those verbs ("condemn" -> condemnation, "threaten" ->
threat; see ``data/events/derivation.yaml``): news tells many events by a noun, which the
events stage codes as its verb would be.
Reproducible: ``make train-events`` rebuilds ``data/events/cameo_verbs.tsv`` byte for byte.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.events.ontology import ontology
from dateline.resources import load_yaml

HEADER = """\
# CAMEO verb patterns mapped to PLOVER, derived by dateline.events.train (make train-events)
# from PETRARCH2's CAMEO.2.0.txt (Open Event Data Alliance, MIT licence) and
# CAMEO2PLOVER-2021.txt (PLOVER, Open Event Data Alliance, CC BY-SA 4.0). Do not edit by hand.
# set  NAME  WORD...                          a synonym set (&NAME in a pattern)
# verb LEMMA PARTICLE CODE TYPE MODE SUBJECT OBJECT
#   CODE is the CAMEO code ("---": the pattern names no event); TYPE/MODE its PLOVER
#   category and mode ("-": none); SUBJECT/OBJECT the words required before/after the verb,
#   space-separated, each a word or &SET ("-": none); an entry without words is the default.
# noun LEMMA VERB                             a noun derived from a verb of the table
"""
NONE = "-"
CODE = re.compile(r"\[([-0-9:]+)\]")


@dataclass
class Block:
    code: str
    verbs: dict[str, str] = field(default_factory=dict)  # verb line word -> own code
    forms: dict[str, str] = field(default_factory=dict)  # any inflected form -> verb word
    patterns: list[tuple[list[str], list[str], str, str]] = field(default_factory=list)


def word(token: str) -> str:
    """A dictionary word as matched on the parse: lower case, "CASH_" -> "cash",
    "COMBAT_BRIGADES" -> "brigades" (the head of a multi-word form)."""
    token = token.strip("_").lower()
    return token.rsplit("_", 1)[-1]


def slots(words: list[str]) -> list[str]:
    """Pattern words without PETRARCH's markers ($ source, + target, ^ skip, % compound)."""
    out = []
    for raw in words:
        raw = raw.strip("(){}")
        if raw and raw not in ("$", "+", "^", "%"):
            out.append(raw.lower() if raw.startswith("&") else word(raw))
    return [s for s in out if s]


def parse(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    sets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current: list[str] | None = None
    in_verbs = False
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if line.startswith("####### VERB PATTERNS"):
            in_verbs, current = True, None
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not text.strip():
            current = None
            continue
        if not in_verbs:
            if text.startswith("&"):
                current = sets.setdefault(text.strip().lower(), [])
            elif text.startswith("+") and current is not None:
                current.append(word(text[1:].split()[0]))
            continue
        if text.startswith("---"):
            found = CODE.search(text)
            blocks.append(Block(code=found.group(1) if found else "---"))
        elif text.startswith("- ") and blocks:
            body, _, rest = text[2:].partition("[")
            code = rest.split("]", 1)[0].strip()
            comment = line.split("#", 1)[1].strip().split() if "#" in line else []
            before, _, after = body.partition("*")
            blocks[-1].patterns.append((slots(before.split()), slots(after.split()), code,
                                        comment[0].upper() if comment else ""))
        elif blocks:
            head = text.split("{", 1)[0]
            found = CODE.search(text)
            verb = head.split("[", 1)[0].strip().lstrip("+")
            if not verb or " " in verb:
                continue
            block = blocks[-1]
            block.verbs.setdefault(verb, found.group(1) if found else block.code)
            block.forms[verb] = verb
            inflected = re.search(r"\{([^}]*)\}", text)
            for form in (inflected.group(1).split() if inflected else []):
                block.forms.setdefault(form.lstrip("+"), verb)
    return sets, blocks


def plover_map(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode known to the ontology or None)."""
    onto = ontology()
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0]
        code, sep, rest = text.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        parts = [p.strip() for p in rest.split(",")]
        kind = parts[0]
        if kind not in onto.categories:
            continue
        mode = parts[1] if len(parts) > 1 and parts[1] in onto.modes(kind) else None
        table.setdefault(code.strip(), (kind, mode))
    for kind, spec in onto.categories.items():  # codes the ontology adopts (plover.yaml)
        for code in spec.get("adopted") or ():
            table.setdefault(code, (kind, None))
    return table


def plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None]:
    """The PLOVER type of a CAMEO code by its longest listed prefix; "---" if none."""
    code = code.split(":", 1)[0]
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return NONE, None


def inflections(verb: str) -> set[str]:
    """The regular inflections of a dictionary verb: "CALL" -> CALLS, CALLED, CALLING;
    "RULE" -> RULED, RULING; "PLAY" -> PLAYED; "CARRY" -> CARRIED; "SCRAP" -> SCRAPPED."""
    forms = {verb, verb + "S", verb + "ES", verb + "ED", verb + "D", verb + "ING"}
    if verb.endswith("E"):
        forms.add(verb[:-1] + "ING")
    if verb.endswith("Y"):
        forms |= {verb[:-1] + "IED", verb[:-1] + "IES"}
    if len(verb) > 2 and verb[-1] not in "AEIOUWXY" and verb[-2] in "AEIOU" and \
            verb[-3] not in "AEIOU":
        forms |= {verb + verb[-1] + "ED", verb + verb[-1] + "ING"}
    return forms


def owner(block: Block, who: str) -> str | None:
    """The verb of the block a pattern comment names: a listed form, else a regular
    inflection with the same particle ("CALLED_OFF" -> CALL_OFF); None if no verb."""
    if who in block.forms:
        return block.forms[who]
    head, _, particle = who.partition("_")
    return next((verb for verb in block.verbs if verb.partition("_")[2] == particle
                 and head in inflections(verb.partition("_")[0])), None)


def verb_key(verb: str) -> tuple[str, str]:
    """ "LASH_OUT" -> ("lash", "out"); "ACCUSE" -> ("accuse", "-")."""
    parts = verb.lower().split("_")
    return parts[0], (parts[1] if len(parts) == 2 and parts[1] else NONE)


def gerund(verb: str) -> str:
    """ "warn" -> warning, "accuse" -> accusing, "kidnap" -> kidnapping (a final consonant
    after one short vowel doubles; w, x and y never do)."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    vowels = "aeiou"
    if len(verb) >= 3 and verb[-1] not in vowels + "wxy" and verb[-2] in vowels and \
            verb[-3] not in vowels and sum(c in vowels for c in verb) == 1:
        return verb + verb[-1] + "ing"
    return verb + "ing"


def nouns_of(verb: str, known: dict[str, set[str]], rules: dict[str, Any]) -> list[str]:
    """The nouns a verb derives by the suffix rules that spaCy's lemmatizer lists as nouns
    (``known``, by part of speech); the gerund only where no suffix derives one. A noun
    shorter than its verb may be the adjective the verb was made of ("broad" of "broaden",
    where "threat" is what "threaten" was made of): such a noun must be no adjective. A
    verb listed as ``converted`` is also its own noun ("attack")."""
    found: list[str] = []
    for old, new in rules["suffixes"]:
        stem = verb[:len(verb) - len(old)]
        noun = stem + new
        if verb.endswith(old) and len(stem) >= 2 and noun in known["noun"] and noun != verb \
                and noun not in found and noun not in rules["wrong"] and not (
                    len(noun) < len(verb) and noun in known["adj"]):
            found.append(noun)
    if not found and rules["gerund"] and (noun := gerund(verb)) in known["noun"] and \
            noun not in rules["wrong"]:
        found.append(noun)
    if verb in rules["converted"]:
        found.append(verb)
    return found


def lemma_index() -> dict[str, set[str]]:
    """The noun and adjective lemmas spaCy's English lemmatizer knows (its WordNet index)."""
    from dateline.nlp import load

    index = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {pos: set(index[pos]) for pos in ("noun", "adj")}


def derive(cameo: Path, mapping: Path) -> str:
    sets, blocks = parse(cameo)
    table = plover_map(mapping)
    rows: list[str] = []
    seen: set[str] = set()
    for block in blocks:
        for verb, own in block.verbs.items():
            lemma, particle = verb_key(verb)
            if not lemma.isalpha() or (particle != NONE and not particle.isalpha()):
                continue
            entries = [([], [], own)]
            entries += [(before, after, code) for before, after, code, who in block.patterns
                        if not who or owner(block, who) == verb]
            for before, after, code in entries:
                kind, mode = plover(code, table) if code != "---" else (NONE, None)
                row = "\t".join(["verb", lemma, particle, code, kind, mode or NONE,
                                 " ".join(before) or NONE, " ".join(after) or NONE])
                if row not in seen:
                    seen.add(row)
                    rows.append(row)
    used = {s for row in rows for s in row.split("\t")[6:] for s in s.split() if s[0] == "&"}
    set_rows = [f"set\t{name}\t{' '.join(sorted(set(words)))}"
                for name, words in sorted(sets.items()) if name in used and words]
    known, rules = lemma_index(), load_yaml("events", "derivation.yaml")
    verbs = sorted({row.split("\t")[1] for row in rows})
    noun_rows = sorted(f"noun\t{noun}\t{verb}" for verb in verbs
                       for noun in nouns_of(verb, known, rules))
    return HEADER + "\n".join(set_rows + rows + noun_rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cameo", type=Path, help="PETRARCH2 CAMEO.2.0.txt")
    parser.add_argument("mapping", type=Path, help="CAMEO2PLOVER-2021.txt")
    parser.add_argument("out", type=Path, help="where to write the table")
    args = parser.parse_args()
    text = derive(args.cameo, args.mapping)
    args.out.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10) + 'verb')} verb entries, {text.count(chr(10) + 'noun')} nouns "
          f"-> {args.out}")


if __name__ == "__main__":
    main()
