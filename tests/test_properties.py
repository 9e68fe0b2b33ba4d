"""Properties over generated text: check never raises, offsets slice the mention, output is deterministic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.check import Checker, CheckOptions

CHECKERS = {e: Checker(CheckOptions(election=e)) for e in (None, "london-mayor-2021", "london-mayor-2004")}
WORDS = ["Khan", "Sadiq Khan", "Bailey", "Livingstone", "Mr", "Labour", "the Tories", "Green", "won", "took", "votes",
         "first preferences", "after second preferences", "majority of", "per cent", "%", "pc", "came", "third",
         "beat", "in", "2016", "2021", "turnout", "down from", "up", "points", "more than", "almost", "(", ")", ",",
         ".", ";", " - ", "\n", "Barnet & Camden", "deposit", "runner-up", "poll", "he", "Count Binface", "£10,000"]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=2_000_000).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.integers(min_value=0, max_value=99).map(str),
    st.sampled_from(["one", "twenty", "eight million", "a third", "1.2m", "-4.19%", "+0.25%", "6th", "977, 601"]),
)
ARTICLES = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=8)), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(ARTICLES, st.text(max_size=300)),
       election=st.sampled_from(sorted(CHECKERS, key=lambda e: e or "")))
def test_check_never_raises_and_offsets_slice_the_mention(text: str, election):
    if not text.strip():
        return
    report = CHECKERS[election].check_text(text)
    for f in report.findings:
        assert text[f.claim.start:f.claim.end] == f.claim.text
        assert f.claim.sentence_start <= f.claim.start <= f.claim.end <= f.claim.sentence_end
        assert f.verdict.value in ("supported", "imprecise", "contradicted", "unverifiable")


def test_json_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Sadiq Khan won 1,206,034 votes to Shaun Bailey's 977,601, a majority of 228,433. "
                       "Sian Berry came third; Count Binface won more votes than Piers Corbyn. Turnout was 42 per cent.\n")
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-m", "factcheck", "check", "--format", "json", str(article)],
                                capture_output=True, env=env, cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
