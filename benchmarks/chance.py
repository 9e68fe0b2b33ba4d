"""How often does a wrong figure land on some other official figure by chance?

The verifier lets a figure that matches *some* reading the sentence allows count as supported only when it is
precise enough that chance is implausible (an exact count of five or more digits, a share to two decimals), and
it treats a precise count within 3% of exactly one reading's figure as that figure misstated. This measures both
rules on the ledger itself:

  hit rate       a figure moved the way errors move (counts by hundreds or thousands, or by a few votes; shares
                 by points or tenths) lands inside the written interval of another figure of the same election
                 and unit: how often a wrong figure would be "rescued" by an unrelated reading
  near rate      two different candidates' counts in one contest lie within 3% of each other: how often a
                 misattributed count would pass for the other candidate's figure misstated

Usage: python benchmarks/chance.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.ledger.index import load_index  # noqa: E402

COUNT_MOVES = (-7000, -700, -8, 8, 700, 7000)
SHARE_MOVES = {2: (-0.03, 0.03, -0.3, 0.3, -3, 3), 1: (-0.3, 0.3, -2, 2, -3, 3), 0: (-2, 2, -3, 3)}
NEAR = 0.03


def _classes(value: float, unit: str) -> str:
    if unit == "votes":
        return "count >= 10,000" if value >= 10_000 else "count < 10,000"
    return "share"


def main() -> None:
    index = load_index()
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    near: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pairs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for eid in index.order:
        facts = [f for f in index.standard_facts(eid) if f.unit.value in ("votes", "percent")]
        counts = sorted({round(f.value) for f in facts if f.unit.value == "votes" and f.value >= 1000})
        shares = sorted({round(f.value, 2) for f in facts if f.unit.value == "percent"})
        for value in counts:
            for move in COUNT_MOVES:
                moved = value + move
                if moved <= 0:
                    continue
                key = _classes(value, "votes")
                hits[key][1] += 1
                hits[key][0] += any(abs(moved - other) < 0.5 for other in counts if other != value)
        for value in shares:
            for decimals, moves in SHARE_MOVES.items():
                half = 0.5 * 10 ** -decimals
                for move in moves:
                    moved = round(value + move, decimals)
                    key = f"share to {decimals} decimal{'s' if decimals != 1 else ''}"
                    hits[key][1] += 1
                    hits[key][0] += any(abs(moved - other) < half for other in shares if abs(other - value) > 1e-9)
        for kind, unit in (("votes", "votes"), ("share", "percent")):
            groups: dict[object, list[float]] = defaultdict(list)
            for f in facts:
                if f.kind.value == kind and len(f.subject) == 1:
                    groups[(f.scope, f.round)].append(f.value)
            for values in groups.values():
                for a in values:
                    for b in values:
                        if a == b:
                            continue
                        if unit == "votes" and a >= 10_000:
                            for move in COUNT_MOVES:
                                pairs["count >= 10,000 v one other reading"][1] += 1
                                pairs["count >= 10,000 v one other reading"][0] += abs(a + move - b) < 0.5
                        elif unit == "percent":
                            for move in SHARE_MOVES[2]:
                                pairs["share to 2 decimals v one other reading"][1] += 1
                                pairs["share to 2 decimals v one other reading"][0] += abs(round(a + move, 2) - b) < 0.005
        by_contest: dict[object, list[float]] = defaultdict(list)
        for f in facts:
            if f.kind.value == "votes" and f.unit.value == "votes" and len(f.subject) == 1 and f.value >= 10_000:
                by_contest[(f.scope, f.round)].append(f.value)
        for values in by_contest.values():
            for i, a in enumerate(values):
                for b in values[i + 1:]:
                    near["candidate pairs in one contest"][1] += 1
                    near["candidate pairs in one contest"][0] += abs(a - b) <= NEAR * max(a, b)
    print("moved figures landing on another figure of the same election (rescue by chance):")
    for key, (hit, total) in sorted(hits.items()):
        print(f"  {key:22} {hit / total:7.2%}  ({hit}/{total})")
    print("a moved figure landing on one particular other candidate's figure (the readings a sentence offers):")
    for key, (hit, total) in sorted(pairs.items()):
        print(f"  {key:40} {hit / total:7.3%}  ({hit}/{total})")
    print(f"counts of two candidates in one contest within {NEAR:.0%} of each other (near-miss by chance):")
    for key, (hit, total) in sorted(near.items()):
        print(f"  {key:30} {hit / total:7.2%}  ({hit}/{total})")


if __name__ == "__main__":
    main()
