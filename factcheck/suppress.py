"""Accepting known figures without failing the check: inline directives and a baseline file.

Inline, on the figure's line (in HTML or Markdown inside a comment):
  `factcheck: ignore`                   every figure on the line
  `factcheck: ignore[161,202]`          that figure only (as written, or its digits: 161202)
  `factcheck: ignore[unverifiable]`     figures with that verdict
  `factcheck: ignore[161,202; 5.2 million, imprecise]`  several, separated by ';' or ', '

A baseline file lists findings a desk has accepted, by a fingerprint of the figure and its sentence, so
it survives edits elsewhere in the copy but not a change to the sentence itself. `factcheck check
--write-baseline FILE` writes one; `--baseline FILE` applies it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from factcheck.errors import ConfigError
from factcheck.ingest import Article
from factcheck.verify.findings import Finding, Verdict

BASELINE_VERSION = 1
_DIRECTIVE = re.compile(r"factcheck:\s*ignore(?:\[(?P<items>[^\]\n]*)\])?", re.IGNORECASE)
# ';' always separates; a comma separates unless it is a thousands separator ("161,202")
_SEPARATOR = re.compile(r";|,(?!\d{3}(?!\d))")
_VERDICTS = {v.value for v in Verdict}


class Baseline(BaseModel):
    """Accepted findings: (path relative to the baseline's folder, fingerprint, verdict)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    root: str  # the baseline file's folder
    entries: frozenset[tuple[str, str, str]] = frozenset()

    def key(self, path: str) -> str:
        return baseline_path(path, Path(self.root))


def baseline_path(path: str, root: Path) -> str:
    """An article's path as a baseline records it: relative to the baseline's folder where it can be."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read baseline ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a factcheck baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("factcheck_baseline") != BASELINE_VERSION:
        raise ConfigError(f"{path}: not a factcheck baseline (no \"factcheck_baseline\": {BASELINE_VERSION})")
    entries = set()
    for i, item in enumerate(data.get("findings", [])):
        try:
            entries.add((str(item["path"]), str(item["fingerprint"]), str(item["verdict"])))
        except (KeyError, TypeError):
            raise ConfigError(f"{path}: findings[{i}]: needs path, fingerprint and verdict") from None
    return Baseline(root=str(path.parent.resolve()), entries=frozenset(entries))


def fingerprints(article: Article, findings: list[Finding] | tuple[Finding, ...]) -> list[str]:
    """A stable identity for each finding: its kind, its words and its sentence, not its position.

    Two identical figures in identical sentences are told apart by their order.
    """
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        c = f.claim
        sentence = " ".join(article.text[c.sentence_start:c.sentence_end].split()).casefold()
        base = f"{c.kind.value}\0{' '.join(c.text.split()).casefold()}\0{sentence}"
        seen[base] += 1
        out.append(hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()[:32])
    return out


def apply(article: Article, findings: list[Finding], baseline: Baseline | None = None) -> list[Finding]:
    """The findings with those accepted inline or by the baseline marked suppressed."""
    directives = _directives(article.source) if _DIRECTIVE.search(article.source) else None
    accepted: set[tuple[str, str]] = set()
    if baseline is not None and baseline.entries:
        key = baseline.key(article.path)
        accepted = {(fp, verdict) for path, fp, verdict in baseline.entries if path == key}
    if directives is None and not accepted:
        return findings
    prints = fingerprints(article, findings) if accepted else [""] * len(findings)
    out = []
    for f, fp in zip(findings, prints):
        silenced = (directives is not None and inline_ignored(article, f, directives)) or \
            (fp, f.verdict.value) in accepted
        out.append(f.model_copy(update={"suppressed": True}) if silenced else f)
    return out


def inline_ignored(article: Article, finding: Finding, directives: dict[int, list[set[str] | None]] | None = None) -> bool:
    """Whether a directive on the figure's source line accepts it."""
    if directives is None:
        if not _DIRECTIVE.search(article.source):
            return False
        directives = _directives(article.source)
    start, _ = article.to_source(finding.claim.start, finding.claim.end)
    line_start = article.source.rfind("\n", 0, start) + 1
    for items in directives.get(line_start, ()):
        if items is None or finding.verdict.value in items or _figure(finding.claim.text) & items:
            return True
    return False


def _directives(source: str) -> dict[int, list[set[str] | None]]:
    """Directives by the offset of their line's start: None for a bare `ignore`, else the items named."""
    out: dict[int, list[set[str] | None]] = {}
    for m in _DIRECTIVE.finditer(source):
        line_start = source.rfind("\n", 0, m.start()) + 1
        items = m.group("items")
        if items is None:
            out.setdefault(line_start, []).append(None)
            continue
        names: set[str] = set()
        for item in _SEPARATOR.split(items):
            item = item.strip()
            if item.casefold() in _VERDICTS:
                names.add(item.casefold())
            elif item:
                names |= _figure(item)
        out.setdefault(line_start, []).append(names)
    return out


def _figure(text: str) -> set[str]:
    """The ways an ignore list may name a figure: as written (spacing and case aside) and by its digits."""
    written = " ".join(text.split()).casefold()
    digits = re.sub(r"[^\d.]", "", text).strip(".")
    return {f"={written}"} | ({f"#{digits}"} if digits else set())
