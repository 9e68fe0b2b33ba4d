"""`--format claimreview`: schema.org ClaimReview JSON-LD, one per checked claim.

These are pre-publication checks by software against a results ledger, not published fact checks;
every review says so.
"""

from __future__ import annotations

import json

from factcheck.verify.article import ArticleReport
from factcheck.report.base import Writer
from factcheck.report.model import Summary, clean, flat
from factcheck.report.wording import message, shown
from factcheck.verify.findings import Verdict

NOTE = ("Automated pre-publication check of a draft against a results ledger; this is not a published fact check "
        "and has not been reviewed by a fact-checker.")
RATING = {Verdict.SUPPORTED: (3, "Supported by the results ledger"),
          Verdict.IMPRECISE: (2, "Imprecise"),
          Verdict.CONTRADICTED: (1, "Contradicted by the results ledger")}


class ClaimReviewWriter(Writer):
    separator = ",\n"

    def start(self) -> None:
        self.out.write("[\n")

    def render(self, report: ArticleReport) -> str:
        if report.error or report.article is None:
            return ""
        text = report.article.text
        reviews = []
        for f in self.listed(report):
            if f.verdict not in RATING or f.suppressed:
                continue
            value, name = RATING[f.verdict]
            c = f.claim
            review = {
                "@context": "https://schema.org", "@type": "ClaimReview",
                "claimReviewed": flat(text[c.sentence_start:c.sentence_end].strip()),
                "itemReviewed": {"@type": "Claim", "appearance": {"@type": "CreativeWork", "name": report.path}},
                "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 3, "worstRating": 1,
                                 "alternateName": name},
                "reviewBody": clean(message(f, self.index, report.election)),
                "author": {"@type": "Organization", "name": "factcheck (automated)"},
                "disambiguatingDescription": NOTE,
                "citation": [{"@type": "CreativeWork", "name": s.title, **({"url": s.url} if s.url else {})}
                             for s in f.sources],
                **({"correction": f.suggestion} if f.suggestion else {}),
                **({"about": shown(f)} if shown(f) else {}),
            }
            reviews.append(json.dumps(review, ensure_ascii=False, allow_nan=False))
        return ",\n".join(reviews)

    def finish(self, summary: Summary) -> None:
        self.out.write("\n]\n")
