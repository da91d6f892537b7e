"""What ships with ngokit: the bundled kits and the example networks (the demo kit)."""

from __future__ import annotations

from pathlib import Path

from ngokit.errors import KitError

DEMO = "kenya-national-network.yaml"


def bundled_kits_dir() -> Path:
    """Return the folder of the kits that ship with ngokit."""
    return shipped_dir("kit_templates")


def shipped_dir(name: str) -> Path:
    """Return a folder that ships with ngokit: inside the package when installed from a
    wheel, beside it in a source checkout."""
    here = Path(__file__).resolve().parent.parent  # the ngokit package
    for candidate in (here / name, here.parent / name):
        if candidate.is_dir():
            return candidate
    raise KitError(f"ngokit's {name} folder is missing; reinstall ngokit")


def examples_dir() -> Path:
    """Return the folder of example answers files (source tree or installed wheel)."""
    return shipped_dir("examples")


def demo_answers() -> Path:
    """Return the answers file of the demo network."""
    return examples_dir() / DEMO
