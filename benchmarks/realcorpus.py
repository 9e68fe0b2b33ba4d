"""A corpus of distinct real-prose articles, built at run time from ../shared (never stored in the project).

Real election coverage lives in `../shared/eval-dev/*/articles/` and `../shared/articles/`; there are only a
few dozen articles, so each generated article takes a run of paragraphs from one source (in their order,
some dropped) and splices in paragraphs from other sources of the same election family. Every text
differs from every other, so nothing is served from a cache that real archives would not hit, while the
prose, names and figures stay as newsrooms write them. Deterministic for a given seed.

Usage: python benchmarks/realcorpus.py N DIR [--seed S]   (writes into a folder you then delete)
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def available(shared: Path = SHARED) -> bool:
    return bool(_sources(shared))


def _sources(shared: Path) -> dict[str, list[list[str]]]:
    """Paragraphs of every source article, grouped by election family (the folder it sits in)."""
    families: dict[str, list[list[str]]] = {}
    files = [(path.parent.parent.name, path) for path in sorted(shared.glob("eval-dev/*/articles/*.txt"))]
    files += [("london", path) for path in sorted(shared.glob("articles/*.txt"))]  # all London mayoral
    for family, path in files:
        text = path.read_text(encoding="utf-8")
        if text.startswith("# source:"):  # eval-dev's header line is not article text
            text = text.split("\n", 1)[1] if "\n" in text else ""
        paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip() and p.strip() != "[truncated]"]
        if paragraphs:
            families.setdefault(family, []).append(paragraphs)
    return families


def generate(n: int, seed: int = 0, shared: Path = SHARED) -> list[str]:
    """`n` distinct articles of real paragraphs; raises FileNotFoundError when ../shared is absent."""
    families = _sources(shared)
    if not families:
        raise FileNotFoundError(f"no source articles under {shared}")
    rng = random.Random(seed)
    weighted = [(family, article) for family, articles in sorted(families.items()) for article in articles]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        family, source = rng.choice(weighted)
        text = _recombine(source, families[family], rng)
        digest = hashlib.sha1(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        out.append(text)
    return out


def _recombine(source: list[str], family: list[list[str]], rng: random.Random) -> str:
    head, body = source[0], source[1:]
    kept = [p for p in body if rng.random() < 0.75] or body[:1]
    for _ in range(rng.randint(2, 5)):
        donor = rng.choice(family)
        if len(donor) > 1:
            kept.insert(rng.randint(0, len(kept)), rng.choice(donor[1:]))
    return "\n\n".join([head, *kept]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(generate(args.n, args.seed)):
        (args.folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
