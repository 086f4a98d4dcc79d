"""Plain JSON for the frozen dataclasses the cache keeps, checked field by field when read back.

Cache files are untrusted input (output folders are shared, synced and restored from CI caches), so
they hold data only: JSON objects, lists, strings and numbers. Decoding is driven by the type hints
of the dataclass the caller expects, never by anything written in the file, and every value is
checked against its declared type; anything else raises :class:`CodecError`, which the cache turns
into a miss.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")


class CodecError(ValueError):
    """The stored data does not have the shape of the expected type."""


def encode(value: Any) -> Any:
    """A dataclass (or tuple, list, dict, scalar) as JSON-ready lists, dicts and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        raise CodecError(f"not a finite number: {value!r}")
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise CodecError(f"cannot store a {type(value).__name__}")


@lru_cache(maxsize=64)
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def decode(kind: Any, data: Any) -> Any:
    """``data`` read back as ``kind`` (a dataclass, ``tuple[X, ...]``, ``X | None``, ``dict[str, X]``,
    or a scalar type); raises :class:`CodecError` on the first value of the wrong shape."""
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind, data)
    if origin is tuple:
        return _tuple(typing.get_args(kind), data)
    if origin in (types.UnionType, typing.Union):
        return _union(typing.get_args(kind), data)
    if origin is dict:
        key_type, value_type = typing.get_args(kind)
        if key_type is not str or not isinstance(data, dict):
            raise CodecError(f"expected an object, found {type(data).__name__}")
        return {k: decode(value_type, v) for k, v in data.items()}
    return _scalar(kind, data)


def _dataclass(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise CodecError(f"expected an object for {cls.__name__}")
    hints = _hints(cls)
    if set(data) != {name for name, _ in hints}:
        raise CodecError(f"wrong fields for {cls.__name__}")
    return cls(**{name: decode(hint, data[name]) for name, hint in hints})


def _tuple(args: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    if not isinstance(data, list):
        raise CodecError("expected a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(decode(args[0], v) for v in data)
    if len(args) != len(data):
        raise CodecError("wrong number of items")
    return tuple(decode(a, v) for a, v in zip(args, data, strict=True))


def _union(args: tuple[Any, ...], data: Any) -> Any:
    if data is None and type(None) in args:
        return None
    for arg in args:
        if arg is type(None):
            continue
        try:
            return decode(arg, data)
        except CodecError:
            continue
    raise CodecError("no alternative of the union fits")


def _scalar(kind: Any, data: Any) -> Any:
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        if not math.isfinite(data):
            raise CodecError("not a finite number")
        return float(data)
    if kind in (str, int, bool) and type(data) is kind:
        return data
    raise CodecError(f"expected {getattr(kind, '__name__', kind)}, found {type(data).__name__}")
