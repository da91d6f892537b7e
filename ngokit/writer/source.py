"""Reading a rendered Markdown source: front matter, tokens and outline."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ngokit.errors import KitError
from ngokit.writer.outline import Heading, build_outline
from ngokit.yamltext import YAMLError, load_yaml

BLANK_LINK = re.compile(r"\[([^\]\n]*)\]\(blank:\)")


@dataclass(frozen=True)
class Source:
    """One document's Markdown, parsed: its front matter, tokens and outline."""

    front: Mapping[str, object]
    body: str
    tokens: list[Token]
    headings: tuple[Heading, ...] = ()

    @property
    def numbered(self) -> bool:
        """Return True when headings carry clause numbers (1 / 1.1)."""
        return bool(self.front.get("numbered", False))

    def heading_at(self, position: int) -> Heading | None:
        """Return the outline heading whose heading_open token is at ``position``, if any."""
        return next((h for h in self.headings if h.position == position), None)

    def heading_for(self, anchor: str) -> Heading | None:
        """Return the outline heading that carries ``{id=anchor}``, if any."""
        return next((h for h in self.headings if h.anchor == anchor), None)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def parse_source(text: str, name: str = "document") -> Source:
    """Return the parsed source; front matter is a YAML block between ``---`` lines."""
    front, body = split_front_matter(text, name)
    tokens = _parser().parse(body)
    return Source(front, body, tokens, build_outline(tokens, bool(front.get("numbered")), name))


def split_front_matter(text: str, name: str = "document") -> tuple[dict[str, object], str]:
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
