"""Browser fixtures: the fixture site built once per engine, served on 127.0.0.1, and chromium.

Every test that uses `base_url` runs twice: on the MkDocs build (with the widw plugin) and on
the Zensical build of the `widw render` output. A test that must know which one asks for the
`engine` fixture. Without /usr/bin/chromium (or without zensical) these tests skip, unless CI
is set: then they fail.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.zensical.builds import ENGINES, build, write_fixture_project


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Which builder made the site under test: "mkdocs" or "zensical"."""
    name: str = request.param
    return name


@pytest.fixture(scope="session")
def base_url(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture project, built by `engine` and served on a free local port."""
    root = tmp_path_factory.mktemp(f"browser-{engine}")
    project = write_fixture_project(root / "project")
    site: Path = build(engine, project, root / "build")
    with served(site) as url:
        yield url


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site folder served on a free local port, for as long as the block runs."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class Watched:
    """A page plus everything it requested and every console error it logged."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def foreign(self, base_url: str) -> list[str]:
        local = ("data:", "blob:", "about:")
        return [u for u in self.requests if not u.startswith(base_url) and not u.startswith(local)]


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield Watched(context.new_page())
    finally:
        context.close()
