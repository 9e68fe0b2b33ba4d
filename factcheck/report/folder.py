"""`--out DIR`: a Markdown and an HTML report per article, report.json, summary.md and index.html.

The folder is factcheck's: each run rewrites it, and removes the reports an earlier run left there for
articles this run did not check, so the folder never shows stale results. It only ever removes files
that carry factcheck's generated mark; anything else in the folder is left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from factcheck.verify.article import ArticleReport
from factcheck.errors import FactcheckError
from factcheck.ingest import is_generated
from factcheck.ledger.index import LedgerIndex
from factcheck.report.html import render_html, template
from factcheck.report.json_report import JsonWriter
from factcheck.report.markdown import markdown_article, markdown_summary
from factcheck.report.model import GENERATED, Summary, election_line, ledger_json, tool_version
from factcheck.report.wording import ICON, LABEL
from factcheck.verify.findings import Verdict

REPORT_SUFFIXES = (".html", ".md")


RESERVED = frozenset({"index", "summary", "report"})  # the run's own files: index.html, summary.md, report.json
MAX_NAME_BYTES = 200  # file names are limited to 255 bytes; leave room for "_", ".html" and a temporary suffix


def report_name(path: str) -> str:
    """A stable file name for an article's reports: its path with separators flattened, never one of the run's
    own files' names, and short enough for any file system (a long one keeps its start and a hash of the rest)."""
    if path == "-":
        return "stdin"
    name = re.sub(r"^(?:\.{1,2}/)+", "", path.replace("\\", "/")).strip("/")
    name = name.replace("../", "up--").replace("/", "--")
    name = re.sub(r"[^\w.@+-]", "_", name).lstrip(".") or "article"
    if len(name.encode()) > MAX_NAME_BYTES:
        digest = hashlib.sha256(name.encode()).hexdigest()[:16]
        name = name.encode()[:MAX_NAME_BYTES - 17].decode(errors="ignore") + "-" + digest
    if name.lower() in RESERVED:
        name += "_article"
    return name


def _file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_MODE = _file_mode()


def write_atomic(folder: Path, name: str, text: str) -> None:
    """Write folder/name through a new temporary file renamed over it: a reader never sees half a report, an
    interrupted run leaves the previous one, and an existing symlink is replaced, never followed out of the folder."""
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(temporary, _MODE)  # mkstemp makes files private; reports are as readable as any new file
        os.replace(temporary, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class FolderWriter:
    def __init__(self, folder: Path, index: LedgerIndex):
        self.folder = folder
        self.index = index
        self.entries: list[dict] = []
        self._names: set[str] = set()
        self._json_file = None

    def start(self) -> None:
        """Create the folder and open report.json; a folder that cannot be written is one clear error."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # report.json is streamed to a temporary file and renamed into place by finish()
            fd, self._json_path = tempfile.mkstemp(dir=self.folder, prefix=".report.json.", suffix=".tmp")
            os.chmod(self._json_path, _MODE)
            self._json_file = os.fdopen(fd, "w", encoding="utf-8")
        except FileExistsError:
            raise FactcheckError(f"--out {self.folder}: exists and is not a folder") from None
        except OSError as exc:
            raise FactcheckError(f"--out {self.folder}: cannot write there ({exc.strerror})") from None
        self._json = JsonWriter(self._json_file, self.index)
        self._json.start()

    def name(self, path: str) -> str:
        """A unique file name for this article's reports (assigned in input order, so runs agree). Unique
        ignoring case, since "Draft.txt" and "draft.txt" are one file on macOS and Windows."""
        name = report_name(path)
        while name.lower() in self._names:
            name += "_"
        self._names.add(name.lower())
        return name

    def render(self, report: ArticleReport, name: str) -> str:
        """Write the article's Markdown and HTML reports; return its part of report.json."""
        if not report.error:
            write_atomic(self.folder, f"{name}.md", f"{GENERATED}\n# factcheck report\n\n"
                         + markdown_article(report, self.index))
            write_atomic(self.folder, f"{name}.html", render_html(report, self.index))
        return self._json.render(report)

    def emit(self, path: str, name: str, fragment: str, counts: dict[str, int] | None, error: str | None) -> None:
        self._json.emit(fragment)
        election = json.loads(fragment).get("election") if fragment and not error else None
        reason = error[len(path) + 2:] if error and error.startswith(f"{path}: ") else error  # the row names the file
        self.entries.append({"path": path, "name": name, "counts": counts, "error": reason,
                             "election": election_line(self.index, election, short=True) or election})

    def finish(self, summary: Summary) -> None:
        self._json.finish(summary)
        self._json_file.close()
        self._json_file = None
        os.replace(self._json_path, self.folder / "report.json")
        verdicts = [(v.value, LABEL[v], ICON[v], getattr(summary, v.value))
                    for v in (Verdict.CONTRADICTED, Verdict.IMPRECISE, Verdict.UNVERIFIABLE, Verdict.SUPPORTED)]
        page = template("index.html").render(
            mark=GENERATED, summary=summary, status=summary.status(), verdicts=verdicts, entries=self.entries,
            errors=[e for e in self.entries if e["error"]], ledger=ledger_json(self.index), version=tool_version())
        write_atomic(self.folder, "index.html", page)
        write_atomic(self.folder, "summary.md", f"{GENERATED}\n" + markdown_summary(summary))
        self._remove_stale()

    def discard(self) -> None:
        """After an interruption: drop the unfinished report.json, leaving any earlier run's in place."""
        if self._json_file is not None:
            self._json_file.close()
            self._json_file = None
            with contextlib.suppress(OSError):
                os.unlink(self._json_path)

    def _remove_stale(self) -> None:
        written = {"index.html", "summary.md"} | {f"{e['name']}{s}" for e in self.entries if not e["error"]
                                                   for s in REPORT_SUFFIXES}
        for path in self.folder.iterdir():
            if path.suffix in REPORT_SUFFIXES and path.name not in written and path.is_file() and is_generated(path):
                path.unlink(missing_ok=True)
