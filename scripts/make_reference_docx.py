"""Build kit_templates/peer-network/reference.docx: the look of every document in the kit.

Run `uv run python scripts/make_reference_docx.py` after changing a style here. A TA
organisation can instead open reference.docx in Word or LibreOffice, change fonts, colours,
header and footer, and save it: the writer takes every style from that file (docs/branding.md).

The file opens as a one-page sample of every style, written by ngokit's own writer from
SAMPLE below, so that there is something to restyle; the writer empties the body of the
reference when it builds, so none of this text reaches a kit. The header and footer hold the
placeholders the writer fills: {network}, {title} and {page_x_of_y}.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ngokit.writer import DocumentMeta, parse_source, write_docx  # noqa: E402
from ngokit.writer.numbering import heading_levels_xml, list_levels_xml  # noqa: E402
from ngokit.writer.package import APP_XML, save_reproducibly  # noqa: E402
from ngokit.writer.styles import CHARACTER_STYLES, PARAGRAPH_STYLES, TABLE_STYLES  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "kit_templates" / "peer-network" / "reference.docx"
INK = RGBColor(0x1F, 0x2A, 0x44)
ACCENT = RGBColor(0x2E, 0x5E, 0x8C)
HEADING_NUM_ID = 10
LIST_ABSTRACT_ID = 21


SAMPLE = """---
title: Document title
numbered: true
toc: true
---

# Styles of the kit {id=styles}

This page shows each style the kit's documents use. Change how the styles look (font, size,
colour, spacing), the header and the footer, then save: ngokit uses your styles and replaces
this text when it builds a kit. Body text is in the Normal style; a blank to fill looks like
[name of the network](blank:); a link looks like [this](https://example.org).

## A numbered clause {id=clause}

Word numbers clauses through the Heading styles (1 / 1.1 / 1.1.1). A member may:

1. take part in general meetings (List Number);
2. stand for the board;
   1. after three months (List Number 2).

- A bulleted list (List Bullet)
  - and its second level (List Bullet 2)

### A third-level heading

> The Guidance style: notes for the people who draft the documents, in a box.

| Amount | Who approves (Table Text) |
|---|---|
| up to 100 | one signatory |
| above 100 | two signatories |
"""

SAMPLE_META = DocumentMeta(
    title="Document title", network="Name of the network", subject="", language="en-GB",
    kit_date=date(2026, 1, 1), status="Draft for adoption", version="kit version 1", date_text="1 January 2026",
)  # fmt: skip
HEADER = "{network}  |  {title}"
FOOTER = "{page_x_of_y}"


def main() -> None:
    doc = Document()
    _page(doc)
    _base_styles(doc)
    _headings(doc)
    _own_styles(doc)
    _numbering(doc)
    _drop_unused(doc)
    _clean_properties(doc)
    with tempfile.TemporaryDirectory() as scratch:
        styles, sample = Path(scratch) / "styles.docx", Path(scratch) / "sample.docx"
        save_reproducibly(doc, styles)
        write_docx(parse_source(SAMPLE), sample, SAMPLE_META, styles)
        doc = Document(str(sample))
    _one_page(doc)
    _placeholders(doc)
    _clean_properties(doc)
    save_reproducibly(doc, OUT)
    print(f"wrote {OUT}")


def _one_page(doc) -> None:
    """Keep the contents on the sample's one page: no page break after them."""
    for brk in doc.element.body.xpath('.//w:br[@w:type="page"]'):
        brk.getparent().remove(brk)


def _placeholders(doc) -> None:
    """Put the placeholders the writer fills in the header and the footer, in place of the lines
    the writer wrote there for the sample."""
    section = doc.sections[0]
    for paragraph, text in ((section.header.paragraphs[0], HEADER), (section.footer.paragraphs[0], FOOTER)):
        alignment = paragraph.alignment
        paragraph.text = text
        paragraph.alignment = alignment


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.3)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.1)


def _base_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    rfonts = normal.element.rPr.rFonts
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(slot), "Calibri")
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    title = doc.styles["Title"]
    title.font.name, title.font.size, title.font.color.rgb = "Cambria", Pt(26), INK
    title.paragraph_format.space_after = Pt(6)
    subtitle = doc.styles["Subtitle"]
    subtitle.font.size, subtitle.font.color.rgb, subtitle.font.italic = Pt(14), ACCENT, False
    subtitle.paragraph_format.space_after = Pt(18)
    for name in ("Header", "Footer"):
        style = doc.styles[name]
        style.font.size, style.font.color.rgb = Pt(8.5), RGBColor(0x55, 0x5B, 0x66)
    for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2"):
        doc.styles[name].paragraph_format.space_after = Pt(3)
    doc.styles["TOC Heading"].font.color.rgb = INK


def _headings(doc) -> None:
    sizes = {1: 14, 2: 12, 3: 11}
    for level, size in sizes.items():
        style = doc.styles[f"Heading {level}"]
        style.font.name, style.font.size, style.font.color.rgb = "Cambria", Pt(size), INK
        style.font.bold = True
        style.paragraph_format.space_before = Pt(16 if level == 1 else 10)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
        rfonts = style.element.rPr.rFonts
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(slot), "Cambria")
        numpr = style.element.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_numId().val = HEADING_NUM_ID
        if level > 1:
            numpr.get_or_add_ilvl().val = level - 1


def _own_styles(doc) -> None:
    styles = doc.styles
    guidance = styles.add_style("Guidance", WD_STYLE_TYPE.PARAGRAPH)
    guidance.base_style = styles["Normal"]
    guidance.font.size, guidance.font.color.rgb = Pt(9.5), RGBColor(0x1F, 0x3B, 0x57)
    guidance.paragraph_format.left_indent = guidance.paragraph_format.right_indent = Cm(0.3)
    guidance.paragraph_format.space_after = Pt(0)
    guidance.paragraph_format.keep_together = True
    ppr = guidance.element.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:pBdr {nsdecls("w")}>'
        '<w:top w:val="single" w:sz="4" w:space="4" w:color="8FA9C4"/>'
        '<w:left w:val="single" w:sz="24" w:space="6" w:color="2E5E8C"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="4" w:color="8FA9C4"/>'
        '<w:right w:val="single" w:sz="4" w:space="4" w:color="8FA9C4"/>'
        '<w:between w:val="nil"/></w:pBdr>'))  # fmt: skip
    ppr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="EAF1F8"/>'))
    _move_after_pbdr(ppr)

    detail = styles.add_style("Cover Detail", WD_STYLE_TYPE.PARAGRAPH)
    detail.base_style = styles["Normal"]
    detail.font.size, detail.font.color.rgb = Pt(10.5), RGBColor(0x33, 0x3A, 0x45)
    detail.paragraph_format.space_after = Pt(2)

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = styles["Normal"]
    table_text.font.size = Pt(9.5)
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.line_spacing = 1.0

    for level in (1, 2):
        toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = styles["Normal"]
        toc.paragraph_format.space_after = Pt(2)
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.tab_stops.add_tab_stop(Cm(16.4), alignment=2, leader=1)  # right, dots
        toc.hidden = False

    blank = styles.add_style("Blank", WD_STYLE_TYPE.CHARACTER)
    blank.element.get_or_add_rPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="FFF2CC"/>')
    )
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb, link.font.underline = ACCENT, True
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _move_after_pbdr(ppr) -> None:
    """Keep pPr children in schema order: pBdr and shd come before spacing and indentation."""
    order = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
             "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
             "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
             "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"]  # fmt: skip
    children = sorted(ppr, key=lambda e: order.index(e.tag.split("}")[1]))
    for child in children:
        ppr.append(child)


def _numbering(doc) -> None:
    numbering = doc.part.numbering_part.element
    heading_levels = heading_levels_xml([f"Heading{level}" for level in (1, 2, 3)])
    list_levels = list_levels_xml()
    first_num = numbering.find(qn("w:num"))
    for aid, levels in ((HEADING_NUM_ID + 10, heading_levels), (LIST_ABSTRACT_ID, list_levels)):
        first_num.addprevious(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
            f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'))  # fmt: skip
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{HEADING_NUM_ID}">'
        f'<w:abstractNumId w:val="{HEADING_NUM_ID + 10}"/></w:num>'))  # fmt: skip


KEEP = {*PARAGRAPH_STYLES, *CHARACTER_STYLES, *TABLE_STYLES, "Default Paragraph Font", "Normal Table",
        "No List", "Title Char", "Subtitle Char", "Header Char", "Footer Char", "Heading 1 Char",
        "Heading 2 Char", "Heading 3 Char", "Heading 4", "Heading 5", "Heading 6", "Heading 4 Char",
        "Heading 5 Char", "Heading 6 Char", "List Paragraph", "List Continue", "List Bullet 3",
        "List Number 3", "Quote", "Quote Char", "Strong", "Emphasis", "Caption", "No Spacing"}  # fmt: skip


def _drop_unused(doc) -> None:
    """Remove the template's unused styles (about a hundred table styles) and its legacy
    parts: the writer opens and saves this file once per document, so its size is speed."""
    for style in list(doc.styles):
        if style.name not in KEEP:
            style.element.getparent().remove(style.element)
    latent = doc.styles.element.find(qn("w:latentStyles"))  # Word's defaults serve as well
    if latent is not None:
        doc.styles.element.remove(latent)
    document_part = doc.part
    for rel_id, rel in list(document_part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            del document_part.rels[rel_id]


def _clean_properties(doc) -> None:
    props = doc.core_properties
    props.author = props.last_modified_by = ""
    props.comments = props.keywords = props.subject = props.title = ""
    props.category = props.content_status = props.version = props.language = ""
    props.revision = 1
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]
    for part in package.parts:  # python-docx's template says "Microsoft Macintosh Word" here
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML


if __name__ == "__main__":
    main()
