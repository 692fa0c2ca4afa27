"""Every internal link and anchor resolves; nothing is loaded from another host."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from tests.conftest import REPO
from tests.quality.htmlcheck import broken_links, third_party_requests
from widw.content.library import ProjectPaths, load_library


def test_site_has_pages(real_site: Path) -> None:
    assert (real_site / "index.html").is_file()
    assert len(list(real_site.rglob("*.html"))) > 30


def test_every_internal_link_and_anchor_resolves(real_site: Path) -> None:
    assert broken_links(real_site) == []


def test_no_resource_is_loaded_from_another_host(real_site: Path) -> None:
    assert third_party_requests(real_site) == []


def test_source_urls_are_well_formed_http() -> None:
    library = load_library(ProjectPaths(REPO)).library
    urls = [
        source.url
        for entry in (
            *library.cases.values(),
            *library.lessons.values(),
            *library.episodes.values(),
        )
        for source in entry.sources
        if source.url
    ]
    assert urls
    for url in urls:
        parts = urlsplit(url)
        assert parts.scheme in {"http", "https"}, url
        assert "." in parts.netloc, url
        assert " " not in url, url


def test_link_checker_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<a href="missing/">x</a><a href="#nowhere">y</a><img src="https://cdn.example/x.png">',
        encoding="utf-8",
    )
    assert len(broken_links(tmp_path)) == 2
    assert third_party_requests(tmp_path) == ["index.html → https://cdn.example/x.png"]
