"""The Markdown → DOCX writer: styles, numbering, references, tables, blanks, guidance."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from ngokit.errors import KitError, ReferenceDocxError
from ngokit.kit import load_kit
from ngokit.writer import DocumentMeta, check_reference, parse_source, write_docx

SOURCE = """---
title: Test document
numbered: true
toc: true
---

# Name {id=name}

Text with **bold**, *italic* and a [link](https://example.org). See clause [](#quorum).

## Quorum {id=quorum}

The meeting needs [number of members](blank:) members.

1. first
2. second

Next list:

1. again first

- a bullet
  - a nested bullet

> Why this clause is here.

| Band | Who approves |
|---|---|
| up to 100 | one signatory |
| above 100 | two signatories |
"""


def write(tmp_path: Path, text: str = SOURCE, **meta) -> Path:
    path = tmp_path / "doc.docx"
    defaults = dict(title="Test document", network="Net", subject="Kit", language="en-GB",
                    kit_date=date(2026, 1, 2), status="Draft for adoption", version="1")  # fmt: skip
    write_docx(parse_source(text), path, DocumentMeta(**{**defaults, **meta}), load_kit().reference_docx)
    return path


def test_headings_use_real_heading_styles(tmp_path):
    document = docx.Document(str(write(tmp_path)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "Name"), ("Heading 2", "Quorum")]


def test_heading_numbers_come_from_the_style_not_the_text(tmp_path):
    document = docx.Document(str(write(tmp_path)))
    numbering = document.styles["Heading 1"].element.pPr.numPr
    assert numbering is not None and numbering.numId.val > 0
    assert not any(p.text[:1].isdigit() for p in document.paragraphs if p.style.name.startswith("Heading"))


def test_cross_reference_is_a_field_with_the_clause_number(tmp_path):
    document = docx.Document(str(write(tmp_path)))
    body = document.element.body.xml
    assert "REF _Ref2_quorum" in body
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Text with"))
    assert paragraph.text.endswith("See clause 1.1.")


LONG_ANCHORS = """---
numbered: true
toc: true
---
# First {id=clause-with-a-very-long-anchor-shared-prefix-one}

See [](#clause-with-a-very-long-anchor-shared-prefix-two).

# Second {id=clause-with-a-very-long-anchor-shared-prefix-two}

See [](#clause-with-a-very-long-anchor-shared-prefix-one).
"""


def bookmarked_headings(document) -> dict[str, str]:
    """Return the text of each bookmarked paragraph, by bookmark name."""
    return {p._p.find(qn("w:bookmarkStart")).get(qn("w:name")): p.text
            for p in document.paragraphs if p._p.find(qn("w:bookmarkStart")) is not None}  # fmt: skip


def test_long_anchors_sharing_a_prefix_get_their_own_bookmarks(tmp_path):
    document = docx.Document(str(write(tmp_path, LONG_ANCHORS)))
    headings = bookmarked_headings(document)
    assert sorted(headings.values()) == ["First", "Second"]
    assert all(len(name) <= 40 for name in headings)
    refs = {p.text: p._p.xpath("string(.//w:instrText)").split()[1] for p in document.paragraphs if "REF" in p._p.xml}
    assert {text: headings[name] for text, name in refs.items()} == {"See 2.": "Second", "See 1.": "First"}
    links = [p._p.find(qn("w:hyperlink")).get(qn("w:anchor")) for p in document.paragraphs if p.style.name == "toc 1"]
    assert [headings[name] for name in links] == ["First", "Second"]


def test_body_contents_and_cross_references_read_one_outline(tmp_path):
    text = SOURCE + "\nSee [](#name) and [](#quorum).\n"
    outline = parse_source(text).headings
    document = docx.Document(str(write(tmp_path, text)))
    starts = document.element.body.findall(f".//{qn('w:bookmarkStart')}")
    assert [(b.get(qn("w:name")), b.get(qn("w:id"))) for b in starts] == [(h.bookmark, str(h.index)) for h in outline]
    toc = [p.text for p in document.paragraphs if p.style.name.startswith("toc")]
    assert toc == [f"{h.shown_number}  {h.text}" for h in outline]
    see = next(p for p in document.paragraphs if p.text.startswith("See "))
    refs = see._p.xpath(".//w:instrText/text()")
    assert [r.split()[1] for r in refs] == [h.bookmark for h in outline]
    assert see.text == f"See {outline[0].number} and {outline[1].number}."


WRITER = Path(__file__).resolve().parent.parent / "ngokit" / "writer"


def test_the_writer_builds_elements_and_never_reaches_into_python_docx_objects():
    reaching = re.compile(r"\._(p|r|tbl|body|element|parent)\b|from docx\.(text|table)\b|\bParagraph\(")
    found = [f"{path.name}: {line.strip()}" for path in sorted(WRITER.glob("*.py"))
             for line in path.read_text(encoding="utf-8").splitlines() if reaching.search(line)]  # fmt: skip
    assert found == []


def test_an_anchor_on_two_headings_is_an_error():
    with pytest.raises(KitError, match="id=twice"):
        parse_source("# A {id=twice}\n\n# B {id=twice}\n", "doc.md")


GUIDANCE_HEADING = """---
numbered: true
toc: true
---
# Name {id=name}

> ## How to choose a name {id=naming-note}
>
> Ask the members.

## Quorum {id=quorum}

See clause [](#quorum).
"""


@pytest.mark.parametrize("guidance", [True, False])
def test_a_heading_inside_guidance_is_no_clause(tmp_path, guidance):
    document = docx.Document(str(write(tmp_path, GUIDANCE_HEADING, guidance=guidance)))
    toc = [p for p in document.paragraphs if p.style.name.startswith("toc")]
    assert [p.text for p in toc] == ["1.  Name", "1.1  Quorum"]
    headings = bookmarked_headings(document)
    assert [headings[p._p.find(qn("w:hyperlink")).get(qn("w:anchor"))] for p in toc] == ["Name", "Quorum"]
    assert "See clause 1.1." in [p.text for p in document.paragraphs]
    notes = [p.text for p in document.paragraphs if p.style.name == "Guidance"]
    assert notes == (["Guidance for drafters: How to choose a name", "Ask the members."] if guidance else [])


def test_a_reference_to_a_heading_inside_guidance_is_an_error(tmp_path):
    with pytest.raises(KitError, match="#naming-note"):
        write(tmp_path, GUIDANCE_HEADING + "\nSee [](#naming-note).\n")


def test_a_reference_to_a_missing_clause_is_an_error(tmp_path):
    with pytest.raises(KitError, match="#nowhere"):
        write(tmp_path, "---\nnumbered: true\n---\n# A\n\nsee [](#nowhere)\n")


def test_each_numbered_list_restarts(tmp_path):
    document = docx.Document(str(write(tmp_path)))
    items = [p for p in document.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in items]
    assert [p.text for p in items] == ["first", "second", "again first"]
    assert num_ids[0] == num_ids[1] != num_ids[2]


def test_nested_bullets(tmp_path):
    styles = [(p.style.name, p.text) for p in docx.Document(str(write(tmp_path))).paragraphs]
    assert ("List Bullet", "a bullet") in styles and ("List Bullet 2", "a nested bullet") in styles


def test_blank_is_marked_by_brackets_and_a_style(tmp_path):
    document = docx.Document(str(write(tmp_path)))
    runs = [r for p in document.paragraphs for r in p.runs if r.style.name == "Blank"]
    assert [r.text for r in runs] == ["[number of members: ________________]"]


def test_guidance_is_a_labelled_box_and_can_be_left_out(tmp_path):
    document = docx.Document(str(write(tmp_path)))
    notes = [p.text for p in document.paragraphs if p.style.name == "Guidance"]
    assert notes == ["Guidance for drafters: Why this clause is here."]
    clean = docx.Document(str(write(tmp_path, guidance=False)))
    assert not [p for p in clean.paragraphs if p.style.name == "Guidance"]


def test_table_has_a_repeating_header_row(tmp_path):
    table = docx.Document(str(write(tmp_path))).tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells] == ["Band", "Who approves"]
    assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)
    widths = [c.width for c in table.rows[1].cells]
    assert all(w > 0 for w in widths)


def test_contents_field_lists_the_headings_before_any_update(tmp_path):
    document = docx.Document(str(write(tmp_path)))
    assert 'TOC \\o "1-2"' in document.element.body.xml
    toc = [p.text for p in document.paragraphs if p.style.name.startswith("toc")]
    assert toc == ["1.  Name", "1.1  Quorum"]


def test_header_footer_and_language(tmp_path):
    document = docx.Document(str(write(tmp_path)))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Net  |  Test document"
    footer = section.footer.paragraphs[0]
    assert "PAGE" in footer._p.xml and "NUMPAGES" in footer._p.xml
    assert footer.text.startswith("Page 1 of 1")
    assert 'w:val="en-GB"' in document.styles.element.xml


def test_cover_block(tmp_path):
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(write(tmp_path))).paragraphs[:4]]
    assert paragraphs[:2] == [("Title", "Test document"), ("Subtitle", "Net")]
    assert ("Cover Detail", "Status: Draft for adoption") in paragraphs


def test_a_reference_without_a_needed_style_gets_a_plain_one_and_a_warning_naming_it(tmp_path):
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))  # python-docx's own template: no Guidance, Blank, toc 1...
    (warning,) = check_reference(plain)
    assert '"Guidance"' in warning and '"Blank"' in warning and '"toc 1" ("Contents 1" in LibreOffice)' in warning
    path = tmp_path / "doc.docx"
    meta = DocumentMeta(title="T", network="N", subject="K", language="en", kit_date=date(2026, 1, 1),
                        status="Draft", version="1")  # fmt: skip
    write_docx(parse_source(SOURCE), path, meta, plain)
    styles = [p.style.name for p in docx.Document(str(path)).paragraphs]
    assert {"Guidance", "toc 1", "toc 2", "Cover Detail", "List Number", "List Bullet 2"} <= set(styles)
    assert "plain.docx" not in "".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_the_kits_own_reference_has_every_style(kit):
    assert check_reference(kit.reference_docx) == ()


def test_a_reference_that_is_not_a_word_file(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ReferenceDocxError, match="cannot read"):
        check_reference(broken)


def test_own_reference_docx_changes_the_look(tmp_path):
    custom = tmp_path / "custom.docx"
    shutil.copy(load_kit().reference_docx, custom)
    look = docx.Document(str(custom))
    look.styles["Normal"].font.name = "Liberation Serif"
    look.save(str(custom))
    path = tmp_path / "doc.docx"
    meta = DocumentMeta(title="T", network="N", subject="K", language="en", kit_date=date(2026, 1, 1),
                        status="Draft", version="1")  # fmt: skip
    write_docx(parse_source(SOURCE), path, meta, custom)
    assert docx.Document(str(path)).styles["Normal"].font.name == "Liberation Serif"


# -- references between documents, and annexes -------------------------------------------

ANNEXED = """---
title: Policy
numbered: true
toc: true
---

# Meetings {id=meetings}

As clause [](kit:constitution#quorum) of the constitution says. Procedure in annex [](#calling).

# Procedures for meetings {id=calling annex}

## Calling a meeting {id=notice}

See [](#notice).

# Forms {annex}

## A form
"""


def test_a_reference_to_another_document_shows_its_clause_number(tmp_path):
    path = write(tmp_path, ANNEXED, clauses={"constitution": {"quorum": "12.8"}})
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "As clause 12.8 of the constitution says. Procedure in annex A." in text


def test_a_reference_to_a_clause_another_document_lacks_is_an_error(tmp_path):
    with pytest.raises(KitError, match="constitution#quorum finds no clause of constitution"):
        write(tmp_path, ANNEXED, clauses={"constitution": {"other": "1"}})
    with pytest.raises(KitError, match="finds no document 'constitution' in this kit"):
        write(tmp_path, ANNEXED, clauses={})


def test_annexes_are_lettered_on_new_pages_and_their_clauses_numbered_from_their_letter(tmp_path):
    document = docx.Document(str(write(tmp_path, ANNEXED, clauses={"constitution": {"quorum": "1"}})))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "Meetings"), ("Heading 1", "Annex A: Procedures for meetings"),
                        ("Heading 2", "A.1 Calling a meeting"), ("Heading 1", "Annex B: Forms"),
                        ("Heading 2", "B.1 A form")]  # fmt: skip
    annex = next(p for p in document.paragraphs if p.text.startswith("Annex A") and p.style.name == "Heading 1")
    assert annex.paragraph_format.page_break_before
    assert annex._p.pPr.numPr.numId.val == 0  # Word adds no number of its own
    assert "See A.1." in [p.text for p in document.paragraphs]
    contents = [p.text for p in document.paragraphs if p.style.name.startswith("toc")]
    assert "Annex A: Procedures for meetings" in contents and "1.  Meetings" in contents


def test_annex_goes_on_a_first_level_heading(tmp_path):
    with pytest.raises(KitError, match="level-1 heading"):
        write(tmp_path, "# One\n\n## Two {annex}\n")


def test_sources_parsed_after_others_give_the_same_tokens_and_the_same_kits(tmp_path):
    """Inline text already parsed in this process is reused, never changed: a kit built after
    other kits is the same, byte for byte, as one built first, and writing a document leaves
    its tokens as they were parsed."""
    from ngokit import BuildOptions, build_kit
    from ngokit.kit.shipped import examples_dir
    from ngokit.writer import source

    def kit_bytes(answers: Path, out: Path) -> dict[str, bytes]:
        built = build_kit(answers, BuildOptions(out=out))
        return {p.name: p.read_bytes() for p in sorted(built.path.iterdir())}

    names = ("fiscally-hosted-regional-network", "kenya-national-network", "women-led-network")
    hosted, kenya, women = (examples_dir() / f"{name}.yaml" for name in names)
    source._parsed_inline.clear()
    first = kit_bytes(hosted, tmp_path / "first")
    kit_bytes(kenya, tmp_path / "kenya")
    kit_bytes(women, tmp_path / "women")
    assert source._parsed_inline  # texts were kept, and the next build reuses them
    assert kit_bytes(hosted, tmp_path / "again") == first

    text = SOURCE + "\n# Annex {id=more annex}\n\nA *b* [c](#more) and [d](blank:)\n"
    parsed = parse_source(text)
    before = [repr(t) for t in parsed.tokens]
    write(tmp_path, text)
    write(tmp_path, text)
    assert [repr(t) for t in parsed.tokens] == before
    assert [repr(t) for t in parse_source(text).tokens] == before


def test_table_rows_left_empty_to_write_in_are_a_handwritten_line_high(tmp_path):
    text = "| Name | Signature |\n|---|---|\n| Chair | |\n| &nbsp; | &nbsp; |\n| Treasurer | signed |\n"
    table = docx.Document(str(write(tmp_path, text))).tables[0]
    heights = [row._tr.find(qn("w:trPr")).find(qn("w:trHeight")) for row in table.rows]
    assert heights[0] is None and heights[3] is None  # the header, and a row with no cell to fill
    for height in heights[1:3]:  # a cell to write in, with nothing in it or only a space
        assert height is not None and height.get(qn("w:hRule")) == "atLeast"
        assert int(height.get(qn("w:val"))) >= 397  # 7 mm, the line spacing of ruled paper
