"""Accuracy against hand-written gold annotations, and how often planted errors are caught.

Gold files (benchmarks/gold/*.json) list, per article, each result claim a reader would check: the
mention as written (and which occurrence), its kind and the right verdict; `checkable: false` marks
figures no ledger could check ("a city of over eight million"). Articles from ../shared/articles are
scored when that folder exists.

Figures printed:
  coverage            checkable gold claims that got a verdict other than unverifiable
  contradicted P / R  precision and recall of `contradicted` against gold
  verdict accuracy    gold claims whose verdict matches
  planted errors      supported numeric claims altered (counts by a few thousand, shares by three
                      points) and re-checked: the share flagged contradicted or imprecise

Usage: python benchmarks/accuracy.py [--gold DIR] [--no-planted]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.check import ArticleReport, Checker  # noqa: E402
from factcheck.ingest import read_article  # noqa: E402
from factcheck.numbers import NumUnit, find_numbers, format_like  # noqa: E402
from factcheck.verify.findings import Verdict  # noqa: E402

SHARED = ROOT.parent / "shared" / "articles"
PLANTABLE = {"votes", "share", "margin_votes", "margin_points", "transfers", "turnout", "electorate", "ballots",
             "rejected", "valid_votes", "share_change"}


def resolve_path(name: str) -> Path | None:
    if name.startswith("shared:"):
        path = SHARED / name.split(":", 1)[1]
        return path if path.exists() else None
    return ROOT / name


def occurrence_start(text: str, mention: str, n: int) -> int | None:
    """The n-th occurrence of the mention as a whole word or number ("20" is not inside "2021")."""
    pattern = re.compile(rf"(?<![\w,.]){re.escape(mention)}(?![\w]|[.,]\d)")
    for i, m in enumerate(pattern.finditer(text), start=1):
        if i == n:
            return m.start()
    return None


def finding_at(report: ArticleReport, start: int, mention: str):
    assert report.article is not None
    for f in report.findings:
        s, e = report.article.to_source(f.claim.start, f.claim.end)
        if s == start and report.article.source[s:e] == mention:
            return f
    return None


def score(checker: Checker, gold_files: list[Path], planted: bool) -> dict:
    totals = defaultdict(int)
    per_kind: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[str] = []
    plant_total = plant_caught = 0
    plant_misses: list[str] = []
    for gold_file in gold_files:
        for entry in json.loads(gold_file.read_text(encoding="utf-8")):
            path = resolve_path(entry["article"])
            if path is None:
                continue
            totals["articles"] += 1
            article = read_article(str(path))
            report = checker.check_articles([article])[0]
            matched_ids = set()
            for claim in entry["claims"]:
                kind, want = claim["kind"], claim["verdict"]
                start = occurrence_start(article.source, claim["text"], claim.get("n", 1))
                found = finding_at(report, start, claim["text"]) if start is not None else None
                got = found.verdict.value if found and not found.suppressed else ("suppressed" if found else "missing")
                if found is not None:
                    matched_ids.add(id(found))
                totals["gold"] += 1
                per_kind[kind]["gold"] += 1
                if claim.get("checkable", True):
                    totals["checkable"] += 1
                    per_kind[kind]["checkable"] += 1
                    if got not in ("unverifiable", "missing", "suppressed"):
                        totals["covered"] += 1
                        per_kind[kind]["covered"] += 1
                if got == want and (found is None or found.claim.kind.value == kind or want == "unverifiable"):
                    totals["correct"] += 1
                    per_kind[kind]["correct"] += 1
                else:
                    misses.append(f"{entry['article']}: {claim['text']!r} ({kind}) want {want}, got {got}"
                                  + (f" as {found.claim.kind.value}" if found else ""))
                if want == "contradicted":
                    totals["gold_contradicted"] += 1
                    if got == "contradicted":
                        totals["tp"] += 1
                if got == "contradicted" and want != "contradicted":
                    totals["fp"] += 1
            for f in report.findings:  # contradicted findings the gold does not list are false alarms
                if id(f) not in matched_ids and f.verdict is Verdict.CONTRADICTED and not f.suppressed:
                    totals["fp"] += 1
                    misses.append(f"{entry['article']}: unexpected contradicted {f.claim.text!r} ({f.claim.kind.value})")
            if planted:
                for claim in entry["claims"]:
                    if claim["verdict"] != "supported" or claim["kind"] not in PLANTABLE:
                        continue
                    start = occurrence_start(article.source, claim["text"], claim.get("n", 1))
                    altered = _plant(article.source, start, claim["text"])
                    if altered is None:
                        continue
                    plant_total += 1
                    result = checker.check_articles([_reread(path, altered)])[0]
                    hit = finding_at(result, start, altered[start:start + len(_replacement(claim["text"]) or "")])
                    if hit is not None and hit.verdict in (Verdict.CONTRADICTED, Verdict.IMPRECISE):
                        plant_caught += 1
                    else:
                        plant_misses.append(f"{entry['article']}: planted {_replacement(claim['text'])!r} for "
                                            f"{claim['text']!r} -> {hit.verdict.value if hit else 'missing'}")
    return {"totals": dict(totals), "per_kind": {k: dict(v) for k, v in per_kind.items()}, "misses": misses,
            "planted": (plant_caught, plant_total), "plant_misses": plant_misses}


def _reread(path: Path, source: str):
    """The altered article read the way the original was (Markdown and HTML keep their offsets)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name
        copy.write_text(source, encoding="utf-8")
        return read_article(str(copy)).model_copy(update={"path": str(path)})


def _replacement(mention: str) -> str | None:
    numbers = find_numbers(mention)
    if len(numbers) != 1:
        return None
    n = numbers[0]
    if n.unit is NumUnit.COUNT and n.hi - n.lo <= 1 and n.value >= 10_000:
        return format_like(n.value + 3_000, n)
    if n.unit is NumUnit.COUNT and n.value >= 1_000_000:
        # move well past the written rounding, so "a million" becomes "2 million", "1.2 million" "1.5 million"
        return format_like(n.value + max(0.25 * n.value, 2 * (n.hi - n.lo)), n)
    if n.unit in (NumUnit.PERCENT, NumUnit.POINTS) and not n.signed:
        return format_like(n.value + 3, n)
    if n.unit is NumUnit.PERCENT and n.signed:
        return format_like(n.value + (3 if n.value >= 0 else -3), n)
    return None


def _plant(source: str, start: int | None, mention: str) -> str | None:
    if start is None:
        return None
    replacement = _replacement(mention)
    if replacement is None or replacement == mention:
        return None
    return source[:start] + replacement + source[start + len(mention):]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "benchmarks" / "gold")
    parser.add_argument("--no-planted", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    checker = Checker()
    result = score(checker, sorted(args.gold.glob("*.json")), planted=not args.no_planted)
    t = result["totals"]
    print(f"articles scored:      {t.get('articles', 0)} (../shared/articles {'found' if SHARED.exists() else 'absent'})")
    print(f"gold claims:          {t.get('gold', 0)}")
    print(f"coverage:             {_pct(t.get('covered', 0), t.get('checkable', 0))}")
    print(f"contradicted precision: {_pct(t.get('tp', 0), t.get('tp', 0) + t.get('fp', 0))}")
    print(f"contradicted recall:  {_pct(t.get('tp', 0), t.get('gold_contradicted', 0))}")
    print(f"verdict accuracy:     {_pct(t.get('correct', 0), t.get('gold', 0))}")
    caught, planted = result["planted"]
    if planted:
        print(f"planted errors caught: {_pct(caught, planted)}")
    print("\nper kind                 gold  coverage   verdicts")
    for kind, k in sorted(result["per_kind"].items()):
        print(f"  {kind:20} {k.get('gold', 0):6}  {_pct(k.get('covered', 0), k.get('checkable', 0)):>16}  "
              f"{_pct(k.get('correct', 0), k.get('gold', 0)):>16}")
    if result["misses"] or (args.verbose and result["plant_misses"]):
        print("\nmisses:")
        for line in result["misses"] + (result["plant_misses"] if args.verbose else []):
            print("  " + line)


if __name__ == "__main__":
    main()
