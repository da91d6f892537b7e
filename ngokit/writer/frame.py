"""The frame around a document's content: cover block, contents, header, footer, properties."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import cast

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.coreprops import CoreProperties
from docx.oxml.section import CT_HdrFtr
from docx.section import Section

from ngokit.writer import ooxml
from ngokit.writer.blocks import BlockWriter
from ngokit.writer.meta import DocumentMeta
from ngokit.writer.outline import Heading, shown_label


def add_cover(blocks: BlockWriter, meta: DocumentMeta) -> None:
    """Add the cover block: title, network, and the status, date and version lines."""
    labels = meta.labels
    blocks.add_paragraph("Title", meta.title)
    blocks.add_paragraph("Subtitle", meta.network)
    for label, value in ((labels.status, meta.status), (labels.date, meta.date_text),
                         (labels.version, meta.version)):  # fmt: skip
        if value:
            line = blocks.add_paragraph("Cover Detail")
            ooxml.add_run(line, f"{label}: ", bold=True)
            ooxml.add_run(line, str(value))


def add_contents(blocks: BlockWriter, headings: Sequence[Heading], title: str, annex_word: str) -> None:
    """Add the table of contents, then a page break: a TOC field whose cached result already
    lists the outline's first two levels, numbered and linked to their bookmarks."""
    ooxml.suppress_numbering(blocks.add_paragraph("TOC Heading", title))
    first = paragraph = blocks.add_paragraph("toc 1")
    ooxml.begin_field(first, 'TOC \\o "1-2" \\h \\z \\u')
    for i, entry in enumerate(h for h in headings if h.level <= 2):
        if i:
            paragraph = blocks.add_paragraph(f"toc {entry.level}")
        label = f"{entry.shown_number}  {entry.text}" if entry.shown_number and not entry.annex else entry.text
        label = shown_label(entry, annex_word) + label
        ooxml.add_hyperlink(paragraph, label, anchor=entry.bookmark)
    ooxml.end_field(paragraph)
    ooxml.add_break(paragraph, "page")


def set_header_footer(section: Section, meta: DocumentMeta) -> None:
    """Put the network and the title in a section's header, and "Page X of Y" in its footer."""
    header = cast(CT_HdrFtr, section.header.part.element)
    first = header.p_lst[0]
    line = first if not first.text.strip() else header.add_p()  # below a letterhead, if any
    line.clear_content()
    ooxml.add_text(line, f"{meta.network}  |  {meta.title}")
    if not meta.right_to_left:  # right-to-left: start-aligned is already right
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _set_footer(cast(CT_HdrFtr, section.footer.part.element), meta.labels.page_of)


def _set_footer(footer: CT_HdrFtr, page_of: str) -> None:
    line = footer.p_lst[0]
    line.clear_content()
    ooxml.add_text(line, "")  # the empty run python-docx left here, kept so that the files stay as they were
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = page_of.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    ooxml.add_text(line, before)
    ooxml.add_field(line, "PAGE", "1")
    ooxml.add_text(line, middle)
    ooxml.add_field(line, "NUMPAGES", "1")
    ooxml.add_text(line, after)


def set_properties(props: CoreProperties, meta: DocumentMeta) -> None:
    """Set the core properties from the kit: the network is author, nothing names a person or a program."""
    props.title, props.subject, props.author = meta.title, meta.subject, meta.network
    props.last_modified_by, props.keywords = meta.network, meta.keywords
    props.comments, props.category, props.language = "", meta.subject, meta.language
    props.identifier, props.content_status, props.version = "", meta.status, meta.version
    stamp = datetime(meta.kit_date.year, meta.kit_date.month, meta.kit_date.day, tzinfo=timezone.utc)
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
