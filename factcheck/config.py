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


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True, extra="forbid")

    ledger: str | None = None  # relative paths (ledger, baseline) are taken from the configuration file's folder
    fail_on: Literal["contradicted", "imprecise", "unverifiable", "never"] | None = None
    kinds: tuple[Kind, ...] | None = None  # claim kinds to check; all when unset
    fuzzy_cutoff: float | None = Field(default=None, ge=50, le=100)
    max_file_size_mb: float | None = Field(default=None, gt=0)
    format: Format | None = None
    jobs: int | None = Field(default=None, ge=1)
    exclude: tuple[str, ...] = ()  # globs left out when walking folders
    baseline: str | None = None  # a baseline file of accepted findings


def find_config(start: Path | None = None) -> tuple[Config, Path | None]:
    """The nearest configuration above `start` (the current folder), or defaults."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            return load_config(own), own
        project = folder / "pyproject.toml"
        if project.is_file():
            data = _read(project)
            section = data.get("tool", {}).get("factcheck")
            if section is not None:
                return _validate(section, project, prefix="tool.factcheck."), project
    return Config(), None


def load_config(path: Path) -> Config:
    data = _read(path)
    if path.name == "pyproject.toml":
        return _validate(data.get("tool", {}).get("factcheck", {}), path, prefix="tool.factcheck.")
    return _validate(data, path, prefix="")


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None


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
