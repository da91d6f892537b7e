"""What each answer changes in the fiscal hosting agreement: one value's phrases appear, the others' do not."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from .builtkits import check_branch, contrast

BRANCHES = [
    *contrast(
        "board_name",
        {
            "steering_committee": (("registered",), []),
            "board": (("unregistered",), []),
            "coordinating_committee": (("hosted",), [("hosting", "acting through its coordinating committee")]),
            "executive_committee": (("planning",), []),
        },
    ),
    *contrast(
        "dual_signature_threshold",
        {
            12345: (("registered",), []),
            2468: (("unregistered",), []),
            3210: (
                ("hosted",),
                [
                    (
                        "hosting",
                        "One authorised approver signs a request of up to $3,210; two sign a request above $3,210.",
                    )
                ],
            ),
            None: (("planning",), []),
        },
    ),
]


@pytest.mark.parametrize(("answer", "values", "kit_name", "present", "absent"), BRANCHES)
def test_each_answer_changes_the_hosting(kits, answer, values, kit_name, present, absent):
    check_branch(kits, answer, values, kit_name, present, absent)
