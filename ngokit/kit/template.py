"""Kit templates: finding one (bundled, a folder, a zip or a git URL) and reading its manifest."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ngokit import locales
from ngokit.errors import KitError
from ngokit.i18n import PSEUDO_LOCALE, available_languages
from ngokit.kit.packs import CountryPack, load_pack_of, load_packs
from ngokit.kit.shipped import bundled_kits_dir
from ngokit.questions.answers import ENGINE_QUESTIONS, Answers, validate_answers
from ngokit.questions.questionnaire import Questionnaire
from ngokit.questions.reading import load_questionnaire

DEFAULT_KIT = "peer-network"


@dataclass(frozen=True)
class Kit:
    """A kit template on disk: its questions, look, translations and country packs."""

    path: Path
    name: str
    version: str
    title: str
    questionnaire: Questionnaire
    bundled: bool
    source: str = ""  # what the person named (a folder, zip or URL), for messages

    @property
    def reference_docx(self) -> Path:
        """Return the kit's reference.docx (styles, numbering, page set-up)."""
        return self.path / "reference.docx"

    @property
    def locale_dir(self) -> Path:
        """Return the folder of the kit's translations."""
        return self.path / "locale"

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the documents' languages this kit has text for (plus the pseudo-locale)."""
        return (*available_languages(self.locale_dir), PSEUDO_LOCALE)

    @property
    def has_hooks(self) -> bool:
        """Return True when the kit carries cookiecutter hooks (code that would run)."""
        hooks = self.path / "hooks"
        return hooks.is_dir() and any(hooks.iterdir())

    @property
    def packs(self) -> dict[str, CountryPack]:
        """Return every curated country pack of the kit, by ISO code."""
        return load_packs(self.path / "countries")

    def pack(self, code: str) -> CountryPack | None:
        """Return the country pack of one country, or None when the kit has none."""
        return load_pack_of(self.path / "countries", code)

    def validate(self, raw: Mapping[str, Any], source: str = "answers") -> Answers:
        """Return valid answers for this kit (its questions, languages and country packs)."""
        return validate_answers(raw, self.questionnaire, languages=self.languages, source=source,
                                country_facts=self.country_facts)  # fmt: skip

    def country_facts(self, code: str, languages: tuple[str, ...]) -> Mapping[str, Any]:
        """Return the ``country_*`` values that question defaults use, pack first, then Babel."""
        facts = locales.country_facts(code, languages)
        pack = self.pack(code)
        if pack is not None:
            facts["country_financial_year_start"] = pack.financial_year_start
            facts["country_legal_forms"] = [form["local_name"] for form in pack.data["legal_forms"]]
        return facts


def load_kit(source: str | Path | None = None) -> Kit:
    """Return the kit in a local folder (None for the bundled kit); see open_kit for others."""
    if source is None:
        return _read_kit(bundled_kits_dir() / DEFAULT_KIT, bundled=True)
    path = Path(source).expanduser()
    if not path.is_dir():
        raise KitError(f"the kit {source} is not a folder")
    bundled = path.resolve().parent == bundled_kits_dir().resolve()
    if not bundled:
        _check_links(path.resolve(), str(source))
    return replace(_read_kit(path, bundled=bundled), source=str(source))


@contextlib.contextmanager
def open_kit(source: str | Path | Kit | None = None) -> Iterator[Kit]:
    """Yield the kit at ``source``: None for the bundled kit, a folder, a .zip or a git URL.

    A zip or git kit is unpacked into a temporary folder that this context owns and removes,
    by its exact path, when the block ends.
    """
    if isinstance(source, Kit):
        yield source
        return
    if source is None or Path(source).expanduser().is_dir():
        yield load_kit(source)
        return
    from ngokit.kit.fetch import fetch_kit

    with tempfile.TemporaryDirectory(prefix="ngokit-kit-") as work:
        path = fetch_kit(str(source), Path(work))
        _check_links(path.resolve(), str(source))
        yield replace(_read_kit(path, bundled=False), source=str(source))


def _check_links(root: Path, source: str) -> None:
    """Refuse a kit with a symbolic link that leads outside it (it could pull a private file
    of this computer into the documents)."""
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            path = Path(folder) / name
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                raise KitError(f"the kit {source} has a link to a file outside it: {path.relative_to(root)}")


def _read_kit(path: Path, bundled: bool) -> Kit:
    questions = path / "questions.yaml"
    stamp = questions.stat().st_mtime_ns if questions.is_file() else 0
    return _read_kit_cached(path.resolve(), bundled, stamp)


@lru_cache(maxsize=16)
def _read_kit_cached(path: Path, bundled: bool, _stamp: int) -> Kit:
    """Return a kit, read once per process (batch workers build many kits from one)."""
    manifest_file = path / "cookiecutter.json"
    if not manifest_file.is_file():
        raise KitError(f"{path} is not a kit template: it has no cookiecutter.json")
    try:
        manifest = json.loads(manifest_file.read_text(encoding="utf-8")).get("_kit", {})
    except (OSError, UnicodeDecodeError, ValueError, AttributeError, RecursionError) as exc:
        raise KitError(f"{manifest_file} is not valid JSON with a _kit block: {exc}") from exc
    if not isinstance(manifest, dict):
        raise KitError(f"{manifest_file}: _kit must be an object with name, version and title")
    questions = path / "questions.yaml"
    if not questions.is_file():
        raise KitError(f"{path} is not an ngokit kit: it has no questions.yaml")
    questionnaire = load_questionnaire(questions)
    _check_engine_questions(questionnaire, questions)
    return Kit(
        path=path,
        name=str(manifest.get("name", path.name)),
        version=str(manifest.get("version", "0")),
        title=str(manifest.get("title", path.name)),
        questionnaire=questionnaire,
        bundled=bundled,
    )


def _check_engine_questions(questionnaire: Questionnaire, path: Path) -> None:
    """Raise KitError unless the kit asks every question the engine reads, with its type."""
    problems = []
    for name, kind in ENGINE_QUESTIONS.items():
        if name not in questionnaire.names:
            problems.append(f"the kit must ask {name!r} (a {kind} question): ngokit reads it")
        elif questionnaire[name].type != kind:
            problems.append(f"question {name!r} must be a {kind} question (it is {questionnaire[name].type})")
    if problems:
        raise KitError(f"{path} is not a valid questionnaire:\n" + "\n".join(f"  - {p}" for p in problems))
