"""Accuracy on labelled articles, and how often planted errors are caught.

Sets scored (each printed on its own):
  eval-dev/london, eval-dev/uk-general   real news articles with gold labels (../shared/eval-dev, when present);
                                        their header line is removed, so the election must be inferred
  heldout3                              the team's blind held-out set, written before the rules were tuned
  heldout4                              a second blind held-out set, written without sight of the rules
  heldout5                              a third blind held-out set, written without sight of the rules
  claims, heldout, heldout2, shared     the team's own articles (tuned on: expect these to flatter)

Figures:
  coverage          checkable gold claims (supported, imprecise, contradicted) that got one of those verdicts
  accuracy          covered claims whose verdict equals gold
  contra P / R      precision and recall of `contradicted`; every false alarm and miss is listed with -v,
                    with the reading that caused it
  outside ledger    contradicted verdicts in articles about elections the ledger does not hold (must be 0)
  planted           figures the checker supported, moved (counts by thousands, or subtly by a few votes;
                    shares by points, or by a tenth) or swapped between two candidates, and re-checked:
                    the share flagged contradicted

Usage: python benchmarks/accuracy.py [--set NAME ...] [--no-planted] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.check import ArticleReport, Checker  # noqa: E402
from factcheck.ingest import Article, read_article  # noqa: E402

SHARED = ROOT.parent / "shared"
CHECKED = {"supported", "imprecise", "contradicted"}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    verdict: str
    kind: str
    unsure: bool = False


@dataclass
class Item:
    name: str
    article: Article
    claims: list[Gold]
    outside: bool = False  # about an election the ledger does not hold


@dataclass
class Score:
    checkable: int = 0
    covered: int = 0
    correct: int = 0
    gold_contra: int = 0
    hit_contra: int = 0
    tool_contra: int = 0
    true_contra: int = 0
    outside_contra: int = 0
    alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    planted: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    planted_misses: list[str] = field(default_factory=list)


# -- loading --------------------------------------------------------------------------------------------
def eval_dev(family: str) -> list[Item]:
    folder = SHARED / "eval-dev" / family
    items = []
    for path in sorted((folder / "articles").glob("*.txt")):
        gold_path = folder / "gold" / (path.stem + ".json")
        if not gold_path.exists():
            continue
        full = path.read_text(encoding="utf-8")
        cut = 0
        if full.startswith("# source:"):
            nl = full.find("\n\n")
            cut = nl + 2 if nl >= 0 else full.find("\n") + 1
        text = full[cut:]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        claims = []
        for c in gold["claims"]:
            pos = -1
            for _ in range(c["occurrence"]):
                pos = full.find(c["number"], pos + 1)
                if pos < 0:
                    break
            if pos < cut:
                continue
            claims.append(Gold(pos - cut, pos - cut + len(c["number"]), c["number"], c["gold"], c["kind"],
                               "UNSURE" in (c.get("note") or "")))
        article = Article.model_construct(path=path.name, source=text, text=text)
        items.append(Item(path.name, article, claims, outside=gold.get("election") is None))
    return items


def team_gold(name: str) -> list[Item]:
    items = []
    for entry in json.loads((ROOT / "benchmarks" / "gold" / f"{name}.json").read_text(encoding="utf-8")):
        ref = entry["article"]
        path = SHARED / "articles" / ref.split(":", 1)[1] if ref.startswith("shared:") else ROOT / ref
        if not path.exists():
            continue
        article = read_article(str(path))
        claims = []
        for c in entry["claims"]:
            start = _occurrence(article.source, c["text"], c.get("n", 1))
            if start is None:
                continue
            verdict = c.get("verdict", "unverifiable")
            if not c.get("checkable", True) and verdict in CHECKED:
                verdict = "unverifiable"
            claims.append(Gold(start, start + len(c["text"]), c["text"], verdict, c.get("kind", "")))
        items.append(Item(ref, article, claims, outside="election" in entry and entry["election"] is None))
    return items


def _occurrence(text: str, mention: str, n: int) -> int | None:
    pattern = re.compile(rf"(?<![\w,.]){re.escape(mention)}(?![\w]|[.,]\d)")
    for i, m in enumerate(pattern.finditer(text), start=1):
        if i == n:
            return m.start()
    return None


# -- scoring --------------------------------------------------------------------------------------------
def _spans(report: ArticleReport) -> list[tuple[int, int, object]]:
    assert report.article is not None
    return [(*report.article.to_source(f.claim.start, f.claim.end), f) for f in report.findings if not f.suppressed]


def _at(spans, start: int, end: int):
    return next((f for s, e, f in spans if s < end and start < e), None)


def _describe(f) -> str:
    c = f.claim
    who = ",".join(c.subject) or c.party or "-"
    return f"{f.verdict.value} as {c.label} of {who} in {c.election or '?'}: {f.reason or f.rule}"


def score_items(checker: Checker, items: list[Item], planted: bool) -> Score:
    s = Score()
    reports = checker.check_articles([i.article for i in items])
    for item, report in zip(items, reports):
        spans = _spans(report)
        for g in item.claims:
            if g.unsure:
                continue
            f = _at(spans, g.start, g.end)
            verdict = f.verdict.value if f else None
            context = item.article.source[max(0, g.start - 70):g.end + 40].replace("\n", " ")
            if g.verdict in CHECKED:
                s.checkable += 1
                if verdict in CHECKED:
                    s.covered += 1
                    s.correct += verdict == g.verdict
                    if verdict != g.verdict:
                        s.misses.append(f"{item.name}: {g.text!r} gold {g.verdict}, got {_describe(f)}"
                                        f"\n      … {context} …")
                else:
                    s.misses.append(f"{item.name}: {g.text!r} gold {g.verdict} ({g.kind}), got "
                                    + (_describe(f) if f else "no claim") + f"\n      … {context} …")
            if g.verdict == "contradicted":
                s.gold_contra += 1
                s.hit_contra += verdict == "contradicted"
        for start, end, f in spans:
            if f.verdict.value != "contradicted":
                continue
            g = next((g for g in item.claims if g.start < end and start < g.end), None)
            if g is not None and g.unsure:
                continue
            s.tool_contra += 1
            s.outside_contra += item.outside
            if g is not None and g.verdict == "contradicted":
                s.true_contra += 1
            else:
                context = item.article.source[max(0, start - 60):end + 30].replace("\n", " ")
                s.alarms.append(f"{item.name}: {f.claim.text!r} gold {g.verdict if g else 'unlabelled'}: "
                                f"{_describe(f)}\n      … {context} …")
        if planted:
            _plant(checker, item, report, spans, s)
    return s


def _plant(checker: Checker, item: Item, report: ArticleReport, spans, s: Score) -> None:
    """Planted errors in figures the checker supported: moved, moved subtly, or swapped between two candidates."""
    text = item.article.source
    ok = [(g, f) for g in item.claims if g.verdict == "supported" and not g.unsure
          for f in [_at(spans, g.start, g.end)] if f is not None and f.verdict.value == "supported"
          and f.claim.qualifier is None and not re.fullmatch(r"(?:19|20)\d\d", g.text)]
    trials: list[tuple[str, str, list[tuple[int, int, str]]]] = []
    for g, _ in ok:
        for family, subtle in (("shift", False), ("subtle", True)):
            new = _moved(g.text, subtle)
            if new:
                trials.append((family, text[:g.start] + new + text[g.end:], [(g.start, g.start + len(new), f"{g.text}->{new}")]))
    for i, (a, fa) in enumerate(ok):
        for b, fb in ok[i + 1:]:
            if (fa.claim.kind != fb.claim.kind or fa.claim.subject == fb.claim.subject or b.start - a.end > 150
                    or "\n" in text[a.end:b.start] or fa.expected == fb.expected):
                continue
            swapped = text[:a.start] + b.text + text[a.end:b.start] + a.text + text[b.end:]
            shift = len(b.text) - len(a.text)
            trials.append(("swap", swapped, [(a.start, a.start + len(b.text), f"{a.text}<->{b.text}"),
                                             (b.start + shift, b.end + shift, f"{b.text}<->{a.text}")]))
    if not trials:
        return
    mutants = checker.check_articles([_as_read(item, t) for _, t, _ in trials])
    for (family, _, spots), result in zip(trials, mutants):
        found = _spans(result)
        for start, end, what in spots:
            f = _at(found, start, end)
            s.planted[family][1] += 1
            if f is not None and f.verdict.value == "contradicted":
                s.planted[family][0] += 1
            else:
                s.planted_misses.append(f"{item.name}: {family} {what}: " + (_describe(f) if f else "no claim"))


def _as_read(item: Item, source: str) -> Article:
    """The altered article read the way the original was (HTML and Markdown are stripped again)."""
    suffix = Path(item.name).suffix
    if suffix not in (".html", ".htm", ".md", ".markdown"):
        return item.article.model_copy(update={"source": source, "text": source, "offsets": None})
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / f"mutant{suffix}"
        copy.write_text(source, encoding="utf-8")
        return read_article(str(copy)).model_copy(update={"path": item.name})


_NUM = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%| per cent|pc| percent)?$")


def _moved(number: str, subtle: bool) -> str | None:
    m = _NUM.match(number)
    if not m:
        return None
    whole, frac, unit = m.group(1), m.group(2) or "", m.group(3) or ""
    value = int(whole.replace(",", ""))
    if unit or frac:
        if not subtle:
            return f"{value + 3}{frac}{unit}"
        if not frac:
            return f"{value + 2}{unit}"
        digits = len(frac) - 1
        return f"{float(whole.replace(',', '') + frac) + 3 * 10 ** -digits:.{digits}f}{unit}"
    if value < 1000 or (subtle and value < 10_000):
        return None
    new = value + 8 if subtle else value + (7000 if value > 100_000 else 700)
    return f"{new:,}" if "," in whole else str(new)


def _pct(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


SETS = {
    "eval-dev/london": lambda: eval_dev("london"),
    "eval-dev/uk-general": lambda: eval_dev("uk-general"),
    "heldout3": lambda: team_gold("heldout3"),
    "heldout4": lambda: team_gold("heldout4"),
    "heldout5": lambda: team_gold("heldout5"),
    "claims": lambda: team_gold("claims"),
    "heldout": lambda: team_gold("heldout"),
    "heldout2": lambda: team_gold("heldout2"),
    "shared": lambda: team_gold("shared-articles"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", action="append", choices=sorted(SETS), help="score only these sets")
    parser.add_argument("--no-planted", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list false alarms, misses and missed plants")
    args = parser.parse_args()
    checker = Checker()
    for name in args.set or list(SETS):
        items = SETS[name]()
        if not items:
            print(f"{name}: not present")
            continue
        s = score_items(checker, items, planted=not args.no_planted)
        planted = {k: v for k, v in s.planted.items()}
        caught = sum(v[0] for v in planted.values())
        total = sum(v[1] for v in planted.values())
        print(f"{name}: {len(items)} articles  coverage {_pct(s.covered, s.checkable)}  accuracy "
              f"{_pct(s.correct, s.covered)}  contra P {_pct(s.true_contra, s.tool_contra)}  "
              f"R {_pct(s.hit_contra, s.gold_contra)}  outside-ledger contradicted {s.outside_contra}"
              + (f"  planted {_pct(caught, total)} [" + ", ".join(f"{k} {_pct(*v)}" for k, v in sorted(planted.items()))
                 + "]" if total else ""))
        if args.verbose:
            for line in s.alarms:
                print("  FALSE ALARM " + line)
            for line in s.misses:
                print("  MISS " + line)
            for line in s.planted_misses:
                print("  PLANT MISSED " + line)


if __name__ == "__main__":
    main()
