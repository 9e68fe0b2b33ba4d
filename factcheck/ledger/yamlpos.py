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
_INT_TAG = "tag:yaml.org,2002:int"
# A ledger file is data a person wrote, so anything far beyond that is refused rather than expanded: aliases may
# be used, but one reused a thousand times a thousand times (the "billion laughs") exceeds MAX_NODES, and one
# that contains itself is found before it is followed.
MAX_NODES = 200_000  # values built from one file, counting each use of an alias (a ledger file has a few thousand)
MAX_DEPTH = 64  # nesting of mappings and lists (a ledger file nests about six deep)
MAX_NUMBER_CHARS = 30  # a count or share never needs more; Python refuses int() past 4,300 digits anyway
MAX_FILE_BYTES = 10 * 1024 * 1024


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: str):
        self.line, self.message = node.start_mark.line + 1, message


def load_yaml_with_lines(path: Path) -> tuple[Any, dict[FieldPath, int]]:
    """Parse one YAML file; return its data and a map from field path to 1-based line."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LedgerError([f"{path}:1: file is over {MAX_FILE_BYTES // 1_048_576} MB; not a ledger file"])
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
    built = 0
    open_nodes: set[int] = set()  # the nodes being built: meeting one again is an alias that contains itself

    def scalar(n: yaml.Node) -> Any:
        if n.tag in (_FLOAT_TAG, _INT_TAG) and len(n.value) > MAX_NUMBER_CHARS:
            raise _Refused(n, f"a number of {len(n.value):,} characters (more than {MAX_NUMBER_CHARS})")
        if n.tag == _FLOAT_TAG and n.value.lstrip("+-")[:1].isdigit():
            # Decimal keeps "36.80" as two decimals: a printed figure's precision is data.
            return Decimal(n.value.replace("_", ""))
        try:
            return constructor.construct_object(n, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            raise _Refused(n, f"cannot read {n.value[:40]!r} ({exc.__class__.__name__})") from None

    def build(n: yaml.Node, at: FieldPath) -> Any:
        nonlocal built
        built += 1
        if built > MAX_NODES:
            raise _Refused(n, f"more than {MAX_NODES:,} values (aliases expanding without end?); not a ledger file")
        if len(at) > MAX_DEPTH:
            raise _Refused(n, f"nested more than {MAX_DEPTH} deep; not a ledger file")
        if id(n) in open_nodes:
            raise _Refused(n, "an alias that contains itself")
        lines.setdefault(at, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            open_nodes.add(id(n))
            out: dict[Any, Any] = {}
            for key_node, value_node in n.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Refused(key_node, f"{dotted(at)}: a key must be a plain value, not a "
                                             f"{'list' if isinstance(key_node, yaml.SequenceNode) else 'mapping'}")
                key = scalar(key_node)
                key_line = key_node.start_mark.line + 1
                if key in out:
                    problems.append(f"{path}:{key_line}: {dotted(at + (key,))}: duplicate key")
                lines[at + (key,)] = key_line
                out[key] = build(value_node, at + (key,))
            open_nodes.discard(id(n))
            return out
        if isinstance(n, yaml.SequenceNode):
            open_nodes.add(id(n))
            items = [build(item, at + (i,)) for i, item in enumerate(n.value)]
            open_nodes.discard(id(n))
            return items
        return scalar(n)

    try:
        data = build(node, ())
    except _Refused as refused:
        raise LedgerError([f"{path}:{refused.line}: {refused.message}"]) from None
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

