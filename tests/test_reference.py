"""A reference.docx that is not like the kit's: what it lacks is added, nothing breaks."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ngokit.kit import load_kit
from ngokit.writer import DocumentMeta, parse_source, write_docx

from .test_writer import SOURCE


def _without_doc_defaults(document) -> None:
    styles = document.styles.element
    styles.remove(styles.find(qn("w:docDefaults")))


def _without_numbering(document) -> None:
    part = document.part
    for rel_id in [r for r, rel in part.rels.items() if rel.reltype == RT.NUMBERING]:
        del part.rels[rel_id]


def _without_final_section(document) -> None:
    body = document.element.body
    body.remove(body.sectPr)


ODD_REFERENCES: dict[str, Callable] = {
    "without-doc-defaults": _without_doc_defaults,
    "without-numbering": _without_numbering,
    "without-final-section": _without_final_section,
}


def odd_reference(folder: Path, kind: str) -> Path:
    """Return a copy of the kit's reference.docx that lacks one part the writer relies on."""
    path = folder / f"reference-{kind}.docx"
    shutil.copy(load_kit().reference_docx, path)
    document = docx.Document(str(path))
    ODD_REFERENCES[kind](document)
    document.save(str(path))
    return path


def write_with(reference: Path, folder: Path, text: str = SOURCE) -> Path:
    """Return the path of a document written from text with a reference."""
    path = folder / "doc.docx"
    meta = DocumentMeta(title="T", network="Net", subject="K", language="en-GB", kit_date=date(2026, 1, 2),
                        status="Draft", version="1")  # fmt: skip
    write_docx(parse_source(text), path, meta, reference)
    return path


def number_format(document, numpr) -> str:
    """Return the number format (``lowerLetter``, ``decimal``...) of a paragraph's or style's ``w:numPr``."""
    level = numpr.ilvl.val if numpr.ilvl is not None else 0
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(numpr.numId.val).abstractNumId.val
    return numbering.xpath(f'string(w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl[@w:ilvl="{level}"]'
                           "/w:numFmt/@w:val)")  # fmt: skip


@pytest.mark.parametrize("kind", ODD_REFERENCES)
def test_a_reference_that_lacks_a_part_still_writes_numbered_documents(tmp_path, kind):
    document = docx.Document(str(write_with(odd_reference(tmp_path, kind), tmp_path)))
    items = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [number_format(document, p._p.pPr.numPr) for p in items] == ["lowerLetter"] * 3
    assert number_format(document, document.styles["Heading 2"].element.pPr.numPr) == "decimal"
    assert document.sections[0].header.paragraphs[-1].text == "Net  |  T"
    assert 'w:val="en-GB"' in document.styles.element.xml


def test_a_reference_without_list_numbering_gets_the_kits(tmp_path):
    reference = tmp_path / "reference.docx"
    shutil.copy(load_kit().reference_docx, reference)
    look = docx.Document(str(reference))
    numbering = look.part.numbering_part.element
    for abstract in numbering.xpath('w:abstractNum[w:lvl/w:numFmt/@w:val="lowerLetter"]'):
        numbering.remove(abstract)
    look.save(str(reference))
    document = docx.Document(str(write_with(reference, tmp_path)))
    items = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [number_format(document, p._p.pPr.numPr) for p in items] == ["lowerLetter"] * 3
