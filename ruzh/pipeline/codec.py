"""Plain JSON for the frozen dataclasses the cache keeps, checked field by field when read back.

Cache files are untrusted input (output folders are shared, synced and restored from CI caches), so
they hold data only: JSON objects, lists, strings and numbers. Decoding is driven by the type hints
of the dataclass the caller expects, never by anything written in the file, and every value is
checked against its declared type; anything else raises :class:`CodecError`, which the cache turns
into a miss. Writing goes through orjson, which writes dataclasses, tuples and scalars itself (a
500-pair build stores ~5,000 entries: 4.9 -> 0.5 s CPU against :func:`encode` and ``json.dumps``).
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Any

import orjson


class CodecError(ValueError):
    """The stored data does not have the shape of the expected type."""


_PLAIN = frozenset({str, int, bool, type(None)})


def encode(value: Any) -> Any:
    """A dataclass (or tuple, list, dict, scalar) as JSON-ready lists, dicts and scalars."""
    kind: Any = type(value)
    if kind in _PLAIN:
        return value
    if kind is float:
        if not math.isfinite(value):
            raise CodecError(f"not a finite number: {value!r}")
        return value
    if kind is tuple or kind is list:
        if set(map(type, value)) <= _PLAIN:  # a list of plain scalars, checked at C speed
            return list(value)
        return [encode(v) for v in value]
    names = _field_names(kind)
    if names is not None:
        return {name: encode(getattr(value, name)) for name in names}
    return _encode_other(value)


@lru_cache(maxsize=256)
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass type, found once per type (``None`` for other types)."""
    if dataclasses.is_dataclass(kind):
        return tuple(f.name for f in dataclasses.fields(kind))
    return None


def _encode_other(value: Any) -> Any:
    """Subclasses of the plain types and dictionaries (rare: the slow, general path)."""
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        raise CodecError(f"not a finite number: {value!r}")
    if isinstance(value, str | int | float | bool):
        return value
    raise CodecError(f"cannot store a {type(value).__name__}")


def dumps(value: Any) -> bytes:
    """``value`` as UTF-8 JSON, as :func:`encode` would give it. orjson writes a NaN or an infinity
    as ``null``, which a ``float`` field refuses on reading (a miss) but a ``float | None`` field
    would take for ``None``: values of a type with such a field are checked by :func:`encode`
    first. Raises :class:`CodecError` for what JSON cannot carry."""
    kind: Any = type(value)
    if not _nulls_are_safe(kind):
        value = encode(value)
    try:
        return orjson.dumps(value, default=_other)
    except TypeError as error:  # orjson.JSONEncodeError: a type or an int JSON cannot carry
        raise CodecError(str(error)) from error


def _other(value: Any) -> Any:
    """What orjson does not write itself: float subclasses (numpy's), through the checks of
    :func:`encode`; anything else that :func:`encode` refuses is refused."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CodecError(f"not a finite number: {value!r}")
        return float(value)
    return _encode_other(value)


@lru_cache(maxsize=256)
def _nulls_are_safe(kind: Any) -> bool:
    """Whether no ``null`` written for a float can be read back as a value: ``kind`` is a dataclass
    none of whose fields, however deep, is a union of a float and ``None``."""
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
        return False  # lists, dicts, scalars: their items' declared types are not known here
    return _no_float_or_none(kind, set())


def _no_float_or_none(kind: Any, seen: set[type]) -> bool:
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if kind in seen:
            return True
        seen.add(kind)
        hints = typing.get_type_hints(kind)
        return all(_no_float_or_none(hints[f.name], seen) for f in dataclasses.fields(kind))
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (types.UnionType, typing.Union) and float in args and type(None) in args:
        return False
    return all(_no_float_or_none(a, seen) for a in args if a is not Ellipsis)


Decoder = Callable[[Any], Any]


def decode(kind: Any, data: Any) -> Any:
    """``data`` read back as ``kind`` (a dataclass, ``tuple[X, ...]``, ``X | None``, ``dict[str, X]``,
    or a scalar type); raises :class:`CodecError` on the first value of the wrong shape."""
    return _decoder(kind)(data)


@lru_cache(maxsize=256)
def _decoder(kind: Any) -> Decoder:
    """A checking decoder for one type, made once from its hints (decoding stays a few calls per
    value, which matters for corpora of a million sentences)."""
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind)
    if origin is tuple:
        return _tuple(typing.get_args(kind))
    if origin in (types.UnionType, typing.Union):
        return _union(typing.get_args(kind))
    if origin is dict:
        key_type, value_type = typing.get_args(kind)
        if key_type is not str:
            raise CodecError(f"cannot read {kind}")
        return _dict(_decoder(value_type))
    if kind is float:
        return _float
    if kind in (str, int, bool):
        return _exact(kind)
    raise CodecError(f"cannot read {kind}")


def _dataclass(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))
    names = {name for name, _ in fields}

    def run(data: Any) -> Any:
        if type(data) is not dict or data.keys() != names:
            raise CodecError(f"not a {cls.__name__}")
        return cls(**{name: field(data[name]) for name, field in fields})

    return run


_SCALARS = (str, int, bool, float)
_BULK = 16  # from this many items on, check a list column by column rather than item by item


def _column(kind: Any, values: Sequence[Any]) -> Sequence[Any]:
    """Values of one scalar type checked together (at C speed: one pass of ``map(type)``)."""
    if kind is float:
        if not set(map(type, values)) <= {int, float} or not all(map(math.isfinite, values)):
            raise CodecError("expected finite numbers")
        return tuple(map(float, values))
    if not set(map(type, values)) <= {kind}:
        raise CodecError(f"expected {kind.__name__} values")
    return values


def _scalar_rows(kinds: tuple[Any, ...]) -> Decoder:
    """``tuple[tuple[A, B, ...], ...]`` of scalars: the list of rows checked column by column."""

    def rows(data: Any) -> tuple[Any, ...]:
        if type(data) is not list or not set(map(type, data)) <= {list}:
            raise CodecError("expected a list of lists")
        if not data:
            return ()
        if set(map(len, data)) != {len(kinds)}:
            raise CodecError("expected lists of the right length")
        columns = [_column(k, col) for k, col in zip(kinds, zip(*data, strict=True), strict=True)]
        return tuple(zip(*columns, strict=True))

    return rows


def _tuple(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        inner = typing.get_args(args[0])
        bulk: Decoder | None = None  # the same check for long lists of scalars or of scalar rows
        if args[0] in _SCALARS:
            bulk = partial(_column, args[0])
        elif typing.get_origin(args[0]) is tuple and inner and all(a in _SCALARS for a in inner):
            bulk = _scalar_rows(inner)

        def many(data: Any) -> tuple[Any, ...]:
            if type(data) is not list:
                raise CodecError("expected a list")
            if bulk is not None and len(data) > _BULK:
                return tuple(bulk(data))
            return tuple(map(item, data))

        return many
    items = tuple(_decoder(a) for a in args)

    def fixed(data: Any) -> tuple[Any, ...]:
        if type(data) is not list or len(data) != len(items):
            raise CodecError("expected a list of the right length")
        return tuple(f(v) for f, v in zip(items, data, strict=True))

    return fixed


def _union(args: tuple[Any, ...]) -> Decoder:
    optional = type(None) in args
    choices = tuple(_decoder(a) for a in args if a is not type(None))

    def run(data: Any) -> Any:
        if data is None and optional:
            return None
        for choice in choices:
            try:
                return choice(data)
            except CodecError:
                continue
        raise CodecError("no alternative of the union fits")

    return run


def _dict(value: Decoder) -> Decoder:
    def run(data: Any) -> dict[str, Any]:
        if type(data) is not dict:
            raise CodecError("expected an object")
        return {k: value(v) for k, v in data.items()}

    return run


def _float(data: Any) -> float:
    if type(data) not in (int, float) or not math.isfinite(data):
        raise CodecError("expected a finite number")
    return float(data)


def _exact(kind: type) -> Decoder:
    def run(data: Any) -> Any:
        if type(data) is not kind:
            raise CodecError(f"expected {kind.__name__}, found {type(data).__name__}")
        return data

    return run
