"""The frame around a document's content: cover block, contents and properties (the header and
footer are letterhead.py's)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from docx.opc.coreprops import CoreProperties

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
