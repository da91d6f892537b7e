"""Every document ngokit writes is valid against the ISO/IEC 29500 transitional schemas.

The schemas are in tests/ooxml-xsd/ (see its README). They are loaded once per session
through a wrapper schema that imports each namespace from its local file: libxml2 uses the
first import of a namespace it meets, so the wrapper's local files win over the remote
locations some schemas name (Dublin Core) and over imports that name no file at all (xml).

Each part is checked as Word reads it: markup-compatibility extensions (namespaces listed in
``mc:Ignorable``, ``mc:AlternateContent``) are resolved first, as ISO/IEC 29500-3 lets a
consumer do, and the schema checks the rest, element order included.
"""

from __future__ import annotations

import functools
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from ngokit import BuildOptions, build_kit
from ngokit.kit import load_kit
from ngokit.writer import DocumentMeta, parse_source, write_docx

from .conftest import DEMO, EXAMPLES
from .test_branding import letterhead, reference_like
from .test_reference import ODD_REFERENCES, odd_reference, reference_with_traces, write_with
from .test_writer import SOURCE

XSD = Path(__file__).parent / "ooxml-xsd"
OOXML = "http://schemas.openxmlformats.org/"
SCHEMAS = {
    "http://www.w3.org/XML/1998/namespace": "ext/xml.xsd",
    "http://purl.org/dc/elements/1.1/": "ext/dc.xsd",
    "http://purl.org/dc/terms/": "ext/dcterms.xsd",
    "http://purl.org/dc/dcmitype/": "ext/dcmitype.xsd",
    OOXML + "wordprocessingml/2006/main": "wml.xsd",
    OOXML + "drawingml/2006/main": "dml-main.xsd",
    OOXML + "package/2006/content-types": "opc-xsd/opc-contentTypes.xsd",
    OOXML + "package/2006/relationships": "opc-xsd/opc-relationships.xsd",
    OOXML + "package/2006/metadata/core-properties": "opc-xsd/opc-coreProperties.xsd",
    OOXML + "officeDocument/2006/extended-properties": "shared-documentPropertiesExtended.xsd",
    OOXML + "officeDocument/2006/custom-properties": "shared-documentPropertiesCustom.xsd",
}
MC = OOXML + "markup-compatibility/2006"
MUST_CHECK = {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
              "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/header1.xml",
              "word/footer1.xml"}  # fmt: skip

ONE = "clause-with-a-very-long-anchor-shared-prefix-one"
TWO = "clause-with-a-very-long-anchor-shared-prefix-two"
STRESS = f"""---
title: Stress test
numbered: true
toc: true
---

# First clause {{id={ONE}}}

See clause {{{{ ref('{TWO}') }}}}, and [a link](https://example.org).

> ## A heading inside guidance {{id=inside-guidance}}
>
> ### And a deeper one
>
> Why this clause is here.

## Second clause {{id={TWO}}}

See clause {{{{ ref('{ONE}') }}}}. Fill in {{{{ blank('a date') }}}}.

1. first
   1. nested
2. second

- a bullet
  - a nested bullet

---

| Band | Who approves |
|---|---|
| up to 100 | one signatory |

#### A fourth-level heading {{id=deep}}

    code block
"""


@pytest.fixture(scope="session")
def schema() -> etree.XMLSchema:
    return load_schema()


@functools.cache
def load_schema() -> etree.XMLSchema:
    """Return one schema for every namespace a document's parts use (loaded once per session)."""
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{(XSD / path).as_uri()}"/>'
                      for ns, path in SCHEMAS.items())  # fmt: skip
    wrapper = (f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ngokit:test">'
               f"{imports}</xsd:schema>")  # fmt: skip
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), base_url=(XSD / "wrapper.xsd").as_uri()))


def schema_errors(schema: etree.XMLSchema, docx_path: Path) -> list[str]:
    """Return "part: line: message" for every schema error in a document; fail on an unchecked part."""
    errors = []
    with zipfile.ZipFile(docx_path) as package:
        names = [n for n in package.namelist() if n.endswith((".xml", ".rels"))]
        assert set(names) >= MUST_CHECK, sorted(MUST_CHECK - set(names))
        for name in names:
            root = as_word_reads(etree.fromstring(package.read(name)))
            if not schema.validate(root):
                errors += [f"{docx_path.name} {name}:{e.line}: {e.message}" for e in schema.error_log]
    return errors


def as_word_reads(root: etree._Element) -> etree._Element:
    """Return a part with its markup-compatibility extensions resolved (ISO/IEC 29500-3)."""
    ignorable = set()
    for element in root.iter(etree.Element):
        prefixes = element.get(f"{{{MC}}}Ignorable", "").split()
        ignorable |= {element.nsmap[p] for p in prefixes if p in element.nsmap}
    for alternate in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = alternate.find(f"{{{MC}}}Fallback")
        for child in list(fallback if fallback is not None else ()):
            alternate.addprevious(child)
        alternate.getparent().remove(alternate)
    for element in list(root.iter(etree.Element)):
        if etree.QName(element).namespace in ignorable:
            element.getparent().remove(element)
            continue
        for attribute in list(element.attrib):
            if etree.QName(attribute).namespace in (*ignorable, MC):
                del element.attrib[attribute]
    return root


def stress_kit(folder: Path) -> Path:
    """Return a copy of the bundled kit with one more document: long anchors, guidance headings."""
    kit = folder / "stress-kit"
    shutil.copytree(load_kit().path, kit)
    (kit / "{{cookiecutter.kit_folder}}" / "06-stress.md").write_text(STRESS, encoding="utf-8")
    return kit


def documents_of(case: str, out: Path) -> list[Path]:
    """Return the documents of one case: an example's kit, the stress kit, a right-to-left document
    or a document written with an odd reference."""
    if case.startswith("stress"):
        built = build_kit(DEMO, BuildOptions(out=out, guidance=case == "stress"), kit=stress_kit(out))
        assert (built.path / "06-stress.docx") in built.documents
        return list(built.documents)
    if case == "reference-with-traces":
        return [write_with(reference_with_traces(out), out)]
    if case == "reference-letterhead":  # a logo and an address: kept, with the kit's page line
        return list(build_kit(DEMO, BuildOptions(out=out, reference_docx=letterhead(out))).documents)
    if case == "reference-placeholders":  # placeholders split across runs, filled with fields
        footer = ["Page {pa", "ge} of {pages} · {page_x_of_y}"]
        return [write_with(reference_like(out, "placeholders.docx", ["{network} | {title}"], footer), out)]
    if case.startswith("reference-"):
        return [write_with(odd_reference(out, case.removeprefix("reference-")), out)]
    if case == "right-to-left":
        path = out / "rtl.docx"
        meta = DocumentMeta(title="T", network="N", subject="K", language="ar", kit_date=date(2026, 1, 2),
                            status="Draft", version="1", right_to_left=True)  # fmt: skip
        write_docx(parse_source(SOURCE), path, meta, load_kit().reference_docx)
        return [path]
    return list(build_kit(next(p for p in EXAMPLES if p.stem == case), BuildOptions(out=out)).documents)


CASES = [*(p.stem for p in EXAMPLES), "stress", "stress-without-guidance", "right-to-left",
         *(f"reference-{kind}" for kind in ODD_REFERENCES), "reference-with-traces", "reference-letterhead",
         "reference-placeholders"]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_every_part_is_schema_valid(schema, tmp_path, case):
    documents = documents_of(case, tmp_path)
    errors = [e for document in documents for e in schema_errors(schema, document)]
    assert not errors, "\n".join(errors[:20])


def test_the_schema_check_catches_elements_out_of_order(schema, tmp_path):
    document = documents_of("right-to-left", tmp_path)[0]
    with zipfile.ZipFile(document) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    paragraph = root.find(".//{*}p")
    paragraph.append(paragraph.find("{*}pPr"))  # paragraph properties after the runs
    assert not schema.validate(root)
    assert "pPr" in str(schema.error_log)
