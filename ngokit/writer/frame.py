"""The frame around a document's content: cover block, contents, header, footer, properties."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, cast

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.section import CT_HdrFtr
from docx.oxml.text.paragraph import CT_P

from ngokit.writer import ooxml


class FrameWriter:
    """What DocumentWriter adds around the Markdown: it expects ``doc``, ``meta``, ``source``
    and ``_paragraph(style, text)`` from the writer."""

    doc: Any
    meta: Any
    source: Any

    def _paragraph(self, style: str, text: str = "") -> CT_P:  # provided by DocumentWriter
        raise NotImplementedError

    def _cover(self) -> None:
        meta, labels = self.meta, self.meta.labels
        self._paragraph("Title", meta.title)
        self._paragraph("Subtitle", meta.network)
        for label, value in ((labels.status, meta.status), (labels.date, meta.date_text),
                             (labels.version, meta.version)):  # fmt: skip
            if value:
                line = self._paragraph("Cover Detail")
                ooxml.add_run(line, f"{label}: ", bold=True)
                ooxml.add_run(line, str(value))

    def _contents(self) -> None:
        heading = self._paragraph("TOC Heading", self.meta.labels.contents)
        ooxml.suppress_numbering(heading)
        first = self._paragraph("toc 1")
        ooxml.begin_field(first, 'TOC \\o "1-2" \\h \\z \\u')
        paragraph = first
        for i, entry in enumerate(h for h in self.source.headings if h.level <= 2):
            if i:
                paragraph = self._paragraph(f"toc {entry.level}")
            label = f"{entry.shown_number}  {entry.text}" if entry.shown_number else entry.text
            ooxml.add_hyperlink(paragraph, label, anchor=entry.bookmark)
        ooxml.end_field(paragraph)
        ooxml.add_break(paragraph, "page")

    def _header_footer(self) -> None:
        section = self.doc.sections[0]
        header = cast(CT_HdrFtr, section.header.part.element)
        first = header.p_lst[0]
        line = first if not first.text.strip() else header.add_p()
        line.clear_content()
        ooxml.add_text(line, f"{self.meta.network}  |  {self.meta.title}")
        if not self.meta.right_to_left:  # right-to-left: start-aligned is already right
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = cast(CT_HdrFtr, section.footer.part.element).p_lst[0]
        footer.clear_content()
        ooxml.add_text(footer, "")  # the empty run python-docx left here, kept so the files stay as they were
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, _, rest = self.meta.labels.page_of.partition("{page}")
        middle, _, after = rest.partition("{pages}")
        ooxml.add_text(footer, before)
        ooxml.add_field(footer, "PAGE", "1")
        ooxml.add_text(footer, middle)
        ooxml.add_field(footer, "NUMPAGES", "1")
        ooxml.add_text(footer, after)

    def _properties(self) -> None:
        props = self.doc.core_properties
        meta = self.meta
        props.title, props.subject, props.author = meta.title, meta.subject, meta.network
        props.last_modified_by, props.keywords = meta.network, meta.keywords
        props.comments, props.category, props.language = "", meta.subject, meta.language
        props.identifier, props.content_status, props.version = "", meta.status, meta.version
        stamp = datetime(meta.kit_date.year, meta.kit_date.month, meta.kit_date.day, tzinfo=timezone.utc)
        props.created = props.modified = stamp
        props.last_printed = stamp
        props.revision = 1
