"""The issue's hostile and pathological inputs, each reproduced: linear time, offsets kept, one clear line."""

from __future__ import annotations

import errno
import html
import io
import json
import math
import os
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

from factcheck.ingest.html import extract_html, html_depth, html_published
from factcheck.ingest.markdown import extract_markdown
from factcheck.numbers import find_numbers
from tests.linear_time import GROWTH, MAX_RATIO, growth, superlinear

# (stage, function, unit repeated to grow the input): the issue's slow files, grown
GROWING = [
    ("markdown", extract_markdown, "\n"),
    ("markdown", extract_markdown, " "),
    ("markdown", extract_markdown, " \n \n"),
    ("markdown", extract_markdown, "`"),
    ("markdown", extract_markdown, "["),
    ("markdown", extract_markdown, "![a]("),
    ("markdown", extract_markdown, "| --- "),
    ("markdown", extract_markdown, "<a "),
    ("html", extract_html, "<a "),
    ("html", extract_html, "<meta "),
    ("html", extract_html, "<script "),
    ("html", html_depth, "<div "),
    ("html", html_published, "<meta name=date "),
    ("html", html_published, "<time datetime='"),
    ("numbers", find_numbers, "1 "),
    ("numbers", find_numbers, "1,"),
    ("numbers", find_numbers, " "),
    ("numbers", find_numbers, "twenty "),
]


@pytest.mark.parametrize("stage, function, unit", GROWING, ids=[f"{s}-{u!r}" for s, _, u in GROWING])
def test_ingestion_and_number_parsing_grow_linearly_on_the_issues_inputs(stage, function, unit):
    size, small, large = growth(lambda n: (lambda text=unit * n + "x": function(text)))
    assert not superlinear(small, large), (f"{stage} on {unit!r} x {size:,}: {small * 1e3:.2f} ms, x {size * GROWTH:,}: "
                                           f"{large * 1e3:.2f} ms ({large / small:.0f}x, limit {MAX_RATIO:g}x)")


def test_a_claim_ending_in_an_html_entity_spans_the_whole_entity():
    source = "<p>Sadiq Khan won 55.2&#37; of the vote in 2021.</p>"
    text, offsets = extract_html(source)
    start = text.index("55.2%")
    s, e = offsets.span_to_source(start, start + len("55.2%"))
    assert source[s:e] == "55.2&#37;"


def test_an_entity_opening_a_claim_maps_to_its_start():
    source = "<p>Turnout fell by &minus;3 points.</p>"
    text, offsets = extract_html(source)
    start = text.index("−3")
    s, e = offsets.span_to_source(start, start + 2)
    assert source[s:e] == "&minus;3"


def test_markdown_keeps_the_blank_line_before_a_heading():
    text, _ = extract_markdown("Intro.\n\n# Heading\nBody.\n")
    assert text == "Intro.\n\nHeading\nBody.\n"


@pytest.mark.parametrize("source, kept, dropped", [
    ("`9,999` and 1,206,034", "1,206,034", "9,999"),
    ("``1,000 votes`` and 1,206,034", "1,206,034", "1,000"),
    ("[Khan won 1,206,034](http://x.org/123) votes", "1,206,034", "123"),
    ("![chart 12%](x.png) and 40%", "40%", "12%"),
    ("| a | b |\n|---|:---:|\n| 1,206,034 | 2 |", "1,206,034", "---"),
])
def test_markdown_markup_is_still_recognised_after_the_rewrite(source, kept, dropped):
    text, _ = extract_markdown(source)
    assert kept in text and dropped not in text


@pytest.mark.parametrize("figure", ["1" * 400, "1" + "0" * 400, "9" * 5000, "0." + "0" * 400 + "1",
                                    "1" * 20 + " billion", "99,999,999,999,999,999", "hundred " * 400])
def test_a_figure_of_more_than_fifteen_digits_is_not_read_and_nothing_overflows(figure):
    mentions = find_numbers(f"Khan won {figure} votes.")
    assert all(math.isfinite(x) for m in mentions for x in (m.value, m.lo, m.hi))
    assert not [m for m in mentions if len(re.sub(r"\D", "", m.text)) > 15 or "hundred hundred" in m.text]


def test_the_largest_figure_read_has_fifteen_digits():
    [m] = find_numbers("999,999,999,999,999 votes")
    assert m.value == 999_999_999_999_999
    assert find_numbers("1,000,000,000,000,000 votes") == []


# ---------------------------------------------------------------------------------------------------------
# Bad input, end to end: each asset is paired with the one line it must produce. The good article beside it
# is still checked in full, the JSON stays strict, and the run says it did not pass.

GOOD = "Sadiq Khan won 1,206,034 votes after second preferences in 2021.\n"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bytes(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def body(*paragraphs: str) -> bytes:
    inner = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0"?><w:document {W}><w:body>{inner}</w:body></w:document>'.encode()


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + f"]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>".encode())


def _write(data: bytes):
    return lambda path: path.write_bytes(data)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


HOSTILE = {  # file name: (make it, the message it must produce)
    "fifo.txt": (_fifo, "a FIFO (named pipe), not a regular file; not read"),
    "zero.txt": (_device_link, "a character device, not a regular file; not read"),
    "brackets.txt": (_write(b"[" * 16_000 + b"\n" + GOOD.encode()), ":1:1: a run of 16,000 punctuation characters "
                                                                    "(more than 100); not article text (limits.symbol_run)"),
    "quotes.md": (_write(b'Khan said: "' + b'"' * 500 + b'"\n'), ":1:12: a run of 502 punctuation characters"),
    "line.html": (_write(b"<p>" + b"Khan won. " * 12_000 + b"</p>"), ":1:4: a line of 120,000 characters "
                                                                     "(more than 100,000)"),
    "figures.txt": (_write(b"1 2 " * 6_000), ": 12,000 figures (more than 10,000); not an article (limits.figures)"),
    "malformed.docx": (_write(docx_bytes(f"<w:document {W}>\n<w:body><w:p>".encode())),
                       "not a valid .docx file (malformed XML in word/document.xml at line 2, column 14)"),
    "not-xml.docx": (_write(docx_bytes(b"\x00\x01 binary")), "not a valid .docx file (malformed XML"),
    "laughs.docx": (_write(docx_bytes(BILLION_LAUGHS)), "refused: word/document.xml declares a DTD or entities"),
    "external.docx": (_write(docx_bytes(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                        b"<d>&x;</d>")), "declares a DTD or entities"),
    "deep.docx": (_write(docx_bytes(b"<a>" * 20_000 + b"</a>" * 20_000)), "word/document.xml nested more than 500 "
                                                                          "elements deep (limits.html_depth)"),
    "no-document.docx": (_write(docx_bytes(b"")[:0] or b"PK\x05\x06" + b"\x00" * 18), "not a valid .docx file"),
    "long-paragraph.docx": (_write(docx_bytes(body("Khan won 40 per cent. " * 5_000))), ":1:1: a line of 110,000 "
                                                                                        "characters"),
    "entities-in-text.html": (_write(b"<p>" + b"&#91;" * 300 + b"</p>"), ":1:4: a run of 300 punctuation characters"),
}


def strict_json(text: str):
    def reject(constant: str):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=reject)


def check(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, ["check", *args], input=input)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_one_line_naming_it_and_the_good_article_is_still_checked(tmp_path: Path, name: str):
    make, expected = HOSTILE[name]
    bad = tmp_path / name
    make(bad)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = check(str(bad), str(good), "--format", "json")
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"factcheck: {bad}") and expected in line, line
    report = strict_json(result.stdout)
    bad_report, good_report = report["articles"]
    assert bad_report["error"] and not good_report["error"]
    assert [f["verdict"] for f in good_report["findings"]] == ["supported"]
    assert report["summary"]["failed"] is True and report["summary"]["errors"] == 1


def _refuse(monkeypatch, function_name: str, refused: Path) -> None:
    """Make os.<function_name> fail with 'permission denied' on one path (the tests run as root, which
    ignores permission bits, so the kernel's answer for an unreadable folder is imitated)."""
    real = getattr(os, function_name)

    def refusing(path, *args, **kwargs):
        if os.fspath(path) == str(refused):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, function_name, refusing)


def test_an_unreadable_folder_inside_a_batch_is_reported_not_skipped(tmp_path: Path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "good.txt").write_text(GOOD)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "hidden.txt").write_text(GOOD)
    _refuse(monkeypatch, "scandir", tmp_path / "b")
    result = check(str(tmp_path), "--format", "text")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"factcheck: {tmp_path / 'b'}: cannot list folder (permission denied)"]
    assert "FAIL: 1 of 2 inputs could not be checked (fail on: contradicted)" in result.stdout
    assert "good.txt" in result.stdout


def test_a_path_under_a_folder_without_search_permission_is_one_line(tmp_path: Path, monkeypatch):
    locked = tmp_path / "locked" / "draft.txt"
    _refuse(monkeypatch, "stat", locked)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = check(str(locked), str(good), "--format", "markdown")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"factcheck: {locked}: permission denied"]
    assert "**FAIL: 1 of 2 inputs could not be checked (fail on: contradicted)**" in result.stdout


def test_standard_input_is_not_read_past_the_size_limit():
    endless = io.BytesIO(GOOD.encode() * 40_000)  # 2.6 MB
    result = CliRunner().invoke(cli, ["check", "-", "--max-size", "1", "--format", "json"], input=endless)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["factcheck: <stdin>: file is 1.0 MB, over the 1 MB limit (raise it with "
                                          "--max-size or max_file_size_mb in the configuration)"]
    assert endless.tell() == 1_048_577  # one byte past the limit, never the whole stream


def test_lone_carriage_returns_end_lines(tmp_path: Path):
    path = tmp_path / "mac.txt"
    path.write_bytes(b"Khan re-elected\r\rSadiq Khan won 1,206,034 votes after second preferences in 2021.\r")
    [finding] = strict_json(check(str(path), "--format", "json").stdout)["articles"][0]["findings"]
    assert (finding["line"], finding["column"], finding["start"]) == (3, 16, 32)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_text(tmp_path: Path, encoding: str):
    path = tmp_path / "draft.txt"
    path.write_bytes(("Khan’s night\n" + GOOD).encode(encoding))
    [finding] = strict_json(check(str(path), "--format", "json").stdout)["articles"][0]["findings"]
    assert finding["text"] == "1,206,034" and finding["verdict"] == "supported" and finding["line"] == 2


def test_limits_are_set_in_the_configuration(tmp_path: Path):
    config = tmp_path / "factcheck.toml"
    config.write_text("[limits]\nline_chars = 20\ndocx_mb = 0.001\n")
    article = tmp_path / "a.txt"
    article.write_text(GOOD)
    document = tmp_path / "a.docx"
    document.write_bytes(docx_bytes(body(*["Khan won."] * 200)))
    result = check(str(article), str(document), "--config", str(config), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"factcheck: {article}:1:1: a line of 64 characters (more than 20); not article text (limits.line_chars)",
        f"factcheck: {document}: the document expands to 0 MB, more than 0.001 MB (limits.docx_mb); not read"]


@pytest.mark.parametrize("text, message", [
    ("max_file_size_mb = inf\n", "factcheck.toml: max_file_size_mb: Input should be a finite number"),
    ("max_file_size_mb = nan\n", "factcheck.toml: max_file_size_mb: Input should be a finite number"),
    ("[limits]\nfigures = 0\n", "factcheck.toml: limits.figures: Input should be greater than or equal to 1"),
    ("[limits]\nstack = 3\n", "factcheck.toml: limits.stack: unknown key"),
    (b"fail_on = \"imprecise\" # caf\xe9\n", "factcheck.toml: not UTF-8 text (byte 27); TOML files are UTF-8"),
])
def test_a_bad_configuration_is_one_line_not_an_internal_error(tmp_path: Path, text, message):
    config = tmp_path / "factcheck.toml"
    config.write_bytes(text if isinstance(text, bytes) else text.encode())
    result = check(GOOD, "--config", str(config))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"factcheck: {tmp_path / message}"]


def test_a_pyproject_whose_tool_is_not_a_table_is_one_line(tmp_path: Path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("tool = 5\n")
    monkeypatch.chdir(tmp_path)
    result = check("a.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"factcheck: {tmp_path / 'pyproject.toml'}: tool: expected a table, found int"]


LAUGHS_YAML = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
HOSTILE_LEDGER = {  # appended to an election file: the one line `ledger validate` must print
    "billion laughs": (LAUGHS_YAML, "more than 200,000 values (aliases expanding without end?); not a ledger file"),
    "recursive alias": ("loop: &loop [1, *loop]\n", "an alias that contains itself"),
    "huge integer": (f"huge: {'9' * 5000}\n", "a number of 5,000 characters (more than 30)"),
    "list as key": ("? [a, b]\n: 1\n", "(top level): a key must be a plain value, not a list"),
    "deep nesting": ("deep: " + "[" * 200 + "]" * 200 + "\n", "nested more than 64 deep; not a ledger file"),
    "bad date": ("when: 2021-13-45\n", "cannot read '2021-13-45' (ValueError)"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_LEDGER))
def test_hostile_ledger_yaml_is_one_line_and_never_expanded(ledger_copy, case: str):
    target, _ = ledger_copy
    addition, message = HOSTILE_LEDGER[case]
    election = target / "elections" / "london-mayor-2021.yaml"
    before = election.read_text().count("\n")
    election.write_text(election.read_text() + addition)
    result = CliRunner().invoke(cli, ["ledger", "validate", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: invalid ledger:")
    [line] = result.stderr.removeprefix("factcheck: invalid ledger:").strip().splitlines()
    assert line.startswith(f"{election}:") and line.endswith(message), line
    assert int(line.split(":")[1]) > before  # the line named is in the part added


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u00ad", "\u2060"])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_an_invisible_character_inside_a_figure_does_not_split_it(tmp_path: Path, invisible: str, suffix: str):
    path = tmp_path / f"draft{suffix}"
    source = GOOD.replace("1,206,034", f"1,2{invisible}06,034")
    path.write_text(source)
    [finding] = strict_json(check(str(path), "--format", "json").stdout)["articles"][0]["findings"]
    assert finding["verdict"] == "supported" and finding["text"] == "1,206,034"
    assert source[finding["start"]:finding["end"]] == f"1,2{invisible}06,034"


@pytest.mark.parametrize("override", ["\u202e", "&#8238;", "\u202d"])
def test_a_bidirectional_override_is_refused_so_no_reversed_figure_passes(tmp_path: Path, override: str):
    path = tmp_path / "draft.html"
    path.write_text(f"<p>Sadiq Khan won {override}430,602,1\u202c votes after second preferences in 2021.</p>")
    result = check(str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"factcheck: {path}:1:19: a bidirectional override (U+{ord(html.unescape(override)):04X}) makes the text "
        f"display other than it reads, so a figure could be checked that no reader sees; remove it"]
