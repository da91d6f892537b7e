"""What a document needs besides its Markdown: names, dates and the words the writer adds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Labels:
    """Words the writer adds around the content, already in the documents' language."""

    guidance: str = "Guidance for drafters:"
    contents: str = "Contents"
    status: str = "Status"
    date: str = "Date"
    version: str = "Version"
    page_of: str = "Page {page} of {pages}"
    annex: str = "Annex"


@dataclass(frozen=True)
class DocumentMeta:
    """What the writer needs besides the Markdown: names, dates and the words it adds."""

    title: str
    network: str
    subject: str
    language: str
    kit_date: date
    status: str
    version: str
    labels: Labels = field(default_factory=Labels)
    guidance: bool = True
    keywords: str = ""
    blanks: Sequence[str] = ()
    date_text: str = ""
    right_to_left: bool = False
    clauses: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """The clause numbers of the kit's other documents (document id → anchor → "12.8"), for
    references from one document to a clause of another."""
