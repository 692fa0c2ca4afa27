"""Compose the whole site from the library: pages, related cases, citations, guide, exports.

Both adapters — the MkDocs plugin and `widw render` — call `assemble_site`, so the site they
produce is the same. This is the one place where the three branches of the pipeline (site,
search, cite) and the editor guide meet; none of them imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from widw.cite.exports import data_pages, export_files
from widw.cite.page import citation_for, cite_assets, source_apa_html
from widw.content.library import Library
from widw.content.models import Case
from widw.editor.guide import guide_pages
from widw.search.index import search_cache_dir
from widw.search.related import related_cases
from widw.site import Site, build_site


@dataclass(frozen=True)
class SiteOptions:
    """What the site needs besides the content."""

    site_url: str
    root: Path
    """Project root: the search index and related-case cache live in its .cache/ folder."""
    repo_url: str | None = None
    today: dt.date | None = None
    """The retrieval date in citations (default: the day of the build)."""


def assemble_site(library: Library, options: SiteOptions) -> Site:
    """Every page and file of the site."""

    def cite(case: Case, page_url: str) -> tuple[str, str]:
        # The page lists the sources in APA itself (source_format), so the block omits them.
        return citation_for(
            case, page_url, site_url=options.site_url, today=options.today, with_sources=False
        )

    extra_pages = {
        **guide_pages(library.vocabulary, repo_url=options.repo_url),
        **data_pages(library),
    }
    site = build_site(
        library,
        site_url=options.site_url,
        related=related_cases(library, search_cache_dir(options.root)),
        citation_for=cite,
        source_format=source_apa_html,
        extra_pages=extra_pages,
    )
    site.files.update(cite_assets())
    site.files.update(export_files(library, site_url=options.site_url, today=options.today))
    return site
