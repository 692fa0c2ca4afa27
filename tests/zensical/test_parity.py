"""Parity: the same content built by MkDocs (with the plugin) and by Zensical (`widw render`).

Compared: the set of URLs and files, the bytes of every file we generate ourselves, and on
every page the article a reader sees; on case pages also title, fact box, sources,
citation, related cases, tags and edit link one by one, so a failure names what differs.
What differs because the two themes differ is listed below with the reason, not hidden.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import lxml.html
import pytest

from tests.site.pagefind_files import fragments
from tests.zensical.builds import ALIAS

pytestmark = pytest.mark.slow

ONLY_IN = {
    "mkdocs": {
        "sitemap.xml.gz": "MkDocs also writes a gzipped sitemap; Zensical only sitemap.xml",
        "tags.json": "Material's tags plugin exports its tag list; Zensical's tags do not",
    },
    "zensical": {
        "search.json": "Zensical's own search index (switched off in the page, still written)",
    },
}
"""Files that only one engine writes, because its theme or search brings them."""

THEME_FOLDERS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
"""Each theme's own bundle (hashed names differ). Our files in there (widw-*) are compared."""

DIFFERENT_BYTES = {
    "sitemap.xml": "Zensical lists URLs in another order and without <lastmod>; "
    "the set of <loc> is compared instead",
}
"""Files both engines write, with different bytes because each engine writes them itself."""

ARTICLE_MARKUP = {
    "md-tags": "Zensical puts the tag list at the end of the article, Material above the "
    "title; the tags themselves are compared separately",
    "md-content__button": "the edit button: compared separately by its link",
    "__skip": "Zensical puts the skip-link target inside the article, Material before it",
}
"""Theme markup taken out of the article before comparing (class or id → reason)."""


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def ours(name: str) -> bool:
    """Everything except each theme's own bundle; our scripts inside it (widw-*) count.

    Pagefind's files (pagefind/) have run-dependent chunk names: what they index is compared
    in `test_both_engines_give_search_the_same_pages_filters_and_metadata`.
    """
    if name.startswith("pagefind/"):
        return False
    return not name.startswith(THEME_FOLDERS) or Path(name).name.startswith("widw")


def test_both_engines_publish_the_same_urls_and_files(sites: dict[str, Path]) -> None:
    built = {engine: {n for n in files(site) if ours(n)} for engine, site in sites.items()}
    for engine, extra in ONLY_IN.items():
        assert set(extra) <= built[engine], (
            f"{engine} no longer writes {set(extra) - built[engine]}"
        )
        built[engine] -= set(extra)
    assert built["mkdocs"] - built["zensical"] == set()
    assert built["zensical"] - built["mkdocs"] == set()
    assert any(n.startswith("casussen/") and n.endswith("/index.html") for n in built["mkdocs"])


def test_both_engines_give_search_the_same_pages_filters_and_metadata(
    sites: dict[str, Path],
) -> None:
    records = {engine: fragments(site) for engine, site in sites.items()}
    assert any(url.startswith("/casussen/") for url in records["mkdocs"])
    assert records["mkdocs"].keys() == records["zensical"].keys()
    for url, record in records["mkdocs"].items():
        other = records["zensical"][url]
        assert (record["filters"], record["meta"]) == (other["filters"], other["meta"]), url


def themed(site: Path, name: str) -> bool:
    """A page the engine rendered through its theme (not an HTML file we wrote ourselves)."""
    return name.endswith(".html") and b"md-content__inner" in (site / name).read_bytes()


def test_generated_files_are_byte_identical(sites: dict[str, Path], project_kind: str) -> None:
    """Feed, exports, schemas, citations, redirects, our CSS and scripts: the same bytes."""
    names = files(sites["mkdocs"]) & files(sites["zensical"])
    compared = [
        n
        for n in sorted(names)
        if ours(n) and not themed(sites["mkdocs"], n) and n not in DIFFERENT_BYTES
    ]
    assert "feed.xml" in compared
    if project_kind == "fixture":
        assert f"casussen/{ALIAS}/index.html" in compared, "the alias redirect page"
    assert "assets/widw/cite.js" in compared
    different = [
        n
        for n in compared
        if (sites["mkdocs"] / n).read_bytes() != (sites["zensical"] / n).read_bytes()
    ]
    assert different == []


def test_sitemaps_list_the_same_urls(sites: dict[str, Path]) -> None:
    locs = {
        engine: set(re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text("utf-8")))
        for engine, site in sites.items()
    }
    assert locs["mkdocs"]
    assert locs["mkdocs"] == locs["zensical"]


class Page:
    """One built page, with links made absolute so both engines' link styles compare."""

    def __init__(self, site: Path, name: str) -> None:
        self.url = "http://site/" + name.removesuffix("index.html")
        self.root = lxml.html.parse(str(site / name)).getroot()
        for element in self.root.iter("a", "img", "link", "script"):
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None:
                    element.set(attribute, urljoin(self.url, value))
        article = self.root.find_class("md-content__inner")
        assert len(article) == 1, name
        self.article = article[0]

    def text(self, element: lxml.html.HtmlElement) -> str:
        return " ".join(element.text_content().split())

    def section(self, heading_id: str) -> list[tuple[str, str]]:
        """Text and link of every list item under the h2 with this id, up to the next h2."""
        items: list[tuple[str, str]] = []
        heading = self.root.get_element_by_id(heading_id, None)
        if heading is None:
            return items
        for sibling in heading.itersiblings():
            if sibling.tag == "h2":
                break
            for item in sibling.iter("li"):
                links = [a.get("href", "") for a in item.iter("a")]
                items.append((self.text(item), " ".join(links)))
        return items

    def facts(self) -> list[tuple[str, str]]:
        box = self.article.find_class("widw-kaart")
        assert len(box) == 1
        return [(self.text(dt), self.text(dt.getnext())) for dt in box[0].iter("dt")]

    def citation(self) -> dict[str, object]:
        metas = [
            (m.get("name"), m.get("content"))
            for m in self.root.iter("meta")
            if (m.get("name") or "").startswith("citation_")
        ]
        ld = [
            json.loads(s.text)
            for s in self.root.iter("script")
            if s.get("type") == "application/ld+json"
        ]
        apa = [self.text(p) for p in self.article.find_class("widw-cite__apa")]
        return {"meta": metas, "json-ld": ld, "apa": apa}

    def tags(self) -> list[str]:
        return [self.text(t) for t in self.root.find_class("md-tag")]

    def edit_links(self) -> list[str]:
        return [a.get("href", "") for a in self.root.find_class("md-content__button")]

    def reader_markup(self) -> str:
        """The article as HTML, without the theme markup listed in ARTICLE_MARKUP."""
        article = lxml.html.fromstring(lxml.html.tostring(self.article))
        for name in ARTICLE_MARKUP:
            for element in [*article.find_class(name), *article.xpath(f"//*[@id='{name}']")]:
                element.drop_tree()
        html = lxml.html.tostring(article, encoding="unicode")
        html = re.sub(r'(\s[\w-]+)=""', r"\1", html)  # `hidden=""` is `hidden`
        return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def pages(site: Path) -> list[str]:
    names = (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return sorted(n for n in names if ours(n) and themed(site, n))


def test_every_page_shows_readers_the_same_article(sites: dict[str, Path]) -> None:
    names = pages(sites["mkdocs"])
    assert len(names) > 20
    different = [
        name
        for name in names
        if Page(sites["mkdocs"], name).reader_markup()
        != Page(sites["zensical"], name).reader_markup()
    ]
    assert different == []


def test_every_case_page_has_the_same_title_facts_sources_citation_and_related_cases(
    sites: dict[str, Path],
) -> None:
    cases = [n for n in pages(sites["mkdocs"]) if re.fullmatch(r"casussen/[^/]+/index\.html", n)]
    assert cases
    for name in cases:
        mkdocs, zensical = Page(sites["mkdocs"], name), Page(sites["zensical"], name)
        h1 = [mkdocs.text(h) for h in mkdocs.article.iter("h1")]
        assert len(h1) == 1, name
        assert h1 == [zensical.text(h) for h in zensical.article.iter("h1")], name
        assert mkdocs.text(mkdocs.root.find(".//title")) == zensical.text(
            zensical.root.find(".//title")
        ), name
        assert mkdocs.facts() == zensical.facts(), name
        assert mkdocs.section("bronnen") == zensical.section("bronnen"), name
        assert mkdocs.section("verwante-casussen") == zensical.section("verwante-casussen"), name
        citation = mkdocs.citation()
        assert citation == zensical.citation(), name
        assert citation["meta"], f"{name}: no citation_* meta tags"
        assert mkdocs.tags() == zensical.tags(), name
        assert mkdocs.edit_links() == zensical.edit_links(), name


LOADED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "link": "href"}
"""Elements whose URL the browser fetches (links only with a fetching rel, below)."""

FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


def test_no_page_loads_anything_from_another_site(sites: dict[str, Path]) -> None:
    """Scripts, styles, images and frames come from the site itself, under both engines."""
    foreign = []
    for engine, site in sites.items():
        for page in site.rglob("*.html"):
            url = "http://site/" + page.relative_to(site).as_posix()
            for element in lxml.html.parse(str(page)).getroot().iter(*LOADED):
                value = element.get(LOADED[element.tag])
                if not value:
                    continue
                if element.tag == "link" and not FETCHED_LINKS & set(
                    element.get("rel", "").split()
                ):
                    continue
                if urlparse(urljoin(url, value)).netloc not in {"site", ""}:
                    foreign.append(f"{engine}: {page.relative_to(site)}: {value}")
    assert foreign == []
