"""Compose the whole site from the library: pages, related cases, citations, guide, exports.

Both adapters — the MkDocs plugin and `widw render` — call `assemble_site`, so the site they
produce is the same. This is the one place where the three branches of the pipeline (site,
search, cite) and the editor guide meet; none of them imports MkDocs.

The caller owns the build cache (`build_cache`, one per plugin instance or command run) and
passes it in; nothing here keeps state between calls. An assembled site is stored in that
cache page by page (each under the hash of its text) with a small manifest under the hash of
every input, so unchanged inputs give the stored site back without holding it in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from widw.buildcache import BuildCache, digest
from widw.content.library import Library, ProjectPaths
from widw.content.models import Case
from widw.site import Site
from widw.site.cache import PageCache, site_inputs

SWEPT = ("site", "page", "blob")
"""Entry kinds a full assembly uses completely, so whatever it did not use is stale."""


@dataclass(frozen=True)
class SiteOptions:
    """What the site needs besides the content."""

    site_url: str
    root: Path
    """Project root: the search index and related-case cache live in its .cache/ folder."""
    repo_url: str | None = None
    today: dt.date | None = None
    """The retrieval date in citations (default: the day of the build)."""
    parallel: bool = False
    """Let forked workers take part of a cold build (`widw.parallel`); only in a process
    without other threads (`mkdocs build`, `widw render`; not `mkdocs serve`)."""


def build_cache(root: Path, *, inputs: str = "") -> BuildCache:
    """The build cache in the project's .cache folder; `inputs`: the caller's configuration."""
    return BuildCache(ProjectPaths(root).cache_dir / "build", inputs=inputs)


def assemble_site(library: Library, options: SiteOptions, cache: BuildCache | None = None) -> Site:
    """Every page and file of the site; unchanged inputs give the stored site back.

    Without a `cache` the site is built in memory and nothing is kept.
    """
    cache = cache if cache is not None else BuildCache()
    day = options.today or dt.date.today()
    salt = digest(options.site_url, str(options.repo_url), day.isoformat(), site_inputs())
    manifest_key = cache.key("site", _fingerprint(library, salt))
    stored = _load_site(cache, manifest_key)
    if stored is not None:
        return stored
    site = _build(library, options, cache, salt)
    stored = _store_site(cache, manifest_key, site)
    cache.sweep(SWEPT)
    return stored


def _build(library: Library, options: SiteOptions, cache: BuildCache, salt: str) -> Site:
    # Imported here: a site that comes from the cache needs none of these (nor Whoosh).
    from widw.cite.apa import RenderCache, caching
    from widw.cite.exports import data_pages, export_files
    from widw.cite.page import citation_for, cite_assets, source_apa_html
    from widw.editor.guide import guide_pages, issue_form_url
    from widw.parallel import in_background
    from widw.search.index import search_cache_dir
    from widw.search.related import related_cases
    from widw.site import build_site
    from widw.site.bundle import bundled_assets

    def cite(case: Case, page_url: str) -> tuple[str, str]:
        # The page lists the sources in APA itself (source_format), so the block omits them.
        return citation_for(
            case, page_url, site_url=options.site_url, today=options.today, with_sources=False
        )

    cache_dir = search_cache_dir(options.root)
    if options.parallel:
        # Related cases (one core) while this process renders the APA references (another).
        related_result = in_background(related_cases, library, cache_dir)
    else:
        found = related_cases(library, cache_dir)
        related_result = lambda: found  # noqa: E731
    references = RenderCache()
    references_file = cache.file("apa.json")
    if references_file is not None:
        references.load(references_file)
    with caching(references):
        if options.parallel:
            _render_references(library, options.site_url, cite)
        extra_pages = {
            **guide_pages(library.vocabulary, repo_url=options.repo_url),
            **data_pages(library),
        }
        site = build_site(
            library,
            site_url=options.site_url,
            related=related_result(),
            citation_for=cite,
            source_format=source_apa_html,
            extra_pages=extra_pages,
            page_cache=PageCache(cache, salt),
            contribute_url=issue_form_url(options.repo_url),
        )
        files = {**site.files, **cite_assets()}
        files.update(bundled_assets(files))
        files.update(export_files(library, site_url=options.site_url, today=options.today))
    if references_file is not None:
        references.save(references_file)
    return Site(site.pages, files)


def _render_references(
    library: Library, site_url: str, cite: Callable[[Case, str], tuple[str, str]]
) -> None:
    """Render every case's citation and its sources in APA once, into the lent cache, so
    that the case pages find them there (the cache is keyed by each item as given)."""
    from widw.cite.page import source_apa_html
    from widw.content import routes
    from widw.site.context import absolute_url

    for slug, case in library.cases.items():
        cite(case, absolute_url(site_url, routes.page("case", slug)))
        for source in case.sources:
            source_apa_html(source)


def _fingerprint(library: Library, salt: str) -> str:
    """A hash of every input of the site: content files, vocabulary, options and code.

    Related cases are computed from the same content, so they need no part of their own.
    """
    parts = [salt, library.vocabulary.content_hash]
    for (kind, name), source in sorted(library.files.items()):
        parts.append(f"{kind}|{name}|{source.path}|{source.content_hash}")
    return digest(*parts)


def _store_site(cache: BuildCache, manifest_key: str, site: Site) -> Site:
    """Put every page and file into the cache and return the site read back from it."""
    manifest = {
        "pages": {uri: cache.store("blob", text) for uri, text in site.pages.items()},
        "files": {
            uri: [cache.store("blob", data), isinstance(data, bytes)]
            for uri, data in site.files.items()
        },
    }
    cache.put("site", manifest_key, json.dumps(manifest, ensure_ascii=False))
    if cache.folder is None:
        return site
    return _load_site(cache, manifest_key) or site


def _load_site(cache: BuildCache, manifest_key: str) -> Site | None:
    """The stored site (its texts read only when asked for), or None."""
    text = cache.get("site", manifest_key)
    if text is None:
        return None
    try:
        manifest = json.loads(text)
        pages = {str(uri): str(key) for uri, key in manifest["pages"].items()}
        files = {str(uri): (str(key), bool(raw)) for uri, (key, raw) in manifest["files"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    keys = [*pages.values(), *(key for key, _ in files.values())]
    if not all(cache.has("blob", key) for key in keys):
        return None
    stored: dict[str, Path] = {}
    for uri, key in [*pages.items(), *((u, k) for u, (k, _) in files.items())]:
        path = cache.path("blob", key)
        if path is not None:
            stored[uri] = path
    return Site(_Pages(cache, pages), _Files(cache, files), stored)


class _Pages(Mapping[str, str]):
    """The site's pages from the build cache, each read when asked for."""

    def __init__(self, cache: BuildCache, keys: dict[str, str]) -> None:
        self._cache = cache
        self._keys = keys

    def __getitem__(self, name: str) -> str:
        text = self._cache.get("blob", self._keys[name])
        if text is None:
            raise KeyError(name)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class _Files(Mapping[str, str | bytes]):
    """The site's other files from the build cache, text or bytes as they were stored."""

    def __init__(self, cache: BuildCache, files: dict[str, tuple[str, bool]]) -> None:
        self._cache = cache
        self._files = files

    def __getitem__(self, name: str) -> str | bytes:
        key, raw = self._files[name]
        data = self._cache.get_bytes("blob", key)
        if data is None:
            raise KeyError(name)
        return data if raw else data.decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)
