"""Data flows one way: ingest, mentions, claims, findings, reports. No module imports a later stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "factcheck"

# Each top-level module or package of factcheck, by the stage it belongs to. The ledger is reference data that
# every stage consults; the last tier wires the stages together and may import any of them.
TIERS = {
    "numbers": 0, "kinds": 0, "errors": 0, "memory": 0, "trusted": 0, "ledger": 0,
    "ingest": 1,
    "nlp": 2,
    "extract": 3,
    "verify": 4, "suppress": 4,
    "report": 5, "resume": 5, "templates": 5,
    "check": 6, "run": 6, "workers": 6, "cluster": 6, "config": 6, "cli": 6, "cli_common": 6, "cli_ledger": 6, "__main__": 6, "__init__": 6,
}
# spaCy stops at the mentions: later stages work on offsets. The ledger importer borrows its stop-word list.
SPACY_ALLOWED = ("nlp", "ledger")


def modules() -> list[tuple[str, Path]]:
    return [(".".join(p.relative_to(PACKAGE).with_suffix("").parts), p) for p in sorted(PACKAGE.rglob("*.py"))]


def imported(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def tier(module: str) -> int:
    return TIERS[module.split(".")[0]]


def test_every_module_of_the_package_has_a_stage():
    assert all(name.split(".")[0] in TIERS for name, _ in modules())


@pytest.mark.parametrize("name,path", modules(), ids=[name for name, _ in modules()])
def test_no_module_imports_a_later_stage(name: str, path: Path):
    later = sorted(m for m in imported(path) if m.startswith("factcheck.") and tier(m[len("factcheck."):]) > tier(name))
    assert not later, f"factcheck.{name} (stage {tier(name)}) imports later stages: {later}"


def test_spacy_is_imported_only_by_the_nlp_stage():
    users = sorted(name for name, path in modules()
                   if any(m == "spacy" or m.startswith("spacy.") for m in imported(path))
                   and not name.startswith(SPACY_ALLOWED))
    assert not users, f"spaCy objects would leak past the mentions: {users}"
