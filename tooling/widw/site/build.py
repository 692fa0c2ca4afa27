"""`build_site`: the whole site as Markdown pages and asset files, without MkDocs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path

from widw.content import routes
from widw.content.library import Library
from widw.content.models import Case
from widw.site.cache import PageCache
from widw.site.case import case_page
from widw.site.context import CitationFor, SiteContext, SourceFormat
from widw.site.listings import facet_pages
from widw.site.overview import overview_pages
from widw.site.pages import (
    collection_page,
    episode_pages,
    home_page,
    lesson_pages,
)
from widw.site.roles import role_pages
from widw.site.search_page import search_page
from widw.site.selfscan import selfscan_page
from widw.site.share import with_share_tags
from widw.site.text import front_matter

ASSETS = ("widw.css", "pagina.css", "filter.js", "zelfscan.css", "zelfscan.js", "zoeken.js")
"""Files under widw/site/assets/, published in the folder of the routes' "assets" section."""


@dataclass
class Site:
    """Generated pages (src_uri → Markdown with front matter) and other files."""

    pages: Mapping[str, str] = field(default_factory=dict)
    files: Mapping[str, str | bytes] = field(default_factory=dict)
    stored: Mapping[str, Path] = field(default_factory=dict)
    """Where a page or file already lies on disk (the build cache): builders may read it there."""

    @staticmethod
    def is_detail(src_uri: str) -> bool:
        """A case, lesson, episode, index-term or further list page: linked, not in the nav."""
        folder, _, name = src_uri.partition("/")
        if "/" in name:  # a further page of a list (`routes.page(section, name, number)`)
            return True
        return routes.section_of(folder) in routes.DETAIL_SECTIONS and name != routes.INDEX


def _generated(markdown: str) -> str:
    """Mark a page made by code (no content file): it gets no edit button in any builder."""
    if markdown.startswith("---\n"):
        return markdown
    return front_matter({"widw": {"soort": "gegenereerd"}}, markdown)


def _case_page(ctx: SiteContext, case: Case, cache: PageCache | None) -> str:
    if cache is None:
        return _shared(ctx, routes.page("case", case.slug), case_page(ctx, case))
    key = cache.key(ctx, case)
    page = cache.get(key)
    if page is None:
        page = _shared(ctx, routes.page("case", case.slug), case_page(ctx, case))
        cache.put(key, page)
    return page


def _shared(ctx: SiteContext, src_uri: str, page: str) -> str:
    return with_share_tags(page, url=ctx.page_url(src_uri))


def build_site(
    library: Library,
    *,
    site_url: str,
    related: Mapping[str, Sequence[str]] | None = None,
    citation_for: CitationFor | None = None,
    source_format: SourceFormat | None = None,
    extra_pages: Mapping[str, str] | None = None,
    page_cache: PageCache | None = None,
    contribute_url: str | None = None,
) -> Site:
    """Every page of the site, generated from a loaded library.

    `related` lists related case slugs per case, `citation_for` gives each case page its
    citation block and head tags, `source_format` renders each source reference (HTML),
    and `extra_pages` are added as they are (src_uri → Markdown). With a `page_cache`, case
    pages whose inputs did not change are taken from it instead of rendered again.
    `contribute_url` is the issue form stub pages invite readers to (else the guide).
    """
    ctx = SiteContext(library, site_url, related or {}, citation_for, source_format, contribute_url)
    pages: dict[str, str] = {
        routes.page("home"): home_page(ctx),
        routes.page("search"): search_page(),
    }
    pages.update(overview_pages(ctx))
    pages.update(lesson_pages(ctx))
    pages.update(role_pages(ctx))
    pages.update(episode_pages(ctx))
    pages.update(facet_pages(ctx))
    pages[routes.page("collection")] = collection_page(ctx)
    pages[routes.page("selfscan")] = selfscan_page(ctx)
    pages.update({uri: _generated(text) for uri, text in (extra_pages or {}).items()})
    shared = {uri: _shared(ctx, uri, text) for uri, text in pages.items()}
    for case in library.cases.values():
        shared[routes.page("case", case.slug)] = _case_page(ctx, case, page_cache)
    return Site(shared, asset_files())


def asset_files() -> dict[str, str | bytes]:
    """The site's own CSS and JavaScript."""
    root = package_files("widw.site") / "assets"
    return {
        routes.file("assets", name): (root / name).read_text(encoding="utf-8") for name in ASSETS
    }
