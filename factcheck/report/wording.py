"""How a finding is put into an editor's words: what the claim is about, the short reason and the one-line message.

The verifier's own wording (its rule, reason and note texts) changes as it improves, so these functions
only place its phrases; they never parse them, and they never repeat what a format already shows (the
verdict word) or show a yes/no fact as a figure.
"""

from __future__ import annotations

import re

from factcheck.kinds import Unit
from factcheck.ledger.facts import fmt
from factcheck.ledger.index import LedgerIndex
from factcheck.report.model import clean, flat
from factcheck.verify.findings import Finding, Verdict

_VERDICT_PREFIX = re.compile(r"^\s*(?:(?:supported|imprecise|contradicted|unverifiable|not checked)\s*[:;-]\s*)+", re.I)

LABEL = {Verdict.CONTRADICTED: "wrong", Verdict.IMPRECISE: "imprecise", Verdict.UNVERIFIABLE: "not checked",
         Verdict.SUPPORTED: "correct"}
ICON = {Verdict.CONTRADICTED: "✗", Verdict.IMPRECISE: "≈", Verdict.UNVERIFIABLE: "?", Verdict.SUPPORTED: "✓"}


def bare(text: str | None) -> str:
    """A verifier phrase without a leading verdict word ("unverifiable: ..."), which formats show already."""
    return _VERDICT_PREFIX.sub("", text or "").strip()


def shown(finding: Finding) -> str | None:
    """The ledger's figure as a report prints it; None for yes/no facts, which are not figures."""
    if finding.expected is None or finding.unit is None or finding.unit is Unit.FLAG:
        return None
    return fmt(finding.expected, finding.unit)


def what(finding: Finding, index: LedgerIndex, article_election: str | None = None) -> str:
    """What the claim is about: "final-round votes: Ken Livingstone in Barnet & Camden (2000)".

    A figure about another election than the article's carries that election's year.
    """
    c = finding.claim
    names = [index.registry.people[p].name if p in index.registry.people else p for p in c.subject]
    label = c.label
    if names:
        label += ": " + (" v ".join(names) if len(names) == 2 else names[0])
    elif c.subject_text:
        label += f": {clean(c.subject_text)}"
    if c.scope_text:
        label += f" in {clean(c.scope_text)}"
    if c.election and article_election and c.election != article_election and c.election in index.elections:
        label += f" ({index.elections[c.election].date.year})"
    return label


def why(finding: Finding) -> str:
    """The short reason shown beside a verdict in tables."""
    if finding.verdict is Verdict.UNVERIFIABLE:
        return bare(finding.reason)
    if finding.alternative and finding.verdict is Verdict.CONTRADICTED:
        return f"matches {finding.alternative.label}"
    return bare(finding.rule)


def note(finding: Finding) -> str | None:
    """The documented alternative the figure matches (with who published it), else the verifier's reason."""
    if finding.alternative:
        who = ", ".join(s.publisher for s in finding.alternative.sources)
        return f"matches {finding.alternative.label} ({finding.alternative.status}; {who})"
    return bare(finding.reason) or None


def message(finding: Finding, index: LedgerIndex, article_election: str | None = None) -> str:
    """One line an editor can act on. It does not start with the verdict: every format shows that beside it."""
    about = what(finding, index, article_election)
    figure = shown(finding)
    # words rather than a figure ("ahead of", "won a second term") are quoted so the sentence still reads
    text = flat(finding.claim.text) if figure or finding.claim.unit is not Unit.FLAG else f"\u201c{flat(finding.claim.text)}\u201d"
    if finding.verdict is Verdict.UNVERIFIABLE:
        return f"{about}: {text}: {bare(finding.reason) or 'the ledger cannot check this figure'}"
    if finding.verdict is Verdict.SUPPORTED:
        return f"{about}: {text} agrees with the ledger" + (f" ({bare(finding.rule)})" if bare(finding.rule) else "")
    if figure:
        verb = "is wrong" if finding.verdict is Verdict.CONTRADICTED else "is imprecise"
        line = f"{about}: {text} {verb}; the ledger has {figure}"
    else:  # a yes/no claim: say what the ledger shows, in the verifier's words
        verb = "is contradicted by" if finding.verdict is Verdict.CONTRADICTED else "does not quite match"
        line = f"{about}: {text} {verb} the ledger"
        if reason := bare(finding.rule):
            line += f" ({reason})"
    if explained := note(finding):
        line += f"; {explained}"
    if finding.suggestion:
        line += f"; suggest {finding.suggestion}"
    if finding.derivation:
        line += f" [{clean(finding.derivation)}]"
    return line
