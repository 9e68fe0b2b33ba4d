"""A wheel, installed into a fresh virtual environment, works on its own bundled ledger (slow: one build)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("factcheck", "reference", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")


def run(*args, cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_wheel_in_a_fresh_venv_lists_and_shows_its_bundled_ledger(tmp_path):
    source = tmp_path / "source"  # build from a copy, so the checkout gains no build/ or egg-info
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                            if (ROOT / name).is_dir() else {}))
    run(sys.executable, "-m", "pip", "wheel", source, "--no-deps", "-q", "-w", tmp_path,
        cwd=tmp_path)
    [wheel] = tmp_path.glob("factcheck-*.whl")

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path).strip())
    # The dependencies (spaCy and the rest) come from this environment rather than a download; the
    # package itself, its ledger and its command come only from the wheel.
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel, cwd=tmp_path)

    env = {**os.environ, "FACTCHECK_CACHE": str(tmp_path / "cache")}
    env.pop("PYTHONPATH", None)
    location = run(python, "-c", "import factcheck, pathlib; print(pathlib.Path(factcheck.__file__).parent)",
                   cwd=tmp_path, env=env).strip()
    assert location == str(site / "factcheck")
    assert (site / "factcheck" / "reference" / "elections" / "uk-general-2024" / "candidacies.csv").is_file()

    factcheck = venv / "bin" / "factcheck"
    listed = run(factcheck, "ledger", "list", cwd=tmp_path, env=env)
    assert "london-mayor-2021\tlondon-mayor" in listed and "uk-general-2024\tuk-general" in listed
    shown = run(factcheck, "ledger", "show", "uk-general-2024", cwd=tmp_path, env=env)
    assert "│ Labour Party" in shown and "411" in shown and "412" in shown
    seat = run(factcheck, "ledger", "show", "uk-general-2024", "--contest", "Holborn and St Pancras", cwd=tmp_path,
               env=env)
    assert "Keir Starmer" in seat and "18,884" in seat and "11,572" in seat
