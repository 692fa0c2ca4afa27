"""Compose the whole site from the library: pages, related cases, citations, guide, exports.

Both adapters — the MkDocs plugin and `widw render` — call `assemble_site`, so the site they
produce is the same. This is the one place where the three branches of the pipeline (site,
search, cite) and the editor guide meet; none of them imports MkDocs.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from widw.atomic import write_atomic
from widw.content.library import Library, ProjectPaths
from widw.content.models import Case
from widw.site import Site
from widw.site.cache import PageCache, code_fingerprint

_PAGE_CACHES: dict[Path, PageCache] = {}
"""Case-page caches per project, kept in memory across `mkdocs serve` rebuilds."""
_SITES: dict[Path, tuple[str, Site]] = {}
"""The last assembled site per project, with the fingerprint of its inputs."""


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
    """Every page and file of the site; unchanged inputs give the previous site back."""
    cache_dir = ProjectPaths(options.root).cache_dir
    day = options.today or dt.date.today()
    salt = f"{options.site_url}|{options.repo_url}|{day.isoformat()}"
    fingerprint = _fingerprint(library, salt)
    cached = _SITES.get(cache_dir) or _load_site(cache_dir / "site.json")
    if cached is not None and cached[0] == fingerprint:
        _SITES[cache_dir] = cached
        return cached[1]
    site = _build(library, options, cache_dir, salt)
    _SITES[cache_dir] = (fingerprint, site)
    _save_site(cache_dir / "site.json", fingerprint, site)
    return site


def _build(library: Library, options: SiteOptions, cache_dir: Path, salt: str) -> Site:
    # Imported here: a site that comes from the cache needs none of these (nor Whoosh).
    from widw.cite.apa import CACHE
    from widw.cite.exports import data_pages, export_files
    from widw.cite.page import citation_for, cite_assets, source_apa_html
    from widw.editor.guide import guide_pages, issue_form_url
    from widw.search.index import search_cache_dir
    from widw.search.related import related_cases
    from widw.site import build_site
    from widw.site.bundle import bundled_assets

    def cite(case: Case, page_url: str) -> tuple[str, str]:
        # The page lists the sources in APA itself (source_format), so the block omits them.
        return citation_for(
            case, page_url, site_url=options.site_url, today=options.today, with_sources=False
        )

    CACHE.load(cache_dir / "apa.json")
    pages = _PAGE_CACHES.setdefault(cache_dir, PageCache())
    pages.salt = salt
    if not pages.entries:
        pages.load(cache_dir / "pages.json")
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
        page_cache=pages,
        contribute_url=issue_form_url(options.repo_url),
    )
    site.files.update(cite_assets())
    site.files.update(bundled_assets(site.files))
    site.files.update(export_files(library, site_url=options.site_url, today=options.today))
    CACHE.save(cache_dir / "apa.json")
    pages.save(cache_dir / "pages.json")
    return site


def _fingerprint(library: Library, salt: str) -> str:
    """A hash of every input of the site: content files, vocabulary, options and code.

    Related cases are computed from the same content, so they need no part of their own.
    """
    digest = hashlib.sha256(f"{code_fingerprint()}|{salt}".encode())
    for (kind, name), source in sorted(library.files.items()):
        digest.update(f"{kind}|{name}|{source.path}|{source.content_hash}\n".encode())
    digest.update(library.vocabulary.content_hash.encode())
    return digest.hexdigest()


def _load_site(path: Path) -> tuple[str, Site] | None:
    """The saved site, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files: dict[str, str | bytes] = {
            name: base64.b64decode(value["b64"]) if isinstance(value, dict) else value
            for name, value in data["files"].items()
        }
        return str(data["fingerprint"]), Site(dict(data["pages"]), files)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _save_site(path: Path, fingerprint: str, site: Site) -> None:
    files = {
        name: {"b64": base64.b64encode(value).decode()} if isinstance(value, bytes) else value
        for name, value in site.files.items()
    }
    data = {"fingerprint": fingerprint, "pages": site.pages, "files": files}
    write_atomic(path, json.dumps(data, ensure_ascii=False))
