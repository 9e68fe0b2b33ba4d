"""Who and what the official rows name: people, parties and constituencies as ledger ids and aliases.

People: one id per distinct person. The same full name in another year is the same person unless
their UK Parliament member (MNIS) ids differ; two candidates of one name in the same election are two
people, linked to earlier years only by member id. A person already in the hand-kept people.yaml
(a London mayoral candidate who later stood for Parliament) keeps that entry, matched by member id
or by name. Aliases: the name without accents, and the bare surname unless it is also an English word,
shorter than three letters, a first name others are printed with, a party, a place or a title (the
extractor resolves a bare surname by the contest it appears in).

Parties: an abbreviation listed under `hoc:` in parties.yaml means that party (so "Lab" is Labour
and Labour and Co-operative alike, with the ballot description kept); any other party is imported
by its MNIS party id with its printed names as aliases.

Constituencies: one id per official name, with the spellings the press uses: no official commas
("Sheffield Hallam") or brackets ("Richmond" for "Richmond (Yorks)" where no other seat reads the
same), "&" for "and", "St." for "St" and the name without accents.
"""

from __future__ import annotations

import re
import unicodedata

from factcheck.ledger.hoc.files import Candidacy
from factcheck.ledger.model import Constituency, Party, Person

# Surnames that are also everyday or political words: matched bare, they would name a person in
# "May", "Green", "Hall" or "Power" wherever the word is capitalised.
_COMMON = set("""
January February March April May June July August September October November December Monday Tuesday
Wednesday Thursday Friday Saturday Sunday Will Mark Bill Grant Hope Faith Joy Rose Long Little Young Best Power
Church Field Hall House Green Brown White Black Gray Grey Street Law Rich Sharp Strong Wise Bell Bird Fox Wood
Hill Lord King Major General Duke Prince Bishop Speaker Mayor Chancellor Minister Leader Member Reform Labour
Liberal Independent Alliance Union Party Britain England Scotland Wales Ireland London Parliament Commons Vote
Votes Seat Seats Majority Turnout Poll Polls Council Cabinet Justice Post Day Page Friend Love Gold Silver Stone
Banks Marsh Moss Lane West North South East English Welsh Irish Constable Sheriff Judge Dean Steward Worth Good
Noble Bold Brave Swift Free Money Cash Snow Frost Rain Winter Summer Spring Storm Bridge Brook Pool
""".split())


def fold(text: str) -> str:
    """Text without accents ("Siân" -> "Sian")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def slug(text: str) -> str:
    text = fold(text).lower().replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def repair(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("Ã\x81ine" -> "Áine"), which a few printed names suffer."""
    if "Ã" not in text:
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


class People:
    """Assigns person ids to candidacies, election by election in date order."""

    def __init__(self, curated: dict[str, Person]):
        self.curated = curated
        self.new: dict[str, Person] = {}
        self.mnis: dict[str, int | None] = {pid: p.mnis for pid, p in curated.items()}
        self.by_mnis = {p.mnis: pid for pid, p in curated.items() if p.mnis is not None}
        self.by_name: dict[str, list[str]] = {}
        for pid, p in curated.items():
            for key in {n.casefold() for n in (p.name, *p.aliases) if len(n.split()) > 1}:
                self.by_name.setdefault(key, []).append(pid)
        self.taken = set(curated)
        self.surnames: dict[str, str] = {}  # new person id -> surname as printed
        self.first_names: dict[str, int] = {}  # how often each first name is printed

    def assign(self, rows: list[Candidacy]) -> dict[int, str]:
        """Row id -> person id for one election's candidacies."""
        groups: dict[str, list[Candidacy]] = {}
        for row in rows:
            for word in repair(row.first).split():
                self.first_names[word] = self.first_names.get(word, 0) + 1
            groups.setdefault(repair(row.name).casefold(), []).append(row)
        out = {}
        for key, same in groups.items():
            for row in same:
                pid = self.by_mnis.get(row.mnis) if row.mnis else None
                if pid is None and len(same) == 1:
                    fits = [p for p in self.by_name.get(key, []) if self.mnis.get(p) in (None, row.mnis)]
                    pid = fits[0] if len(fits) == 1 else None
                if pid is None:
                    pid = self._create(row)
                if row.mnis and self.mnis.get(pid) is None:
                    self.mnis[pid] = row.mnis
                    self.by_mnis[row.mnis] = pid
                out[id(row)] = pid
        return out

    def _create(self, row: Candidacy) -> str:
        name = repair(row.name)
        base = slug(name) or "person"
        pid = base
        if pid in self.taken:
            suffix = str(row.mnis) if row.mnis else (row.dc or slug(row.constituency))
            pid = f"{base}-{suffix}"
            n = 2
            while pid in self.taken:
                pid, n = f"{base}-{suffix}-{n}", n + 1
        self.taken.add(pid)
        self.new[pid] = Person(name, hand_kept=False)
        self.surnames[pid] = " ".join(repair(row.surname).split())
        self.by_name.setdefault(name.casefold(), []).append(pid)
        return pid

    def _not_bare(self, surname: str, reserved: set[str]) -> bool:
        """Surnames not to match alone: words, names of parties and places, and first names ("David", "Owen"
        as in "David Cameron"), which a bare match would take for the surname of a candidate."""
        return _word_like(surname) or surname in reserved or self.first_names.get(surname, 0) >= 2

    def entries(self, reserved: set[str]) -> dict[str, Person]:
        """The imported people with their aliases; `reserved` are words that name something else."""
        out = {}
        for pid, person in self.new.items():
            aliases = []
            folded = fold(person.name)
            if folded != person.name:
                aliases.append(folded)
            surname = self.surnames[pid]
            bare = len(surname.split()) == 1
            if (surname and "(" not in surname and not (bare and self._not_bare(surname, reserved))
                    and surname.casefold() != person.name.casefold()):
                aliases.append(surname)
                if fold(surname) != surname:
                    aliases.append(fold(surname))
            out[pid] = Person(person.name, tuple(aliases), mnis=self.mnis.get(pid), hand_kept=False)
        return out


def _word_like(surname: str) -> bool:
    """An English word or a short one ("He", "Do", "May"): matched bare, it would name a person in ordinary prose."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return len(surname) < 3 or surname.lower() in STOP_WORDS or surname in _COMMON


def parties_for(candidacies: list[Candidacy], usual: dict[str, str], curated: dict[str, Party]
                ) -> tuple[dict[str, str], dict[str, Party]]:
    """MNIS party id -> ledger party id, and the parties to import (those parties.yaml does not know)."""
    by_code = {code: pid for pid, p in curated.items() for code in p.hoc}
    names: dict[str, list[str]] = {}
    for c in candidacies:  # in date order, so the last name is the current one
        listed = names.setdefault(c.mnis_party, [])
        if c.party_name in listed:
            listed.remove(c.party_name)
        listed.append(c.party_name)
    mapping: dict[str, str] = {}
    imported: dict[str, Party] = {}
    for mnis, code in usual.items():
        if code in by_code:
            mapping[mnis] = by_code[code]
            continue
        name = names[mnis][-1]
        pid = slug(name)
        if pid in curated or pid in imported:
            pid = f"{pid}-{mnis}"
        imported[pid] = Party(name, tuple(reversed(names[mnis])), hoc=(code,))
        mapping[mnis] = pid
    return mapping, imported


def press_forms(official: str) -> list[str]:
    """The ways the press writes a constituency's name, the official name first."""
    forms = [official]
    plain = re.sub(r"\s*,\s*", " ", official)
    bare = re.sub(r"\s*\([^)]*\)", "", plain).strip()
    for form in (plain, bare):
        for variant in (form, form.replace(" and ", " & "), re.sub(r"\bSt\b(?!\.)", "St.", form), fold(form)):
            if variant not in forms:
                forms.append(variant)
    return forms


def constituencies_for(official: dict[str, str]) -> dict[str, Constituency]:
    """Registry entries for constituency id -> latest official name; a spelling two seats share is dropped."""
    owners: dict[str, set[str]] = {}
    for cid, name in official.items():
        for form in press_forms(name):
            owners.setdefault(form.casefold(), set()).add(cid)
    out = {}
    for cid, name in official.items():
        aliases = [f for f in press_forms(name)[1:] if len(owners[f.casefold()]) == 1]
        out[cid] = Constituency(name, tuple(aliases))
    return out
