"""Reading a rendered Markdown source: front matter, tokens, heading anchors and numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ngokit.errors import KitError
from ngokit.writer.styles import heading_number
from ngokit.yamltext import YAMLError, load_yaml

_ANCHOR = re.compile(r"\s*(?<!\\)\{id=([A-Za-z][\w-]*)\}\s*$")
BLANK_LINK = re.compile(r"\[([^\]\n]*)\]\(blank:\)")


@dataclass(frozen=True)
class Source:
    """One document's Markdown, parsed: its front matter, tokens and clause anchors."""

    front: Mapping[str, Any]
    body: str
    tokens: list[Token]
    anchors: Mapping[str, str] = field(default_factory=dict)

    @property
    def numbered(self) -> bool:
        """Return True when headings carry clause numbers (1 / 1.1)."""
        return bool(self.front.get("numbered", False))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def parse_source(text: str, name: str = "document") -> Source:
    """Return the parsed source; front matter is a YAML block between ``---`` lines."""
    front, body = split_front_matter(text, name)
    tokens = _parser().parse(body)
    return Source(front, body, tokens, _anchor_numbers(tokens) if front.get("numbered") else {})


def split_front_matter(text: str, name: str = "document") -> tuple[dict[str, Any], str]:
    """Return (front matter, body) of a Markdown source."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        raise KitError(f"{name}: the front matter that starts with --- never ends")
    try:
        front = load_yaml(text[4:end]) or {}
    except YAMLError as exc:
        raise KitError(f"{name}: the front matter is not valid YAML: {exc}") from exc
    return front, text[end + 5 :]


def heading_anchor(inline: Token) -> str | None:
    """Return the ``{id=anchor}`` written at the end of a heading, if any.

    (Pandoc writes ``{#anchor}``, but ``{#`` opens a Jinja comment.)
    """
    match = _ANCHOR.search(inline.content)
    return match.group(1) if match else None


def strip_anchor(inline: Token, anchor: str) -> None:
    """Remove the ``{id=anchor}`` text from the end of a heading's inline children."""
    last = inline.children[-1] if inline.children else None
    if last is not None and last.type == "text":
        last.content = last.content.rstrip().removesuffix("{id=" + anchor + "}").rstrip()


def _anchor_numbers(tokens: list[Token]) -> dict[str, str]:
    counters = [0, 0, 0]
    numbers: dict[str, str] = {}
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        level = min(int(token.tag[1]), 3)
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        anchor = heading_anchor(tokens[i + 1])
        if anchor:
            numbers[anchor] = heading_number(counters, level)
    return numbers
