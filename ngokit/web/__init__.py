"""``ngokit serve``: the interview in a web browser, for organisers on their phones and for
workshop rooms (the only package that imports Starlette, uvicorn and segno).

The browser asks what the terminal wizard asks, by the same rules: both stand on
``ngokit.questions.interview``. Pages are HTML forms rendered on the server, which work
without JavaScript. ``app`` puts the pages together; ``interview`` and ``saving`` are the
person's pages, ``workshop`` the room's; ``sessions`` keeps each person's answers, ``builds``
builds their kits in worker processes, ``guard`` holds the safety rules every request meets.
"""

from ngokit.web.app import create_app
from ngokit.web.config import ServerConfig

__all__ = ["ServerConfig", "create_app"]
