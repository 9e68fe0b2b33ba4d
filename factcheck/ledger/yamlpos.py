"""YAML loading that remembers the line of every key and value.

The ledger's validator reports problems as `path:line: field: message`; pydantic only knows the
field path, so the loader keeps a map from field path to source line alongside the data.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from factcheck.errors import LedgerError

try:  # libyaml's parser is several times faster and ships in PyYAML's wheels
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader

FieldPath = tuple[str | int, ...]
_FLOAT_TAG = "tag:yaml.org,2002:float"


def load_yaml_with_lines(path: Path) -> tuple[Any, dict[FieldPath, int]]:
    """Parse one YAML file; return its data and a map from field path to 1-based line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LedgerError([f"{path}:1: file is not valid UTF-8 (byte {exc.start})"]) from None
    except OSError as exc:
        raise LedgerError([f"{path}:1: cannot read file ({exc.strerror})"]) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise LedgerError([f"{path}:{line}: YAML syntax error: {exc.problem or exc}"]) from None
    if node is None:
        raise LedgerError([f"{path}:1: file is empty"])
    lines: dict[FieldPath, int] = {}
    problems: list[str] = []
    constructor = SafeConstructor()

    def build(n: yaml.Node, at: FieldPath) -> Any:
        lines.setdefault(at, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in n.value:
                key = constructor.construct_object(key_node, deep=True)
                key_line = key_node.start_mark.line + 1
                if key in out:
                    problems.append(f"{path}:{key_line}: {dotted(at + (key,))}: duplicate key")
                lines[at + (key,)] = key_line
                out[key] = build(value_node, at + (key,))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [build(item, at + (i,)) for i, item in enumerate(n.value)]
        if n.tag == _FLOAT_TAG and n.value.lstrip("+-")[:1].isdigit():
            # Decimal keeps "36.80" as two decimals: a printed figure's precision is data.
            return Decimal(n.value.replace("_", ""))
        return constructor.construct_object(n, deep=True)

    data = build(node, ())
    if problems:
        raise LedgerError(problems)
    return data, lines


def line_of(lines: dict[FieldPath, int], at: FieldPath) -> int:
    """The line of a field, or of its nearest ancestor when the field itself is missing."""
    while at:
        if at in lines:
            return lines[at]
        at = at[:-1]
    return lines.get((), 1)


def dotted(at: FieldPath) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"

