"""Country packs: curated, sourced facts about a country, one YAML file per country.

Every fact carries its ``source`` and the date it was last ``verified``; facts the sources
disagree on have ``confidence: low`` and the kit shows them as points to confirm locally.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ngokit.errors import KitError
from ngokit.yamltext import YAMLError, load_yaml

_TOP_KEYS = {"code", "name", "summary", "legal_forms", "constitution_requirements",
             "financial_year", "registration_risks", "notes"}  # fmt: skip
_FACT_KEYS = {"source", "verified", "confidence"}
_CONFIDENCE = {"high", "medium", "low"}
_TOPICS = {"foreign_funding", "board_pay", "registration", "tax", "other"}


@dataclass(frozen=True)
class CountryPack:
    """The curated facts of one country, validated against the pack schema."""

    code: str
    data: Mapping[str, Any]

    @property
    def last_verified(self) -> date:
        """Return the newest ``verified`` date of any fact in the pack."""
        return max(_verified_dates(self.data))

    @property
    def financial_year_start(self) -> int | None:
        """Return the usual first month of the financial year, when the pack knows it."""
        fy = self.data.get("financial_year")
        return int(fy["start_month"]) if fy else None


def load_pack(path: Path, today: date | None = None) -> CountryPack:
    """Return a country pack, or raise KitError naming every way it breaks the schema."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise KitError(f"cannot read the country pack {path}: {exc}") from exc
    problems = pack_problems(data, path.stem, today or date.today())
    if problems:
        raise KitError(f"the country pack {path} is not valid:\n" + "\n".join(f"  - {p}" for p in problems))
    return CountryPack(path.stem, data)


@lru_cache(maxsize=8)
def load_packs(folder: Path) -> dict[str, CountryPack]:
    """Return every country pack in a kit's ``countries/`` folder, by ISO code."""
    return {p.stem: load_pack(p) for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


@lru_cache(maxsize=64)
def load_pack_of(folder: Path, code: str) -> CountryPack | None:
    """Return the pack of one country from a kit's ``countries/`` folder, or None."""
    path = folder / f"{code}.yaml"
    return load_pack(path) if path.is_file() else None


def pack_problems(data: Any, code: str, today: date) -> list[str]:
    """Return what is wrong with a pack's data (empty when it is valid)."""
    if not isinstance(data, dict):
        return ["the file must be a mapping of keys to values"]
    problems = [f"unknown key {k!r}" for k in data if k not in _TOP_KEYS]
    if data.get("code") != code:
        problems.append(f"code must be {code!r}, as in the file name")
    for key in ("name", "summary"):
        if not isinstance(data.get(key), str):
            problems.append(f"{key} is required text")
    forms = data.get("legal_forms")
    if not isinstance(forms, list) or not forms:
        problems.append("legal_forms must list at least one legal form")
    for where, fact in _facts(data):
        problems.extend(f"{where}: {p}" for p in _fact_problems(fact, today))
    return problems


def _facts(data: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    facts: list[tuple[str, Mapping[str, Any]]] = []
    for key in ("legal_forms", "registration_risks", "notes"):
        for i, item in enumerate(data.get(key) or []):
            facts.append((f"{key}[{i}]", item if isinstance(item, dict) else {}))
    for key in ("constitution_requirements", "financial_year"):
        if key in data:
            facts.append((key, data[key] if isinstance(data[key], dict) else {}))
    return facts


def _fact_problems(fact: Mapping[str, Any], today: date) -> list[str]:
    problems = [f"{k} is missing" for k in sorted(_FACT_KEYS) if not fact.get(k)]
    verified = fact.get("verified")
    if verified and not isinstance(verified, date):
        problems.append("verified must be a date written YYYY-MM-DD")
    elif isinstance(verified, date) and verified > today:
        problems.append(f"verified date {verified} is in the future")
    if fact.get("confidence") and fact["confidence"] not in _CONFIDENCE:
        problems.append("confidence must be high, medium or low")
    if "topic" in fact and fact["topic"] not in _TOPICS:
        problems.append(f"topic must be one of {', '.join(sorted(_TOPICS))}")
    if "start_month" in fact and fact["start_month"] not in range(1, 13):
        problems.append("start_month must be 1 to 12")
    return problems


def _verified_dates(data: Mapping[str, Any]) -> list[date]:
    return [f["verified"] for _, f in _facts(data) if isinstance(f.get("verified"), date)]
