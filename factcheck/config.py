"""Configuration from `factcheck.toml` or `[tool.factcheck]` in `pyproject.toml`, found from here upward.

Every command reads the same file (so a CI step that validates the ledger validates the one `check`
uses). Command-line options override it. Unknown keys and bad values are errors that name the file and key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import ConfigError
from factcheck.kinds import Kind
from factcheck.report import Format


class LimitsTable(BaseModel):
    """`[limits]`: see factcheck.ingest.limits.Limits for what each bounds and its default."""

    model_config = ConfigDict(frozen=True, defer_build=True, extra="forbid", allow_inf_nan=False)

    line_chars: int | None = Field(default=None, ge=1)
    symbol_run: int | None = Field(default=None, ge=1)
    figures: int | None = Field(default=None, ge=1)
    html_depth: int | None = Field(default=None, ge=1)
    docx_mb: float | None = Field(default=None, gt=0)


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True, extra="forbid", allow_inf_nan=False)

    ledger: str | None = None  # relative paths (ledger, baseline) are taken from the configuration file's folder
    fail_on: Literal["contradicted", "imprecise", "unverifiable", "never"] | None = None
    kinds: tuple[Kind, ...] | None = None  # claim kinds to check; all when unset
    fuzzy_cutoff: float | None = Field(default=None, ge=50, le=100)
    max_file_size_mb: float | None = Field(default=None, gt=0)
    format: Format | None = None
    jobs: int | None = Field(default=None, ge=1)
    exclude: tuple[str, ...] = ()  # globs left out when walking folders
    baseline: str | None = None  # a baseline file of accepted findings
    limits: LimitsTable = LimitsTable()


def find_config(start: Path | None = None) -> tuple[Config, Path | None]:
    """The nearest configuration above `start` (the current folder), or defaults."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            return load_config(own), own
        project = folder / "pyproject.toml"
        if project.is_file():
            section = _tool_section(_read(project), project)
            if section is not None:
                return _validate(section, project, prefix="tool.factcheck."), project
    return Config(), None


def load_config(path: Path) -> Config:
    data = _read(path)
    if path.name == "pyproject.toml":
        return _validate(_tool_section(data, path) or {}, path, prefix="tool.factcheck.")
    return _validate(data, path, prefix="")


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); TOML files are UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None


def _tool_section(data: dict, path: Path):
    """[tool.factcheck] of a pyproject.toml, or None; `tool = 5` is an error, not a crash."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool: expected a table, found {type(tool).__name__}")
    return tool.get("factcheck")


def _validate(section: dict, path: Path, prefix: str) -> Config:
    try:
        config = Config.model_validate(section)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        key = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".")
        message = "unknown key" if err["type"] == "extra_forbidden" else err["msg"].replace("a valid tuple", "a list")
        if err["type"] in ("enum", "literal_error") and "input" in err:
            message = f"{err['input']!r} is not one of {err['ctx']['expected']}" if "ctx" in err else message
        raise ConfigError(f"{path}: {prefix}{key}: {message}") from None
    for key in ("ledger", "baseline"):
        value = getattr(config, key)
        if value and not Path(value).is_absolute():
            config = config.model_copy(update={key: str((path.parent / value).resolve())})
    return config


def settings(path: Path | None) -> Config:
    """The configuration every command uses: the file named with --config, else the nearest one found."""
    return load_config(path) if path else find_config()[0]
