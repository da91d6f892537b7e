"""The example networks in examples/: the demo kit and the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

DEMO = "kenya-national-network.yaml"


def examples_dir() -> Path:
    """Return the folder of example answers files (source tree or installed wheel)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "examples", here.parent / "examples"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("examples")


def demo_answers() -> Path:
    """Return the answers file of the demo network."""
    return examples_dir() / DEMO
