"""How fast the command line answers when it has nothing to check: `--version`, `--help`, `check --help`.

These never import spaCy, pydantic or the ledger (factcheck/cli.py imports them inside the commands), so
they should answer in well under a second. Medians of N runs of the installed `factcheck` script, with
`python -c pass` as the floor the interpreter itself sets.

Usage: python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("factcheck")
FACTCHECK = [str(SCRIPT)] if SCRIPT.exists() else [shutil.which("factcheck") or "factcheck"]


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    runs = parser.parse_args().runs
    rows = [("python -c pass", [sys.executable, "-c", "pass"]),
            ("factcheck --version", FACTCHECK + ["--version"]),
            ("factcheck --help", FACTCHECK + ["--help"]),
            ("factcheck check --help", FACTCHECK + ["check", "--help"])]
    print(f"{'command':<28}{'median s':>10}   target")
    for label, command in rows:
        target = "" if label.startswith("python") else "< 0.5"
        print(f"{label:<28}{median_seconds(command, runs):>10.3f}   {target}")


if __name__ == "__main__":
    main()
