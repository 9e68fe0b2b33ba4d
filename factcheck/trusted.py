"""Pydantic models built from values the code itself computed, without validation.

Models are the interface between stages, but the hot path makes tens of mentions per article, and even
`model_construct` spends most of its time resolving aliases and defaults. `trusted(cls, ...)` makes the
same object (the same `__dict__` and fields-set) when every field is given in declaration order, and
falls back to `model_construct` otherwise. Use it only for values already of the right type.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_FIELDS: dict[type, tuple[str, ...] | None] = {}
_new = object.__new__
_set = object.__setattr__


def trusted(cls: type[M], **values: Any) -> M:
    layout = _FIELDS.get(cls, False)
    if layout is False:
        layout = _FIELDS[cls] = _layout(cls)
    if layout is None or tuple(values) != layout:
        return cls.model_construct(**values)
    model = _new(cls)
    _set(model, "__dict__", values)  # a fresh dict, already in field order
    _set(model, "__pydantic_fields_set__", set(layout))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def _layout(cls: type[BaseModel]) -> tuple[str, ...] | None:
    """Field names, or None when the model needs model_construct (aliases, extras, post-init, private state)."""
    fields = cls.model_fields
    if (cls.__pydantic_post_init__ or cls.__private_attributes__ or cls.__pydantic_root_model__
            or cls.model_config.get("extra") == "allow"
            or any(f.alias is not None or f.validation_alias is not None for f in fields.values())):
        return None
    return tuple(fields)
