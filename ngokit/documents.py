"""Rendered Markdown sources → the kit's Word documents."""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ngokit.errors import KitError
from ngokit.kit import Kit
from ngokit.locales import format_long_date, is_right_to_left
from ngokit.questions.answers import Answers
from ngokit.writer import (
    DocumentMeta,
    Labels,
    Source,
    check_reference,
    parse_source,
    write_docx,
    write_reference_copy,
)

if TYPE_CHECKING:
    from markdown_it.token import Token

START_HERE_PREFIX = "00-"
RECORDED_REFERENCE = "reference.docx"
"""The name of the copy of a chosen reference that a kit keeps beside its documents."""


class WrittenDocuments(NamedTuple):
    """The documents written, in kit order; what the person should know; the reference kept."""

    paths: list[Path]
    warnings: tuple[str, ...] = ()
    reference: Path | None = None  # the copy of a chosen reference (None for the kit's own)


def write_documents(sources: Mapping[str, str], staging: Path, answers: Answers, kit: Kit,
                    translations: gettext.NullTranslations, *, reference: Path | None = None,
                    guidance: bool = True) -> WrittenDocuments:  # fmt: skip
    """Write one DOCX per non-empty Markdown source (file name → text) into ``staging``, and a
    copy of a chosen reference beside them (``reference.docx``), for a rebuild to find.

    Args:
        reference: the Word file whose styles, page set-up, header and footer the documents
            take (the kit's own ``reference.docx`` when None).
        guidance: keep the notes for drafters (False for a clean copy to adopt).
    """
    look = reference or kit.reference_docx
    warnings = check_reference(look)
    parsed = {Path(name): parse_source(text, name) for name, text in sorted(sources.items())}
    parsed = {p: s for p, s in parsed.items() if s.tokens}  # a document that renders empty is left out
    blanks = list_blanks(parsed)
    clauses = clause_numbers(parsed.values())
    written = []
    for path, source in parsed.items():
        meta = replace(_meta(source.front, answers, kit, translations, blanks, guidance), clauses=clauses)
        target = staging / f"{path.stem}.docx"
        write_docx(source, target, meta, look)
        written.append(target)
    kept = _keep_reference(reference, staging, written) if reference is not None else None
    return WrittenDocuments(written, warnings, kept)


def _keep_reference(reference: Path, staging: Path, documents: list[Path]) -> Path:
    """Return the copy of the chosen reference written beside the documents."""
    kept = staging / RECORDED_REFERENCE
    if kept in documents:
        raise KitError(f"a document of this kit is called {kept.stem}: that name is kept for the kit's reference")
    write_reference_copy(reference, kept)
    return kept


def clause_numbers(sources: Iterable[Source]) -> dict[str, dict[str, str]]:
    """Return the clause number of every anchored heading, by document ``id`` (front matter),
    for references from one document to a clause of another."""
    return {str(source.front["id"]): {h.anchor: h.number for h in source.headings if h.anchor and h.number}
            for source in sources if source.front.get("id")}  # fmt: skip


def list_blanks(sources: dict[Path, Source]) -> list[str]:
    """Return "Document: blank" for every blank to fill outside the start-here guide."""
    found: list[str] = []
    for path, source in sources.items():
        if path.name.startswith(START_HERE_PREFIX):
            continue
        if source.front.get("list_blanks") is False:  # e.g. forms: their blanks are filled at each use
            continue
        for label in _blank_labels(source.tokens):
            entry = f"{source.front.get('title', path.stem)}: {label}"
            if label.strip() and entry not in found:
                found.append(entry)
    return found


def _blank_labels(tokens: list[Token]) -> list[str]:
    """Return the text of every blank (a ``[label](blank:)`` link), as the reader sees it."""
    labels: list[str] = []
    for token in (t for t in tokens if t.type == "inline"):
        label: list[str] | None = None
        for child in token.children or ():
            if child.type == "link_open" and child.attrs.get("href") == "blank:":
                label = []
            elif child.type == "link_close" and label is not None:
                labels.append("".join(label))
                label = None
            elif label is not None and child.type in ("text", "code_inline"):
                label.append(child.content)
    return labels


def _meta(front: Mapping[str, Any], answers: Answers, kit: Kit, translations: gettext.NullTranslations,
          blanks: list[str], guidance: bool = True) -> DocumentMeta:  # fmt: skip
    _ = translations.gettext
    language = answers.language
    adopted = answers.adopted_on
    status = (_("Adopted on %(date)s") % {"date": format_long_date(adopted, language)}
              if adopted else _("Draft for adoption"))  # fmt: skip
    return DocumentMeta(
        title=str(front.get("title", "")),
        network=answers.network_name,
        subject=kit.title,
        language=language,
        kit_date=answers.kit_date,
        status=status,
        version=_("kit version %(version)s") % {"version": kit.version},
        labels=Labels(
            guidance=_("Guidance for drafters:"),
            contents=_("Contents"),
            status=_("Status"),
            date=_("Date"),
            version=_("Version"),
            page_of=_("Page {page} of {pages}"),
            annex=_("Annex"),
        ),
        guidance=guidance,
        keywords=str(front.get("keywords", "")),
        blanks=blanks,
        date_text=format_long_date(answers.kit_date, language),
        right_to_left=is_right_to_left(language),
    )
