"""Kits: a kit template (bundled, a folder, a zip or git), its questions, country packs and look.

``open_kit`` is the one way in: a context manager that yields a :class:`Kit` and owns any
temporary folder a zip or git kit needed.
"""

from ngokit.kit.shipped import bundled_kits_dir, demo_answers, examples_dir, shipped_dir
from ngokit.kit.template import DEFAULT_KIT, Kit, load_kit, open_kit

__all__ = ["DEFAULT_KIT", "Kit", "bundled_kits_dir", "demo_answers", "examples_dir", "load_kit", "open_kit",
           "shipped_dir"]  # fmt: skip
