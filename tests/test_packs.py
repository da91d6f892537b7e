"""Country packs: every fact sourced and dated, every pack builds, other countries get a generic kit."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from ngokit import BuildOptions, build_kit
from ngokit.errors import KitError
from ngokit.kit import load_kit
from ngokit.kit.packs import load_pack, pack_problems
from ngokit.locales import country_codes, currencies_of

from .conftest import docx_text

PACK_DIR = load_kit().path / "countries"
PACKS = sorted(PACK_DIR.glob("*.yaml"))
REQUIRED = {"KE", "ZA", "UA", "KG", "ID", "IN", "TH", "NP", "MX", "CO", "BR", "LB", "MA", "GB", "CA", "AU"}


def test_the_sixteen_checklist_countries_have_packs():
    assert {p.stem for p in PACKS} >= REQUIRED


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.stem)
def test_pack_follows_the_schema(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert pack_problems(data, path.stem, date.today()) == []
    assert path.stem in country_codes()


def test_schema_catches_a_fact_without_source_or_with_a_future_date(tmp_path: Path):
    data = yaml.safe_load((PACK_DIR / "KE.yaml").read_text(encoding="utf-8"))
    data["legal_forms"][0].pop("source")
    data["legal_forms"][0]["verified"] = date.today() + timedelta(days=3)
    data["notes"] = [{"id": "x", "topic": "gossip", "text": "t", "source": "s", "verified": date(2026, 1, 1),
                      "confidence": "sure"}]  # fmt: skip
    bad = tmp_path / "KE.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_pack(bad)
    message = str(caught.value)
    for expected in ("legal_forms[0]: source is missing", "is in the future", "topic must be one of",
                     "confidence must be high, medium or low"):  # fmt: skip
        assert expected in message


def test_the_sixteen_checklist_countries_know_their_data_protection_law():
    for code in sorted(REQUIRED):
        dp = yaml.safe_load((PACK_DIR / f"{code}.yaml").read_text(encoding="utf-8")).get("data_protection")
        assert dp and dp["law"] and dp["register_advice"] and dp["rules"], code


def _ke_with_other_laws() -> dict:
    data = yaml.safe_load((PACK_DIR / "KE.yaml").read_text(encoding="utf-8"))
    fact = {"source": "https://example.org/law", "verified": date(2026, 1, 1), "confidence": "medium"}
    data["drug_law_duties"] = [{"id": "report", "topic": "reporting", "law": "Act, s.1", "text": "t", **fact}]
    data["regional_risks"] = [{"id": "agent", "topic": "foreign_agent", "law": "Act, s.2", "text": "t", **fact}]
    return data


def test_other_laws_follow_the_schema():
    assert pack_problems(_ke_with_other_laws(), "KE", date.today()) == []


def test_schema_catches_unsourced_or_misshapen_facts_about_other_laws():
    data = _ke_with_other_laws()
    dp = data["data_protection"]
    dp.pop("source")
    dp["rules"][0]["verified"] = "last week"
    dp["rules"][1]["topic"] = "gossip"
    dp["rules"][2]["id"] = dp["rules"][1]["id"]
    dp["rules"][3]["extra"] = "x"
    dp["advice"] = dp.pop("register_advice")
    data["drug_law_duties"][0].pop("confidence")
    data["drug_law_duties"][0].pop("law")
    data["drug_law_duties"][0]["topic"] = "foreign_agent"
    data["regional_risks"][0]["verified"] = date.today() + timedelta(days=1)
    data["regional_risks"][0]["confidence"] = "sure"
    data["regional_risks"].append("just a sentence")
    data["drug_duties"] = []
    problems = "\n".join(pack_problems(data, "KE", date.today()))
    for expected in (
        "data_protection: source is missing",
        "data_protection.rules[0]: verified must be a date",
        "data_protection.rules[1]: topic must be one of breach, consent,",
        "data_protection.rules[2]: id 'registration_threshold' is used twice",
        "data_protection.rules[3]: unknown key 'extra'",
        "data_protection: unknown key 'advice'",
        "data_protection: register_advice is required text",
        "drug_law_duties[0]: confidence is missing",
        "drug_law_duties[0]: law is required text",
        "drug_law_duties[0]: topic must be one of other, premises, records, registration, reporting, treatment",
        "regional_risks[0]: verified date",
        "regional_risks[0]: confidence must be high, medium or low",
        "regional_risks[1] must be a mapping",
        "unknown key 'drug_duties'",
    ):  # fmt: skip
        assert expected in problems


def test_schema_refuses_other_laws_of_the_wrong_shape():
    data = _ke_with_other_laws()
    data["data_protection"] = "the Data Protection Act"
    data["regional_risks"] = {"id": "agent"}
    problems = pack_problems(data, "KE", date.today())
    assert "data_protection must be a mapping" in problems
    assert "regional_risks must be a list" in problems


def test_newest_fact_about_other_laws_sets_last_verified(tmp_path: Path):
    data = _ke_with_other_laws()
    data["regional_risks"][0]["verified"] = date.today()
    path = tmp_path / "KE.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_pack(path).last_verified == date.today()


@pytest.mark.parametrize("code", sorted(REQUIRED))
def test_a_kit_builds_for_each_pack_country(code: str, tmp_path: Path):
    built = build_kit({"network_name": f"Network {code}", "country": code}, BuildOptions(out=tmp_path))
    pack = load_pack(PACK_DIR / f"{code}.yaml")
    start = docx_text(built.path / "00-start-here.docx")
    assert pack.data["legal_forms"][0]["local_name"].split(" (")[0] in start
    assert currencies_of(code)[0] in (built.path / "answers.yaml").read_text(encoding="utf-8")
    for risk in pack.data.get("registration_risks", []):
        assert risk["text"].split()[0] in start


def test_a_country_without_a_pack_says_so(tmp_path: Path):
    built = build_kit({"network_name": "Net", "country": "SN"}, BuildOptions(out=tmp_path))
    start = docx_text(built.path / "00-start-here.docx")
    assert "no country pack" in start.lower()
    assert "Senegal" in start
