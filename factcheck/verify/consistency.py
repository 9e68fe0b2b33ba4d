"""Internal consistency: figures in one article must agree with each other, ledger or no ledger.

Checks: the same figure stated twice with different values; first round + transfers = final; a
stated majority = the difference of the stated totals; a stated share = stated votes / stated total.
A clash is reported only where the ledger has not already flagged one of the figures involved, so
an editor sees each problem once, with both places.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from factcheck.extract.claims import Claim
from factcheck.kinds import Kind, Round
from factcheck.verify.findings import Finding, Place, Verdict

_REPEATABLE = frozenset({Kind.VOTES, Kind.SHARE, Kind.TRANSFERS, Kind.MARGIN_VOTES, Kind.MARGIN_POINTS,
                         Kind.TURNOUT, Kind.ELECTORATE, Kind.BALLOTS, Kind.REJECTED, Kind.VALID_VOTES,
                         Kind.CANDIDATES})
_ROUNDLESS = frozenset({Kind.TURNOUT, Kind.ELECTORATE, Kind.BALLOTS, Kind.REJECTED, Kind.VALID_VOTES,
                        Kind.CANDIDATES, Kind.TRANSFERS})


def _exact(c: Claim) -> bool:
    return c.value is not None and c.qualifier is None and c.lo is not None and not c.unsure


def _overlap(a: Claim, b: Claim) -> bool:
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    return a.lo < b.hi + 1e-9 and b.lo < a.hi + 1e-9


def _place(c: Claim) -> Place:
    return Place.model_construct(start=c.start, end=c.end, text=c.text)


def clashes(claims: Iterable[Claim], runoff: dict[str, bool]) -> list[tuple[Claim, tuple[Claim, ...], str]]:
    """(claim, the other claims it disagrees with, why), in text order."""
    # only figures the sentence pins down firmly: a clash between loosely read figures is a misreading
    claims = [c for c in claims if _exact(c) and c.election and c.readings and c.readings[0].firm]
    out: list[tuple[Claim, tuple[Claim, ...], str]] = []

    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind not in _REPEATABLE or c.relation:
            continue
        if c.kind not in _ROUNDLESS and runoff.get(c.election or "", False) and not c.round_explicit:
            continue  # "Khan won 1,013,721" and "Khan won 1,206,034" may be different rounds
        groups[(c.kind, c.round if c.kind not in _ROUNDLESS else None, c.subject, c.scope, c.election)].append(c)
    for group in groups.values():
        seen: dict[tuple, Claim] = {}  # one earlier claim per distinct written interval: repeats add nothing
        for later in group:
            for earlier in seen.values():
                if not _overlap(earlier, later):
                    out.append((later, (earlier,), f"{later.text} here, but {earlier.text} earlier in the article"))
                    break
            seen.setdefault((later.lo, later.hi), later)

    by_subject: dict[tuple, dict[str, Claim]] = defaultdict(dict)
    for c in claims:
        if len(c.subject) != 1 or c.scope:
            continue
        key = (c.subject, c.election)
        if c.kind is Kind.VOTES and c.round_explicit and c.round is Round.FIRST:
            by_subject[key].setdefault("first", c)
        elif c.kind is Kind.TRANSFERS:
            by_subject[key].setdefault("transfers", c)
        elif c.kind is Kind.VOTES and c.round_explicit and c.round is Round.FINAL:
            by_subject[key].setdefault("final", c)
    for parts in by_subject.values():
        if {"first", "transfers", "final"} <= set(parts):
            first, transfers, final = parts["first"], parts["transfers"], parts["final"]
            total = (first.value or 0) + (transfers.value or 0)
            if not (final.lo or 0) <= total < (final.hi or 0) + 1e-9:
                out.append((final, (first, transfers),
                            f"{first.text} + {transfers.text} = {total:,.0f}, but the total is given as {final.text}"))

    # votes in text order, so a margin looks only at the few stated just before it
    area_votes = sorted((v for v in claims if v.kind is Kind.VOTES and not v.scope and len(v.subject) == 1),
                        key=lambda v: v.start)
    starts = [v.start for v in area_votes]
    for c in claims:
        if c.kind is not Kind.MARGIN_VOTES or c.subject:
            continue
        window = area_votes[bisect.bisect_left(starts, c.sentence_start - 400):bisect.bisect_left(starts, c.start)]
        votes = [v for v in window if v.election == c.election
                 and (v.round == c.round or Round.UNSTATED in (v.round, c.round))]
        pair = _last_pair(votes)
        if pair:
            a, b = pair
            diff = abs((a.value or 0) - (b.value or 0))
            if not (c.lo or 0) <= diff < (c.hi or 0) + 1e-9:
                out.append((c, (a, b), f"{a.text} − {b.text} = {diff:,.0f}, but the margin is given as {c.text}"))

    totals = [c for c in claims if c.kind is Kind.VALID_VOTES and not c.scope]
    if totals:
        total = totals[0]
        for share in (c for c in claims if c.kind is Kind.SHARE and not c.scope and c.round is Round.FIRST):
            votes = next((v for v in claims if v.kind is Kind.VOTES and v.subject == share.subject
                          and v.election == share.election and v.round is Round.FIRST and not v.scope), None)
            if votes and total.value:
                computed = 100 * (votes.value or 0) / total.value
                if not (share.lo or 0) - 1e-9 <= computed < (share.hi or 0) + 1e-9:
                    out.append((share, (votes, total),
                                f"{votes.text} / {total.text} = {computed:.2f}%, but the share is given as {share.text}"))
    return out


def _last_pair(votes: list[Claim]) -> tuple[Claim, Claim] | None:
    for i in range(len(votes) - 1, 0, -1):
        a, b = votes[i - 1], votes[i]
        if a.subject != b.subject and abs(a.start - b.start) < 300:
            return a, b
    return None


def apply_consistency(findings: list[Finding], runoff: dict[str, bool]) -> list[Finding]:
    """Report a clash where the ledger could not judge: a figure it left unverifiable disagrees with another.

    Where the ledger has already flagged a figure, the clash adds nothing; where it supports every
    figure involved, the "clash" only means the figures were paired wrongly, so it is not reported.
    """
    by_claim = {id(f.claim): i for i, f in enumerate(findings)}
    verdicts = {id(f.claim): f.verdict for f in findings}
    out = list(findings)
    for claim, others, why in clashes([f.claim for f in findings], runoff):
        involved = [claim, *others]
        states = [verdicts[id(c)] for c in involved]
        if any(v in (Verdict.CONTRADICTED, Verdict.IMPRECISE) for v in states):
            continue
        open_ = [c for c in involved if verdicts[id(c)] is Verdict.UNVERIFIABLE]
        if not open_:
            continue
        target = claim if claim in open_ else open_[-1]
        rest = tuple(c for c in involved if c is not target)
        out[by_claim[id(target)]] = Finding.model_construct(claim=target, verdict=Verdict.CONTRADICTED, rule="internal consistency",
                                                            reason=why, related=tuple(_place(c) for c in rest))
        verdicts[id(target)] = Verdict.CONTRADICTED
    return out
