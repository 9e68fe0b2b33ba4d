"""Archives: JSON Lines output, resuming a run that stopped, and checking on a local Dask cluster."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

ROOT = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CLAIMS = sum(1 for p in (ROOT / "claims").rglob("*") if p.is_file())
TOTAL = CLAIMS + 4  # the archive adds three fixtures and one unreadable file


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


@pytest.fixture
def archive(tmp_path: Path, monkeypatch) -> Path:
    """A folder of articles in every format, nested, with one file that cannot be read; paths relative."""
    monkeypatch.chdir(tmp_path)
    folder = Path("archive")
    shutil.copytree(ROOT / "claims", folder / "claims")
    for name in ("classic-2004.txt", "clean-2021.txt", "imprecise-2021.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "photo.txt").write_bytes(b"\x89PNG\x00\x00")
    return folder


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def jsonl(folder: Path, out: Path, *args: str):
    return run(str(folder), "--format", "jsonl", "-o", str(out), *args)


def test_jsonl_has_one_line_per_article_naming_its_content_ledger_and_version(archive: Path):
    result = jsonl(archive, Path("out.jsonl"))
    assert result.exit_code == 2  # the unreadable file fails the run, and standard error says so
    assert f"FAIL: 1 of {TOTAL} inputs could not be checked" in result.stderr
    lines = [json.loads(line) for line in lines_of(Path("out.jsonl"))]
    assert len(lines) == TOTAL and len({line["path"] for line in lines}) == TOTAL
    ledger = json.loads(run(str(archive / "clean-2021.txt"), "--format", "json").stdout)["ledger"]["version"]
    for line in lines:
        assert line["ledger"] == ledger and line["factcheck"]
        if line["path"].endswith("photo.txt"):
            assert line["error"] and line["content_hash"] is None and line["counts"] is None
        elif line["path"].endswith(".txt"):  # plain text: the content is the file's text
            digest = hashlib.sha256(Path(line["path"]).read_bytes()).hexdigest()
            assert line["content_hash"] == f"sha256:{digest}" and line["counts"] is not None


def test_jsonl_articles_match_the_json_report(archive: Path):
    jsonl(archive, Path("out.jsonl"))
    report = json.loads(run(str(archive), "--format", "json").stdout)
    from_lines = {line["path"]: line for line in map(json.loads, lines_of(Path("out.jsonl")))}
    for article in report["articles"]:
        line = from_lines[article["path"]]
        assert {k: line[k] for k in article} == article


def interrupted(full: Path, target: Path, keep: int) -> None:
    """What a run killed while writing leaves: `keep` whole lines, then half of the next one."""
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(lines[:keep]) + lines[keep][: len(lines[keep]) // 2], encoding="utf-8")


def test_resume_after_an_interrupted_run_checks_only_the_rest(archive: Path):
    jsonl(archive, Path("full.jsonl"))
    full = lines_of(Path("full.jsonl"))
    out = Path("out.jsonl")
    interrupted(Path("full.jsonl"), out, keep=5)
    # Mark the finished lines: a re-check would write them afresh, without the mark.
    marked = [json.dumps(json.loads(line) | {"election_basis": "from the first run"}, ensure_ascii=False)
              for line in lines_of(out)[:5]]
    readable = [m for m in marked if json.loads(m)["error"] is None]
    out.write_text("\n".join(marked) + "\n" + out.read_text(encoding="utf-8").split("\n")[-1], encoding="utf-8")
    result = jsonl(archive, out, "--resume")
    assert result.exit_code == 2
    assert f"{TOTAL} articles ({len(readable)} already checked in out.jsonl)" in result.stderr
    after = lines_of(out)
    assert len(after) == len(full) == TOTAL
    assert set(readable) <= set(after)  # kept as they were: not checked again
    unmarked = {json.loads(line)["path"] for line in after if "from the first run" not in line}
    assert unmarked == {json.loads(line)["path"] for line in full} - {json.loads(m)["path"] for m in readable}
    assert {line for line in after if "from the first run" not in line} == \
        {line for line in full if json.loads(line)["path"] in unmarked}


def test_resume_with_everything_done_checks_nothing_and_keeps_the_exit_code(archive: Path):
    folder = Path("readable")
    shutil.copytree(archive / "claims", folder)
    first = jsonl(folder, Path("out.jsonl"))
    before = Path("out.jsonl").read_text()
    again = jsonl(folder, Path("out.jsonl"), "--resume")
    assert Path("out.jsonl").read_text() == before
    assert f"({CLAIMS} already checked" in again.stderr and again.exit_code == first.exit_code == 1


def test_resume_checks_a_changed_article_again_and_keeps_one_line_per_path(archive: Path):
    jsonl(archive, Path("out.jsonl"))
    changed = archive / "clean-2021.txt"
    changed.write_text(changed.read_text() + "\nA closing line with no figures.\n")
    result = jsonl(archive, Path("out.jsonl"), "--resume")
    assert f"({TOTAL - 2} already checked" in result.stderr  # all but the changed file and the unreadable one
    lines = [json.loads(line) for line in lines_of(Path("out.jsonl"))]
    assert len(lines) == TOTAL and len({line["path"] for line in lines}) == TOTAL
    [line] = [line for line in lines if line["path"] == str(changed)]
    assert line["content_hash"] == "sha256:" + hashlib.sha256(changed.read_bytes()).hexdigest()


@pytest.mark.parametrize("field", ["ledger", "factcheck"])
def test_resume_checks_again_what_another_ledger_or_version_checked(archive: Path, field: str):
    jsonl(archive, Path("full.jsonl"))
    Path("out.jsonl").write_text("".join(json.dumps(json.loads(line) | {field: "other"}) + "\n"
                                         for line in lines_of(Path("full.jsonl"))))
    result = jsonl(archive, Path("out.jsonl"), "--resume")
    assert "(0 already checked" in result.stderr
    assert sorted(lines_of(Path("out.jsonl"))) == sorted(lines_of(Path("full.jsonl")))


@pytest.mark.parametrize("args, message", [
    (["--resume"], "--resume writes JSON Lines: add --format jsonl"),
    (["--format", "jsonl", "--resume"], "--resume adds to an output file: give it with -o FILE"),
    (["--engine", "dask"], "--engine dask writes JSON Lines: add --format jsonl"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["--format", "jsonl", "--engine", "dask", "--out", "reports"], "--engine dask cannot be combined with --out"),
])
def test_archive_options_that_cannot_work_are_one_line_errors(archive: Path, args: list[str], message: str):
    result = run(str(archive), *args)
    assert result.exit_code == 2 and result.stderr == f"factcheck: {message}\n"


def test_resume_refuses_a_file_that_is_not_jsonl_output(archive: Path):
    Path("out.jsonl").write_text("# notes\n")
    result = jsonl(archive, Path("out.jsonl"), "--resume")
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: out.jsonl:1: not a factcheck JSON Lines result")


# -- a local Dask cluster ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def client():
    import distributed

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def test_a_local_dask_cluster_writes_the_lines_one_process_writes(archive: Path, client):
    one = jsonl(archive, Path("one.jsonl"), "--jobs", "1")
    on_cluster = jsonl(archive, Path("dask.jsonl"), "--engine", "dask", "--scheduler", client.scheduler.address)
    assert on_cluster.exit_code == one.exit_code == 2
    assert on_cluster.stderr.splitlines()[-1] == one.stderr.splitlines()[-1]  # the same summary
    assert sorted(lines_of(Path("dask.jsonl"))) == sorted(lines_of(Path("one.jsonl")))
    assert len(lines_of(Path("dask.jsonl"))) == TOTAL


def test_resume_on_a_dask_cluster_checks_only_the_rest(archive: Path, client):
    jsonl(archive, Path("full.jsonl"))
    interrupted(Path("full.jsonl"), Path("out.jsonl"), keep=8)
    done = [line for line in lines_of(Path("out.jsonl"))[:8] if json.loads(line)["error"] is None]
    result = jsonl(archive, Path("out.jsonl"), "--resume", "--engine", "dask", "--scheduler", client.scheduler.address)
    assert f"({len(done)} already checked" in result.stderr
    assert sorted(lines_of(Path("out.jsonl"))) == sorted(lines_of(Path("full.jsonl")))


def test_check_bag_over_paths_or_texts_gives_the_lines_the_command_writes(archive: Path, client):
    import dask.bag as db

    from factcheck.cluster import check_bag

    jsonl(archive, Path("one.jsonl"))
    expected = set(lines_of(Path("one.jsonl")))
    from_folder = check_bag(db.from_sequence([str(archive)], npartitions=1)).compute()
    assert set(from_folder) == expected and len(from_folder) == TOTAL
    files = sorted(p for p in archive.rglob("*") if p.is_file() and p.name != "photo.txt")
    texts = db.from_sequence([(str(p), p.read_text(encoding="utf-8")) for p in files], npartitions=4)
    assert set(check_bag(texts, texts=True).compute()) == {line for line in expected if "photo.txt" not in line}


def test_each_dask_worker_builds_its_checker_once_and_keeps_it(archive: Path, client):
    import dask.bag as db

    from factcheck.cluster import check_bag

    def checkers() -> list[int]:
        from factcheck import cluster

        return [id(c) for c in cluster._CHECKERS.values()]

    paths = [str(p) for p in sorted(archive.rglob("*.txt"))]
    check_bag(db.from_sequence(paths, npartitions=6)).compute()
    first = client.run(checkers)
    check_bag(db.from_sequence(paths, npartitions=6)).compute()
    assert client.run(checkers) == first and any(first.values())
