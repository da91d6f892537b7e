"""Translation machinery: the message template is current, and a catalogue translates a kit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from ngokit import BuildOptions, build_kit
from ngokit.kit import load_kit

from .conftest import MINIMAL, ROOT, docx_text

KIT = ROOT / "kit_templates" / "peer-network"


def msgids(pot: Path) -> set[str]:
    with pot.open("rb") as handle:
        return {str(m.id) for m in read_po(handle) if m.id}


def test_the_message_template_lists_every_translatable_string(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(KIT / "babel.cfg"),
                    "--no-location", "--omit-header", "-o", str(fresh), str(KIT), str(ROOT / "ngokit")],
                   check=True, capture_output=True)  # fmt: skip
    committed = msgids(KIT / "locale" / "messages.pot")
    missing = msgids(fresh) - committed
    assert not missing, f"run the extraction command in babel.cfg; new strings: {sorted(missing)[:5]}"


def kit_with_catalogue(tmp_path: Path, language: str):
    """Return a copy of the kit with a complete (marked, not real) catalogue for a language."""
    kit_copy = tmp_path / "kit"
    shutil.copytree(KIT, kit_copy)
    with (KIT / "locale" / "messages.pot").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    for message in catalog:
        if message.id:
            message.string = tuple(f"«{s}»" for s in message.id) if message.pluralizable else f"«{message.id}»"
    target = kit_copy / "locale" / language / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "messages.po").open("wb") as handle:
        write_po(handle, catalog)
    return load_kit(kit_copy)


def test_a_catalogue_translates_the_kit_and_babel_formats_for_the_language(tmp_path):
    kit = kit_with_catalogue(tmp_path, "fr")
    assert "fr" in kit.languages
    answers = {**MINIMAL, "language": "fr", "dual_signature_threshold": 1234567}
    built = build_kit(answers, BuildOptions(out=tmp_path / "out"), kit)
    text = docx_text(built.path / "03-financial-control-policy.docx")
    assert "«Financial control policy»" in text
    assert "15 janvier 2026" in text  # the kit date, written by Babel in French
    assert "1\u202f234\u202f567" in text or "1\u00a0234\u00a0567" in text  # French digit grouping


def test_the_interface_message_template_is_current(tmp_path):
    fresh = tmp_path / "messages.pot"
    config = ROOT / "ngokit" / "babel.cfg"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(config),
                    "--no-location", "--omit-header", "-o", str(fresh), str(ROOT / "ngokit"), str(KIT)],
                   check=True, capture_output=True)  # fmt: skip
    missing = msgids(fresh) - msgids(ROOT / "ngokit" / "locale" / "messages.pot")
    assert not missing, f"run the extraction command in ngokit/babel.cfg; new strings: {sorted(missing)[:5]}"
    assert "What is the full name of your network?" in msgids(fresh)  # questions.yaml is extracted too


def test_every_shipped_translation_is_complete():
    for locale_dir, pot in ((KIT / "locale", KIT / "locale" / "messages.pot"),
                            (ROOT / "ngokit" / "locale", ROOT / "ngokit" / "locale" / "messages.pot")):  # fmt: skip
        wanted = msgids(pot)
        for po in locale_dir.glob("*/LC_MESSAGES/messages.po"):
            with po.open("rb") as handle:
                translated = {str(m.id) for m in read_po(handle) if m.id and m.string and not m.fuzzy}
            assert wanted <= translated, f"{po}: {len(wanted - translated)} strings not translated"


def test_a_right_to_left_language_gives_right_to_left_documents(tmp_path):
    import docx
    from docx.oxml.ns import qn

    kit = kit_with_catalogue(tmp_path, "ar")
    built = build_kit({**MINIMAL, "language": "ar", "country": "LB"}, BuildOptions(out=tmp_path / "out"), kit)
    document = docx.Document(str(built.path / "03-financial-control-policy.docx"))
    assert document.styles["Normal"].element.pPr.find(qn("w:bidi")) is not None
    assert document.styles["Title"].element.pPr.find(qn("w:jc")) is None  # no physical "left"
    assert all(t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in document.tables)
    assert "يناير" in docx_text(built.path / "03-financial-control-policy.docx")  # January, by Babel
    english = build_kit(MINIMAL, BuildOptions(out=tmp_path / "en"))
    plain = docx.Document(str(english.path / "03-financial-control-policy.docx"))
    assert plain.styles["Normal"].element.pPr.find(qn("w:bidi")) is None
