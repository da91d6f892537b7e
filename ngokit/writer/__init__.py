"""Markdown → DOCX: the only package that imports python-docx."""

from ngokit.writer.document import write_docx
from ngokit.writer.meta import DocumentMeta, Labels
from ngokit.writer.reference import check_reference, write_reference_copy
from ngokit.writer.source import BLANK_LINK, Source, parse_source, split_front_matter

__all__ = [
    "BLANK_LINK",
    "DocumentMeta",
    "Labels",
    "Source",
    "check_reference",
    "parse_source",
    "split_front_matter",
    "write_docx",
    "write_reference_copy",
]
