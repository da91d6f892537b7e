"""Folder names for kits: the network's name in readable ASCII, never a path."""

from __future__ import annotations

from slugify import slugify

# Names Windows keeps for devices, in any case and with any extension: a folder called "con"
# or "lpt1" cannot be opened, copied or deleted in Explorer.
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)})


def kit_slug(network_name: str) -> str:
    """Return a folder name for a network, e.g. ``"Сеть ЛУН" → "set-lun"``.

    Only ASCII letters, digits and hyphens can come out, so the folder can never point
    outside the output folder; a name with no letters at all gives ``network``, and a name
    Windows keeps for a device gets ``-network`` (``"CON" → "con-network"``).
    """
    slug = slugify(network_name, max_length=60, word_boundary=True) or "network"
    return f"{slug}-network" if slug in WINDOWS_DEVICES else slug
