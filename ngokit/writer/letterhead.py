"""Header and footer: the reference's letterhead is kept, and the kit's lines go where it leaves room.

A reference's header and footer are the TA organisation's letterhead: a logo, an address. For
each header and footer the reference defines (the default one, and those of a different first
page or of even pages):

- placeholders in its text are filled: ``{network}``, ``{title}``, ``{page}`` (a PAGE field),
  ``{pages}`` (a NUMPAGES field) and ``{page_x_of_y}`` ("Page 3 of 12" in the documents' language);
- an empty header gets the network and the title, right-aligned; a header with content (a logo,
  an address) is kept as it is;
- unless a page number shows in the header or the footer, the footer gets "Page X of Y",
  centred, after whatever it holds (in its first paragraph when it is empty).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from copy import deepcopy
from itertools import accumulate
from typing import NamedTuple, cast

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.section import CT_HdrFtr
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Length

from ngokit.writer import ooxml
from ngokit.writer.meta import DocumentMeta

PLACEHOLDER = re.compile(r"\{(network|title|pages|page|page_x_of_y)\}")
"""What a reference's header or footer may hold for the writer to fill (docs/branding.md)."""

_CONTENT = ("w:drawing", "w:pict", "w:object", "w:fldSimple", "w:fldChar", "w:tbl", "w:sym")
"""What makes a header or footer hold something even without text: a logo, a field, a table."""
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE\b")  # PAGE, not NUMPAGES


class _Field(NamedTuple):
    instruction: str
    shown: str  # the cached result, shown until the word processor updates the field


_FIELDS = {"page": _Field("PAGE", "1"), "pages": _Field("NUMPAGES", "1")}


def set_header_footer(section: Section, meta: DocumentMeta, style_ids: Mapping[str, str]) -> None:
    """Fill and complete the section's headers and footers with the kit's lines, keeping the reference's own."""
    for header, footer in _pairs(section):
        filled = header is not None and fill_placeholders(header, meta)
        if footer is not None:
            fill_placeholders(footer, meta)
        if header is not None and not filled and is_empty(header):
            _add_header_line(header, meta)
        if footer is not None and not any(has_page_number(s) for s in (header, footer) if s is not None):
            _add_page_line(footer, meta, style_ids["Footer"])
    _give_room(section)


_Story = CT_HdrFtr | None


def _pairs(section: Section) -> Iterator[tuple[_Story, _Story]]:
    """Yield the header and footer of each kind: the default pair (added if missing), and those of
    a different first page or of even pages that the reference defines (None where it does not)."""
    yield cast(CT_HdrFtr, section.header.part.element), cast(CT_HdrFtr, section.footer.part.element)
    for pair in ((section.first_page_header, section.first_page_footer),
                 (section.even_page_header, section.even_page_footer)):  # fmt: skip
        stories = [None if s.is_linked_to_previous else cast(CT_HdrFtr, s.part.element) for s in pair]
        if stories != [None, None]:
            yield stories[0], stories[1]


def is_empty(story: CT_HdrFtr) -> bool:
    """Return True when a header or footer shows nothing: no text, picture, field or table."""
    if any((t.text or "").strip() for t in story.iter(qn("w:t"))):
        return False
    return not any(True for tag in _CONTENT for _ in story.iter(qn(tag)))


def has_page_number(story: CT_HdrFtr) -> bool:
    """Return True when a header or footer holds a PAGE field."""
    instructions = story.xpath(".//w:fldSimple/@w:instr | .//w:instrText/text()")
    return any(_PAGE_FIELD.search(str(i)) for i in instructions)


def fill_placeholders(story: CT_HdrFtr, meta: DocumentMeta) -> bool:
    """Fill the placeholders of a header or footer, keeping each run's formatting; return True if it had any."""
    found = False
    for paragraph in story.iter(qn("w:p")):
        texts = _own_texts(cast(CT_P, paragraph))
        if not PLACEHOLDER.search("".join(t.text or "" for t in texts)):
            continue
        found = True
        _gather(texts)
        for text in texts:
            if PLACEHOLDER.search(text.text or ""):
                _fill(text, _segments(text.text or "", meta))
        if meta.right_to_left:
            _drop_physical_alignment(cast(CT_P, paragraph))
    return found


def _own_texts(paragraph: CT_P) -> list[BaseOxmlElement]:
    """Return the paragraph's text elements, not those of a text box inside it."""
    return [t for t in paragraph.iter(qn("w:t")) if next(t.iterancestors(qn("w:p"))) is paragraph]


def _gather(texts: list[BaseOxmlElement]) -> None:
    """Move each placeholder split across text elements (Word splits runs as it likes) into the first."""
    while True:
        starts = list(accumulate((len(t.text or "") for t in texts), initial=0))
        joined = "".join(t.text or "" for t in texts)
        for match in PLACEHOLDER.finditer(joined):
            first, last = (bisect_right(starts, i) - 1 for i in (match.start(), match.end() - 1))
            if first != last:
                break
        else:
            return
        _set_text(texts[first], (texts[first].text or "") + joined[starts[first + 1] : match.end()])
        for k in range(first + 1, last + 1):
            _set_text(texts[k], (texts[k].text or "")[max(0, match.end() - starts[k]) :])


def _segments(text: str, meta: DocumentMeta) -> list[str | _Field]:
    """Return a text with its placeholders filled: text, and fields for page numbers."""
    segments: list[str | _Field] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        segments.append(text[position : match.start()])
        name = match.group(1)
        if name == "page_x_of_y":
            segments += _page_of(meta.labels.page_of)
        else:
            segments.append(_FIELDS.get(name) or (meta.network if name == "network" else meta.title))
        position = match.end()
    segments.append(text[position:])
    return segments


def _page_of(label: str) -> list[str | _Field]:
    """Return "Page {page} of {pages}", as translated, as text and fields."""
    parts = re.split(r"\{(page|pages)\}", label)
    return [_FIELDS[part] if i % 2 else part for i, part in enumerate(parts)]


def _fill(text: BaseOxmlElement, segments: list[str | _Field]) -> None:
    """Put filled segments in place of a text element: in it if all are text, else in runs
    formatted as its run was."""
    if all(isinstance(s, str) for s in segments):
        _set_text(text, "".join(cast(list[str], segments)))
        return
    run = _isolate(cast(CT_R, text.getparent()), text)
    props = run.find(qn("w:rPr"))
    for segment in segments:
        if isinstance(segment, _Field):
            for field_run in _field_runs(segment, props):
                run.addprevious(field_run)
        elif segment:
            run.addprevious(_text_run(segment, props))
    run.getparent().remove(run)


def _isolate(run: CT_R, text: BaseOxmlElement) -> CT_R:
    """Return ``run`` holding only ``text``; what came before and after it go to runs of their own."""
    props = run.find(qn("w:rPr"))
    children = [c for c in run if c is not props]
    index = children.index(text)
    if children[:index]:
        run.addprevious(_run(props, *children[:index]))
    if children[index + 1 :]:
        run.addnext(_run(props, *children[index + 1 :]))
    return run


def _run(props: BaseOxmlElement | None, *children: BaseOxmlElement) -> CT_R:
    """Return a new run with a copy of the run properties ``props`` and these children (moved into it)."""
    run = cast(CT_R, ooxml.element("w:r"))
    if props is not None:
        run.append(deepcopy(props))
    for child in children:
        run.append(child)
    return run


def _text_run(text: str, props: BaseOxmlElement | None) -> CT_R:
    element = ooxml.element("w:t")
    _set_text(element, text)
    return _run(props, element)


def _field_runs(field: _Field, props: BaseOxmlElement | None) -> list[CT_R]:
    """Return the runs of a field: begin, instruction, separate, shown result, end."""
    chars = []
    for kind in ("begin", "separate", "end"):
        char = ooxml.element("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        chars.append(_run(props, char))
    instruction = ooxml.element("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {field.instruction} "
    return [chars[0], _run(props, instruction), chars[1], _text_run(field.shown, props), chars[2]]


def _set_text(element: BaseOxmlElement, text: str) -> None:
    element.text = text
    if text != text.strip():
        element.set(qn("xml:space"), "preserve")


def _drop_physical_alignment(paragraph: CT_P) -> None:
    """Let a right-to-left paragraph start on the right: no left or right alignment of its own."""
    jc = paragraph.xpath("w:pPr/w:jc")
    if jc and jc[0].get(qn("w:val")) in ("left", "right"):
        jc[0].getparent().remove(jc[0])


def _add_header_line(header: CT_HdrFtr, meta: DocumentMeta) -> None:
    """Put the network and the title in an empty header, right-aligned (where a right-to-left line starts)."""
    line = header.p_lst[0] if header.p_lst else header.add_p()
    line.clear_content()
    ooxml.add_text(line, f"{meta.network}  |  {meta.title}")
    if not meta.right_to_left:
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _add_page_line(footer: CT_HdrFtr, meta: DocumentMeta, footer_style_id: str) -> None:
    """Add "Page X of Y", centred: in an empty footer's first paragraph, else after what it holds."""
    if is_empty(footer) and footer.p_lst:
        line = footer.p_lst[0]
        line.clear_content()
        ooxml.add_text(line, "")  # the empty run python-docx left here, kept so that the files stay as they were
    else:
        line = footer.add_p()
        line.style = footer_style_id
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for segment in _page_of(meta.labels.page_of):
        if isinstance(segment, _Field):
            ooxml.add_field(line, segment.instruction, segment.shown)
        else:
            ooxml.add_text(line, segment)


def _give_room(section: Section) -> None:
    """Move a header or footer that sits on the edge of the page (as LibreOffice saves a page
    that had none) halfway into the margin."""
    if not section.header_distance and section.top_margin:
        section.header_distance = Length(section.top_margin // 2)
    if not section.footer_distance and section.bottom_margin:
        section.footer_distance = Length(section.bottom_margin // 2)
