"""YAML in and out: the only module that imports PyYAML.

Reading follows the YAML 1.2 core schema, as a person means what they type: ``NO`` is the
text "NO" (Norway's code), ``010`` is ten, ``1:20`` is text. PyYAML alone reads YAML 1.1,
where those are False, 8 and 80. Besides the core types, a valid ISO date (``2026-03-01``)
reads as a date; an impossible one (``2026-02-30``) stays text, for validation to name. A key
written twice is an error naming its line, and a document may hold at most ``MAX_NODES``
values, counted through aliases, so that a "billion laughs" file stops at once.

Writing keeps amounts exact: a :class:`~decimal.Decimal` is written as its digits (and read
back as a Decimal), never through a float.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

YAMLError = yaml.YAMLError
MAX_NODES = 100_000

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: ten times faster
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CORE = (  # (tag, pattern, first characters): the YAML 1.2 core schema
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
    ("timestamp", _DATE.pattern, list("0123456789")),
)  # fmt: skip


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader that reads the YAML 1.2 core schema and refuses duplicate keys."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, Any] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is written twice (also on line {seen[key].line + 1})",
                    key_node.start_mark,
                )  # fmt: skip
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def _int(loader: Any, node: Any) -> int:
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text)


def _float(loader: Any, node: Any) -> Decimal | float:
    text = loader.construct_scalar(node)
    if text.lower().lstrip("+-") in (".inf", ".nan"):
        return float(text.replace(".", "", 1))
    return Decimal(text)


def _timestamp(loader: Any, node: Any) -> date | str:
    text = loader.construct_scalar(node)
    try:
        return date.fromisoformat(text)
    except ValueError:
        return str(text)


for _tag, _pattern, _first in _CORE:
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)
_Loader.add_constructor("tag:yaml.org,2002:float", _float)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_yaml(text: str) -> Any:
    """Return the data of a YAML text, read safely (no Python objects) as YAML 1.2 core."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except RecursionError:
        raise yaml.YAMLError("the file is nested too deeply") from None
    check_size(data)
    return data


def check_size(data: Any, limit: int = MAX_NODES) -> None:
    """Raise YAMLError when data holds more than ``limit`` values, aliases counted each time."""
    stack, count = [data], 0
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            raise yaml.YAMLError(f"the file holds more than {limit:,} values (repeated aliases?)")
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class _Dumper(yaml.SafeDumper):
    """Writes amounts as their exact digits."""


def _decimal(dumper: Any, value: Decimal) -> Any:
    if value == value.to_integral_value():
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


_Dumper.add_representer(Decimal, _decimal)


def dump_yaml(data: Any, width: int = 100) -> str:
    """Return data as YAML that :func:`load_yaml` reads back to the same values."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=width)  # type: ignore[no-any-return]
