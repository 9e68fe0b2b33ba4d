"""Where a warm, in-process check spends its time: ms per article by stage, then the functions behind them.

Profiles the check of N articles (real prose from ../shared when present, else synthetic) with cProfile,
after a first pass so caches are warm, and prints the hot functions as ms per article, cumulative and own
time. Profiling slows Python code more than C code, so read the per-function figures as shares of the
stage totals above them (measured without the profiler).

Usage: python benchmarks/hotspots.py [--articles N] [--corpus real|synthetic] [--stage claims|verify|nlp|all] [--top K]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import realcorpus  # noqa: E402
from speed import machine, stages, write_corpus  # noqa: E402

from factcheck.check import Checker  # noqa: E402
from factcheck.ingest import read_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--corpus", choices=["real", "synthetic"], default="real" if realcorpus.available() else "synthetic")
    parser.add_argument("--stage", choices=["claims", "verify", "nlp", "all"], default="all")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    generate = realcorpus.generate if args.corpus == "real" else corpus.generate
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp) / "corpus", generate(args.articles, 1))
        checker = Checker()
        n = len(paths)
        figures = stages(checker, paths, repeat=3)
        print(f"\n{n:,} {args.corpus} articles, warm, ms per article by stage (best of 3, no profiler):")
        for stage, ms in figures.items():
            print(f"  {stage:8} {ms:7.2f}")
        print(f"  {'total':8} {sum(figures.values()):7.2f}")
        articles = [read_article(str(p)) for p in paths]
        mentions = list(checker.analyse([a.text for a in articles]))
        extractions = [checker.extract(a, m) for a, m in zip(articles, mentions)]
        work = {
            "nlp": lambda: list(checker.analyse([a.text for a in articles])),
            "claims": lambda: [checker.extract(a, m) for a, m in zip(articles, mentions)],
            "verify": lambda: [checker.verify(a, e) for a, e in zip(articles, extractions)],
        }
        chosen = list(work) if args.stage == "all" else [args.stage]
        profiler = cProfile.Profile()
        for stage in chosen:
            profiler.runcall(work[stage])
    stats = pstats.Stats(profiler)
    rows, regex = [], {}
    for (filename, line, function), (calls, _, own, cumulative, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if Path(filename).name != "hotspots.py":
            rows.append((cumulative, own, calls, _where(filename, line, function)))
        if filename == "~" and "re.Pattern" in function:  # regular expressions: charge them to their callers
            for caller, (_, caller_calls, caller_own, _) in callers.items():
                where = _where(*caller)
                before = regex.get(where, (0, 0.0))
                regex[where] = (before[0] + caller_calls, before[1] + caller_own)
    print(f"\nprofiled: {', '.join(chosen)}; ms per article under cProfile (inflated; compare within the table)")
    for title, key in (("by cumulative time", 0), ("by own time", 1)):
        print(f"\n{title}:\n{'cumulative':>11} {'own':>8} {'calls/article':>14}  function")
        for cumulative, own, calls, where in sorted(rows, key=lambda r: -r[key])[:args.top]:
            print(f"{1000 * cumulative / n:11.3f} {1000 * own / n:8.3f} {calls / n:14.1f}  {where}")
    print(f"\nregular expression time by calling function:\n{'ms':>11} {'calls/article':>23}  caller")
    for where, (calls, seconds) in sorted(regex.items(), key=lambda kv: -kv[1][1])[:args.top]:
        print(f"{1000 * seconds / n:11.3f} {calls / n:23.1f}  {where}")


def _where(filename: str, line: int, function: str) -> str:
    if filename == "~":
        return function  # a builtin, such as {method 'search' of 're.Pattern' objects}
    path = Path(filename)
    try:
        shown = path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        shown = "/".join(path.parts[-2:])
    return f"{shown}:{line}({function})"


if __name__ == "__main__":
    main()
