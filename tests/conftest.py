"""Shared fixtures: the bundled kit, example answers and reading built documents back."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from ngokit.kit import load_kit
from ngokit.kit.shipped import examples_dir

# ngokit's cache (compiled templates, resume codes) goes to a folder of the test run's own,
# never to the cache of the person running the tests.
_CACHE = tempfile.mkdtemp(prefix="ngokit-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(examples_dir().glob("*.yaml"))
DEMO = examples_dir() / "kenya-national-network.yaml"
MINIMAL = {"network_name": "Test Network", "country": "KE", "kit_date": "2026-01-15"}


@pytest.fixture(scope="session")
def kit():
    return load_kit()


@pytest.fixture
def write_answers(tmp_path: Path):
    """Return a function that writes answers to a YAML file and returns its path."""

    def write(answers: dict[str, Any], name: str = "answers.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
        return path

    return write


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """Return (style name, text) of every paragraph, table cells included, in order."""
    import docx

    document = docx.Document(str(path))
    found = [(p.style.name, p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [("Table cell", p.text) for p in cell.paragraphs]
    return found


def docx_text(path: Path) -> str:
    """Return all the text of a document, paragraphs and tables, one paragraph a line."""
    return "\n".join(text for _, text in docx_paragraphs(path))


def kit_text(folder: Path) -> str:
    """Return the text of every document in a kit."""
    return "\n".join(docx_text(p) for p in sorted(folder.glob("*.docx")))


TODAY = date(2026, 1, 15)


@pytest.fixture(scope="session")
def kits(tmp_path_factory):
    """Return the contrasting kits and every example, built once for the whole session."""
    from .builtkits import build_kits

    return build_kits(tmp_path_factory)
