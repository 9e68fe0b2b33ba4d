"""Names as people write them, taken from the ledger: who and what an alias can refer to.

A general election brings thousands of names, too many for spaCy's PhraseMatcher, which tokenises
every pattern when it is built (seconds per run). Aliases are instead indexed by their first word,
and `find` checks the few aliases that start with each word of the text: building the index is a
pass over the strings, and matching costs a dictionary look-up per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from factcheck.nlp.mentions import EntityKind
from factcheck.ledger.model import Registry
from factcheck.memory import paused_gc

# Words that may stand before a bare surname without being a different first name.
TITLES = frozenset(
    "Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir Dame Lord Lady Baroness Count Cllr Councillor Mayor Candidate "
    "Rival Challenger Incumbent Former Leader Deputy President Prime Minister MP".split()
)


class AliasTarget(NamedTuple):  # a tuple: tens of thousands are built per run, and tuples build fastest
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
    by_first_word: dict[str, list[str]] = field(default_factory=dict)  # first word -> aliases, longest first
    name_words: set[str] = field(default_factory=set)  # every word of a person's or party's alias

    def add(self, alias: str, target: AliasTarget) -> None:
        # typeset copy curls the apostrophe the ledger may keep straight ("O'Mara", "O’Mara"), and the reverse
        for spelling in {alias, alias.replace("'", "’"), alias.replace("’", "'")}:
            targets = self.aliases.get(spelling)
            if targets is None:
                self.aliases[spelling] = [target]
            elif target not in targets:
                targets.append(target)

    @classmethod
    def from_registry(cls, registry: Registry) -> NameTable:
        with paused_gc():
            return cls._build(registry)

    @classmethod
    def _build(cls, registry: Registry) -> NameTable:
        table = cls()
        add, new, person_kind = table.add, tuple.__new__, EntityKind.PERSON  # thousands of names: keep the loop lean
        words = table.name_words
        for pid, person in registry.people.items():
            for alias in (person.name, *person.aliases):
                bare = " " not in alias
                words.update(alias.split())
                add(alias, new(AliasTarget, (person_kind, pid, bare, False)))
                if not bare:
                    add(alias.upper(), new(AliasTarget, (person_kind, pid, False, False)))
                elif person.hand_kept:  # imported names are too many to match by spelling similarity
                    table.fuzzy_choices.setdefault(alias.lower(), []).append(pid)
            if person.not_in:
                table.not_in.extend((phrase, pid) for phrase in person.not_in)
        party_words: set[str] = set()
        for party_id, party in registry.parties.items():
            for alias in (party.name, *party.aliases):
                table.add(alias, AliasTarget(EntityKind.PARTY, party_id))
                party_words.update(alias.split())
            for code in party.codes:
                table.add(code, AliasTarget(EntityKind.PARTY, party_id, code=True))
        table.party_words = frozenset(party_words)
        words |= party_words
        for cid, constituency in registry.constituencies.items():
            for alias in (constituency.name, *constituency.aliases):
                table.add(alias, AliasTarget(EntityKind.CONSTITUENCY, cid))
                if len(alias) > 6:  # results lists head each seat in capitals ("KENSINGTON"); short ones may be words
                    table.add(alias.upper(), AliasTarget(EntityKind.CONSTITUENCY, cid))
            for borough in constituency.boroughs:
                table.add(borough, AliasTarget(EntityKind.BOROUGH, f"{cid}:{borough}"))
        for aid, area in registry.areas.items():
            for alias in (area.name, *area.aliases):
                table.add(alias, AliasTarget(EntityKind.AREA, aid))
        for alias in table.aliases:
            table.by_first_word.setdefault(first_word(alias, 0), []).append(alias)
        for aliases in table.by_first_word.values():
            aliases.sort(key=len, reverse=True)
        return table

    def find(self, text: str, starts: list[int], ends: dict[int, int]) -> list[tuple[int, int, str]]:
        """Every alias occurrence that starts and ends on token boundaries: (first token, last token, alias).

        `starts` are the tokens' character offsets; `ends` maps a token's end offset to its index."""
        out = []
        index = self.by_first_word
        for i, start in enumerate(starts):
            for alias in index.get(first_word(text, start), ()):
                last = ends.get(start + len(alias))
                if last is not None and text.startswith(alias, start):
                    out.append((i, last, alias))
        return out

    def blocked_ranges(self, text: str) -> list[tuple[int, int, str]]:
        """Where a not_in phrase occurs: an alias inside it does not name that person."""
        out = []
        for phrase, pid in self.not_in:
            for m in re.finditer(re.escape(phrase), text):
                out.append((m.start(), m.end(), pid))
        return out


_WORD = re.compile(r"\w+")


def first_word(text: str, start: int) -> str:
    """The run of word characters at `start` (or the one character there): the key aliases are indexed by."""
    m = _WORD.match(text, start)
    return m.group(0) if m else text[start:start + 1]


# Words that open a sentence before a surname without being a first name ("Eventually Khan received ...").
SENTENCE_OPENERS = frozenset({
    "After", "Also", "Although", "And", "As", "Before", "But", "Despite", "Earlier", "Elsewhere", "However",
    "Instead", "Later", "Meanwhile", "Now", "Overall", "Since", "So", "Still", "Then", "Though", "Today", "Tonight",
    "When", "While", "Yesterday", "Yet"})


def looks_like_other_first_name(previous: str, table: NameTable) -> bool:
    """Whether a capitalised word before a bare surname is someone else's first name ("Jeremy Corbyn")."""
    return (
        previous[:1].isupper()
        and previous.isalpha()
        and previous not in TITLES
        and previous not in table.party_words
        and previous not in SENTENCE_OPENERS
        and not (len(previous) >= 8 and previous.endswith("ly"))  # "Eventually", "Ultimately"; no first name
        and not previous.isupper()
    )
