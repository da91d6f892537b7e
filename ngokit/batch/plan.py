"""Which row gets which kit: every row has a folder of its own, and a kit is rebuilt only when
what its row says has changed.

A row's folder comes from its network's name and how many rows above it share that name
(``kenya-peer-network``, then ``kenya-peer-network-2``), counting every row, valid or not, so
fixing a row never moves another row's kit. A folder that already holds a kit is compared
with what the row would build now (its answers and the versions of ngokit and the kit): the
same, the kit is kept; different, it is rebuilt, and the report says why. One row's kit is
never reported as another's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ngokit.batch.sheets import SheetRow
from ngokit.build import answers_text, recorded_reference
from ngokit.errors import AnswersError
from ngokit.i18n import _
from ngokit.kit import Kit
from ngokit.output.folder import ANSWERS_FILE, is_kit_answers
from ngokit.output.slug import kit_slug
from ngokit.questions.answers import Answers, load_answers

BUILT, REBUILT, UNCHANGED = "built", "rebuilt: its answers changed", "unchanged"
INVALID, FAILED, NOT_BUILT = "invalid", "failed", "not built"
EXAMPLE_MARK = "(example)"
"""A row whose network name starts with this is the template's example, never built."""


@dataclass
class RowResult:
    """What happened to one row of the spreadsheet, and how its answers were read."""

    row: int
    network: str
    status: str = NOT_BUILT
    kit_path: str = ""  # the kit's folder, relative to the report's
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # built, but see these (its reference lacks a style)

    @property
    def ok(self) -> bool:
        """Return True when the row's kit exists now."""
        return self.status in (BUILT, REBUILT, UNCHANGED)


@dataclass(frozen=True)
class Planned:
    """A valid row to build, with its folder and whether it replaces the row's earlier kit."""

    result: RowResult
    answers: dict[str, Any]
    folder: str
    replace: bool = False  # the folder holds an earlier kit of the row, which the build replaces
    changed: bool = False  # ... because what the row says has changed (not only because of --force)


def plan_rows(rows: list[SheetRow], kit: Kit, out: Path, force: bool = False) -> tuple[list[RowResult], list[Planned]]:
    """Validate every row and give each its folder; return all results (invalid and unchanged
    ones filled in) and the rows to build."""
    results: list[RowResult] = []
    planned: list[Planned] = []
    for row, folder in zip(rows, row_folders(rows), strict=True):
        result = RowResult(row.number, str(row.answers.get("network_name", "")).strip())
        results.append(result)
        answers = _with_kit_date_of(row.answers, out / folder)
        try:
            valid = kit.validate(answers, _("row {0}").format(row.number))
        except AnswersError as exc:
            result.status, result.errors = INVALID, [str(p) for p in exc.problems]
            continue
        result.notes = [str(note) for note in valid.notes]
        item = _plan(result, answers, valid, kit, out / folder, force)
        if item is not None:
            planned.append(item)
    return results, planned


def row_folders(rows: list[SheetRow]) -> list[str]:
    """Return each row's kit folder: its name as a slug, numbered from the second row that has it."""
    seen: dict[str, int] = {}
    folders = []
    for row in rows:
        slug = kit_slug(str(row.answers.get("network_name") or "network"))
        seen[slug] = seen.get(slug, 0) + 1
        folders.append(slug if seen[slug] == 1 else f"{slug}-{seen[slug]}")
    return folders


def _plan(result: RowResult, answers: dict[str, Any], valid: Answers, kit: Kit, folder: Path,
          force: bool) -> Planned | None:  # fmt: skip
    """Return the row's build, or None when its kit is there already and the same."""
    existing = folder / ANSWERS_FILE
    if not folder.exists() and not folder.is_symlink():
        return Planned(result, answers, folder.name)
    recorded = recorded_reference(existing)
    kept = recorded.name if recorded is not None and recorded.is_file() else None  # a rebuild keeps it
    same = is_kit_answers(existing) and existing.read_text(encoding="utf-8") == answers_text(valid, kit, kept)
    if same and not force:
        result.status, result.kit_path = UNCHANGED, folder.name
        return None
    return Planned(result, answers, folder.name, replace=True, changed=not same)


def _with_kit_date_of(answers: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Return the row's answers; a row that gives no date keeps the date of its kit (else its
    kit would change every day the batch runs)."""
    if answers.get("kit_date") or not is_kit_answers(folder / ANSWERS_FILE):
        return answers
    earlier = load_answers(folder / ANSWERS_FILE).get("kit_date")
    return {**answers, "kit_date": earlier} if earlier else answers
