"""Participants finishing at once in a workshop: every kit built, none lost, none mixed up
(benchmarks/web_load.py runs the same with 30 and reports the times)."""

from __future__ import annotations

from ngokit.web import ServerConfig

from .webload import finish_together
from .webserver import running_server


def test_participants_finishing_at_once_each_get_their_own_kit(tmp_path):
    room = tmp_path / "room"
    with running_server(ServerConfig(workshop=room)) as server:
        finished = finish_together(server.url, server.web.workshop.join_code, people=6)
    assert [f.error for f in finished] == [""] * 6
    folders = sorted(p.name for p in room.glob("network-*"))
    assert folders == [f"network-{n:02d}" for n in range(1, 7)]
    kits = sorted(p.parent.parent.name for p in room.glob("network-*/load-network-*/answers.yaml"))
    assert kits == folders  # one kit in each network's folder, none lost
