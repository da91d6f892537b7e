"""The example networks in examples/: the demo kit and the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

from ngokit.kit import shipped_dir

DEMO = "kenya-national-network.yaml"


def examples_dir() -> Path:
    """Return the folder of example answers files (source tree or installed wheel)."""
    return shipped_dir("examples")


def demo_answers() -> Path:
    """Return the answers file of the demo network."""
    return examples_dir() / DEMO
