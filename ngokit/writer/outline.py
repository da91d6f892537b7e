"""A document's outline: its headings outside guidance notes, each with its clause number and
bookmark, computed once for the body, the contents and the cross-references alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from ngokit.errors import KitError
from ngokit.writer.styles import heading_number

_ATTRIBUTES = re.compile(r"\s*(?<!\\)\{((?:id=[A-Za-z][\w-]*|annex)(?:\s+(?:id=[A-Za-z][\w-]*|annex))*)\}\s*$")
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
    annex: bool = False  # an annex ("Annex A", then A.1...): lettered by the writer, never by Word

    @property
    def bookmark(self) -> str:
        """Return the name of the bookmark around the heading, which the contents and cross-references link to."""
        return bookmark_name(self.index, self.anchor)


def heading_attributes(inline: Token) -> tuple[str | None, bool]:
    """Return the anchor and the annex flag written at the end of a heading, e.g.
    ``{id=payments}``, ``{annex}`` or ``{id=payments annex}``.

    (Pandoc writes ``{#anchor}``, but ``{#`` opens a Jinja comment.)
    """
    match = _ATTRIBUTES.search(inline.content)
    if not match:
        return None, False
    words = match.group(1).split()
    anchor = next((w[3:] for w in words if w.startswith("id=")), None)
    return anchor, "annex" in words


def heading_anchor(inline: Token) -> str | None:
    """Return the anchor (``{id=anchor}``) written at the end of a heading, if any."""
    return heading_attributes(inline)[0]


def without_attributes(inline: Token) -> Token:
    """Return a heading's inline token without the attributes (``{id=anchor}``, ``{annex}``) at
    the end of its text: a copy, since parsed tokens are shared and never changed."""
    last = inline.children[-1] if inline.children else None
    if last is None or last.type != "text":
        return inline
    stripped = last.copy(content=_ATTRIBUTES.sub("", last.content).rstrip())
    return inline.copy(children=[*inline.children[:-1], stripped])  # type: ignore[index]


def build_outline(tokens: list[Token], numbered: bool, name: str) -> tuple[Heading, ...]:
    """Return the headings outside guidance blocks, numbered as Word numbers them.

    From the first heading marked ``annex`` on, headings are annexes: lettered A, B... and
    their clauses A.1, A.2..., whether or not the document's clauses are numbered.
    """
    counters, annex = [0, 0, 0], 0
    headings: list[Heading] = []
    for position in _outline_positions(tokens):
        level = min(int(tokens[position].tag[1]), 3)
        inline = tokens[position + 1]
        anchor, starts_annex = heading_attributes(inline)
        if starts_annex and level != 1:
            raise KitError(f"{name}: {{annex}} goes on a level-1 heading (# ...), which starts the annex")
        if starts_annex or annex:
            if level == 1:
                annex, counters = annex + 1, [0, 0, 0]
            counters[level - 1] += 1 if level > 1 else 0
            counters[level:] = [0] * (3 - level)
            number = _annex_number(annex, counters, level)
            headings.append(Heading(position, len(headings) + 1, level, _plain_text(inline), anchor,
                                    number, number, annex=True))  # fmt: skip
            continue
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        numbers = (heading_number(counters, level), heading_number(counters, level, as_shown=True))
        headings.append(Heading(position, len(headings) + 1, level, _plain_text(inline), anchor,
                                *(numbers if numbered else ("", ""))))  # fmt: skip
    _check_anchors_unique(headings, name)
    return tuple(headings)


def _annex_number(annex: int, counters: list[int], level: int) -> str:
    """Return an annex heading's number: "A" for the annex, "A.1", "A.1.2" for its clauses."""
    letter = chr(ord("A") + annex - 1) if annex <= 26 else f"A{annex}"
    return ".".join([letter, *(str(c) for c in counters[1:level])])


def shown_label(heading: Heading, annex_word: str) -> str:
    """Return what the writer puts before an annex heading's text ("Annex A: ", "A.1 "), or ""
    for a clause Word numbers itself."""
    if not heading.annex:
        return ""
    return f"{annex_word} {heading.number}: " if heading.level == 1 else f"{heading.number} "


def _check_anchors_unique(headings: list[Heading], name: str) -> None:
    anchors = [h.anchor for h in headings if h.anchor]
    twice = sorted({a for a in anchors if anchors.count(a) > 1})
    if twice:
        raise KitError(f"{name}: more than one heading carries {{id={twice[0]}}}; an anchor names one clause")


def _plain_text(inline: Token) -> str:
    """Return a heading's text without markup or its attributes (``{id=anchor}``, ``{annex}``)."""
    text = "".join(c.content for c in inline.children or () if c.type == "text").rstrip()
    return _ATTRIBUTES.sub("", text).rstrip()


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
