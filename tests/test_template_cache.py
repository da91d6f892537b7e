"""The kit's compiled templates are cached per computer: a new process compiles nothing, a
changed template is compiled again, and a cache that cannot be trusted or written is not
used and never stops a build."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from ngokit import BuildOptions, build_kit
from ngokit.kit.shipped import bundled_kits_dir
from ngokit.render import sandbox
from ngokit.render.cache import NO_CACHE_VARIABLE, template_cache

from .conftest import DEMO


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder of this test's own, and a count of the templates compiled."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    sandbox._sandbox.cache_clear()  # as in a new process
    yield tmp_path / "cache" / "ngokit" / "templates"
    sandbox._sandbox.cache_clear()


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    names: list[str] = []
    original = sandbox._KitSandbox.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        names.append(str(name))
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(sandbox._KitSandbox, "compile", counting)
    return names


def build(answers: object, out: Path, kit: object = None) -> dict[str, bytes]:
    built = build_kit(answers, BuildOptions(out=out, force=True), kit)  # type: ignore[arg-type]
    return {p.name: p.read_bytes() for p in sorted(built.path.iterdir())}


def test_a_new_process_finds_the_kit_compiled_and_builds_the_same_kit(cache, compiled, tmp_path):
    first = build(DEMO, tmp_path / "first")
    assert any(name.endswith(".md") for name in compiled) and list(cache.glob("*/*.jinja"))
    compiled.clear()
    sandbox._sandbox.cache_clear()  # a new process
    assert build(DEMO, tmp_path / "second") == first
    assert [name for name in compiled if name.endswith((".md", ".j2"))] == []


def test_a_changed_template_is_compiled_again(cache, compiled, tmp_path):
    kit = tmp_path / "kit"
    shutil.copytree(bundled_kits_dir() / "peer-network", kit)
    build(DEMO, tmp_path / "before", kit)
    document = next((kit / "{{cookiecutter.kit_folder}}").glob("01-*.md"))
    document.write_text(document.read_text(encoding="utf-8") + "\nA sentence added by hand.\n", encoding="utf-8")
    sandbox._sandbox.cache_clear()
    compiled.clear()
    from docx import Document

    built = build_kit(DEMO, BuildOptions(out=tmp_path / "after"), kit)
    assert document.name in compiled
    text = "\n".join(p.text for p in Document(str(next(built.path.glob("01-*.docx")))).paragraphs)
    assert "A sentence added by hand." in text


def test_a_cache_file_that_is_not_a_cache_is_compiled_again(cache, compiled, tmp_path):
    first = build(DEMO, tmp_path / "first")
    for file in cache.glob("*/*.jinja"):
        file.write_bytes(b"j2 not what it says" * 10)
    sandbox._sandbox.cache_clear()
    compiled.clear()
    assert build(DEMO, tmp_path / "second") == first
    assert any(name.endswith(".md") for name in compiled)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_folder_others_may_write_to_is_not_used(cache, compiled, tmp_path):
    sandbox._sandbox.cache_clear()
    build(DEMO, tmp_path / "first")
    used = [folder for folder in cache.iterdir() if list(folder.glob("*.jinja"))]
    assert used and all(folder.stat().st_mode & 0o077 == 0 for folder in used)
    for folder in used:  # now open it to others: it is no longer used
        folder.chmod(0o777)
        for file in folder.glob("*.jinja"):
            file.unlink()
    sandbox._sandbox.cache_clear()
    compiled.clear()
    build(DEMO, tmp_path / "second")
    assert any(name.endswith(".md") for name in compiled)
    assert not [file for folder in used for file in folder.glob("*.jinja")]


def test_a_cache_that_cannot_be_made_or_written_never_stops_a_build(tmp_path, monkeypatch, compiled):
    sandbox._sandbox.cache_clear()
    reference = build(DEMO, tmp_path / "reference")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the cache folder cannot be made
    sandbox._sandbox.cache_clear()
    assert build(DEMO, tmp_path / "no-folder") == reference

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "full"))

    def disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", disk_full)  # every cache write fails
    sandbox._sandbox.cache_clear()
    assert build(DEMO, tmp_path / "disk-full") == reference
    sandbox._sandbox.cache_clear()


def test_no_cache_when_turned_off(cache, tmp_path, monkeypatch):
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    build(DEMO, tmp_path / "kit")
    assert not cache.exists()


def test_each_set_of_settings_has_a_cache_of_its_own(cache):
    plain = template_cache(("_KitSandbox", "jinja2.ext.i18n", ()))
    trimmed = template_cache(("_KitSandbox", "jinja2.ext.i18n", (("trim_blocks", True),)))
    assert plain is not None and trimmed is not None
    assert plain.directory != trimmed.directory  # type: ignore[attr-defined]


# The questionnaire's expressions: checked when a kit's questions.yaml is first read, and after
# that only compiled when used, so that the wizard's first question does not wait for Jinja.

QUESTIONS = """\
sections:
  - id: one
    title: One
    questions:
      - name: size
        type: integer
        prompt: How many?
        help: A number.
      - name: big
        type: yesno
        prompt: Big?
        help: Yes or no.
        when: "size > {limit}"
"""


@pytest.fixture
def expressions_compiled(monkeypatch) -> list[str]:
    from ngokit.questions.questionnaire import Expression

    sources: list[str] = []
    original = Expression.compile

    def counting(self):  # type: ignore[no-untyped-def]
        sources.append(self.source)
        original(self)

    monkeypatch.setattr(Expression, "compile", counting)
    return sources


def read_questions(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    from ngokit.questions.reading import load_questionnaire

    path = tmp_path / "questions.yaml"
    path.write_text(text, encoding="utf-8")
    return load_questionnaire(path)


def test_a_questionnaire_read_before_is_not_compiled_again_and_still_works(cache, expressions_compiled, tmp_path):
    read_questions(tmp_path, QUESTIONS.format(limit=10))
    assert expressions_compiled == ["size > 10"]
    expressions_compiled.clear()
    questionnaire = read_questions(tmp_path, QUESTIONS.format(limit=10))
    assert expressions_compiled == []
    when = questionnaire.sections[0].questions[1].when
    assert when is not None and when.evaluate({"size": 11}) is True and when.evaluate({"size": 3}) is False


def test_a_changed_or_broken_questionnaire_is_checked_every_time(cache, expressions_compiled, tmp_path):
    from ngokit.errors import KitError

    read_questions(tmp_path, QUESTIONS.format(limit=10))
    expressions_compiled.clear()
    read_questions(tmp_path, QUESTIONS.format(limit=20))
    assert expressions_compiled == ["size > 20"]
    for _ in range(2):  # a broken one is never remembered as checked
        with pytest.raises(KitError, match=r"when: 'size > \)' is not a valid expression"):
            read_questions(tmp_path, QUESTIONS.format(limit=")"))


def test_questionnaires_are_checked_every_time_without_a_cache(tmp_path, monkeypatch, expressions_compiled):
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for _ in range(2):
        read_questions(tmp_path, QUESTIONS.format(limit=10))
    assert expressions_compiled == ["size > 10", "size > 10"]
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.delenv(NO_CACHE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # no cache folder can be made
    read_questions(tmp_path, QUESTIONS.format(limit=10))
    assert len(expressions_compiled) == 3
