"""Property tests (Hypothesis): folder names and amounts for any input."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ngokit.locales import format_money
from ngokit.output.slug import kit_slug


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_a_slug_is_always_a_safe_folder_name(name):
    slug = kit_slug(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert 0 < len(slug) <= 60


@settings(max_examples=200, deadline=None)
@given(
    amount=st.decimals(min_value=0, max_value=10**12, places=2),
    currency=st.sampled_from(["KES", "USD", "EUR", "UAH", "IDR", "XOF", "BRL", "INR"]),
    language=st.sampled_from(["en", "fr", "es", "pt", "ru"]),
)
def test_a_formatted_amount_reads_back_to_the_same_value(amount, currency, language):
    text = format_money(amount, currency, language)
    digits = re.sub(r"[^\d,.]", "", text.replace("\u00a0", "").replace("\u202f", ""))
    decimal_mark = "," if language in ("fr", "es", "pt", "ru") else "."
    whole, _, cents = digits.rpartition(decimal_mark) if amount != amount.to_integral_value() else (digits, "", "")
    number = re.sub(r"[^\d]", "", whole) + ("." + cents if cents else "")
    assert Decimal(number) == amount.normalize() or Decimal(number) == amount
