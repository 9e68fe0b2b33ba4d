"""Does a stated figure fit a ledger figure? The written precision and hedge decide, and say so.

A figure passes when the ledger value lies in the interval its written form stands for ("55 per
cent" is [54.5, 55.5)), widened by the ledger figure's own rounding where it is a printed
percentage. A hedge replaces the interval by its meaning ("more than 200,000"). A figure that misses
but is the true value cut short ("1.8" for 1.88) or one off in its last written digit is imprecise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from factcheck.extract.claims import Claim
from factcheck.kinds import Unit
from factcheck.ledger.facts import Fact
from factcheck.numbers import Qualifier

_EPS = 1e-9
SEAT_KINDS = frozenset({"seats", "seat_change", "majority_seats", "place_count"})


@dataclass(frozen=True)
class Outcome:
    passed: bool
    imprecise: bool
    rule: str


def compare(claim: Claim, fact: Fact) -> Outcome:
    assert claim.value is not None and claim.lo is not None and claim.hi is not None
    truth, slack = fact.value, fact.precision
    stated = claim.value
    if claim.relation == "magnitude":
        truth, stated = abs(truth), abs(stated)
    lo, hi = (abs(claim.lo), abs(claim.hi)) if claim.relation == "magnitude" else (claim.lo, claim.hi)
    lo, hi = min(lo, hi), max(lo, hi)
    half = (hi - lo) / 2
    percentish = claim.unit in (Unit.PERCENT, Unit.POINTS)
    tolerance = max(1.0, 0.03 * abs(stated)) if percentish else 0.05 * abs(stated)
    q = claim.qualifier
    shown = _show(truth, fact.unit)
    if q is Qualifier.MORE_THAN:
        return Outcome(truth + slack > stated + _EPS, False, f"'more than {claim.text}' {_holds(truth + slack > stated)} ({shown})")
    if q is Qualifier.AT_LEAST:
        return Outcome(truth + slack >= stated - _EPS, False, f"'at least {claim.text}' {_holds(truth + slack >= stated)} ({shown})")
    if q is Qualifier.LESS_THAN:
        return Outcome(truth - slack < stated - _EPS, False, f"'under {claim.text}' {_holds(truth - slack < stated)} ({shown})")
    if q is Qualifier.AT_MOST:
        return Outcome(truth - slack <= stated + _EPS, False, f"'up to {claim.text}' {_holds(truth - slack <= stated)} ({shown})")
    if q is Qualifier.ALMOST:
        # "almost 230,000": a little under the figure; a rounded figure's last step does not stretch "almost"
        ok = stated - tolerance - slack <= truth <= stated + min(half, tolerance / 2) + slack + _EPS
        return Outcome(ok, False, f"'{claim.mention.qualifier_text if claim.mention else 'almost'} {claim.text}' "
                                  f"{_holds(ok)} ({shown})")
    if q is Qualifier.JUST_OVER:
        ok = stated - min(half, tolerance / 2) - slack - _EPS <= truth <= stated + tolerance + slack
        return Outcome(ok, False, f"'just over {claim.text}' {_holds(ok)} ({shown})")
    if q is Qualifier.AROUND:
        ok = abs(truth - stated) <= max(half, tolerance) + slack + _EPS
        return Outcome(ok, False, f"'around {claim.text}' {_holds(ok)} ({shown})")
    if lo - slack - _EPS <= truth < hi + slack + _EPS or (hi == lo and abs(truth - stated) <= slack + _EPS):
        return Outcome(True, False, _precision_rule(claim, truth, fact))
    slip = _imprecision(claim, truth, stated)
    return Outcome(False, slip is not None, slip or f"{claim.text} is outside the rounding of {shown}")


def _holds(ok: bool) -> str:
    return "holds" if ok else "does not hold"


def _show(value: float, unit: Unit) -> str:
    if unit in (Unit.PERCENT,):
        return f"{value:.2f}%"
    if unit is Unit.POINTS:
        return f"{value:+.2f} points"
    return f"{value:,.0f}"


def _precision_rule(claim: Claim, truth: float, fact: Fact) -> str:
    m = claim.mention
    if claim.unit in (Unit.RANK, Unit.FLAG, Unit.COUNT) and (m is None or m.hi - m.lo <= 1):
        return "exact"
    if m is None:
        return "exact"
    width = m.hi - m.lo
    if claim.unit is Unit.VOTES and width <= 1:
        return "exact"
    if claim.unit in (Unit.PERCENT, Unit.POINTS):
        places = m.decimals
        return (f"{_show(truth, fact.unit)} rounds to {claim.text}"
                f" ({places} decimal place{'s' if places != 1 else ''})" if places else
                f"{_show(truth, fact.unit)} rounds to {claim.text} (whole number)")
    return f"{_show(truth, fact.unit)} is within the rounding of {claim.text}"


def _imprecision(claim: Claim, truth: float, stated: float) -> str | None:
    """Truncation or a one-digit slip in the last written place: close, but not what rounding gives."""
    m = claim.mention
    if m is not None and claim.unit is Unit.COUNT and claim.kind.value in SEAT_KINDS and m.hi - m.lo <= 1 \
            and abs(abs(truth) - abs(stated)) == 1:
        return f"{claim.text} is one off ({_show(truth, Unit.COUNT)})"  # a late declaration or the Speaker, often
    if m is None or claim.unit in (Unit.RANK, Unit.FLAG, Unit.COUNT):
        return None
    step = m.hi - m.lo
    if step <= 1 and claim.unit is Unit.VOTES:
        return None  # a count written in full must be exact
    if step <= 0:
        return None
    units = truth / step
    truncated = math.trunc(units + (1e-9 if units >= 0 else -1e-9)) * step
    if abs(truncated - stated) < step / 1000:
        return f"{claim.text} cuts {_show(truth, Unit.PERCENT if claim.unit is Unit.PERCENT else claim.unit)} short instead of rounding it"
    if m.decimals >= 1:
        correct = round(truth / step) * step
        if abs(abs(correct - stated) - step) < step / 1000:
            return f"{claim.text} is one off in its last digit ({_show(truth, claim.unit)})"
    return None
