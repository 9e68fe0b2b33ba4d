"""Configuration from `factcheck.toml` or `[tool.factcheck]` in `pyproject.toml`, found from here upward.

Command-line options override it. Unknown keys and bad values are errors that name the file and key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import ConfigError
from factcheck.kinds import Kind


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True, extra="forbid")

    ledger: str | None = None  # relative paths are taken from the configuration file's folder
    fail_on: str | None = Field(default=None, pattern="^(contradicted|imprecise|never)$")
    kinds: tuple[Kind, ...] | None = None  # claim kinds to check; all when unset
    fuzzy_cutoff: float | None = Field(default=None, ge=50, le=100)
    max_file_size_mb: float | None = Field(default=None, gt=0)
    format: str | None = None
    jobs: int | None = Field(default=None, ge=1)


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
        key = ".".join(str(p) for p in err["loc"])
        message = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        raise ConfigError(f"{path}: {prefix}{key}: {message}") from None
    if config.ledger and not Path(config.ledger).is_absolute():
        config = config.model_copy(update={"ledger": str((path.parent / config.ledger).resolve())})
    return config
