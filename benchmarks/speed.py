"""Speed and memory, measured in one run and printed as a table.

  throughput   articles/s and tokens/s of `check` (read, analyse, verify, write JSON) against spaCy's
               tokenizer alone on the same synthetic texts
  extraction   ms per 1,000 words for mentions + claims after the pipeline is built
  cold start   `factcheck check one.txt` against `python -c "import spacy"` (medians)
  jobs         wall time of `factcheck check DIR --jobs 1` against `--jobs 2`
  memory       peak RSS of `factcheck check DIR` for 1,000 and 10,000 articles

Usage: python benchmarks/speed.py [--articles N] [--quick] [--skip-memory]
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import spacy  # noqa: E402
from corpus import generate  # noqa: E402

from factcheck.check import Checker  # noqa: E402
from factcheck.extract.readings import extract_claims  # noqa: E402
from factcheck.ingest import read_article  # noqa: E402
from factcheck.report.json_report import JsonWriter  # noqa: E402
from factcheck.report.model import Summary  # noqa: E402
from factcheck.run import run, write  # noqa: E402

FACTCHECK = [sys.executable, "-m", "factcheck"]


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def write_corpus(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def throughput(paths: list[Path], texts: list[str]) -> dict:
    nlp = spacy.blank("en")
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    tokenizer = best(lambda: sum(1 for _ in nlp.tokenizer.pipe(texts, batch_size=64)))
    checker = Checker()
    checker.check_articles([read_article(str(paths[0]))])  # build once, as a run does

    def run_check():
        writer = JsonWriter(io.StringIO(), checker.index)
        writer.start()
        summary = Summary()
        write(run(checker, [str(p) for p in paths], writer), writer, None, on_error=lambda *a: None,
              on_article=lambda d: summary.add(d.error, d.counts))
        writer.finish(summary)

    check = best(run_check)
    n = len(texts)
    return {"articles": n, "tokens": tokens, "tokenizer_s": tokenizer, "check_s": check,
            "tokenizer_aps": n / tokenizer, "check_aps": n / check,
            "tokenizer_tps": tokens / tokenizer, "check_tps": tokens / check, "ratio": tokenizer / check}


def extraction_latency(texts: list[str]) -> dict:
    checker = Checker()
    thousand = [t for t in texts if len(t.split()) >= 400][:50]
    words = sum(len(t.split()) for t in thousand)
    mentions = list(checker.analyse(thousand))
    pipeline = best(lambda: list(checker.analyse(thousand)))
    claims = best(lambda: [extract_claims(t, m, checker.index) for t, m in zip(thousand, mentions)])
    return {"words": words, "pipeline_ms_per_1000": 1000 * pipeline * 1000 / words,
            "claims_ms_per_1000": 1000 * claims * 1000 / words,
            "extraction_ms_per_1000": 1000 * (pipeline + claims) * 1000 / words}


def median_seconds(command: list[str], runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_start(path: Path, runs: int) -> dict:
    subprocess.run(FACTCHECK + ["check", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm cache
    spacy_s = median_seconds([sys.executable, "-c", "import spacy"], runs, ROOT)
    check_s = median_seconds(FACTCHECK + ["check", str(path)], runs, ROOT)
    return {"import_spacy_s": spacy_s, "check_one_s": check_s, "ratio": check_s / spacy_s}


def jobs_speedup(folder: Path, runs: int) -> dict:
    one = median_seconds(FACTCHECK + ["check", "--format", "json", "--jobs", "1", str(folder)], runs, ROOT)
    two = median_seconds(FACTCHECK + ["check", "--format", "json", "--jobs", "2", str(folder)], runs, ROOT)
    return {"jobs1_s": one, "jobs2_s": two, "speedup": one / two}


def peak_rss_mb(folder: Path) -> float:
    """Peak resident memory of one `factcheck check` run, measured from a fresh parent process."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *FACTCHECK, "check", "--format", "json", str(folder)],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="articles for the throughput and jobs runs")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no 10,000-article memory run")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    texts = generate(args.articles, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        paths = write_corpus(folder, texts)
        t = throughput(paths, texts)
        e = extraction_latency(texts)
        c = cold_start(paths[0], runs)
        batch = Path(tmp) / "corpus-jobs"
        write_corpus(batch, generate(max(1_000, args.articles), seed=3))  # enough work to outweigh start-up
        j = jobs_speedup(batch, 3 if args.quick else 5)
        memory = {}
        if not args.skip_memory:
            sizes = (1_000,) if args.quick else (1_000, 10_000)
            for size in sizes:
                big = Path(tmp) / f"corpus-{size}"
                write_corpus(big, generate(size, seed=2))
                memory[size] = peak_rss_mb(big)
    print(f"corpus: {t['articles']} synthetic articles, {t['tokens']:,} tokens ({t['tokens'] / t['articles']:.0f} per article)")
    print(f"{'measure':34} {'value':>14}   target")
    print(f"{'tokenizer alone, articles/s':34} {t['tokenizer_aps']:14,.0f}")
    print(f"{'check, articles/s':34} {t['check_aps']:14,.0f}")
    print(f"{'tokenizer alone, tokens/s':34} {t['tokenizer_tps']:14,.0f}")
    print(f"{'check, tokens/s':34} {t['check_tps']:14,.0f}")
    print(f"{'check / tokenizer throughput':34} {t['ratio']:14.2f}   >= 0.5")
    print(f"{'extraction, ms per 1,000 words':34} {e['extraction_ms_per_1000']:14.1f}   < 20"
          f"   (pipeline {e['pipeline_ms_per_1000']:.1f} + claims {e['claims_ms_per_1000']:.1f})")
    label = 'python -c "import spacy", s'
    print(f"{label:34} {c['import_spacy_s']:14.3f}")
    print(f"{'factcheck check one.txt, s':34} {c['check_one_s']:14.3f}")
    print(f"{'cold start / import spacy':34} {c['ratio']:14.2f}   <= 1.5")
    print(f"{'--jobs 1 (1,000 articles), s':34} {j['jobs1_s']:14.2f}")
    print(f"{'--jobs 2, s':34} {j['jobs2_s']:14.2f}")
    print(f"{'--jobs 2 speed-up':34} {j['speedup']:14.2f}   >= 1.6 (on {os.cpu_count()} cores)")
    for size, mb in memory.items():
        print(f"{f'peak memory, {size:,} articles, MB':34} {mb:14.0f}")
    if len(memory) == 2:
        print(f"{'memory 10,000 / 1,000':34} {memory[10_000] / memory[1_000]:14.2f}   <= 1.2")


if __name__ == "__main__":
    main()
