"""Typed mentions: what the NLP pipeline found in an article, as plain offsets.

spaCy objects stop at this boundary; everything downstream works on these models.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from factcheck.numbers import NumberMention


class EntityKind(StrEnum):
    PERSON = "person"
    PARTY = "party"
    CONSTITUENCY = "constituency"
    BOROUGH = "borough"
    AREA = "area"  # a nation or region ("Scotland", "the North East")


class EntityMention(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    start: int
    end: int
    text: str
    kind: EntityKind
    ids: tuple[str, ...]  # several when a bare surname fits more than one person ("Johnson")
    fuzzy: bool = False  # matched by spelling similarity, not an exact alias


class Sentence(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    start: int
    end: int


class Mentions(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    sentences: tuple[Sentence, ...]
    numbers: tuple[NumberMention, ...]
    entities: tuple[EntityMention, ...]
