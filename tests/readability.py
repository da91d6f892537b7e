"""Plain words, measured: the reading grade and sentence lengths of a built document's body.

The body is what members read and adopt: paragraphs, list items and table cells. Guidance
notes for drafters, headings, the cover, the contents, and the header and footer are left out.
Flesch-Kincaid figures come from textstat 0.7.8, which counts syllables with pyphen's
dictionaries (shipped with it; later textstat versions download NLTK data at run time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
import textstat

MAX_GRADE = 8.0
MAX_WORDS = 40
LONG_WORDS = 30
MAX_LONG_SHARE = 0.05

_LEFT_OUT = re.compile(r"^(Heading|Title|Subtitle|Cover Detail|TOC|toc|Guidance|Header|Footer)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z0-9\"“(])")
_BLANK = re.compile(r"\[[^\]]*: _+\]|\[_+\]")  # a blank to fill reads as one word


@dataclass(frozen=True)
class Reading:
    """The readability of one document's body."""

    grade: float
    sentences: list[str]

    @property
    def longest(self) -> str:
        return max(self.sentences, key=words, default="")

    @property
    def long_share(self) -> float:
        return sum(words(s) > LONG_WORDS for s in self.sentences) / max(len(self.sentences), 1)

    def problems(self) -> list[str]:
        """Return what breaks the plain-words rules, each with the figure and the worst case."""
        found = []
        if self.grade > MAX_GRADE:
            found.append(f"reading grade {self.grade:.1f} (at most {MAX_GRADE})")
        too_long = [s for s in self.sentences if words(s) > MAX_WORDS]
        found += [f"a sentence of {words(s)} words: {s[:160]}..." for s in too_long]
        if self.long_share > MAX_LONG_SHARE:
            found.append(f"{self.long_share:.0%} of sentences over {LONG_WORDS} words (at most {MAX_LONG_SHARE:.0%})")
        return found


def words(sentence: str) -> int:
    return int(textstat.lexicon_count(sentence))


def body_texts(path: Path) -> list[str]:
    """Return the body's paragraphs and table cells, blanks shown as one word each."""
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs if not _LEFT_OUT.match(p.style.name or "")]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return [_BLANK.sub("blank", t).strip() for t in texts if t.strip()]


def reading(path: Path) -> Reading:
    """Return the reading grade and the sentences of a document's body."""
    texts = body_texts(path)
    sentences = [s.strip() for text in texts for s in _SENTENCE_END.split(text) if s.strip()]
    return Reading(float(textstat.flesch_kincaid_grade("\n".join(texts))), sentences)
