"""Country packs: curated, sourced facts about a country, one YAML file per country.

Every fact carries its ``source`` and the date it was last ``verified``; facts the sources
disagree on have ``confidence: low`` and the kit shows them as points to confirm locally.

Besides NGO law, a pack may say what other laws mean for a peer network:

- ``data_protection``: the data-protection ``law`` and its ``regulator`` (itself a fact), its
  ``rules`` for a member register (facts with a ``topic`` from ``_DP_TOPICS``), and a
  ``register_advice`` in plain words that the kit can print (advice, not a legal fact);
- ``drug_law_duties``: duties or powers in drug laws that clash with the kit's policies, for
  example a duty to report drug use (facts naming the ``law`` and a ``topic`` from
  ``_DUTY_TOPICS``);
- ``regional_risks``: laws that make membership of a foreign or regional network risky for a
  member in this country (facts naming the ``law`` and a ``topic`` from ``_REGIONAL_TOPICS``).
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
             "financial_year", "registration_risks", "notes",
             "data_protection", "drug_law_duties", "regional_risks"}  # fmt: skip
_FACT_KEYS = {"source", "verified", "confidence"}
_CONFIDENCE = {"high", "medium", "low"}
_TOPICS = {"foreign_funding", "board_pay", "registration", "tax", "other"}
_DP_KEYS = {"law", "regulator", "rules", "register_advice"} | _FACT_KEYS
_DP_TOPICS = {"registration", "sensitive_data", "consent", "retention", "transfer", "breach", "scope",
              "other"}  # fmt: skip
_DUTY_TOPICS = {"reporting", "registration", "treatment", "premises", "records", "other"}
_REGIONAL_TOPICS = {"foreign_agent", "undesirable", "foreign_funding", "affiliation", "travel",
                    "registration", "other"}  # fmt: skip
_ENTRY_KEYS = {"id", "topic", "text"} | _FACT_KEYS


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
    problems.extend(_other_law_problems(data))
    for where, fact, topics in _facts(data):
        problems.extend(f"{where}: {p}" for p in _fact_problems(fact, today, topics))
    return problems


def _other_law_problems(data: Mapping[str, Any]) -> list[str]:
    """Return what is wrong with the shape of ``data_protection``, ``drug_law_duties`` and
    ``regional_risks``; their facts' sources, dates and topics are checked with the others."""
    problems: list[str] = []
    dp = data.get("data_protection")
    if dp is not None and not isinstance(dp, dict):
        problems.append("data_protection must be a mapping")
    elif dp is not None:
        problems += [f"data_protection: unknown key {k!r}" for k in dp if k not in _DP_KEYS]
        problems += [f"data_protection: {k} is required text" for k in ("law", "register_advice")
                     if not isinstance(dp.get(k), str) or not dp[k].strip()]  # fmt: skip
        if "regulator" in dp and not isinstance(dp["regulator"], str):
            problems.append("data_protection: regulator must be text")
        problems += _entries_problems("data_protection.rules", dp.get("rules", []), _ENTRY_KEYS)
    for key in ("drug_law_duties", "regional_risks"):
        problems += _entries_problems(key, data.get(key, []), _ENTRY_KEYS | {"law"})
    return problems


def _entries_problems(where: str, entries: Any, keys: set[str]) -> list[str]:
    if not isinstance(entries, list):
        return [f"{where} must be a list"]
    problems: list[str] = []
    seen: set[Any] = set()
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(f"{where}[{i}] must be a mapping")
            continue
        problems += [f"{where}[{i}]: unknown key {k!r}" for k in entry if k not in keys]
        problems += [f"{where}[{i}]: {k} is required text" for k in sorted(keys - _FACT_KEYS)
                     if not isinstance(entry.get(k), str) or not entry[k].strip()]  # fmt: skip
        if isinstance(entry.get("id"), str):
            if entry["id"] in seen:
                problems.append(f"{where}[{i}]: id {entry['id']!r} is used twice")
            seen.add(entry["id"])
    return problems


def _facts(data: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any], set[str]]]:
    """Return every fact of a pack: where it is, the fact, and the topics it may have."""
    facts: list[tuple[str, Mapping[str, Any], set[str]]] = []
    for key in ("legal_forms", "registration_risks", "notes"):
        for i, item in enumerate(data.get(key) or []):
            facts.append((f"{key}[{i}]", item if isinstance(item, dict) else {}, _TOPICS))
    for key in ("constitution_requirements", "financial_year"):
        if key in data:
            facts.append((key, data[key] if isinstance(data[key], dict) else {}, _TOPICS))
    dp = data.get("data_protection")
    if isinstance(dp, dict):
        facts.append(("data_protection", dp, _DP_TOPICS))
        rules = dp.get("rules")
        for i, item in enumerate(rules if isinstance(rules, list) else []):
            if isinstance(item, dict):
                facts.append((f"data_protection.rules[{i}]", item, _DP_TOPICS))
    for key, topics in (("drug_law_duties", _DUTY_TOPICS), ("regional_risks", _REGIONAL_TOPICS)):
        entries = data.get(key)
        for i, item in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(item, dict):
                facts.append((f"{key}[{i}]", item, topics))
    return facts


def _fact_problems(fact: Mapping[str, Any], today: date, topics: set[str] = _TOPICS) -> list[str]:
    problems = [f"{k} is missing" for k in sorted(_FACT_KEYS) if not fact.get(k)]
    verified = fact.get("verified")
    if verified and not isinstance(verified, date):
        problems.append("verified must be a date written YYYY-MM-DD")
    elif isinstance(verified, date) and verified > today:
        problems.append(f"verified date {verified} is in the future")
    if fact.get("confidence") and fact["confidence"] not in _CONFIDENCE:
        problems.append("confidence must be high, medium or low")
    if "topic" in fact and fact["topic"] not in topics:
        problems.append(f"topic must be one of {', '.join(sorted(topics))}")
    if "start_month" in fact and fact["start_month"] not in range(1, 13):
        problems.append("start_month must be 1 to 12")
    return problems


def _verified_dates(data: Mapping[str, Any]) -> list[date]:
    return [f["verified"] for _, f, _ in _facts(data) if isinstance(f.get("verified"), date)]
