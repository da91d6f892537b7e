"""A TA organisation's look on a kit: its letterhead kept, its placeholders filled, the
reference recorded in the kit and used again by a rebuild, warnings instead of refusals."""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
import zlib
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import Cm

from ngokit import BuildOptions, build_kit
from ngokit.cli import cli
from ngokit.kit import load_kit
from ngokit.writer import DocumentMeta, parse_source, write_docx

from .conftest import MINIMAL, kit_text
from .test_reference import reference_with_traces
from .test_writer import SOURCE

LETTERHEAD = "ACME Health Alliance"
ADDRESS = "12 Example Road, Nairobi · info@example.org"


def png(width: int = 8, height: int = 4) -> bytes:
    """Return a small PNG: a logo for a letterhead."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((0x2E, 0x5E, 0x8C)) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


LOGO = png()


def reference_like(folder: Path, name: str, header: list[str] | None = None, footer: list[str] | None = None,
                   logo: bool = False) -> Path:  # fmt: skip
    """Return a copy of the kit's reference whose header and footer hold these runs (and a logo first)."""
    path = folder / name
    shutil.copy(load_kit().reference_docx, path)
    document = docx.Document(str(path))
    section = document.sections[0]
    for story, runs in ((section.header, header), (section.footer, footer)):
        if runs is None:
            continue
        paragraph = story.paragraphs[0]
        paragraph.text = ""
        if logo and story is section.header:
            paragraph.add_run().add_picture(io.BytesIO(LOGO), width=Cm(2.5))
        for text in runs:
            paragraph.add_run(text)
    document.save(str(path))
    return path


def letterhead(folder: Path) -> Path:
    """Return a reference with a letterhead: a logo and a name in the header, an address in the footer."""
    return reference_like(folder, "letterhead.docx", [f"  {LETTERHEAD}"], [ADDRESS], logo=True)


def header_and_footer(path: Path) -> tuple[str, str]:
    section = docx.Document(str(path)).sections[0]
    return (section.header.part.element.xml, section.footer.part.element.xml)


def texts(xml_story) -> list[str]:  # type: ignore[no-untyped-def]
    """Return the text of each paragraph of a header or footer (element), fields' shown results included."""
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in xml_story.iter(qn("w:p"))]


def write(reference: Path, folder: Path, **meta) -> Path:  # type: ignore[no-untyped-def]
    path = folder / "doc.docx"
    defaults = dict(title="Test document", network="Net", subject="Kit", language="en-GB",
                    kit_date=date(2026, 1, 2), status="Draft", version="1")  # fmt: skip
    write_docx(parse_source(SOURCE), path, DocumentMeta(**{**defaults, **meta}), reference)
    return path


# -- the letterhead survives -------------------------------------------------------------


def test_a_letterhead_with_a_logo_and_an_address_survives_a_build(tmp_path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path / "kits", reference_docx=letterhead(tmp_path)))
    assert len(built.documents) >= 5
    for path in built.documents:
        section = docx.Document(str(path)).sections[0]
        header, footer = section.header.part.element, section.footer.part.element
        blips = header.xpath(".//a:blip/@r:embed")
        assert len(blips) == 1, path.name
        assert section.header.part.related_parts[blips[0]].blob == LOGO
        assert texts(header) == [f"  {LETTERHEAD}"], path.name  # no line stacked under the letterhead
        assert texts(footer) == [ADDRESS, "Page 1 of 1"], path.name  # the page line after the address
        assert footer.xpath("string(w:p[2]/w:pPr/w:pStyle/@w:val)") == "Footer"
        assert [i.strip() for i in footer.xpath(".//w:instrText/text()")] == ["PAGE", "NUMPAGES"]
    assert built.warnings == ()


def test_placeholders_are_filled_where_the_reference_puts_them(tmp_path):
    reference = reference_like(tmp_path, "placeholders.docx", ["{net", "work} — {ti", "tle}"],
                               ["Page {page} of {pages} · ", "{page_x_of_y}"])  # fmt: skip
    section = docx.Document(str(write(reference, tmp_path))).sections[0]
    header, footer = section.header.part.element, section.footer.part.element
    assert texts(header) == ["Net — Test document"]
    assert texts(footer) == ["Page 1 of 1 · Page 1 of 1"]  # and no other page line: the footer has its own
    assert [i.strip() for i in footer.xpath(".//w:instrText/text()")] == ["PAGE", "NUMPAGES"] * 2


def test_a_placeholder_keeps_the_formatting_of_its_run(tmp_path):
    reference = tmp_path / "bold.docx"
    shutil.copy(reference_like(tmp_path, "plain.docx", ["x"], ["Page {page}"]), reference)
    document = docx.Document(str(reference))
    document.sections[0].footer.paragraphs[0].runs[-1].bold = True
    document.save(str(reference))
    footer = docx.Document(str(write(reference, tmp_path))).sections[0].footer.part.element
    runs = footer.xpath(".//w:r[*[not(self::w:rPr)]]")
    assert len(runs) == 6  # "Page ", then begin, instruction, separate, "1", end
    assert all(r.find(qn("w:rPr")) is not None and r.rPr.b is not None for r in runs)


@pytest.mark.parametrize("name", ["Net {title}", "Net {page}", "{{ network }}"])
def test_a_network_name_that_looks_like_a_placeholder_stays_text(tmp_path, name):
    reference = reference_like(tmp_path, "placeholders.docx", ["{network} | {title}"], ["{page}"])
    header, footer = header_and_footer(write(reference, tmp_path, network=name))
    assert f"<w:t>{name} | Test document</w:t>" in header
    assert footer.count("PAGE") == 1


def test_a_footer_with_its_own_page_number_gets_no_other(tmp_path):
    reference = reference_like(tmp_path, "numbered.docx", ["Letterhead"], [ADDRESS, " {page}"])
    _, footer = header_and_footer(write(reference, tmp_path))
    assert footer.count("NUMPAGES") == 0 and footer.count(" PAGE ") == 1


def test_an_empty_header_and_footer_get_the_network_the_title_and_page_x_of_y(tmp_path):
    reference = reference_like(tmp_path, "empty.docx", [], [])
    document = docx.Document(str(write(reference, tmp_path)))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Net  |  Test document"
    assert section.header.paragraphs[0].alignment == 2  # right
    assert section.footer.paragraphs[0].text == "Page 1 of 1"


def test_a_right_to_left_document_keeps_the_letterhead_and_starts_filled_lines_on_the_right(tmp_path):
    reference = reference_like(tmp_path, "rtl.docx", ["{network}"], [ADDRESS], logo=True)
    source = docx.Document(str(reference))
    source.sections[0].header.paragraphs[0].alignment = 2  # right, as the kit's own reference has it
    source.save(str(reference))
    path = write(reference, tmp_path, network="شبكة", language="ar", right_to_left=True)
    section = docx.Document(str(path)).sections[0]
    header, footer = section.header.part.element, section.footer.part.element
    assert texts(header) == ["شبكة"] and header.xpath(".//a:blip")
    assert not header.xpath(".//w:jc")  # start-aligned: right, in a right-to-left paragraph
    assert texts(footer) == [ADDRESS, "Page 1 of 1"]


def test_a_different_first_page_keeps_its_letterhead_and_the_other_pages_get_the_kits_lines(tmp_path):
    reference = reference_like(tmp_path, "first-page.docx", [], [])
    document = docx.Document(str(reference))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].add_run().add_picture(io.BytesIO(LOGO), width=Cm(2))
    section.first_page_footer.paragraphs[0].text = ADDRESS
    document.save(str(reference))
    section = docx.Document(str(write(reference, tmp_path))).sections[0]
    first_header, first_footer = section.first_page_header.part.element, section.first_page_footer.part.element
    assert first_header.xpath(".//a:blip") and texts(first_header) == [""]
    assert texts(first_footer) == [ADDRESS, "Page 1 of 1"]
    assert section.header.paragraphs[0].text == "Net  |  Test document"
    assert section.footer.paragraphs[0].text == "Page 1 of 1"
    assert section.even_page_header.is_linked_to_previous  # no even-page header was made up


def test_a_header_on_the_edge_of_the_page_is_moved_into_the_margin(tmp_path):
    reference = reference_like(tmp_path, "edge.docx", [], [])
    document = docx.Document(str(reference))
    document.sections[0].header_distance = document.sections[0].footer_distance = 0
    document.save(str(reference))
    section = docx.Document(str(write(reference, tmp_path))).sections[0]
    assert abs(section.header_distance - section.top_margin // 2) < 635  # to the twip
    assert abs(section.footer_distance - section.bottom_margin // 2) < 635


# -- the kit's own reference is a style sample ------------------------------------------------


def test_the_kits_reference_opens_as_a_sample_of_every_style(kit):
    document = docx.Document(str(kit.reference_docx))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Cover Detail", "TOC Heading", "toc 1", "toc 2", "Heading 1", "Heading 2",
            "Heading 3", "Normal", "List Number", "List Number 2", "List Bullet", "List Bullet 2",
            "Guidance"} <= styles  # fmt: skip
    body = document.element.body
    assert body.xpath('.//w:rStyle[@w:val="Blank"]') and body.xpath('.//w:rStyle[@w:val="Hyperlink"]')
    assert document.tables and document.tables[0].style.name == "Table Grid"
    assert not body.xpath('.//w:br[@w:type="page"]')
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "{network}  |  {title}"
    assert section.footer.paragraphs[0].text == "{page_x_of_y}"


def test_the_sample_text_never_reaches_a_kit(tmp_path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path))
    text = kit_text(built.path)
    assert "Styles of the kit" not in text and "Document title" not in text
    for path in built.documents:
        rels = docx.Document(str(path)).part.rels.values()
        assert not [r for r in rels if r.is_external], path.name  # the sample's link went with it


# -- the reference is recorded, and a rebuild uses it -------------------------------------------


def answers_meta(kit_folder: Path) -> dict:
    return yaml.safe_load((kit_folder / "answers.yaml").read_text(encoding="utf-8"))["generated_by"]


def test_a_chosen_reference_is_kept_in_the_kit_and_named_in_its_answers(tmp_path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path, reference_docx=letterhead(tmp_path)))
    assert (built.path / "reference.docx").is_file()
    assert answers_meta(built.path)["reference"] == "reference.docx"
    assert built.path / "reference.docx" not in built.documents
    assert LETTERHEAD in docx.Document(str(built.path / "reference.docx")).sections[0].header.paragraphs[0].text


def test_a_kit_built_with_its_own_look_records_no_reference(tmp_path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path))
    assert not (built.path / "reference.docx").exists()
    assert "reference" not in answers_meta(built.path)


def test_the_kept_reference_carries_no_trace_of_its_author(tmp_path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path, reference_docx=reference_with_traces(tmp_path)))
    with zipfile.ZipFile(built.path / "reference.docx") as package:
        text = "\n".join(package.read(n).decode("utf-8", "replace") for n in package.namelist())
    assert "Jane Smith" not in text and "jsmith" not in text and "Members 2025" not in text
    assert "Letterhead" in text  # the header it carried is kept


def run_cli(*args) -> object:  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_a_rebuild_from_the_kits_answers_uses_the_recorded_reference(tmp_path, write_answers):
    first = run_cli("build", write_answers(MINIMAL), "--out", tmp_path / "kits", "--reference-docx",
                    letterhead(tmp_path))  # fmt: skip
    assert first.exit_code == 0, first.output
    assert "reference.docx" in first.output
    kit = tmp_path / "kits" / "test-network"
    before = {p.name: p.read_bytes() for p in kit.iterdir()}
    again = run_cli("build", kit / "answers.yaml", "--force")
    assert again.exit_code == 0, again.output + again.stderr
    after = {p.name: p.read_bytes() for p in kit.iterdir()}
    assert after == before  # the same look: every document, the kept reference and answers.yaml, byte for byte
    assert LETTERHEAD in header_and_footer(kit / "01-constitution.docx")[0]


def test_an_explicit_reference_wins_over_the_recorded_one(tmp_path, write_answers):
    run_cli("build", write_answers(MINIMAL), "--out", tmp_path, "--reference-docx", letterhead(tmp_path))
    kit = tmp_path / "test-network"
    plain = reference_like(tmp_path, "plain.docx", ["Other letterhead"], [])
    result = run_cli("build", kit / "answers.yaml", "--force", "--reference-docx", plain)
    assert result.exit_code == 0, result.output
    header = header_and_footer(kit / "01-constitution.docx")[0]
    assert "Other letterhead" in header and LETTERHEAD not in header
    assert "Other letterhead" in header_and_footer(kit / "reference.docx")[0]


def test_replacing_a_kit_keeps_the_reference_it_recorded(tmp_path):
    build_kit(MINIMAL, BuildOptions(out=tmp_path, reference_docx=letterhead(tmp_path)))
    rebuilt = build_kit({**MINIMAL, "board_pay": "stipend"}, BuildOptions(out=tmp_path, force=True))
    assert LETTERHEAD in header_and_footer(rebuilt.path / "01-constitution.docx")[0]
    assert answers_meta(rebuilt.path)["reference"] == "reference.docx"


def test_a_recorded_reference_that_is_gone_is_a_warning(tmp_path, write_answers):
    run_cli("build", write_answers(MINIMAL), "--out", tmp_path, "--reference-docx", letterhead(tmp_path))
    kit = tmp_path / "test-network"
    (kit / "reference.docx").unlink()
    result = run_cli("build", kit / "answers.yaml", "--force")
    assert result.exit_code == 0, result.output
    assert "Warning:" in result.stderr and "reference.docx" in result.stderr and "missing" in result.stderr
    assert LETTERHEAD not in header_and_footer(kit / "01-constitution.docx")[0]


def test_the_cli_prints_a_warning_for_a_reference_that_lacks_a_style(tmp_path, write_answers):
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    result = run_cli("build", write_answers(MINIMAL), "--out", tmp_path / "kits", "--reference-docx", plain)
    assert result.exit_code == 0, result.output
    assert "Warning: the reference document" in result.stderr and '"Guidance"' in result.stderr
    assert "Guidance" not in result.stdout  # warnings go to stderr, never into the documents
    assert '"Guidance"' not in kit_text(tmp_path / "kits" / "test-network")


def test_the_same_answers_and_reference_give_the_same_bytes(tmp_path):
    reference = letterhead(tmp_path)
    one, two = (build_kit(MINIMAL, BuildOptions(out=tmp_path / out, reference_docx=reference)) for out in "ab")
    assert {p.name: p.read_bytes() for p in one.path.iterdir()} == {p.name: p.read_bytes() for p in two.path.iterdir()}
