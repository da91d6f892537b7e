"""``ngokit serve``: run the web interview with uvicorn, saying on the terminal where to open
it and the codes that let people in."""

from __future__ import annotations

import socket
from pathlib import Path

import click

from ngokit.display import for_terminal
from ngokit.errors import UsageError
from ngokit.i18n import _, set_ui_language
from ngokit.web.config import ServerConfig, is_loopback, new_code


def run_server(host: str, port: int, workshop: Path | None, language: str) -> None:
    """Serve until Ctrl-C; refuse a workshop folder that is a file, or an unknown language."""
    import uvicorn

    from ngokit.web.app import create_app
    from ngokit.web.pages import interface_languages

    offered = [code for code, _name in interface_languages()]
    if language not in offered:
        raise UsageError(f"the interface has no {language!r} translation yet; available: {', '.join(offered)}")
    if workshop is not None and workshop.exists() and not workshop.is_dir():
        raise UsageError(f"{workshop} is a file; --workshop takes a folder (it is made if missing)")
    set_ui_language(language)
    join = new_code(6) if not is_loopback(host) and workshop is None else None
    config = ServerConfig(host=host, port=port, workshop=workshop, language=language, join_code=join)
    app = create_app(config)
    _announce(config, app.state.web.workshop)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, date_header=False)


def _announce(config: ServerConfig, room) -> None:  # type: ignore[no-untyped-def]
    """Print where to open the interview, the join code and the facilitator's code."""
    for url in _addresses(config):
        click.echo(_("Open {0} in a web browser.").format(url))
    if room is not None:
        click.echo(_("Join code for participants: {0}").format(room.join_code))
    if room is not None and room.facilitator_code:
        click.echo(_("Facilitator's page: {0}facilitator, code {1} (keep it to yourself)").format(
            _addresses(config)[0], room.facilitator_code))  # fmt: skip
        click.echo(_("Answers and kits are kept in {0}").format(for_terminal(config.workshop)))
    if is_loopback(config.host):
        click.echo(_("Only this computer can connect. For phones on the room's network, use --host 0.0.0.0."))
    click.echo(_("Press Ctrl-C to stop."))


def _addresses(config: ServerConfig) -> list[str]:
    """Return the addresses to open: this computer's on the network when listening on all of them."""
    hosts = [config.host]
    if config.host in ("0.0.0.0", "::"):
        try:
            found = {str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
        except OSError:
            found = set()
        hosts = sorted(h for h in found if not is_loopback(h)) or ["127.0.0.1"]
    return [f"http://{h if ':' not in h else f'[{h}]'}:{config.port}/" for h in hosts]
