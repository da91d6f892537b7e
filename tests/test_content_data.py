"""The data protection and digital security policy, read back from built kits: it is in every
kit; its register cannot become evidence (no drug use, no legal names, roles not names); it
prints the country's data-protection law, drug-law duties and regional risks with their
sources, or says plainly that the kit has no notes on the country; and its security protocol,
the handout members practise, is there in both shapes."""

# ruff: noqa: E501

from __future__ import annotations

import re
from datetime import date
from typing import Any

import docx
import pytest
import yaml

from ngokit import BuildOptions, build_kit

from .builtkits import ALL_KITS, DOCS, check_branch, contrast
from .conftest import ROOT, docx_text
from .test_content import PERSONAL_CELL, PERSONAL_LABEL

TITLE = "Data protection and digital security policy"
COUNTRIES = ROOT / "kit_templates" / "peer-network" / "countries"
PACKS = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(COUNTRIES.glob("*.yaml"))}
NO_PACK = "GH"  # Ghana: no country pack
ROLE = re.compile(
    r"^(?:The (?:Secretary|Chair|Vice-chair|Coordinator|Executive Director)|Another member of the [a-z ]+ whom it names|A member of the [a-z ]+ whom it names)$"
)


def plain(text: str) -> str:
    """Text with runs of white space as one space, as the documents print it."""
    return " ".join(text.split())


def long_date(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def cited(fact: dict[str, Any]) -> str:
    """A country fact as the kit prints it: its text, its source and date, and what to do."""
    disagree = " Sources disagree on this point." if fact.get("confidence") == "low" else ""
    return plain(
        f"{fact['text']}{disagree} (Source: {fact['source']}, checked on {long_date(fact['verified'])}.) Confirm locally."
    )


@pytest.fixture(scope="module")
def country_kits(tmp_path_factory) -> dict[str, str]:
    """The policy's text in a national network's kit for every pack country and for Ghana."""
    out = tmp_path_factory.mktemp("data-countries")
    texts = {}
    for code in [*PACKS, NO_PACK]:
        answers = {"network_name": "Country Test Network", "country": code, "kit_date": "2026-01-15"}
        built = build_kit(answers, BuildOptions(out=out, folder=code))
        texts[code] = plain(docx_text(built.path / f"{DOCS['data']}.docx"))
    return texts


# ---------------------------------------------------------------------------------------
# In every kit, with its id, and its protocol in both shapes
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_every_kit_has_the_data_policy(kits, kit_name):
    kit = kits[kit_name]
    assert kit.file("data").is_file()
    document = docx.Document(str(kit.file("data")))
    assert document.paragraphs[0].text == document.core_properties.title == TITLE


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_security_protocol_is_an_annex_in_both_shapes(kits, kit_name):
    kit = kits[kit_name]
    text = kit["data"]
    starter = kit.answers["kit_shape"] == "starter"
    protocol, procedures = (
        ("Annex B: Security protocol", "Annex A: Procedures") if starter else ("Annex A: Security protocol", None)
    )
    assert protocol in text
    assert (procedures in text) if procedures else ("Annex B" not in text and "Procedures" not in text)
    handout = text[text.rindex(protocol) :]
    for step in ["Bring no member data: no register, no contact list, no sign-in sheet with names.",
                 "Switch it off, do not just lock it, before a police checkpoint",
                 "The card does not name the network and does not mention drugs.",
                 'Say: "I want to speak to my lawyer."',
                 "Do not unlock your phone or give your PIN or passwords.",
                 "The network keeps a line for legal support in its yearly budget, managed as the financial control policy says.",
                 "Practise: a 15-minute drill", "Twice a year, at a members' meeting:"]:  # fmt: skip
        assert step in handout, step
    assert "It is not a punishment: access comes back when they are safe." not in handout  # the board's steps stay out


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_first_hours_steps_sit_by_their_rule_or_in_the_procedures_annex(kits, kit_name):
    kit = kits[kit_name]
    text = kit["data"]
    steps = text.index("Gets a lawyer. Calls the network's lawyer")
    law = text.index(f"\nThe law in {kit_country(kit)}\n", text.index("Annex A"))  # the clause, after the contents
    if kit.answers["kit_shape"] == "starter":
        assert steps > text.rindex("Annex A: Procedures") > law
        assert re.search(r"Clause A\.1 sets out the steps for the first hours, and what never to do\.", text)
    else:
        assert steps < law
    assert "Never destroy or hide records or devices after police have asked for them" in text


def kit_country(kit) -> str:
    return {"KE": "Kenya", "GH": "Ghana", "KG": "Kyrgyzstan", "ZA": "South Africa", "ID": "Indonesia"}[
        kit.answers["country"]
    ]


# ---------------------------------------------------------------------------------------
# The register cannot become evidence: no drug use, no legal names, roles not names
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_the_register_never_asks_for_drug_use_or_a_legal_name(kits, kit_name):
    kit = kits[kit_name]
    text = kit["data"]
    lists = kit.table("data", ["List", "What it holds"])
    assert [row[0] for row in lists[1:]] == ["The register", "The contact list"]
    held = " ".join(row[1] for row in lists[1:]).lower()
    for never in ("drug", "hiv", "health", "legal name", "id number", "identity", "address", "arrest"):
        assert never not in held, never
    assert "only if the member wants to give one" in lists[2][1]  # contact details are optional...
    assert "So it is kept in a different file from the register, and both files are encrypted." in text  # ...and apart
    assert "Whether a person uses drugs or used them in the past, which drugs, or how." in text
    assert "HIV, hepatitis or any other health status, or any treatment" in text
    assert (
        "The network asks for no proof and keeps none: no test results, no treatment cards, no letters from a clinic."
        in text
    )
    assert re.search(
        r"Clause \d+(\.\d+)* of the (constitution|network charter) says what the register of members holds\.", text
    )
    assert re.search(r"A person joins by saying that they are a peer, as clause \d+(\.\d+)* of the", text)
    if kit.answers["pseudonyms_allowed"]:
        assert "the name the member chose, which may be a pseudonym" in lists[1][1]
        assert "A member's legal name, when they use a chosen name." in text
        assert "Nobody asks for a member's legal name." in text
    else:
        assert "the name the member gives" in lists[1][1]
        assert "You chose not to allow chosen names (pseudonyms) in the register." in text


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_contacts_and_the_arrest_card_name_roles_never_people(kits, kit_name):
    kit = kits[kit_name]
    text = kit["data"]
    assert not PERSONAL_LABEL.search(text), PERSONAL_LABEL.search(text)
    for table in kit.tables("data"):
        assert not [cell for row in table for cell in row if PERSONAL_CELL.match(cell)], table[0]
    roles = kit.table("data", ["Role", "Tasks under this policy"])[1:]
    assert roles and all(ROLE.match(row[0]) for row in roles), [row[0] for row in roles]
    assert len({row[0] for row in roles}) == len(roles)  # one row per role
    card = kit.table("data", ["If I am arrested, call", "Number"])[1:]
    assert card[0] == ["My lawyer", "[lawyer's phone number: ________________]"]
    contact, number = card[1]
    role = contact.removeprefix("Emergency contact: ")
    assert contact.startswith("Emergency contact: ") and ROLE.match(role[:1].upper() + role[1:]), contact
    assert number == "[emergency phone number: ________________]"


# ---------------------------------------------------------------------------------------
# Who holds the key and who answers the emergency phone, by the officers the network has
# ---------------------------------------------------------------------------------------

BRANCHES = [
    *contrast(
        "officers",
        {
            (("chair", "vice_chair", "treasurer", "secretary"), ("chair", "vice_chair", "secretary")): (
                ("registered", "hosted"),
                [
                    (
                        "data",
                        "The Secretary holds the register and the contact list. The Chair holds one encrypted copy of both",
                    )
                ],
            ),
            (("chair", "treasurer"),): (
                ("unregistered",),
                [
                    (
                        "data",
                        "The Chair holds the register and the contact list. Another member of the board whom it names holds one encrypted copy of both",
                    )
                ],
            ),
        },
    ),
    *contrast(
        "staff",
        {
            "director": (
                ("registered",),
                [
                    (
                        "data",
                        "The Executive Director carries the emergency phone and leads the response. The Secretary stands in when they cannot.",
                    )
                ],
            ),
            "none": (
                ("unregistered",),
                [
                    (
                        "data",
                        "The Chair carries the emergency phone and leads the response. Another member of the board whom it names stands in when they cannot.",
                    )
                ],
            ),
            "coordinator": (
                ("hosted",),
                [
                    (
                        "data",
                        "The Coordinator carries the emergency phone and leads the response. The Secretary stands in when they cannot.",
                    )
                ],
            ),
        },
    ),
    *contrast(
        "mobile_money",
        {
            True: (
                ("registered",),
                [
                    (
                        "data",
                        "Mobile money records show who was paid, and the numbers are often registered to a person's identity card.",
                    )
                ],
            ),
            False: (("unregistered",), []),
        },
    ),
    *contrast(
        "legal_status",
        {
            "fiscally_hosted": (
                ("hosted",),
                [
                    (
                        "data",
                        "Helping Hands Host Trust sees only what it needs to pay people and keep the accounts: payment lists by code, never the register or the contact list.",
                    )
                ],
            ),
            "registered": (("registered",), []),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_data_policy(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)


def test_an_ally_that_holds_the_money_sees_payment_lists_by_code_only(kits):
    text = kits["unregistered-network-asia"]["data"]
    assert (
        "Yayasan Sehat Bersama sees only what it needs to pay people and keep the accounts: payment lists by code, never the register or the contact list."
        in text
    )


@pytest.mark.parametrize("kit_name", ALL_KITS)
def test_retention_periods_read_as_kit_j2_sets_them(kits, kit_name):
    kit = kits[kit_name]
    kept = {row[0]: row[1] for row in kit.table("data", ["Record", "Kept until", "Who deletes it"])[1:]}
    assert kept["A member's entry in the register"] == "6 months after the member leaves."
    assert kept["A member's contact details"] == "30 days after the member leaves, or at once if they ask."
    assert kept["Payment lists and other financial records"] == "As the financial control policy says."
    assert kept["Attendance and other lists of an event"].startswith(
        "The report on the event is accepted. If a donor needs the list, it uses codes only"
    )
    assert "The answer comes within 7 days." in kit["data"]
    assert (
        "Every group uses disappearing messages, which delete themselves after a time: 7 days or less." in kit["data"]
    )


# ---------------------------------------------------------------------------------------
# The country's law: every pack country with its sources and dates; Ghana says it has none
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(PACKS))
def test_the_data_protection_law_is_printed_with_its_source_and_date(country_kits, code):
    text, law = country_kits[code], PACKS[code]["data_protection"]
    head = f"The main data protection law is: {law['law']}."
    if law.get("regulator"):
        head += f" The body that enforces it (the regulator) is: {law['regulator']}."
    assert cited({**law, "text": head}) in text
    for rule in law.get("rules", []):
        assert cited(rule) in text, rule["id"]
    assert plain(f"The kit's advice for {PACKS[code]['name']}. {law['register_advice']}") in text


@pytest.mark.parametrize("code", sorted(PACKS))
def test_drug_law_duties_are_printed_with_what_the_network_does(country_kits, code):
    text, duties = country_kits[code], PACKS[code].get("drug_law_duties") or []
    for duty in duties:
        assert plain(f"{duty['law']}.") + " " + cited(duty) in text, duty["id"]
    if duties:
        assert "It never writes down anything that someone could be forced to report." in text
        assert "It asks a lawyer what these duties mean for members, staff and the network" in text
    else:
        assert (
            "This kit knows of no duty in the drug laws of" in text
            and "Duties and police powers in other laws" not in text
        )


def test_a_country_without_a_pack_gets_the_questions_for_a_local_lawyer(country_kits):
    text = country_kits[NO_PACK]
    assert "This kit has no notes on the law of Ghana." in text
    for question in ("Is there a data protection law, and does it apply to a network like ours?",
                     "How fast must a data breach be reported, and to whom?",
                     "Can police demand the network's records, and with what order from a court?",
                     "Do drug laws make anyone report drug use, or hand over records?"):  # fmt: skip
        assert question in text
    assert "Source:" not in text and "The main data protection law is" not in text


def test_the_unregistered_ghana_kit_says_it_has_no_notes_too(kits):
    assert "This kit has no notes on the law of Ghana." in kits["unregistered"]["data"]


def test_an_indonesian_kit_warns_of_the_duty_to_report_drug_use(kits):
    text = plain(kits["unregistered-network-asia"]["data"])
    assert "Duties and police powers in other laws" in text
    assert (
        "Narcotics Law (Law 35/2009), article 131. In 2018 a police narcotics chief said that people who know of drug use and do not report it can be jailed under article 131."
        in text
    )
    assert (
        "(Source: http://online24jam.com/2018/08/02/114375/tak-laporkan-penyalahgunaan-narkoba-bisa-dihukum-penjara-kok-bisa/, checked on 2 December 2026.)"
        in text
    )
    assert "It never writes down anything that someone could be forced to report." in text


@pytest.mark.parametrize("kit_name", ["hosted", "fiscally-hosted-regional-network"])
def test_a_regional_kyrgyz_network_sees_the_regional_risks(kits, kit_name):
    text = plain(kits[kit_name]["data"])
    assert kits[kit_name].answers["scope"] == "regional"
    assert "Risks for members in other countries" in text
    for risk in PACKS["KG"]["regional_risks"]:
        assert plain(f"{risk['law']}.") + " " + cited(risk) in text, risk["id"]
    assert (
        "Member groups keep their own members' details: the network holds only the group's name or code name and one contact."
        in text
    )


@pytest.mark.parametrize("kit_name", ["registered", "kenya-national-network"])
def test_a_national_network_gets_no_regional_risks(kits, kit_name):
    text = plain(kits[kit_name]["data"])
    assert "Risks for members in other countries" not in text
    assert PACKS["KE"]["regional_risks"][0]["source"] not in text


def test_the_country_builds_cover_every_pack_and_ghana():
    assert NO_PACK not in PACKS and len(PACKS) >= 16
    assert all("data_protection" in pack for pack in PACKS.values())
