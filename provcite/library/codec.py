"""Record ⇄ JSON data for the store, fast: the same output as ``model.to_dict`` / ``model.from_dict``.

The model's generic converters look up each dataclass's fields on every call, which costs more
than parsing a document. Here each class gets a plan, built once, so storing and reading records
keeps pace with the readers. The tests check the results are identical to the model's on every
record of the real volume (``to_dict`` key order included).
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

from provcite.model import Record

_SCALARS = (str, int, float, bool, type(None))
_ENCODERS: dict[type, Callable[[Any], dict[str, Any]]] = {}
_DECODE: dict[type, tuple[tuple[str, str, Callable[[Any], Any] | None], ...]] = {}


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))


def _dataclass_of(tp: Any) -> type | None:
    return tp if isinstance(tp, type) and dataclasses.is_dataclass(tp) else None


def _encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A function made for ``cls``: one dict display, each field converted by its declared type."""
    if cls in _ENCODERS:
        return _ENCODERS[cls]
    env: dict[str, Any] = {"encode": encode}
    items = []
    hints = _hints(cls)
    for i, f in enumerate(dataclasses.fields(cls)):
        tp = hints[f.name]
        value = f"o.{f.name}"
        origin = typing.get_origin(tp)
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if origin in (typing.Union, types.UnionType) and len(args) == 1:
            tp, origin = args[0], typing.get_origin(args[0])
        if tp in _SCALARS or origin is typing.Literal:
            expr = value
        elif origin is list and typing.get_args(tp)[0] in _SCALARS:
            expr = f"list({value})"
        elif origin is list and _dataclass_of(typing.get_args(tp)[0]):
            env[f"e{i}"] = _lazy(typing.get_args(tp)[0])
            expr = f"[e{i}(x) for x in {value}]"
        elif _dataclass_of(tp):
            env[f"e{i}"] = _lazy(tp)
            expr = f"(None if {value} is None else e{i}({value}))"
        else:
            expr = f"encode({value})"
        items.append(f"{f.metadata.get('key', f.name)!r}: {expr}")
    source = f"def enc(o):\n    return {{{', '.join(items)}}}\n"
    exec(source, env)  # a fixed template filled with field names of our own model
    _ENCODERS[cls] = env["enc"]
    return env["enc"]


def _lazy(cls: type) -> Callable[[Any], dict[str, Any]]:
    """The encoder of ``cls``, built on first use (classes may refer to each other)."""
    def call(o: Any) -> dict[str, Any]:
        return (_ENCODERS.get(cls) or _encoder(cls))(o)
    return call


def encode(obj: Any) -> Any:
    """``model.to_dict(obj)``."""
    cls = type(obj)
    if cls in _SCALARS:
        return obj
    if cls is list:
        return [encode(x) for x in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (_ENCODERS.get(cls) or _encoder(cls))(obj)
    return obj


def _converter(tp: Any) -> Callable[[Any], Any] | None:
    """How to turn JSON data into a value of type ``tp``; ``None``: as it is."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else None
    if origin is list:
        (inner,) = typing.get_args(tp)
        conv = _converter(inner)
        return None if conv is None else (lambda v: [conv(x) for x in v])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda v: decode(tp, v)
    return None


def _decode_plan(cls: type) -> tuple[tuple[str, str, Callable[[Any], Any] | None], ...]:
    hints = _hints(cls)
    plan = tuple((f.name, f.metadata.get("key", f.name), _converter(hints[f.name]))
                 for f in dataclasses.fields(cls))
    _DECODE[cls] = plan
    return plan


def decode(cls: type, data: dict[str, Any]) -> Any:
    """``model.from_dict(cls, data)``."""
    plan = _DECODE.get(cls) or _decode_plan(cls)
    kwargs = {}
    for name, key, conv in plan:
        if key in data:
            value = data[key]
            kwargs[name] = value if conv is None or value is None else conv(value)
    return cls(**kwargs)


def decode_record(data: dict[str, Any]) -> Record:
    return decode(Record, data)
