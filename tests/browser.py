"""Headless Chromium for the report tests: the DOM after scripts ran, a screenshot, and the printed PDF.

Set CHROMIUM to a Chrome or Chromium binary to use one that is not on the PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars"]


def chromium() -> str:
    named = os.environ.get("CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("the HTML report tests need Chromium: install it (see the README) or set CHROMIUM to its binary")


def _run(page: Path, tmp_path: Path, *args: str) -> str:
    result = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def dom(page: Path, tmp_path: Path) -> str:
    """The page's DOM after its scripts ran, with no network."""
    return _run(page, tmp_path, "--virtual-time-budget=2000", "--dump-dom")


def screenshot(page: Path, tmp_path: Path, width: int = 1100, height: int = 1400) -> bytes:
    target = tmp_path / f"{page.stem}.png"
    _run(page, tmp_path, f"--window-size={width},{height}", f"--screenshot={target}")
    return target.read_bytes()


def printed(page: Path, tmp_path: Path) -> list[str]:
    """The text of each page of the page printed to PDF, as a reader of the paper copy sees it."""
    from pypdf import PdfReader

    target = tmp_path / f"{page.stem}.pdf"
    _run(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={target}")
    return [p.extract_text() for p in PdfReader(target).pages]
