"""A derived or stored figure with its formula, inputs and sources: what a finding shows as evidence."""

from __future__ import annotations

import functools
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, field_serializer

from factcheck.kinds import Kind, Round, Unit

_WHOLE_UNITS = (Unit.VOTES, Unit.COUNT, Unit.RANK, Unit.FLAG)


def _whole(value: float) -> float | int:
    """Counts serialise as integers (828390, not 828390.0)."""
    return int(value) if float(value).is_integer() else value


class FactInput(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    label: str
    value: float
    sources: tuple[str, ...] = ()

    @field_serializer("value")
    def _serialize_value(self, value: float) -> float | int:
        return _whole(value)


class Fact(BaseModel):
    """One derived or stored figure, carrying everything a report needs to show where it came from."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    election: str
    kind: Kind
    round: Round | None = None
    subject: tuple[str, ...] = ()  # person ids (one candidate, or (ahead, behind) for margins) or a party id
    scope: str | None = None  # contest id; None for the whole electoral area or the whole election
    area: str | None = None  # nation or region a party total covers; None for the whole election
    place: int | None = None  # for counts of places ("came second in 98 seats"): the place
    variant: str | None = None
    value: float
    unit: Unit
    precision: float = 0.0  # half-width of a printed figure's rounding; 0 when exact
    formula: str  # how `value` was obtained, in numbers
    inputs: tuple[FactInput, ...] = ()
    sources: tuple[str, ...] = ()
    note: str | None = None

    @field_serializer("value")
    def _serialize_value(self, value: float) -> float | int:
        return _whole(value) if self.unit in _WHOLE_UNITS else value

    def derivation(self) -> str:
        """"161,210 = 828,390 − 667,180 (...)" for a computed figure, "828,390 (..., as published)" for a stored one."""
        if not self.inputs:
            return self.formula
        if any(op in self.formula for op in (" − ", " + ", " / ")):
            return f"{fmt(self.value, self.unit)} = {self.formula}"
        return f"{fmt(self.value, self.unit)} ({self.formula})"


def fmt(value: float, unit: Unit) -> str:
    """Figures as a report shows them: votes with separators, percentages to two places."""
    if unit in _WHOLE_UNITS:
        return f"{round(value):,}"
    if unit is Unit.POINTS:
        return f"{value:+.2f} points" if value < 0 else f"{value:.2f} points"
    return f"{value:.2f}%"


def percent_of(printed: Decimal) -> tuple[float, float]:
    """A printed percentage as (value, half-width of its last printed digit)."""
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return float(printed), 0.5 * 10.0**-places


def printed_mismatch(printed: Decimal, computed: float) -> str | None:
    """Why a printed percentage disagrees with the recomputed one at the printed precision, or None."""
    value, half = percent_of(printed)
    if abs(computed - value) <= half + 1e-9:
        return None
    return f"printed {printed}% but the figures give {computed:.2f}%"


def union_sources(*figures: FactInput) -> tuple[str, ...]:
    out: list[str] = []
    for f in figures:
        out.extend(s for s in f.sources if s not in out)
    return tuple(out)


_MISSING = object()


def memo(method):
    """Answers never change for a loaded ledger, so each question is computed once per view."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        value = self._answers.get(key, _MISSING)
        if value is _MISSING:
            value = self._answers[key] = method(self, *args, **kwargs)
        return value

    return wrapper


def entry(label: str, value: float, sources: tuple[str, ...]) -> FactInput:
    """An input figure; trusted internal values skip pydantic validation."""
    return FactInput.model_construct(label=label, value=value, sources=sources)
