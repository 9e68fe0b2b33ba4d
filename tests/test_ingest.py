"""Ingestion: formats and encodings keep offsets true to the source; bad input is one clear line."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.ingest import read_article

GOOD = "Sadiq Khan won 1,206,034 votes after second preferences in 2021.\n"


def check(*paths: str, fmt: str = "json"):
    return CliRunner().invoke(cli, ["check", *paths, "--format", fmt])


def findings_of(path: Path) -> list[dict]:
    result = check(str(path))
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["articles"][0]["findings"]


BAD_INPUTS = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte at byte 8)"),
    "nul.md": (b"Khan won\x00 votes", "binary file (NUL byte at byte 8)"),
    "undecodable.txt": (b"Khan won \x81\x8d votes", ":1: undecodable byte 0x81 at byte 9"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n \t\n", "empty file"),
    "long-line.txt": (b"Khan won 40 per cent " * 10_000, ":1: a line of 210,000 characters"),
    "nested.html": (b"<div>" * 5_000 + GOOD.encode() + b"</div>" * 5_000, "HTML nested 5,000 elements deep"),
    "broken.docx": (b"PK\x03\x04 not really a zip", "not a valid .docx file"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_naming_the_file_and_the_batch_goes_on(tmp_path: Path, name: str):
    data, expected = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = check(str(bad), str(good))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"factcheck: {bad}") and expected in line, line
    articles = json.loads(result.stdout)["articles"]
    assert articles[0]["error"] and not articles[1]["error"] and articles[1]["findings"]
    assert "Traceback" not in result.output


def test_missing_file_folder_without_articles_and_size_limit(tmp_path: Path):
    (tmp_path / "empty-folder").mkdir()
    big = tmp_path / "big.txt"
    big.write_text("x" * 2_000_000)
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "nope.txt"), str(tmp_path / "empty-folder"), str(big),
                                      "--max-size", "1", "--format", "json"])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 3
    assert "nope.txt: no such file or folder" in errors[0]
    assert "empty-folder: folder has no articles" in errors[1]
    assert "big.txt: file is 1.9 MB, over the 1 MB limit" in errors[2]


def test_a_missing_path_containing_a_colon_is_reported_under_its_whole_name(tmp_path: Path):
    missing = str(tmp_path / "draft: results.txt")
    result = check(missing)
    assert result.exit_code == 2
    assert [a["path"] for a in json.loads(result.stdout)["articles"]] == [missing]


@pytest.mark.parametrize("encoded", [
    codecs.BOM_UTF8 + GOOD.encode("utf-8"),
    codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"),
    GOOD.replace("Sadiq Khan won", "Sadiq Khan’s team said he won").encode("cp1252"),
], ids=["utf-8-bom", "utf-16-le", "utf-16-be", "windows-1252"])
def test_encodings_decode_and_offsets_index_the_decoded_text(tmp_path: Path, encoded: bytes):
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    article = read_article(str(path))
    [f] = findings_of(path)
    assert article.source[f["start"]:f["end"]] == "1,206,034" and f["verdict"] == "supported"


def test_windows_1252_smart_quotes_become_unicode(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Khan\x92s \x93victory\x94\n" + GOOD.encode("cp1252"))
    assert read_article(str(path)).text.startswith("Khan’s “victory”")


def test_mojibake_is_tolerated_and_control_characters_never_reach_the_terminal(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Let¿s see: \x1b[31mSadiq Khan won 1,206,034 votes after second preferences in 2021.\x1b[0m\n")
    result = check(str(path), fmt="text")
    assert result.exit_code == 0 and "\x1b" not in result.stdout


def test_html_tags_and_scripts_are_dropped_and_offsets_map_to_the_source(tmp_path: Path):
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>Result</title><script>var x = 999,999;</script></head><body>"
                    "<p>In Barnet &amp; Camden, <b>Sadiq Khan</b> won <em>67,610</em> first-preference votes "
                    "in 2021.</p></body></html>")
    source = page.read_text()
    [f] = findings_of(page)
    assert source[f["start"]:f["end"]] == "67,610"
    assert f["claim"]["scope"] == "barnet-and-camden" and f["verdict"] == "supported"
    assert (f["line"], f["column"]) == (1, source.index("67,610") + 1)


def test_markdown_markup_is_not_prose_and_front_matter_dates_the_article(tmp_path: Path):
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: Result\ndate: 2024-05-04\n---\n\n# [Sadiq Khan](https://example.org/1999) wins\n\n"
                  "**Sadiq Khan** took 1,088,225 votes.\n\n```\n99,999 votes for nobody\n```\n\n"
                  "`1,000,000` and ![chart 12%](x.png)\n")
    data = json.loads(check(str(md)).stdout)["articles"][0]
    assert data["election"] == "london-mayor-2024" and "published 2024-05-04" in data["election_basis"]
    [f] = data["findings"]
    assert md.read_text()[f["start"]:f["end"]] == "1,088,225" and f["verdict"] == "supported"


def test_docx_paragraphs_are_checked(tmp_path: Path):
    docx = pytest.importorskip("docx", reason="python-docx is part of the [test] extra")
    document = docx.Document()
    document.add_paragraph("Khan re-elected")
    document.add_paragraph("Sadiq Khan won 1,206,034 votes after second preferences in 2021.")
    path = tmp_path / "draft.docx"
    document.save(path)
    [f] = [f for f in findings_of(path) if f["claim"]["kind"] == "votes"]
    assert f["text"] == "1,206,034" and f["verdict"] == "supported" and f["line"] == 2
