"""Build step: the team edits the ledger in reference/; a built package ships it as factcheck/reference.

`default_ledger_dir()` looks for factcheck/reference first (an installed package or wheel) and falls
back to the checkout's reference/ (an editable install), so there is one ledger folder to edit.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LEDGER_FILES = {".yaml", ".csv", ".md"}


class BuildWithLedger(build_py):
    def run(self):
        super().run()
        source = Path(__file__).resolve().parent / "reference"
        target = Path(self.build_lib) / "factcheck" / "reference"
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.suffix in LEDGER_FILES:
                destination = target / path.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination)


setup(cmdclass={"build_py": BuildWithLedger})
