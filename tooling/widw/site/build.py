"""`build_site`: the whole site as Markdown pages and asset files, without MkDocs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path

from widw.buildcache import Part
from widw.content import routes
from widw.content.library import Library
from widw.site.cache import PageCache
from widw.site.context import CitationFor, SiteContext, SourceFormat
from widw.site.parts import site_parts

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
    extra = [Part("extra", (), lambda: dict(extra_pages or {}))]
    pages: dict[str, str] = {}
    for part in site_parts(ctx, extra=extra, page_cache=page_cache):
        pages.update({uri: str(text) for uri, text in part.make().items()})
    return Site(pages, asset_files())


def asset_files() -> dict[str, str | bytes]:
    """The site's own CSS and JavaScript."""
    root = package_files("widw.site") / "assets"
    return {
        routes.file("assets", name): (root / name).read_text(encoding="utf-8") for name in ASSETS
    }
