"""Speed and memory of `factcheck check`, per corpus, measured in one run and printed as tables.

Corpora: synthetic articles generated from the ledger (benchmarks/corpus.py), and, when ../shared is
present, distinct real-prose articles recombined from its paragraphs (benchmarks/realcorpus.py; written to
a temporary folder and deleted afterwards, never stored in the project).

Per corpus:
  throughput   articles/s and tokens/s of `check` against spaCy's tokenizer alone and against
               spacy.blank("en") + sentencizer, on the same files: in one process after a first pass (warm,
               best of N) and as whole processes from a cold start (median of N)
  stages       ms per article for ingest, nlp, claims, verify and render (warm, best of N)
  cold start   `factcheck check one.txt` against `python -c "import spacy"`; `factcheck --version`
  jobs         wall time of `factcheck check DIR --jobs 1` against `--jobs 2`, and their CPU time (on a busy
               machine the CPU time bounds what idle cores would give)
  memory       peak RSS of `factcheck check DIR` for 1,000 and 10,000 articles

Usage: python benchmarks/speed.py [--articles N] [--corpus synthetic|real|both] [--quick] [--skip-memory]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import realcorpus  # noqa: E402
import spacy  # noqa: E402

from factcheck.check import Checker  # noqa: E402
from factcheck.ingest import read_article  # noqa: E402
from factcheck.report.jsonl import JsonLinesWriter  # noqa: E402
from factcheck.report.model import Summary  # noqa: E402
from factcheck.run import run, write  # noqa: E402

SCRIPT = Path(sys.executable).with_name("factcheck")
FACTCHECK = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "factcheck"]
# The whole-process baselines: spaCy's tokenizer, or blank("en") + sentencizer, over every file in a folder.
BASELINE = """
import pathlib, sys
import spacy
nlp = spacy.blank("en")
texts = (p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[2]).glob("*.txt")))
if sys.argv[1] == "sentencizer":
    nlp.add_pipe("sentencizer")
    docs = nlp.pipe(texts, batch_size=64)
else:
    docs = nlp.tokenizer.pipe(texts, batch_size=64)
print(sum(len(d) for d in docs))
"""


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{dt.date.today().isoformat()}, {os.cpu_count()} cores ({model}), Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}, load average {load}")


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_cpu(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system, the command and its children)."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def write_corpus(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def in_process(checker: Checker, paths: list[Path], texts: list[str], repeat: int) -> dict:
    """Warm throughput: each measure runs once first, then the best of `repeat` runs is kept."""
    tokenizer = spacy.blank("en")
    sentencizer = spacy.blank("en")
    sentencizer.add_pipe("sentencizer")
    tokens = sum(len(doc) for doc in tokenizer.tokenizer.pipe(texts))

    def check() -> None:
        writer = JsonLinesWriter(io.StringIO(), checker.index)
        summary = Summary()
        write(run(checker, [str(p) for p in paths], writer), writer, None, on_error=lambda *a: None,
              on_article=lambda d: summary.add(d.error, d.counts))

    check()
    list(sentencizer.pipe(texts))
    return {"tokens": tokens,
            "tokenizer": best(lambda: sum(1 for _ in tokenizer.tokenizer.pipe(texts, batch_size=64)), repeat),
            "sentencizer": best(lambda: sum(1 for _ in sentencizer.pipe(texts, batch_size=64)), repeat),
            "check": best(check, repeat)}


def whole_process(folder: Path, runs: int) -> dict:
    """Cold throughput: each command started afresh, median of `runs`."""
    return {
        "tokenizer": median_seconds([sys.executable, "-c", BASELINE, "tokenizer", str(folder)], runs),
        "sentencizer": median_seconds([sys.executable, "-c", BASELINE, "sentencizer", str(folder)], runs),
        "check": median_seconds(FACTCHECK + ["check", "--format", "jsonl", "--jobs", "1", str(folder)], runs),
    }


def stages(checker: Checker, paths: list[Path], repeat: int) -> dict[str, float]:
    """ms per article in each stage, timed stage by stage over the whole corpus (warm, best of `repeat`)."""
    names = [str(p) for p in paths]
    articles = [read_article(p) for p in names]
    mentions = list(checker.analyse([a.text for a in articles]))
    extractions = [checker.extract(a, m) for a, m in zip(articles, mentions)]
    reports = [checker.verify(a, e) for a, e in zip(articles, extractions)]
    writer = JsonLinesWriter(None, checker.index)
    timed = {
        "ingest": lambda: [read_article(p) for p in names],
        "nlp": lambda: list(checker.analyse([a.text for a in articles])),
        "claims": lambda: [checker.extract(a, m) for a, m in zip(articles, mentions)],
        "verify": lambda: [checker.verify(a, e) for a, e in zip(articles, extractions)],
        "render": lambda: [writer.render(r) for r in reports],
    }
    return {name: 1000 * best(fn, repeat) / len(paths) for name, fn in timed.items()}


def peak_rss_mb(folder: Path) -> float:
    """Peak resident memory of one `factcheck check` run, measured from a fresh parent process."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *FACTCHECK, "check", "--format", "jsonl", str(folder)],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def measure(name: str, generate, args, tmp: Path) -> dict:
    runs, repeat = (3, 2) if args.quick else (5, 3)
    texts = generate(args.articles, 1)
    folder = tmp / f"{name}-{args.articles}"
    paths = write_corpus(folder, texts)
    checker = Checker()
    result = {"name": name, "articles": len(texts), "warm": in_process(checker, paths, texts, repeat),
              "stages": stages(checker, paths, repeat), "cold": whole_process(folder, runs),
              "import_spacy": median_seconds([sys.executable, "-c", "import spacy"], runs),
              "check_one": median_seconds(FACTCHECK + ["check", str(paths[0])], runs),
              "version": median_seconds(FACTCHECK + ["--version"], runs),
              "jobs1": median_cpu(FACTCHECK + ["check", "--format", "jsonl", "--jobs", "1", str(folder)], runs),
              "jobs2": median_cpu(FACTCHECK + ["check", "--format", "jsonl", "--jobs", "2", str(folder)], runs),
              "memory": {}}
    if not args.skip_memory:
        for size in (1_000,) if args.quick else (1_000, 10_000):
            big = tmp / f"{name}-memory-{size}"
            write_corpus(big, generate(size, 2))
            result["memory"][size] = peak_rss_mb(big)
            shutil.rmtree(big)
    return result


def report(r: dict) -> None:
    n, warm, cold, tokens = r["articles"], r["warm"], r["cold"], r["warm"]["tokens"]
    print(f"\ncorpus: {n:,} {r['name']} articles, {tokens:,} tokens ({tokens / n:.0f} per article)")
    print(f"{'measure':52} {'articles/s':>11} {'tokens/s':>12}   target")
    for label, timings in (("in process, warm", warm), ("whole process, cold", cold)):
        for who in ("tokenizer", "sentencizer", "check"):
            shown = {"tokenizer": "spaCy tokenizer alone", "sentencizer": 'spacy.blank("en") + sentencizer',
                     "check": "factcheck check"}[who]
            seconds = timings[who]
            print(f"{label + ': ' + shown:52} {n / seconds:11,.0f} {tokens / seconds:12,.0f}")
        target = "   >= 0.3" if label.startswith("whole") else ""
        print(f"{label + ': check / tokenizer throughput':52} {timings['tokenizer'] / timings['check']:11.3f}{target}")
        print(f"{label + ': check / sentencizer throughput':52} {timings['sentencizer'] / timings['check']:11.3f}")
    total = sum(r["stages"].values())
    print(f"{'ms per article, warm, by stage':52} {total:11.2f}   <= 4 (warm check: "
          f"{1000 * warm['check'] / n:.2f} ms, with writing)")
    for stage, ms in r["stages"].items():
        print(f"{'  ' + stage:52} {ms:11.2f}   ({100 * ms / total:.0f}%)")
    label = 'python -c "import spacy", s'
    print(f"{label:52} {r['import_spacy']:11.3f}")
    print(f"{'factcheck check one.txt, s':52} {r['check_one']:11.3f}")
    print(f"{'cold start / import spacy':52} {r['check_one'] / r['import_spacy']:11.2f}   <= 1.5")
    print(f"{'factcheck --version, s':52} {r['version']:11.3f}   < 0.3")
    (wall1, cpu1), (wall2, cpu2) = r["jobs1"], r["jobs2"]
    print(f"{f'--jobs 1 ({n:,} articles), s (CPU s)':52} {wall1:11.2f}   ({cpu1:.2f} CPU)")
    print(f"{'--jobs 2, s (CPU s, all processes)':52} {wall2:11.2f}   ({cpu2:.2f} CPU)")
    print(f"{'--jobs 2 speed-up':52} {wall1 / wall2:11.2f}   >= 1.6 (on {os.cpu_count()} cores, idle)")
    # On a busy machine wall time says little; CPU time bounds what two idle cores could give.
    print(f"{'  bound on 2 idle cores: 2 x CPU(1) / CPU(2)':52} {2 * cpu1 / cpu2:11.2f}")
    for size, mb in r["memory"].items():
        print(f"{f'peak memory, {size:,} articles, MB':52} {mb:11.0f}")
    if len(r["memory"]) == 2:
        print(f"{'memory 10,000 / 1,000':52} {r['memory'][10_000] / r['memory'][1_000]:11.2f}   <= 1.2")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000, help="articles for the throughput and jobs runs")
    parser.add_argument("--corpus", choices=["synthetic", "real", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no 10,000-article memory run")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    corpora = []
    if args.corpus in ("synthetic", "both"):
        corpora.append(("synthetic", corpus.generate))
    if args.corpus in ("real", "both"):
        if realcorpus.available():
            corpora.append(("real-prose", realcorpus.generate))
        else:
            print(f"no real-prose corpus: {realcorpus.SHARED} not found", file=sys.stderr)
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, generate in corpora:
            report(measure(name, generate, args, Path(tmp)))
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
