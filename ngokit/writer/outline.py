"""A document's outline: its headings outside guidance notes, each with its clause number and
bookmark, computed once for the body, the contents and the cross-references alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from ngokit.errors import KitError
from ngokit.writer.styles import heading_number

_ANCHOR = re.compile(r"\s*(?<!\\)\{id=([A-Za-z][\w-]*)\}\s*$")
_BOOKMARK_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


@dataclass(frozen=True)
class Heading:
    """One heading of the document's outline: a clause when the document is numbered.

    A heading inside a guidance block (a blockquote) belongs to the note, not to the outline:
    it is never numbered, listed in the contents or bookmarked, with or without guidance.
    """

    position: int  # index of its heading_open token
    index: int  # its place in the outline, from 1: the id of its bookmark
    level: int  # 1 to 3 (deeper Markdown headings use the level-3 style)
    text: str
    anchor: str | None
    number: str = ""  # "7.2" as it reads in a sentence; "" when the document is not numbered
    shown_number: str = ""  # "7.2" or "7." as Word shows it before the heading

    @property
    def bookmark(self) -> str:
        """Return the name of the bookmark around the heading, which the contents and cross-references link to."""
        return bookmark_name(self.index, self.anchor)


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


def build_outline(tokens: list[Token], numbered: bool, name: str) -> tuple[Heading, ...]:
    """Return the headings outside guidance blocks, numbered as Word numbers them."""
    counters = [0, 0, 0]
    headings: list[Heading] = []
    for position in _outline_positions(tokens):
        level = min(int(tokens[position].tag[1]), 3)
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        inline = tokens[position + 1]
        anchor = heading_anchor(inline)
        numbers = (heading_number(counters, level), heading_number(counters, level, as_shown=True))
        headings.append(Heading(position, len(headings) + 1, level, _plain_text(inline, anchor), anchor,
                                *(numbers if numbered else ("", ""))))  # fmt: skip
    _check_anchors_unique(headings, name)
    return tuple(headings)


def _check_anchors_unique(headings: list[Heading], name: str) -> None:
    anchors = [h.anchor for h in headings if h.anchor]
    twice = sorted({a for a in anchors if anchors.count(a) > 1})
    if twice:
        raise KitError(f"{name}: more than one heading carries {{id={twice[0]}}}; an anchor names one clause")


def _plain_text(inline: Token, anchor: str | None) -> str:
    """Return a heading's text without markup or its ``{id=anchor}``."""
    text = "".join(c.content for c in inline.children or () if c.type == "text").rstrip()
    return text.removesuffix("{id=" + anchor + "}").rstrip() if anchor else text


def _outline_positions(tokens: list[Token]) -> list[int]:
    """Return the index of each heading_open token that is not inside a guidance block."""
    positions, quote_depth = [], 0
    for i, token in enumerate(tokens):
        if token.type in ("blockquote_open", "blockquote_close"):
            quote_depth += token.nesting
        elif token.type == "heading_open" and not quote_depth:
            positions.append(i)
    return positions


def bookmark_name(index: int, anchor: str | None) -> str:
    """Return the bookmark name of the index-th heading: unique by its index, at most 40 characters.

    Word keeps letters, digits and _ in a bookmark name and cuts it at 40 characters, so two
    long anchors could otherwise end up with one name. The leading _ hides it from Word's
    bookmark list, as Word's own cross-reference bookmarks are.
    """
    readable = "_" + _BOOKMARK_UNSAFE.sub("_", anchor) if anchor else ""
    return f"_Ref{index}{readable}"[:40]
