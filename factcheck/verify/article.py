"""One article's verdicts: what the check hands to the report writers.

Kept apart from the checker so that writing a report never loads the NLP pipeline.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from factcheck.ingest import Article
from factcheck.verify.findings import Finding, Verdict


class ArticleReport(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    path: str
    article: Article | None = None
    election: str | None = None
    election_basis: str | None = None
    error: str | None = None
    findings: tuple[Finding, ...] = ()

    def counts(self) -> dict[str, int]:
        out = {v.value: 0 for v in Verdict}
        out["suppressed"] = 0
        for f in self.findings:
            if f.suppressed:
                out["suppressed"] += 1
            else:
                out[f.verdict.value] += 1
        return out
