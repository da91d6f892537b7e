"""A reference.docx that is not like the kit's: what it lacks is added, nothing breaks."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ngokit.kit import load_kit
from ngokit.writer import DocumentMeta, check_reference, parse_source, write_docx

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


MISSING = ("Guidance", "toc 1", "toc 2", "List Bullet", "List Bullet 2", "Table Grid", "Blank", "Hyperlink")


def _without_styles(document) -> None:
    for name in MISSING:
        style = document.styles[name].element
        style.getparent().remove(style)


RENAMED = {  # Word's name → (name, id) as another application or language wrote it
    "toc 1": ("Contents 1", "Contents1"),  # LibreOffice before 7, or a document begun in LibreOffice
    "toc 2": ("Contents 2", "Contents2"),
    "TOC Heading": ("Contents Heading", "ContentsHeading"),
    "Hyperlink": ("Hyperlink", "InternetLink"),  # LibreOffice 7.4 keeps the name, not the id
    "Heading 1": ("heading 1", "berschrift1"),  # German Word: English name, localised id
    "Title": ("Titre", "Titre"),  # a file that carries French Word's names
    "Header": ("En-tête", "En-tte"),
    "Guidance": ("Guidance", "Guidance-note"),
}


def _with_renamed_styles(document) -> None:
    """Rename styles as LibreOffice or a localised Word writes them, and every reference to their ids."""
    for word_name, (name, style_id) in RENAMED.items():
        style = document.styles[word_name].element
        old_id = style.styleId
        style.name_val, style.styleId = name, style_id
        section = document.sections[0]
        for part in (document.styles, document.part.numbering_part, section.header.part, section.footer.part):
            for value in part.element.xpath(f'.//*[@w:val="{old_id}"][self::w:basedOn or self::w:next or '
                                            'self::w:link or self::w:pStyle]'):  # fmt: skip
                value.set(qn("w:val"), style_id)


ODD_REFERENCES: dict[str, Callable] = {
    "without-doc-defaults": _without_doc_defaults,
    "without-numbering": _without_numbering,
    "without-final-section": _without_final_section,
    "without-styles": _without_styles,
    "renamed-styles": _with_renamed_styles,
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


def test_styles_are_found_by_their_identity_whatever_an_application_called_them(tmp_path):
    reference = odd_reference(tmp_path, "renamed-styles")
    assert check_reference(reference) == ()
    document = docx.Document(str(write_with(reference, tmp_path)))
    used = {p._p.pPr.pStyle.val for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.pStyle is not None}
    assert {"Contents1", "Contents2", "ContentsHeading", "berschrift1", "Titre", "Guidance-note"} <= used
    assert document.element.body.xpath('.//w:hyperlink/w:r/w:rPr/w:rStyle[@w:val="InternetLink"]')
    header = document.sections[0].header.part.element
    assert header.xpath("string(w:p/w:pPr/w:pStyle/@w:val)") == "En-tte"
    names = [style.name for style in document.styles]
    assert "toc 1" not in names and "Title" not in names and names.count("Guidance") == 1  # no default beside them


def test_a_reference_without_a_style_gets_a_plain_one_and_a_warning_naming_it(tmp_path):
    reference = odd_reference(tmp_path, "without-styles")
    (warning,) = check_reference(reference)
    assert all(f'"{name}"' in warning for name in MISSING)
    assert str(reference) in warning and "reference.docx" in warning  # where to find every style
    document = docx.Document(str(write_with(reference, tmp_path)))
    assert {"Guidance", "toc 1", "List Bullet", "List Bullet 2"} <= {p.style.name for p in document.paragraphs}
    bullets = [p for p in document.paragraphs if p.style.name.startswith("List Bullet")]
    assert [number_format(document, p.style.element.pPr.numPr) for p in bullets] == ["bullet", "bullet"]
    assert document.tables[0].style.name == "Table Grid"
    assert document.styles["Guidance"].element.xpath("w:pPr/w:pBdr")  # still a box
    assert document.element.body.xpath('.//w:rStyle[@w:val="Blank"]')


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


PERSONAL = ("jsmith", "Jane Smith", "Members 2025")
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PACKAGE_RELS, DOCUMENT_RELS = "_rels/.rels", "word/_rels/document.xml.rels"
TRACES = [  # (part, its content type, the relationships that name it, relationship type, XML)
    ("docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml", PACKAGE_RELS,
     REL + "custom-properties",
     '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
     'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
     '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">'
     "<vt:lpwstr>jsmith@example.org</vt:lpwstr></property></Properties>"),
    ("docProps/thumbnail.jpeg", None, PACKAGE_RELS,
     "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
     "not really a JPEG, but it shows jsmith"),
    ("word/people.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml", DOCUMENT_RELS,
     "http://schemas.microsoft.com/office/2011/relationships/people",
     '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person '
     'w15:author="Jane Smith"><w15:presenceInfo w15:providerId="AD" w15:userId="S::jsmith@example.org::1234"/>'
     "</w15:person></w15:people>"),
    ("word/comments.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
     DOCUMENT_RELS, REL + "comments",
     '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" '
     'w:author="Jane Smith" w:initials="JS"><w:p><w:r><w:t>Check with the board</w:t></w:r></w:p></w:comment>'
     "</w:comments>"),
    ("word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
     DOCUMENT_RELS, REL + "header",  # a letterhead someone commented on
     '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:commentRangeStart '
     'w:id="0"/><w:r><w:t>Letterhead</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/>'
     "</w:r></w:p></w:hdr>"),
    ("customXml/item1.xml", None, DOCUMENT_RELS, REL + "customXml",  # SharePoint's document properties
     '<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"><documentManagement>'
     "<Owner><UserInfo><DisplayName>Jane Smith</DisplayName></UserInfo></Owner></documentManagement></p:properties>"),
]  # fmt: skip
SETTINGS_TRACES = (
    '<w:attachedTemplate r:id="rIdTemplate"/>'
    '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="native"/>'
    '<w:query w:val="SELECT * FROM `Members 2025$`"/><w:dataSource r:id="rIdSource"/></w:mailMerge>'
    '<w:docVars><w:docVar w:name="Drafter" w:val="Jane Smith"/></w:docVars>'
)
SETTINGS_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdTemplate" Type="{REL}attachedTemplate" TargetMode="External" '
    'Target="file:///C:\\Users\\jsmith\\AppData\\Roaming\\Microsoft\\Templates\\Letterhead.dotm"/>'
    f'<Relationship Id="rIdSource" Type="{REL}mailMergeSource" TargetMode="External" '
    'Target="file:///C:\\Users\\jsmith\\Documents\\Members%202025.xlsx"/></Relationships>'
)


def reference_with_traces(folder: Path) -> Path:
    """Return a copy of the kit's reference.docx with what Word leaves of its author in a file."""
    with zipfile.ZipFile(load_kit().reference_docx) as original:
        parts = {name: original.read(name).decode("utf-8") for name in original.namelist()}
    _add_trace_parts(parts)
    _add_traces_to_settings_and_properties(parts)
    path = folder / "reference-with-traces.docx"
    with zipfile.ZipFile(path, "w") as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return path


def _add_trace_parts(parts: dict[str, str]) -> None:
    types = ['<Default Extension="jpeg" ContentType="image/jpeg"/>']
    for name, content_type, rels, reltype, xml in TRACES:
        parts[name] = xml
        target = name if rels == PACKAGE_RELS else f"../{name}" if name.startswith("customXml") else name[5:]
        rel = f'<Relationship Id="rId_{Path(name).stem}" Type="{reltype}" Target="{target}"/>'
        parts[rels] = parts[rels].replace("</Relationships>", rel + "</Relationships>")
        types += [f'<Override PartName="/{name}" ContentType="{content_type}"/>'] if content_type else []
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("</Types>", "".join(types) + "</Types>")
    header = '<w:headerReference w:type="default" r:id="rId_header1"/>'
    parts["word/document.xml"] = re.sub(r"(<w:sectPr[^>]*>)", r"\1" + header, parts["word/document.xml"])


def _add_traces_to_settings_and_properties(parts: dict[str, str]) -> None:
    settings = parts["word/settings.xml"]
    parts["word/settings.xml"] = settings.replace("<w:defaultTabStop", SETTINGS_TRACES + "<w:defaultTabStop")
    parts["word/_rels/settings.xml.rels"] = SETTINGS_RELS
    for tag in ("dc:creator", "cp:lastModifiedBy", "dc:description"):
        core = parts["docProps/core.xml"]
        parts["docProps/core.xml"] = core.replace(f"<{tag}></{tag}>", f"<{tag}>Jane Smith</{tag}>")


def test_the_reference_with_traces_has_them_where_word_puts_them(tmp_path):
    document = docx.Document(str(reference_with_traces(tmp_path)))
    names = {str(part.partname) for part in document.part.package.iter_parts()}
    assert {"/docProps/custom.xml", "/docProps/thumbnail.jpeg", "/word/people.xml", "/word/comments.xml",
            "/word/header1.xml", "/customXml/item1.xml"} <= names  # fmt: skip
    assert document.core_properties.author == "Jane Smith"
    settings = document.part.part_related_by(RT.SETTINGS)
    files = [rel.target_ref.rpartition("\\")[2] for rel in settings.rels.values()]
    assert files == ["Letterhead.dotm", "Members%202025.xlsx"]
    assert "Jane Smith" in settings.blob.decode()


def test_no_trace_of_the_reference_author_reaches_the_documents(tmp_path):
    path = write_with(reference_with_traces(tmp_path), tmp_path)
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        text = "\n".join(package.read(name).decode("utf-8", "replace") for name in names)
    assert not [name for name in names if name.startswith(("docProps/custom", "docProps/thumbnail", "customXml"))]
    assert not {"word/people.xml", "word/comments.xml", "word/_rels/settings.xml.rels"} & set(names)
    assert [trace for trace in PERSONAL if trace in text] == []
    assert "attachedTemplate" not in text and "docVars" not in text and "mailMerge" not in text
    assert "comment" not in text and "Letterhead" in text
