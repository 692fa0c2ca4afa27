"""In a real browser, an old (alias) URL lands on the renamed case page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.cite.conftest import TODAY
from widw.cite.exports import export_files
from widw.content.library import Library


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


@pytest.fixture
def served(library: Library, tmp_path: Path) -> Iterator[str]:
    """The exports plus a stand-in case page, served over HTTP on a free port."""
    root = tmp_path / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    site_url = f"http://127.0.0.1:{server.server_address[1]}/"
    for path, content in export_files(library, site_url=site_url, today=TODAY).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    page = root / "casussen" / "wijkwerkplaats" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<!doctype html><title>Wijkwerkplaats</title><h1>Nieuw adres</h1>", "utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site_url
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_alias_url_lands_on_renamed_case(served: str, browser: Any) -> None:
    page = browser.new_page()
    try:
        page.goto(served + "casussen/werkplaats-oud/")
        page.wait_for_url(served + "casussen/wijkwerkplaats/", timeout=10_000)
        assert page.locator("h1").inner_text() == "Nieuw adres"
    finally:
        page.close()
