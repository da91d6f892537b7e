"""Plain words, measured on every document of every example, in both shapes of the kit:
reading grade 8 or below (Flesch-Kincaid), no sentence over 40 words, at most 5% over 30."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngokit import BuildOptions, build_kit
from ngokit.questions.answers import load_answers

from .conftest import EXAMPLES
from .readability import reading

SHAPES = ("starter", "full")


@pytest.fixture(scope="module")
def shaped_kits(tmp_path_factory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("readability")
    return {(example.stem, shape): build_kit({**load_answers(example), "kit_shape": shape},
                                             BuildOptions(out=out, folder=f"{example.stem}-{shape}")).path
            for example in EXAMPLES for shape in SHAPES}  # fmt: skip


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_every_document_is_in_plain_words(shaped_kits, example, shape):
    problems = {document.name: found for document in sorted(shaped_kits[example, shape].glob("*.docx"))
                if (found := reading(document).problems())}  # fmt: skip
    assert not problems, "\n".join(f"{name}: {'; '.join(found)}" for name, found in problems.items())
