"""Batch runs survive a dead worker, and an interrupted run stops cleanly, leaving no half-written report."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.check import Checker
from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Sadiq Khan won 1,206,034 votes after second preferences in 2021.\n"


def test_an_article_that_kills_its_worker_is_its_own_error_and_the_batch_is_reported(tmp_path: Path, monkeypatch):
    real = Checker.check_batch

    def check_batch(self, batch):
        if any("poison" in getattr(item, "path", "") for item in batch):
            os._exit(9)  # the worker dies mid-task, as under the OOM killer
        return real(self, batch)

    monkeypatch.setattr(Checker, "check_batch", check_batch)
    names = [f"{i:02d}.txt" for i in range(12)]
    names.insert(5, "poison.txt")
    for name in names:
        (tmp_path / name).write_text(GOOD)
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--jobs", "2", "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"factcheck: {tmp_path / 'poison.txt'}: the worker process checking it died "
                                          f"(killed or crashed, twice); the rest of the batch was checked"]
    articles = json.loads(result.stdout)["articles"]
    assert [Path(a["path"]).name for a in articles] == sorted(names)
    assert all(a["findings"][0]["verdict"] == "supported" for a in articles if "poison" not in a["path"])


def test_an_article_that_breaks_the_checker_is_its_own_error(tmp_path: Path, monkeypatch):
    real = Checker.findings

    def findings(self, article, mentions):
        if "poison" in article.path:
            raise ZeroDivisionError("division by zero")
        return real(self, article, mentions)

    monkeypatch.setattr(Checker, "findings", findings)
    for name in ("a.txt", "poison.txt", "z.txt"):
        (tmp_path / name).write_text(GOOD)
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"factcheck: {tmp_path / 'poison.txt'}: internal error while checking it "
                           f"(ZeroDivisionError: division by zero); the rest of the batch was checked")
    report = json.loads(result.stdout)
    assert [bool(a["error"]) for a in report["articles"]] == [False, True, False]
    assert report["summary"]["failed"] is True


@pytest.mark.parametrize("signum, code, word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_an_interrupted_run_exits_128_plus_the_signal_and_leaves_no_half_written_report(tmp_path: Path, signum, code,
                                                                                         word):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):
        for article in sorted((ROOT / "claims").glob("*.txt")):
            shutil.copy(article, corpus / f"{i:02d}-{article.name}")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text('{"previous": "run"}\n')
    process = subprocess.Popen([sys.executable, "-m", "factcheck", "check", str(corpus), "--jobs", "2", "--out", str(out),
                                "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path)
    deadline = time.monotonic() + 120
    while not list(out.glob("*.md")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    assert stderr.decode().splitlines() == [f"factcheck: {word}; the run did not finish"]
    assert (out / "report.json").read_text() == '{"previous": "run"}\n'
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_extract_lists_the_other_articles_when_one_breaks_it(tmp_path: Path, monkeypatch):
    real = Checker.extract

    def extract(self, article, mentions):
        if "Bailey" in article.text:
            raise KeyError("boom")
        return real(self, article, mentions)

    monkeypatch.setattr(Checker, "extract", extract)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(GOOD)
    bad.write_text("Shaun Bailey won 977,601 votes in 2021.\n")
    result = CliRunner().invoke(cli, ["extract", str(bad), str(good), "--format", "json"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"factcheck: {bad}: internal error while reading its claims (KeyError: 'boom')")
    articles = json.loads(result.stdout)["articles"]
    assert [a["path"] for a in articles] == [str(bad), str(good)]
    assert articles[0]["error"] and not articles[1]["error"] and articles[1]["claims"]
