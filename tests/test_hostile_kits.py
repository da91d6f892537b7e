"""Kits from strangers and builds that go wrong: ngokit runs no code it was not told to trust,
and deletes only what it made in this run."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from ngokit import BuildOptions, build_kit
from ngokit.cli import cli
from ngokit.errors import KitError, NgokitError, OutputExistsError
from ngokit.kit import bundled_kits_dir

from .conftest import MINIMAL

DOCUMENTS = "{{cookiecutter.kit_folder}}"


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def copied_kit(tmp_path: Path, name: str = "mykit") -> Path:
    kit = tmp_path / name
    shutil.copytree(bundled_kits_dir() / "peer-network", kit)
    return kit


def zipped(folder: Path, archive: Path, first_entry: str | None = None) -> Path:
    """Zip a folder's files at the archive's top, optionally after a hostile first entry."""
    with zipfile.ZipFile(archive, "w") as bundle:
        if first_entry is not None:
            bundle.writestr(zipfile.ZipInfo(first_entry), b"")
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                bundle.write(file, file.relative_to(folder).as_posix())
    return archive


# -- a kit .zip never reaches outside its own temporary folder ----------------------------


@pytest.mark.parametrize("first", ["./", "/"])
def test_a_zip_whose_first_entry_is_its_top_deletes_nothing_else(first, tmp_path, monkeypatch, write_answers):
    temp = tmp_path / "temp"
    temp.mkdir()
    (temp / "someone-elses-file.txt").write_text("keep", encoding="utf-8")
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    archive = zipped(copied_kit(tmp_path), tmp_path / "kit.zip", first_entry=first)
    result = run("check", write_answers(MINIMAL), "--template", archive)
    assert result.exit_code == 0, result.output
    assert [p.name for p in temp.iterdir()] == ["someone-elses-file.txt"]


def test_a_zip_entry_with_an_absolute_path_is_refused_and_its_target_kept(tmp_path, write_answers):
    victim = copied_kit(tmp_path / "victim", "kit")  # a folder with a cookiecutter.json of its own
    archive = zipped(copied_kit(tmp_path), tmp_path / "kit.zip", first_entry=f"{victim}/")
    result = run("check", write_answers(MINIMAL), "--template", archive)
    assert result.exit_code == 1
    assert "points outside the kit" in result.output
    assert (victim / "cookiecutter.json").is_file() and (tmp_path / "victim").is_dir()


def test_a_zip_that_unpacks_to_too_much_is_refused(tmp_path, monkeypatch):
    import ngokit.kit.fetch

    monkeypatch.setattr(ngokit.kit.fetch, "MAX_KIT_BYTES", 200_000)
    archive = zipped(copied_kit(tmp_path), tmp_path / "kit.zip")
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("padding.bin", b"\0" * 300_000)  # compresses to almost nothing
    with pytest.raises(KitError, match="more than 0 MB|unpacks to more"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path / "out"), str(archive))
    assert not (tmp_path / "out").exists()


# -- a kit that is not bundled runs no code without --trust ------------------------------

EVIL = "{{ cycler.__init__.__globals__.os.system('touch %s') }}"


def _default_runs_code(kit: Path, marker: Path) -> None:
    manifest = (kit / "cookiecutter.json").read_text(encoding="utf-8")
    (kit / "cookiecutter.json").write_text(
        manifest.replace('"kit_folder": "kit"', '"kit_folder": "kit", "x": "' + EVIL % marker + '"'), encoding="utf-8"
    )


def _extension_runs_code(kit: Path, marker: Path) -> None:
    (kit / "evil_ext.py").write_text(
        f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\n"
        "from jinja2.ext import Extension\nclass Evil(Extension):\n    pass\n",
        encoding="utf-8",
    )
    manifest = (kit / "cookiecutter.json").read_text(encoding="utf-8")
    (kit / "cookiecutter.json").write_text(
        manifest.replace('"ngokit.render.KitExtension"', '"ngokit.render.KitExtension", "evil_ext.Evil"'),
        encoding="utf-8",
    )


def _document_runs_code(kit: Path, marker: Path) -> None:
    document = kit / DOCUMENTS / "01-constitution.md"
    document.write_text(document.read_text(encoding="utf-8") + "\n" + EVIL % marker + "\n", encoding="utf-8")


@pytest.mark.parametrize("plant", [_default_runs_code, _extension_runs_code, _document_runs_code],
                         ids=["cookiecutter.json default", "_extensions module", "document template"])  # fmt: skip
@pytest.mark.parametrize("packed", [False, True], ids=["folder", "zip"])
def test_a_foreign_kit_runs_no_code_without_trust(plant, packed, tmp_path):
    marker = tmp_path / "code-ran"
    kit = copied_kit(tmp_path)
    plant(kit, marker)
    source = str(zipped(kit, tmp_path / "kit.zip") if packed else kit)
    with pytest.raises(NgokitError) as error:
        build_kit(MINIMAL, BuildOptions(out=tmp_path / "out"), source)
    assert not marker.exists()
    assert "unsafe" in str(error.value) or "--trust" in str(error.value)
    assert not (tmp_path / "out").exists()


def test_trust_is_the_switch_that_lets_a_kit_run_its_extension(tmp_path):
    marker = tmp_path / "code-ran"
    kit = copied_kit(tmp_path)
    _extension_runs_code(kit, marker)
    build_kit(MINIMAL, BuildOptions(out=tmp_path / "out", trust=True), str(kit))
    assert marker.read_text() == "ran"


def test_a_kit_with_a_link_to_a_private_file_is_refused(tmp_path):
    secret = tmp_path / "id_rsa"
    secret.write_text("PRIVATE KEY", encoding="utf-8")
    kit = copied_kit(tmp_path)
    (kit / "templates" / "secret.j2").symlink_to(secret)
    with pytest.raises(KitError, match="link to a file outside it"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path / "out"), str(kit))


def test_a_runaway_template_is_stopped(tmp_path):
    kit = copied_kit(tmp_path)
    (kit / DOCUMENTS / "09-loop.md").write_text("{{ 'x' * 10000000 }}", encoding="utf-8")
    with pytest.raises(KitError, match="too long"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path / "out"), str(kit))


def test_a_copied_kit_renders_in_the_sandbox_like_the_bundled_one(tmp_path):
    bundled = build_kit(MINIMAL, BuildOptions(out=tmp_path / "a"))
    copied = build_kit(MINIMAL, BuildOptions(out=tmp_path / "b"), str(copied_kit(tmp_path)))
    for document in bundled.documents:
        assert document.read_bytes() == (copied.path / document.name).read_bytes()


def test_questions_and_countries_take_a_zipped_kit(tmp_path):
    archive = zipped(copied_kit(tmp_path), tmp_path / "kit.zip")
    questions = run("questions", "--template", archive)
    assert questions.exit_code == 0 and "network_name" in questions.output
    countries = run("countries", "--template", archive)
    assert countries.exit_code == 0 and "KE" in countries.output


# -- a failed build removes only what it made ----------------------------------------------


def test_a_failed_build_keeps_what_others_put_in_the_output_folder(tmp_path, monkeypatch):
    import ngokit.build

    out = tmp_path / "kits"

    def meanwhile(*args, **kwargs):
        (out / "other-network").mkdir()
        (out / "other-network" / "answers.yaml").write_text("theirs", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ngokit.build, "_move_into_place", meanwhile)
    with pytest.raises(NgokitError, match="No space left"):
        build_kit(MINIMAL, BuildOptions(out=out))
    assert (out / "other-network" / "answers.yaml").read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in out.iterdir()) == ["other-network"]  # no work folder left


def test_a_failed_build_removes_the_empty_folders_it_made(tmp_path, monkeypatch):
    import ngokit.documents

    monkeypatch.setattr(ngokit.documents, "write_docx", lambda *a, **k: (_ for _ in ()).throw(OSError(13, "denied")))
    with pytest.raises(NgokitError):
        build_kit(MINIMAL, BuildOptions(out=tmp_path / "a" / "b" / "kits"))
    assert list(tmp_path.iterdir()) == []


def test_a_failed_zip_build_writes_no_zip(tmp_path, monkeypatch):
    import ngokit.build

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ngokit.build, "_move_into_place", fail)
    with pytest.raises(NgokitError):
        build_kit(MINIMAL, BuildOptions(out=tmp_path, zip=True))
    assert list(tmp_path.iterdir()) == []


# -- --force replaces an ngokit kit and nothing else ---------------------------------------


def test_force_never_replaces_a_folder_that_is_not_a_kit(tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "thesis.docx").write_text("years of work", encoding="utf-8")
    (documents / "answers.yaml").write_text("not: ngokit's\n", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="is not a kit ngokit built"):
        build_kit({**MINIMAL, "network_name": "Documents"}, BuildOptions(out=tmp_path, force=True))
    assert (documents / "thesis.docx").read_text(encoding="utf-8") == "years of work"


def test_force_never_follows_a_link_named_like_the_kit(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    build_kit(MINIMAL, BuildOptions(out=elsewhere))
    out = tmp_path / "kits"
    out.mkdir()
    (out / "test-network").symlink_to(elsewhere / "test-network")
    with pytest.raises(OutputExistsError):
        build_kit(MINIMAL, BuildOptions(out=out, force=True))
    assert (elsewhere / "test-network" / "answers.yaml").is_file()


def test_force_never_replaces_a_zip_that_is_not_a_kit(tmp_path):
    (tmp_path / "test-network.zip").write_bytes(b"my photos")
    with pytest.raises(OutputExistsError, match="not a kit zip"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path, zip=True, force=True))
    assert (tmp_path / "test-network.zip").read_bytes() == b"my photos"


def test_a_document_open_in_word_is_named(tmp_path):
    built = build_kit(MINIMAL, BuildOptions(out=tmp_path))
    (built.path / "~$-constitution.docx").write_bytes(b"lock")
    with pytest.raises(OutputExistsError, match="open in a word processor"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path, force=True))


# -- two builds of one kit: one winner, one clear error ------------------------------------


def test_two_builds_into_one_folder_have_one_winner(tmp_path, monkeypatch):
    import ngokit.documents

    original = ngokit.documents.write_documents
    racing = {"done": False}

    def race(*args, **kwargs):
        written = original(*args, **kwargs)
        if not racing["done"]:  # while this build writes, another one finishes first
            racing["done"] = True
            build_kit({**MINIMAL, "board_pay": "stipend"}, BuildOptions(out=tmp_path))
        return written

    monkeypatch.setattr(ngokit.documents, "write_documents", race)
    with pytest.raises(OutputExistsError, match="another build wrote .* while this one ran"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path))
    answers = (tmp_path / "test-network" / "answers.yaml").read_text(encoding="utf-8")
    assert "board_pay: stipend" in answers  # the winner's kit, intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["test-network"]


def test_when_the_new_kit_cannot_go_in_the_previous_one_is_kept(tmp_path, monkeypatch):
    import ngokit.build

    first = build_kit(MINIMAL, BuildOptions(out=tmp_path))
    before = (first.path / "01-constitution.docx").read_bytes()
    real_rename = os.rename

    def failing(source, target):
        if Path(target) == first.path:  # neither the new kit nor the old one can go back
            raise OSError(5, "Input/output error")
        return real_rename(source, target)

    monkeypatch.setattr(ngokit.build.os, "replace", failing)
    monkeypatch.setattr(ngokit.build.os, "rename", failing)
    with pytest.raises(NgokitError, match="previous kit is safe in") as error:
        build_kit({**MINIMAL, "board_pay": "stipend"}, BuildOptions(out=tmp_path, force=True))
    kept = Path(str(error.value).rsplit("safe in ", 1)[1])
    assert (kept / "01-constitution.docx").read_bytes() == before


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT"])
def test_a_stopped_build_leaves_nothing_behind(stop, tmp_path, write_answers):
    import signal
    import subprocess
    import sys
    import time

    kit = copied_kit(tmp_path)
    (kit / DOCUMENTS / "09-slow.md").write_text(
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}", encoding="utf-8"
    )
    temp, out = tmp_path / "temp", tmp_path / "kits"
    temp.mkdir()
    command = [sys.executable, "-m", "ngokit", "build", str(write_answers(MINIMAL)), "--template", str(kit),
               "--out", str(out)]  # fmt: skip
    process = subprocess.Popen(command, env={**os.environ, "TMPDIR": str(temp)}, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(temp.iterdir()) and time.monotonic() < deadline:  # the build has started
        time.sleep(0.05)
    time.sleep(0.5)
    process.send_signal(getattr(signal, stop))
    _, errors = process.communicate(timeout=60)
    assert process.returncode != 0, errors
    assert list(temp.iterdir()) == [] and not out.exists()


def test_a_template_that_breaks_at_run_time_names_its_file_and_line(tmp_path):
    kit = copied_kit(tmp_path)
    (kit / DOCUMENTS / "09-broken.md").write_text("fine\n\n{{ cookiecutter._answers.kit_date + 1 }}\n",
                                                  encoding="utf-8")  # fmt: skip
    with pytest.raises(KitError, match=r"09-broken.md, line 3: .*str"):
        build_kit(MINIMAL, BuildOptions(out=tmp_path / "out"), str(kit))
