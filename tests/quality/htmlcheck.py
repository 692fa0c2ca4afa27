"""Checks over a built site's HTML: internal links and anchors, third-party requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

RESOURCE_TAGS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}


@dataclass
class PageRefs:
    """What one HTML page links to, loads, and defines."""

    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs = PageRefs()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.refs.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.refs.ids.add(values["name"])
        if tag == "a" and "href" in values:
            self.refs.links.append(values["href"])
        if tag == "link" and "href" in values:
            rel = values.get("rel", "")
            target = (
                self.refs.resources
                if rel in {"stylesheet", "icon", "preload", "modulepreload", "manifest"}
                else self.refs.links
            )
            target.append(values["href"])
        attr = RESOURCE_TAGS.get(tag)
        if attr and values.get(attr):
            self.refs.resources.append(values[attr])


def page_refs(path: Path) -> PageRefs:
    """Parse one HTML file."""
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.refs


def _target_file(site: Path, page: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "data:")):
        return None
    if not parts.path:
        return page
    base = site if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path.lstrip("/"))).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the site that does not resolve."""
    problems: list[str] = []
    cache: dict[Path, PageRefs] = {}

    def refs(path: Path) -> PageRefs:
        if path not in cache:
            cache[path] = page_refs(path)
        return cache[path]

    for page in sorted(site.rglob("*.html")):
        for url in refs(page).links + refs(page).resources:
            target = _target_file(site, page, url)
            if target is None:
                continue
            shown = f"{page.relative_to(site)} → {url}"
            if not target.is_file():
                problems.append(f"{shown}: file missing")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in refs(target).ids:
                problems.append(f"{shown}: anchor missing")
    return problems


def third_party_requests(site: Path) -> list[str]:
    """Resources (scripts, styles, images, frames) loaded from any other host."""
    found = []
    for page in sorted(site.rglob("*.html")):
        for url in page_refs(page).resources:
            parts = urlsplit(url)
            if parts.scheme in {"http", "https"} or url.startswith("//"):
                found.append(f"{page.relative_to(site)} → {url}")
    for sheet in sorted(site.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8", errors="ignore")
        for marker in ("url(http", "url('http", 'url("http', "url(//", "@import url(http"):
            if marker in text:
                found.append(f"{sheet.relative_to(site)} → {marker}…")
    return found
