"""Where the wizard keeps a person's answers: their own file, never someone else's.

``ngokit new`` saves answers so that nothing typed is lost. The default file name is the
same for every network, so a second network answering in the same folder must not replace
the first one's file: a file that this session did not start from or write is never
replaced; the answers go to the next free name (``ngokit-answers-2.yaml``) instead, and the
person is told.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ngokit.errors import UsageError
from ngokit.files import write_atomically
from ngokit.i18n import _
from ngokit.output.folder import is_kit_answers


@dataclass
class AnswersFile:
    """A file of saved answers, and whether this session may replace it."""

    path: Path
    ours: bool = False  # True when resuming from it, or once this session has written it

    @classmethod
    def choose(cls, wanted: Path, resume: Path | None = None) -> AnswersFile:
        """Return where to save: the file resumed from (unless it is a built kit's), else
        ``wanted`` or the next free name beside it. Raise UsageError when the folder is not
        one to write in, before any question is asked."""
        if resume is not None and not is_kit_answers(resume):
            _check_folder(resume)
            return cls(resume, ours=True)
        _check_folder(wanted)
        return cls(free_name(wanted))

    def save(self, answers: Mapping[str, Any]) -> Path:
        """Write the answers (completely or not at all); return the file written."""
        from ngokit.questions.answers import plain_values
        from ngokit.yamltext import dump_yaml

        data = dump_yaml(plain_values(answers)).encode("utf-8")
        while True:
            try:
                write_atomically(self.path, data, replace=self.ours)
            except FileExistsError:  # someone saved there since we chose the name
                self.path = free_name(self.path)
                continue
            self.ours = True
            return self.path


def free_name(wanted: Path) -> Path:
    """Return ``wanted`` if no file has that name, else ``name-2.yaml``, ``name-3.yaml``..."""
    candidate, number = wanted, 1
    while os.path.lexists(candidate):
        number += 1
        candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
    return candidate


def _check_folder(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(_("cannot save your answers in {0}: that folder does not exist. Use --save with a file "
                           "in a folder that exists.").format(folder))  # fmt: skip
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(_("cannot save your answers in {0}: you cannot write in that folder. Use --save with a "
                           "file in a folder you can write to.").format(folder))  # fmt: skip
