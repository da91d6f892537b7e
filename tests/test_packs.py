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
