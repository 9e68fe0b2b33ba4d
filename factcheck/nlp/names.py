"""Names as people write them, taken from the ledger: who and what an alias can refer to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extract.mentions import EntityKind
from factcheck.ledger.model import Registry

# Words that may stand before a bare surname without being a different first name.
TITLES = frozenset(
    "Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir Dame Lord Lady Baroness Count Cllr Councillor Mayor Candidate "
    "Rival Challenger Incumbent Former Leader Deputy President Prime Minister MP".split()
)


@dataclass(frozen=True)
class AliasTarget:
    kind: EntityKind
    id: str
    bare: bool = False  # a single word: trusted only where no other first name precedes it
    code: bool = False  # a short party code: trusted only in brackets


@dataclass
class NameTable:
    """Every alias in the ledger, mapped to what it can name."""

    aliases: dict[str, list[AliasTarget]] = field(default_factory=dict)
    not_in: list[tuple[str, str]] = field(default_factory=list)  # (phrase, person id)
    party_words: frozenset[str] = frozenset()
    fuzzy_choices: dict[str, list[str]] = field(default_factory=dict)  # lowercased surname -> person ids

    def add(self, alias: str, target: AliasTarget) -> None:
        targets = self.aliases.setdefault(alias, [])
        if target not in targets:
            targets.append(target)

    @classmethod
    def from_registry(cls, registry: Registry) -> NameTable:
        table = cls()
        for pid, person in registry.people.items():
            for alias in (person.name, *person.aliases):
                bare = len(alias.split()) == 1
                table.add(alias, AliasTarget(EntityKind.PERSON, pid, bare=bare))
                if not bare:
                    table.add(alias.upper(), AliasTarget(EntityKind.PERSON, pid))
                else:
                    table.fuzzy_choices.setdefault(alias.lower(), []).append(pid)
            table.not_in.extend((phrase, pid) for phrase in person.not_in)
        words: set[str] = set()
        for party_id, party in registry.parties.items():
            for alias in (party.name, *party.aliases):
                table.add(alias, AliasTarget(EntityKind.PARTY, party_id))
                words.update(alias.split())
            for code in party.codes:
                table.add(code, AliasTarget(EntityKind.PARTY, party_id, code=True))
        table.party_words = frozenset(words)
        for cid, constituency in registry.constituencies.items():
            for alias in (constituency.name, *constituency.aliases):
                table.add(alias, AliasTarget(EntityKind.CONSTITUENCY, cid))
            for borough in constituency.boroughs:
                table.add(borough, AliasTarget(EntityKind.BOROUGH, f"{cid}:{borough}"))
        return table

    def blocked_ranges(self, text: str) -> list[tuple[int, int, str]]:
        """Where a not_in phrase occurs: an alias inside it does not name that person."""
        out = []
        for phrase, pid in self.not_in:
            for m in re.finditer(re.escape(phrase), text):
                out.append((m.start(), m.end(), pid))
        return out


def looks_like_other_first_name(previous: str, table: NameTable) -> bool:
    """Whether a capitalised word before a bare surname is someone else's first name ("Jeremy Corbyn")."""
    return (
        previous[:1].isupper()
        and previous.isalpha()
        and previous not in TITLES
        and previous not in table.party_words
        and not previous.isupper()
    )
