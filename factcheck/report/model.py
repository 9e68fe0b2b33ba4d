"""What every output format shares: locations, a finding as data, the run summary."""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from factcheck.check import ArticleReport
from factcheck.kinds import Unit
from factcheck.ledger.facts import fmt
from factcheck.ledger.index import LedgerIndex
from factcheck.verify.findings import Finding, Verdict

SCHEMA_VERSION = 1
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class FailOn(StrEnum):
    CONTRADICTED = "contradicted"
    IMPRECISE = "imprecise"
    NEVER = "never"


class Location(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    start: int  # code-point offsets into the article as read
    end: int
    line: int  # 1-based
    column: int  # 1-based, in code points
    end_line: int
    end_column: int


class Lines:
    """Line and column lookups for one source text."""

    def __init__(self, source: str):
        self.source = source
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.source)
        return self.source[start:end]


def locate(report: ArticleReport, lines: Lines, start: int, end: int) -> Location:
    assert report.article is not None
    s, e = report.article.to_source(start, end)
    line, column = lines.at(s)
    end_line, end_column = lines.at(max(s, e))
    return Location(start=s, end=e, line=line, column=column, end_line=end_line, end_column=end_column)


def clean(text: str) -> str:
    """Text safe for a terminal or an annotation: no control or bidi-override characters."""
    return _CONTROL.sub("\ufffd", text)


def shown(finding: Finding) -> str | None:
    if finding.expected is None or finding.unit is None:
        return None
    if finding.unit is Unit.FLAG:
        return "yes" if finding.expected else "no"
    return fmt(finding.expected, finding.unit)


def why(finding: Finding) -> str:
    """The short reason shown beside a verdict in tables."""
    if finding.verdict is Verdict.UNVERIFIABLE:
        return finding.reason or ""
    if finding.alternative and finding.verdict is Verdict.CONTRADICTED:
        return f"matches {finding.alternative.label}"
    return finding.rule or ""


def note(finding: Finding) -> str | None:
    """The documented alternative the figure matches (with who published it), else the verifier's reason."""
    if finding.alternative:
        who = ", ".join(s.publisher for s in finding.alternative.sources)
        return f"matches {finding.alternative.label} ({finding.alternative.status}; {who})"
    return finding.reason


def what(finding: Finding, index: LedgerIndex) -> str:
    """What the claim is about: "final-round votes: Ken Livingstone in Barnet & Camden"."""
    c = finding.claim
    names = [index.registry.people[p].name if p in index.registry.people else p for p in c.subject]
    label = c.label
    if names:
        label += ": " + (" v ".join(names) if len(names) == 2 else names[0])
    elif c.subject_text:
        label += f": {clean(c.subject_text)}"
    if c.scope_text:
        label += f" in {clean(c.scope_text)}"
    return label


def message(finding: Finding, index: LedgerIndex) -> str:
    """One line an editor can act on."""
    c = finding.claim
    parts = [what(finding, index)]
    if finding.verdict is Verdict.UNVERIFIABLE:
        return f"{parts[0]}: unverifiable: {finding.reason}"
    figure = shown(finding)
    if finding.verdict is Verdict.SUPPORTED:
        return f"{parts[0]}: supported by the ledger ({finding.rule})"
    text = f"{parts[0]}: {clean(c.text)} {'does not match' if finding.verdict is Verdict.CONTRADICTED else 'is imprecise for'}"
    text += f" the ledger's {figure}" if figure else " the ledger"
    if explained := note(finding):
        text += f"; {explained}"
    if finding.suggestion:
        text += f"; write {finding.suggestion!r}"
    if finding.derivation:
        text += f" [{finding.derivation}]"
    return text


def claim_json(finding: Finding, index: LedgerIndex, report: ArticleReport) -> dict[str, Any]:
    c = finding.claim
    facts = index.facts(c.election) if c.election in index.elections else None
    text = report.article.text if report.article else ""
    return {
        "kind": c.kind.value, "round": c.round.value, "label": c.label,
        "subject": [facts.name(p) if facts else p for p in c.subject], "subject_ids": list(c.subject),
        "subject_text": c.subject_text, "party": c.party, "scope": c.scope, "scope_text": c.scope_text,
        "election": c.election, "election_basis": c.election_basis, "value": c.value,
        "interval": [c.lo, c.hi] if c.lo is not None else None, "unit": c.unit.value,
        "qualifier": c.qualifier.value if c.qualifier else None, "relation": c.relation,
        "sentence": text[c.sentence_start:c.sentence_end].strip(),
    }


def finding_json(finding: Finding, index: LedgerIndex, report: ArticleReport, lines: Lines) -> dict[str, Any]:
    loc = locate(report, lines, finding.claim.start, finding.claim.end)
    related = []
    for place in finding.related:
        other = locate(report, lines, place.start, place.end)
        related.append({"start": other.start, "end": other.end, "line": other.line, "column": other.column,
                        "text": place.text})
    return {
        "start": loc.start, "end": loc.end, "text": finding.claim.text, "line": loc.line, "column": loc.column,
        "verdict": finding.verdict.value, "claim": claim_json(finding, index, report),
        "expected": _number(finding.expected, finding.unit), "expected_text": shown(finding),
        "rule": finding.rule, "derivation": finding.derivation,
        "sources": [_source(s) for s in finding.sources], "suggestion": finding.suggestion,
        "reason": finding.reason,
        "alternative": _alternative(finding.alternative) if finding.alternative else None,
        "related": related, "suppressed": finding.suppressed, "message": message(finding, index),
    }


def _source(s) -> dict[str, str]:
    return {"id": s.id, "title": s.title, "url": s.url, "publisher": s.publisher}


def _alternative(a) -> dict[str, Any]:
    return {"variant": a.variant, "label": a.label, "status": a.status, "value": _number(a.value, Unit.VOTES),
            "sources": [_source(s) for s in a.sources], "note": a.note}


def _number(value: float | None, unit: Unit | None) -> float | int | None:
    if value is None:
        return None
    if unit in (Unit.VOTES, Unit.COUNT, Unit.RANK, Unit.FLAG) and float(value).is_integer():
        return int(value)
    return round(value, 4)


class Summary(BaseModel):
    articles: int = 0
    errors: int = 0
    claims: int = 0
    supported: int = 0
    imprecise: int = 0
    contradicted: int = 0
    unverifiable: int = 0
    suppressed: int = 0
    fail_on: FailOn = FailOn.CONTRADICTED
    failed: bool = False

    def add(self, error: str | None, counts: dict[str, int] | None) -> None:
        """Count one article: its error, or its verdict counts (suppressed findings counted apart)."""
        self.articles += 1
        if error or counts is None:
            self.errors += 1
            return
        for key, n in counts.items():
            setattr(self, key, getattr(self, key) + n)
            if key != "suppressed":
                self.claims += n
        self.failed = self.failed or fails(counts, self.fail_on)


def fails(counts: dict[str, int], fail_on: FailOn) -> bool:
    if fail_on is FailOn.NEVER:
        return False
    if fail_on is FailOn.CONTRADICTED:
        return counts.get("contradicted", 0) > 0
    return counts.get("contradicted", 0) + counts.get("imprecise", 0) > 0


def ledger_json(index: LedgerIndex) -> dict[str, Any]:
    """The ledger used, by a path relative to the working folder where possible, so reports are reproducible."""
    path = Path(index.ledger.directory)
    try:
        shown_path = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        shown_path = str(path)
    return {"path": shown_path, "elections": list(index.order)}
