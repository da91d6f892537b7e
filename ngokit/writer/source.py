"""Reading a rendered Markdown source: front matter, tokens and outline."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core.state_core import StateCore
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
    parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    parser.core.ruler.at("inline", _inline_once)
    parser.core.ruler.push("remember_inline", _remember_inline)
    return parser


_INLINE_TEXTS = 8000
"""How many distinct inline texts (a paragraph's, a heading's or a cell's) are kept parsed:
a kit has about 2,000, and most of them come again in the next kit of a batch."""

_parsed_inline: dict[str, list[Token]] = {}


def _inline_once(state: StateCore) -> None:
    """markdown-it's inline rule, with each distinct text parsed once per process.

    The tokens of a text seen before are reused as they are, so no one may change parsed
    tokens (the writer copies what it alters). Link reference definitions (``[x]: url``) change
    how links parse: a source that has them is parsed in full.
    """
    for token in state.tokens:
        if token.type != "inline":
            continue
        known = None if state.env else _parsed_inline.get(token.content)
        if known is not None:
            token.children = known
        else:
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _remember_inline(state: StateCore) -> None:
    """Keep the final tokens of each inline text (after markdown-it has joined adjacent text)."""
    if state.env:
        return
    if len(_parsed_inline) > _INLINE_TEXTS:
        _parsed_inline.clear()
    for token in state.tokens:
        if token.type == "inline" and token.children is not None:
            _parsed_inline.setdefault(token.content, token.children)


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
