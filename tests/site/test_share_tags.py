"""Every built HTML page shares well: its own description and Open Graph / Twitter tags.

Built with both engines (MkDocs with the plugin, Zensical on `widw render`), so the
generated pages (front matter from widw.site.share) and the hand-written pages under docs/
(the theme override main.html) are both checked as a reader's browser or a link preview
gets them.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import pytest

from tests.zensical.builds import ENGINES, build, write_fixture_project

pytestmark = pytest.mark.slow

SHARE_TAGS = ("og:title", "og:description", "og:url", "og:site_name", "og:locale", "twitter:card")


class _Head(HTMLParser):
    """The <meta> and <link rel=canonical> tags of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.refresh = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or ""
            if key:
                self.meta.setdefault(key, values.get("content", ""))
            if values.get("http-equiv", "").lower() == "refresh":
                self.refresh = True
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href", "")


@pytest.fixture(scope="module", params=ENGINES)
def pages(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, _Head]:
    root = tmp_path_factory.mktemp(f"share-{request.param}")
    project = write_fixture_project(root / "project")
    site = build(request.param, project, root / "build")
    heads = {}
    for page in sorted(site.rglob("*.html")):
        head = _Head()
        head.feed(page.read_text(encoding="utf-8"))
        if head.refresh:  # an old address that forwards to the case's page
            continue
        heads[page.relative_to(site).as_posix()] = head
    return heads


def test_hand_written_pages_are_among_the_built_pages(pages: dict[str, _Head]) -> None:
    for page in ("index.html", "over/index.html", "bladeren/index.html", "lessen/index.html"):
        assert page in pages


def test_every_page_has_its_own_description(pages: dict[str, _Head]) -> None:
    descriptions = {page: head.meta.get("description", "").strip() for page, head in pages.items()}
    assert not [page for page, text in descriptions.items() if not text]
    counts = Counter(descriptions.values())
    shared = {page: text for page, text in descriptions.items() if counts[text] > 1}
    assert not shared, shared
    over = pages["over/index.html"].meta["description"]
    assert over.startswith("Wat Wij in de Wijk was, waar de casussen vandaan komen")


def test_every_page_has_open_graph_and_twitter_tags(pages: dict[str, _Head]) -> None:
    for page, head in pages.items():
        # The error page has no address of its own, so no og:url.
        wanted = [t for t in SHARE_TAGS if page != "404.html" or t != "og:url"]
        missing = [tag for tag in wanted if not head.meta.get(tag, "").strip()]
        assert not missing, (page, missing)
        assert head.meta["og:locale"] == "nl_NL", page
        assert head.meta["og:site_name"] == "Wij in de Wijk — kennisbank", page
        assert head.meta["og:description"] == head.meta["description"], page
        if page != "404.html":
            assert head.meta["og:url"] == head.canonical, page
            assert head.canonical.startswith("https://wijindewijk.example/"), page
