"""LibreOffice as the real client: every document of every example converts and reads right.

These tests skip when LibreOffice (soffice) or poppler-utils are missing, except in CI
(NGOKIT_REQUIRE_LIBREOFFICE=1, set by .ci/run), where they fail instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from ngokit import BuildOptions, build_kit
from ngokit.errors import NgokitError
from ngokit.kit import load_kit
from ngokit.output.pdf import convert_to_pdf, find_soffice
from ngokit.writer import check_reference

from .conftest import EXAMPLES
from .test_branding import LETTERHEAD, letterhead
from .test_ooxml_schema import load_schema, schema_errors
from .test_reference import write_with
from .test_writer import SOURCE

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module", autouse=True)
def needs_libreoffice():
    missing = [tool for tool, found in (("soffice", find_soffice()), ("pdftotext", shutil.which("pdftotext")),
                                        ("pdfinfo", shutil.which("pdfinfo"))) if not found]  # fmt: skip
    if missing and os.environ.get("NGOKIT_REQUIRE_LIBREOFFICE"):
        pytest.fail(f"LibreOffice tests required but missing: {', '.join(missing)}")
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")


@pytest.fixture(scope="module")
def pdf_kits(tmp_path_factory) -> dict[str, list[Path]]:
    """Build every example with --pdf (one LibreOffice run per kit); return the PDFs by example."""
    out = tmp_path_factory.mktemp("kits")
    kits = {}
    for example in EXAMPLES:
        built = build_kit(example, BuildOptions(out=out, pdf=True))
        kits[example.stem] = sorted(built.path.glob("*.pdf"))
    return kits


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_every_document_converts(pdf_kits, example):
    pdfs = pdf_kits[example]
    docx_count = len(list(pdfs[0].parent.glob("*.docx")))
    assert len(pdfs) == docx_count >= 5


@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_header_footer_and_page_counts(pdf_kits, example):
    network = {
        "kenya-national-network": "Amani Network of People who Use Drugs",
        "unregistered-network-asia": "Jaringan Sebaya Kota",
        "fiscally-hosted-regional-network": "Regional Peer Network of Eastern Europe and Central",
        "women-led-network": "Sisters Who Use Drugs Network",
    }[example]
    for pdf in pdf_kits[example]:
        text = pdf_text(pdf)
        pages = page_count(pdf)
        assert network in text, pdf.name
        assert f"Page 1 of {pages}" in text, pdf.name
        assert 1 <= pages <= 40, (pdf.name, pages)


def test_clause_numbers_are_rendered_by_the_word_processor(pdf_kits):
    constitution = next(p for p in pdf_kits["kenya-national-network"] if p.name.startswith("01-"))
    text = pdf_text(constitution)
    sub_clauses = re.findall(r"^\s*(\d+\.\d+)\s+\S", text, re.M)
    # Each sub-clause number shows twice: typed in the contents' cached entries, and
    # rendered by LibreOffice from the heading style's numbering in the body.
    assert any(sub_clauses.count(n) >= 2 for n in sub_clauses), "no rendered sub-clause number"
    assert re.search(r"^\s*2\.\s+\S", text, re.M), "no level-1 clause number"
    assert re.search(r"^\s*\(a\)\s+\S", text, re.M), "no (a) list item"
    assert re.search(r"^\s*\(b\)\s+\S", text, re.M), "no (b) list item"


def test_a_document_libreoffice_cannot_load_is_reported(tmp_path):
    missing = tmp_path / "missing.docx"  # soffice says it cannot load it, and still exits 0
    with pytest.raises(NgokitError, match="did not make missing.pdf"):
        convert_to_pdf([missing], tmp_path, tmp_path / "profile")


def saved_by_libreoffice(source: Path, folder: Path) -> Path:
    """Return a Word file as LibreOffice saves it (`soffice --convert-to docx`)."""
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    subprocess.run([find_soffice(), "--headless", "--norestore", profile, "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(folder / "saved"), str(source)],
                   capture_output=True, timeout=300, check=True)  # fmt: skip
    return folder / "saved" / f"{source.stem}.docx"


@pytest.fixture(scope="module")
def reference_saved_by_libreoffice(tmp_path_factory) -> Path:
    """Return the kit's reference.docx as LibreOffice saves it: numbering renumbered, styles renamed."""
    folder = tmp_path_factory.mktemp("reference")
    shutil.copy(load_kit().reference_docx, folder / "reference.docx")
    return saved_by_libreoffice(folder / "reference.docx", folder)


def test_a_reference_saved_by_libreoffice_keeps_lettered_lists(reference_saved_by_libreoffice, tmp_path):
    document = write_with(reference_saved_by_libreoffice, tmp_path)
    text = pdf_text(convert_to_pdf([document], tmp_path, tmp_path / "profile")[0])
    items = re.findall(r"^\s*(\S+)\s+(first|second|again first)$", text, re.M)
    assert items == [("(a)", "first"), ("(b)", "second"), ("(a)", "again first")]
    assert re.search(r"^\s*1\.1\s+Quorum", text, re.M), "no rendered clause number"


def test_a_reference_saved_by_libreoffice_gives_schema_valid_documents(reference_saved_by_libreoffice, tmp_path):
    document = write_with(reference_saved_by_libreoffice, tmp_path)  # LibreOffice orders numbering levels wrongly
    assert schema_errors(load_schema(), document) == []


def test_a_reference_saved_by_libreoffice_has_every_style_under_its_names(reference_saved_by_libreoffice, tmp_path):
    assert check_reference(reference_saved_by_libreoffice) == ()
    document = docx.Document(str(write_with(reference_saved_by_libreoffice, tmp_path)))
    ids = {p.style.name: p.style.style_id for p in document.paragraphs}
    assert ids["TOC 1"] == "Contents1" and ids["TOC Heading"] == "ContentsHeading"  # LibreOffice 7.4's names
    assert document.sections[0].header.paragraphs[0].text == "Net  |  T"  # its placeholders, filled
    assert "PAGE" in document.sections[0].footer.part.element.xml


LIBREOFFICE_STYLES = {"Title": "Title", "Heading_20_1": "Heading 1", "Contents_20_Heading": "Contents Heading",
                      "Contents_20_1": "Contents 1", "Contents_20_2": "Contents 2", "Header": "Header",
                      "Footer": "Footer"}  # fmt: skip


def test_a_reference_begun_in_libreoffice_finds_words_styles_under_libreoffices_names(tmp_path):
    styles = "".join(f'<style:style style:name="{k}" style:display-name="{v}" style:family="paragraph"/>'
                     for k, v in LIBREOFFICE_STYLES.items())  # fmt: skip
    styles += '<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"/>'
    body = "".join(f'<text:p text:style-name="{k}">{v}</text:p>' for k, v in LIBREOFFICE_STYLES.items())
    body += '<text:p><text:span text:style-name="Internet_20_link">a link</text:span></text:p>'
    source = tmp_path / "begun.fodt"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f"<office:styles>{styles}</office:styles><office:body><office:text>{body}</office:text></office:body>"
        "</office:document>",
        encoding="utf-8",
    )
    reference = saved_by_libreoffice(source, tmp_path)
    (warning,) = check_reference(reference)  # it lacks the kit's own styles and a few of Word's: a warning
    for found in ('"toc 1"', '"toc 2"', '"TOC Heading"', '"Hyperlink"', '"Title"', '"Heading 1"', '"Header"'):
        assert found not in warning
    assert '"Guidance"' in warning and '"Heading 2"' in warning
    pdf = convert_to_pdf([write_with(reference, tmp_path)], tmp_path, tmp_path / "profile")[0]
    assert re.search(r"^\s*\(a\)\s+first", pdf_text(pdf), re.M)


def test_a_letterhead_saved_by_libreoffice_survives_on_every_page(tmp_path):
    reference = saved_by_libreoffice(letterhead(tmp_path), tmp_path)
    long_source = SOURCE + "".join(f"\n## Clause {n}\n\n" + "Text of the clause. " * 80 + "\n" for n in range(6))
    pdf = convert_to_pdf([write_with(reference, tmp_path, long_source)], tmp_path, tmp_path / "profile")[0]
    pages, text = page_count(pdf), pdf_text(pdf)
    assert pages >= 3
    assert text.count(LETTERHEAD) == pages and text.count("12 Example Road") == pages
    assert [f"Page {n} of {pages}" in text for n in range(1, pages + 1)] == [True] * pages
    assert "Net  |  T" not in text  # no line stacked under the letterhead
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len([line for line in images.splitlines()[2:] if line.strip()]) >= pages  # the logo on every page


def pages_before_annex(pdf: Path) -> int:
    """Return the pages of a PDF before its first annex (all of them when it has none): the
    annex starts on a page of its own, headed "Annex A" (the contents list names it too)."""
    pages = pdf_text(pdf).split("\f")
    starts = [i for i, page in enumerate(pages) if re.search(r"^\s*Annex A\b", page, re.M)]
    return max(starts) if len(starts) > 1 or (starts and starts[0] > 0) else page_count(pdf)


def test_the_demo_network_in_the_starter_shape_meets_the_page_targets(tmp_path):
    """A kit in proportion to a group of ten: the constitution at most 8 pages; the board and
    finance policies at most 6 each before the annexes that hold their procedures."""
    from ngokit.questions.answers import load_answers

    from .conftest import DEMO

    built = build_kit({**load_answers(DEMO), "kit_shape": "starter"}, BuildOptions(out=tmp_path, pdf=True))
    pdfs = {pdf.name[:2]: pdf for pdf in built.path.glob("*.pdf")}
    assert page_count(pdfs["01"]) <= 8
    assert page_count(pdfs["02"]) > pages_before_annex(pdfs["02"]) and pages_before_annex(pdfs["02"]) <= 6
    assert page_count(pdfs["03"]) > pages_before_annex(pdfs["03"]) and pages_before_annex(pdfs["03"]) <= 6
