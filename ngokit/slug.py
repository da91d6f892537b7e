"""Folder names for kits: the network's name in readable ASCII, never a path."""

from __future__ import annotations

from slugify import slugify


def kit_slug(network_name: str) -> str:
    """Return a folder name for a network, e.g. ``"Сеть ЛУН" → "set-lun"``.

    Only ASCII letters, digits and hyphens can come out, so the folder can never point
    outside the output folder; a name with no letters at all gives ``network``.
    """
    return slugify(network_name, max_length=60, word_boundary=True) or "network"
