"""build_kit end to end: examples, answers as data, atomic output, reproducible files."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from ngokit import BuildOptions, build_kit
from ngokit.errors import AnswersError, NgokitError, OutputExistsError

from .conftest import DEMO, EXAMPLES, MINIMAL, docx_paragraphs, docx_text, kit_text

TRICKY_NAMES = [
    "Net {{ 7*7 }}",
    "Net {% if true %}yes{% endif %}",
    "Smith & Sons <Ltd> \"quoted\" 'single'",
    "*Not bold* _nor italic_ [no link](http://x) # no heading",
    "Сеть людей, употребляющих наркотики",
    "شبكة الأشخاص الذين يتعاطون المخدرات",
    "{{ cookiecutter.__class__ }} {#name}",
]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_builds(example: Path, tmp_path: Path):
    built = build_kit(example, BuildOptions(out=tmp_path))
    names = [p.name for p in built.documents]
    assert names[:4] == ["00-start-here.docx", "01-constitution.docx",
                         "02-board-governance-policy.docx", "03-financial-control-policy.docx"]  # fmt: skip
    assert (built.path / "answers.yaml").is_file()
    assert "05-fiscal-hosting-agreement.docx" in names or "hosted" not in example.stem
    assert [p.name for p in tmp_path.iterdir()] == [built.path.name]  # no work folders left


@pytest.mark.parametrize("name", TRICKY_NAMES)
def test_answers_are_data_never_template_code(name: str, tmp_path: Path):
    built = build_kit({**MINIMAL, "network_name": name}, BuildOptions(out=tmp_path))
    constitution = built.path / "01-constitution.docx"
    assert name in docx_text(constitution)
    document = docx.Document(str(constitution))
    assert document.core_properties.author == name
    assert name in document.sections[0].header.paragraphs[0].text
    assert "49" not in docx_text(constitution).replace(name, "") or "7*7" not in name


def test_the_slug_is_readable_ascii_and_stays_inside_out(tmp_path: Path):
    built = build_kit({**MINIMAL, "network_name": "../../Сеть ЛУН"}, BuildOptions(out=tmp_path))
    assert built.path.parent == tmp_path
    assert built.path.name == "set-lun"


def test_an_existing_kit_is_not_overwritten_without_force(tmp_path: Path):
    first = build_kit(MINIMAL, BuildOptions(out=tmp_path))
    marker = first.path / "my-notes.txt"
    marker.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="--force"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path))
    with pytest.raises(OutputExistsError, match=r"files ngokit did not make \(my-notes.txt\)"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path, force=True))
    assert marker.read_text(encoding="utf-8") == "keep me"
    marker.unlink()
    (first.path / "01-constitution.docx").write_bytes(b"edited by hand")
    build_kit(MINIMAL, BuildOptions(out=tmp_path, force=True))
    assert (first.path / "01-constitution.docx").read_bytes().startswith(b"PK")


def test_bad_answers_write_nothing(tmp_path: Path):
    out = tmp_path / "kits"
    with pytest.raises(AnswersError):
        build_kit({"network_name": "X", "country": "Nowhere"}, BuildOptions(out=out))
    assert not out.exists()


def test_a_failure_while_writing_leaves_no_partial_kit(tmp_path: Path, monkeypatch):
    import ngokit.documents

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(ngokit.documents, "write_docx", explode)
    with pytest.raises(NgokitError, match="could not write the kit"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_same_answers_give_byte_identical_files(tmp_path: Path):
    one = build_kit(MINIMAL, BuildOptions(out=tmp_path / "a", zip=True))
    two = build_kit(MINIMAL, BuildOptions(out=tmp_path / "b", zip=True))
    for first in one.path.iterdir():
        assert first.read_bytes() == (two.path / first.name).read_bytes(), first.name
    assert one.zip_path.read_bytes() == two.zip_path.read_bytes()


def test_rebuilding_from_the_kits_answers_file_gives_the_same_kit(tmp_path: Path):
    one = build_kit(DEMO, BuildOptions(out=tmp_path / "a"))
    two = build_kit(one.path / "answers.yaml", BuildOptions(out=tmp_path / "b"))
    for first in one.path.glob("*.docx"):
        assert first.read_bytes() == (two.path / first.name).read_bytes(), first.name


def test_metadata_names_the_network_never_the_tool(tmp_path: Path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path))
    for document in built.documents:
        props = docx.Document(str(document)).core_properties
        assert props.author == props.last_modified_by == "Test Network"
        assert props.created.date().isoformat() == "2026-01-15"
        fields = " ".join(str(v) for v in (props.comments, props.keywords, props.subject, props.title))
        assert "python-docx" not in fields
        assert os.environ.get("USER", "root") not in (props.author, props.last_modified_by)


def test_no_guidance_leaves_out_every_note(tmp_path: Path):
    full = build_kit(DEMO, BuildOptions(out=tmp_path / "a"))
    clean = build_kit(DEMO, BuildOptions(out=tmp_path / "b", guidance=False))
    assert any(style == "Guidance" for style, _ in docx_paragraphs(full.documents[1]))
    for document in clean.documents:
        assert not [t for style, t in docx_paragraphs(document) if style == "Guidance"]


def test_nothing_is_written_outside_the_output_folder(tmp_path: Path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    build_kit(MINIMAL, BuildOptions(out=tmp_path / "out"))
    assert list(home.iterdir()) == []


def test_the_kit_shows_the_answers(tmp_path: Path):
    built = build_kit(DEMO, BuildOptions(out=tmp_path))
    text = kit_text(built.path)
    for expected in ("Amani Network of People who Use Drugs", "Kenya", "KES\u00a050,000", "Kenyan Shilling"):
        assert expected in text, expected


def test_a_kit_from_a_zip_runs_its_hooks_only_when_trusted(tmp_path: Path, monkeypatch):
    import shutil
    import tempfile

    from ngokit.errors import NgokitError
    from ngokit.kit import bundled_kits_dir

    kit = tmp_path / "mykit"
    shutil.copytree(bundled_kits_dir() / "peer-network", kit)
    (kit / "hooks").mkdir()
    ran = tmp_path / "hook-ran"
    (kit / "hooks" / "post_gen_project.py").write_text(
        f"import pathlib\npathlib.Path({str(ran)!r}).write_text('yes')\n", encoding="utf-8"
    )
    archive = Path(shutil.make_archive(str(tmp_path / "mykit"), "zip", tmp_path, "mykit"))
    temp = tmp_path / "temp"  # a temporary folder of this test's own: other programs use the system's
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    with pytest.raises(NgokitError, match=r"mykit.zip contains hooks .* --trust"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path / "out"), str(archive))
    assert not ran.exists()
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path / "out", trust=True), str(archive))
    assert ran.read_text() == "yes"
    assert (built.path / "01-constitution.docx").is_file()
    assert list(temp.iterdir()) == []  # nothing left in the temporary folder


def test_extended_properties_name_no_program(tmp_path: Path):
    import zipfile

    built = build_kit(MINIMAL, BuildOptions(out=tmp_path))
    for document in built.documents:
        with zipfile.ZipFile(document) as package:
            names = package.namelist()
            app = package.read("docProps/app.xml").decode()
        assert "Microsoft" not in app and "python-docx" not in app and "ngokit" not in app
        assert "docProps/thumbnail.jpeg" not in names
