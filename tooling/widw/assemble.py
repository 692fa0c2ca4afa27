"""Compose the whole site from the library: pages, related cases, citations, guide, exports.

Both adapters — the MkDocs plugin and `widw render` — call `assemble_site`, so the site they
produce is the same. This is the one place where the three branches of the pipeline (site,
search, cite) and the editor guide meet; none of them imports MkDocs.

The caller owns the build cache (`build_cache`, one per plugin instance or command run) and
passes it in; nothing here keeps state between calls. An assembled site is stored in that
cache page by page (each under the hash of its text) with a small manifest under the hash of
every input, so unchanged inputs give the stored site back without holding it in memory.
After an edit the site is assembled from parts (`widw.buildcache.PartIndex`): a part whose
inputs hash the same as in the last assembly keeps its stored pages, so an edit to one case
makes again only that case's page and citation files, the pages that list or link it, and
the files over the whole library.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from widw.buildcache import BuildCache, Part, PartIndex, digest
from widw.content.library import Library, ProjectPaths
from widw.content.models import Case
from widw.site import Site
from widw.site.cache import PageCache, site_inputs

SWEPT = ("site", "page", "blob", PartIndex.KIND)
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

    Otherwise the site is assembled in parts (`widw.site.parts`, `widw.cite.exports`), and
    only the parts whose inputs changed since the last assembly are made again. Without a
    `cache` the site is built in memory and nothing is kept.
    """
    cache = cache if cache is not None else BuildCache()
    day = options.today or dt.date.today()
    salt = digest(options.site_url, str(options.repo_url), day.isoformat(), site_inputs())
    manifest_key = cache.key("site", _fingerprint(library, salt))
    stored = _load_site(cache, manifest_key)
    if stored is not None:
        return stored
    index = PartIndex(cache, digest(salt, library.vocabulary.content_hash))
    manifest = _build(library, options, cache, index)
    site = _site(cache, manifest)  # every entry was made or found by the index
    cache.put("site", manifest_key, json.dumps(manifest, ensure_ascii=False))
    index.save()
    cache.sweep(SWEPT)
    if cache.folder is None:  # in memory anyway: plain dictionaries, as callers may expect
        return Site(dict(site.pages), dict(site.files))
    return site


Manifest = dict[str, dict[str, tuple[str, bool]]]
"""The stored site: "pages" and "files", each name → (blob key, whether it is bytes)."""


def _build(library: Library, options: SiteOptions, cache: BuildCache, index: PartIndex) -> Manifest:
    # Imported here: a site that comes from the cache needs none of these (nor Whoosh).
    from widw.cite.apa import RenderCache, caching
    from widw.cite.exports import data_pages, export_parts
    from widw.cite.page import citation_for, cite_assets, source_apa_html
    from widw.editor.guide import guide_pages, issue_form_url
    from widw.parallel import in_background
    from widw.search.index import search_cache_dir
    from widw.search.related import related_cases
    from widw.site.build import asset_files
    from widw.site.bundle import bundled_assets
    from widw.site.context import SiteContext
    from widw.site.parts import site_parts

    def cite(case: Case, page_url: str) -> tuple[str, str]:
        # The page lists the sources in APA itself (source_format), so the block omits them.
        return citation_for(
            case, page_url, site_url=options.site_url, today=options.today, with_sources=False
        )

    cache_dir = search_cache_dir(options.root)
    references = RenderCache()
    references_file = cache.file("apa.json")
    if references_file is not None:
        references.load(references_file)
    # A cold build (few references stored): related cases in a forked worker while this
    # process renders the APA references the case pages will ask for.
    cold = options.parallel and len(references.entries) < len(library.cases)
    if cold:
        related_result = in_background(related_cases, library, cache_dir)
    else:
        found = related_cases(library, cache_dir)
        related_result = lambda: found  # noqa: E731

    def assets() -> dict[str, str | bytes]:
        files = {**asset_files(), **cite_assets()}
        files.update(bundled_assets(files))
        return files

    extra = [
        Part("guide", (), lambda: guide_pages(library.vocabulary, repo_url=options.repo_url)),
        Part("data", (str(len(library.cases)),), lambda: data_pages(library)),
    ]
    pages: dict[str, tuple[str, bool]] = {}
    exports: dict[str, tuple[str, bool]] = {}
    with caching(references):
        if cold:
            _render_references(library, options.site_url, cite)
        ctx = SiteContext(
            library,
            options.site_url,
            related_result(),
            cite,
            source_apa_html,
            issue_form_url(options.repo_url),
        )
        for part in site_parts(ctx, extra=extra, page_cache=PageCache(cache, index.salt)):
            pages.update(index.outputs(part))
        files = dict(index.outputs(Part("assets", (), assets)))
        for part in export_parts(
            library, site_url=options.site_url, today=options.today, earlier=index.text
        ):
            exports.update(index.outputs(part))
    files.update(sorted(exports.items()))
    if references_file is not None and index.made:
        # Reused parts were made with references this run did not ask for: keep them.
        references.save(references_file, prune=not index.reused)
    return {"pages": pages, "files": files}


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


def _load_site(cache: BuildCache, manifest_key: str) -> Site | None:
    """The stored site (its texts read only when asked for), or None."""
    text = cache.get("site", manifest_key)
    if text is None:
        return None
    try:
        data = json.loads(text)
        manifest = {
            kind: {str(uri): (str(key), bool(raw)) for uri, (key, raw) in data[kind].items()}
            for kind in ("pages", "files")
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    entries = [*manifest["pages"].values(), *manifest["files"].values()]
    if not all(cache.has("blob", key) for key, _ in entries):
        return None
    return _site(cache, manifest)


def _site(cache: BuildCache, manifest: Manifest) -> Site:
    """The site of a manifest whose entries are all in the cache."""
    pages = {uri: key for uri, (key, _) in manifest["pages"].items()}
    files = manifest["files"]
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
