"""The hostile and pathological inputs of issue 13, each grown fourfold three times: the time of reading and
checking one file in a warm process (the whole per-article path: read, decode, strip markup, limits, analyse,
claims, findings, JSON report), the ratio to the previous size (linear work: about 4), what became of it
(checked, or the one-line error), and for the largest size the peak memory of `factcheck check FILE` run alone.

Usage: python benchmarks/adversarial.py [--quick] [--case NAME]
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.check import Checker  # noqa: E402
from factcheck.report.json_report import JsonWriter  # noqa: E402

SENTENCE = "Sadiq Khan won 1,206,034 votes after second preferences in 2021. "


def docx(text: str) -> bytes:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = f"<w:document {ns}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", body)
    return buffer.getvalue()


# name: (file suffix, unit size, make the file's bytes from a size n)
CASES = {
    "md blank lines": (".md", 250, lambda n: (SENTENCE + "\n" * n + "x").encode()),
    "md spaces": (".md", 250, lambda n: (SENTENCE + " " * n + "x").encode()),
    "md backticks": (".md", 250, lambda n: (SENTENCE + "`" * n + "x").encode()),
    "md brackets and text": (".md", 250, lambda n: (SENTENCE + "[a" * n).encode()),
    "html unclosed tags": (".html", 250, lambda n: (f"<p>{SENTENCE}</p>" + "<a " * n).encode()),
    "html unclosed meta": (".html", 250, lambda n: (f"<p>{SENTENCE}</p>" + "<meta " * n).encode()),
    "txt spaces after a figure": (".txt", 250, lambda n: ("Khan won 1,206,034" + " " * n + "votes in 2021.").encode()),
    "txt brackets (refused)": (".txt", 4_000, lambda n: (SENTENCE + "[" * n).encode()),
    "txt lines of claims": (".txt", 250, lambda n: ((SENTENCE + "\n") * n).encode()),
    "txt huge numbers": (".txt", 25, lambda n: (f"Khan won {'9' * 500} votes.\n" * n).encode()),
    "docx bomb (refused)": (".docx", 4_000_000, lambda n: docx("a" * n * 4)),
}


def measure(checker: Checker, suffix: str, data: bytes, memory: bool) -> tuple[float, str, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{suffix}"
        path.write_bytes(data)
        del data
        start = time.perf_counter()
        [report] = checker.check_batch([checker.read(str(path))])
        JsonWriter(io.StringIO(), checker.index).render(report)
        seconds = time.perf_counter() - start
        peak = f"{_peak_mb(path):,.0f} MB" if memory else ""
    outcome = report.error.split(": ", 1)[1][:58] if report.error else f"{len(report.findings)} findings"
    return seconds, outcome, peak


# Linux carries a process's peak memory across fork and exec, so a child forked from this process (which holds
# the large inputs it generated) would report at least this process's peak. A small launcher, started before
# any input is made, forks the measured runs instead.
_LAUNCHER = """
import os, subprocess, sys
for line in sys.stdin:
    process = subprocess.Popen(line.rstrip("\\n").split("\\0"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    print(usage.ru_maxrss, flush=True)
"""
_launcher: subprocess.Popen | None = None


def _peak_mb(path: Path) -> float:
    """Peak resident memory of a fresh `factcheck check FILE --format json`."""
    assert _launcher is not None and _launcher.stdin and _launcher.stdout
    command = [sys.executable, "-m", "factcheck", "check", str(path), "--format", "json"]
    _launcher.stdin.write("\0".join(command) + "\n")
    _launcher.stdin.flush()
    return int(_launcher.stdout.readline()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="three sizes instead of four")
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    args = parser.parse_args()
    global _launcher
    _launcher = subprocess.Popen([sys.executable, "-c", _LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 text=True, cwd=ROOT)
    checker = Checker()
    steps = 3 if args.quick else 4
    print(f"{'case':26} {'bytes':>11} {'seconds':>8} {'x prev':>6} {'memory':>8}  outcome")
    for name, (suffix, unit, make) in CASES.items():
        if args.case and name not in args.case:
            continue
        previous = None
        for step in range(steps):
            data = make(unit * 4**step)
            size = len(data)
            seconds, outcome, peak = measure(checker, suffix, data, memory=step == steps - 1)
            ratio = f"{seconds / previous:6.1f}" if previous else " " * 6
            print(f"{name:26} {size:>11,} {seconds:8.3f} {ratio} {peak:>8}  {outcome}", flush=True)
            previous = seconds


if __name__ == "__main__":
    main()
