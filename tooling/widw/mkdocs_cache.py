"""MkDocs' Markdown → HTML conversion cached by content hash.

MkDocs converts every page's Markdown on every build; on a library of thousands of cases
that is most of a rebuild, though it depends only on the page's text and the configuration.
`PageRenderCache` keeps the results in the caller's build cache (`widw.buildcache`):

- Markdown → HTML by a hash of the page's Markdown, its path and address, and the Markdown
  configuration (extensions, their options, the versions of Markdown and MkDocs). A hit
  restores what MkDocs' own `Page.render` sets (HTML, table of contents, title, anchors and
  links to anchors, so MkDocs still validates anchors). Relative links depend on which files
  exist: each entry records the files its links point to, and a hit whose targets are gone
  is converted again (so MkDocs warns about the broken link as before). Pages with an
  absolute or unresolved link, or whose conversion logged anything, are never cached.

It also streams the pages: MkDocs converts every page before it renders the first one, so
it would hold every page's Markdown and HTML at once (at 5,000 cases about 260 MiB). A
page whose HTML is in the cache gives it up after conversion (`park`, when no plugin
changed it) and gets it back just before its template is rendered (`unpark`), and lets it
go once written (`release`): the build holds a few pages' text at a time.
"""

from __future__ import annotations

import json
import logging
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from widw.buildcache import BuildCache, digest
from widw.parallel import maybe_in_background, workers

PREFETCH_FROM = 200
"""Fewer pages than this are converted in the build's own process."""

HTML = "html"
BODY = "body"
KINDS = (HTML, BODY)


def _versions(*names: str) -> str:
    found = []
    for name in names:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=?")
    return ",".join(found)


class _LinkRecorder(Treeprocessor):  # type: ignore[misc]
    """Notes every link and image address before MkDocs rewrites it (it runs at priority 0)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] | None = None

    def run(self, root: Element) -> None:
        if self.urls is None:
            return
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            url = element.get(key) if key else None
            if url is not None:
                self.urls.append(url)


class _RecorderExtension(Extension):  # type: ignore[misc]
    def __init__(self, recorder: _LinkRecorder) -> None:
        super().__init__()
        self.recorder = recorder

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        md.treeprocessors.register(self.recorder, "widw_links", 1)


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageRenderCache:
    """Cached `Page.render` for one MkDocs build (or `serve` session)."""

    def __init__(self, cache: BuildCache) -> None:
        self.cache = cache
        self._recorder = _LinkRecorder()
        self._markdown_salt = ""
        self.hits = 0
        self.misses = 0
        self._converted: dict[str, tuple[str, int]] = {}
        """src_uri → (body key, id of the HTML string) of pages converted or restored now."""
        self._parked: dict[str, str] = {}
        """src_uri → body key of pages whose HTML waits in the cache for their template."""
        self._files: Files | None = None

    def configure(self, config: MkDocsConfig) -> None:
        """Add the link recorder and note the Markdown settings."""
        extensions = config.markdown_extensions
        if not any(isinstance(e, _RecorderExtension) for e in extensions):
            extensions.append(_RecorderExtension(self._recorder))
        settings = {
            "extensions": [e for e in extensions if isinstance(e, str)],
            "configs": config.mdx_configs,
            "directory_urls": config.use_directory_urls,
            "validation": str(config.validation),
        }
        self._markdown_salt = digest(
            json.dumps(settings, sort_keys=True, default=str),
            _versions("markdown", "mkdocs", "pymdown-extensions", "mkdocs-material"),
        )

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """Set what `Page.render` sets, from the cache when the same page was converted."""
        assert page.markdown is not None
        self._files = files
        src_uri = page.file.src_uri
        key = self.cache.key(HTML, self._markdown_salt, src_uri, page.file.url, page.markdown)
        stored = self.cache.get(HTML, key)
        if stored is not None and (body := _restore(page, stored, files, self.cache)):
            self.hits += 1
            self._converted[src_uri] = (body, id(page.content))
            return
        self.misses += 1
        self._converted.pop(src_uri, None)
        with self._recording() as (urls, logged):
            Page.render(page, config, files)
        targets = _targets(src_uri, urls)
        if logged.count or targets is None:
            return
        if any(files.get_file_from_path(t) is None for t in targets):
            return
        assert page.content is not None
        try:
            body = self.cache.store(BODY, page.content)
            self.cache.put(HTML, key, json.dumps(_entry(page, targets, body), ensure_ascii=False))
        except OSError:  # a cache that cannot be written (disk full) only means no reuse
            return
        self._converted[src_uri] = (body, id(page.content))

    def prefetch(self, pages: list[Page], config: MkDocsConfig, files: Files) -> int:
        """On a cold build, convert the pages in forked workers first (one per core), so
        that MkDocs finds them in the cache; how many workers ran.

        A worker converts its pages as MkDocs would (its `pre_page` and `page_markdown`
        events, then `render`) without printing anything: a page whose conversion logs
        is not cached, so MkDocs converts it again and its messages appear as before.
        """
        processes = workers()
        if processes < 2 or self.cache.folder is None or len(pages) < PREFETCH_FROM:
            return 0
        if self.cache.count(HTML) >= len(pages) // 2:
            return 0  # mostly warm: the cache has them
        waits = [
            maybe_in_background(self._convert_quietly, pages[start::processes], config, files)
            for start in range(processes)
        ]
        for wait in waits:
            wait()
        return processes

    def _convert_quietly(self, pages: list[Page], config: MkDocsConfig, files: Files) -> None:
        for logger in (logging.getLogger("mkdocs"), logging.getLogger()):
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
        for page in pages:
            config._current_page = page
            try:
                page = config.plugins.on_pre_page(page, config=config, files=files)
                page.read_source(config)
                assert page.markdown is not None
                page.markdown = config.plugins.on_page_markdown(
                    page.markdown, page=page, config=config, files=files
                )
                self.render(page, config, files)
            except Exception:  # MkDocs converts it again and reports the error
                continue
            finally:
                config._current_page = None

    def park(self, page: Page, html: str) -> str:
        """After conversion: "" in place of the page's HTML when the cache holds it as is."""
        src_uri = page.file.src_uri
        converted = self._converted.pop(src_uri, None)
        if converted is None or converted[1] != id(html):
            return html  # not cached, or changed by a plugin after conversion: kept
        self._parked[src_uri] = converted[0]
        page.markdown = ""  # converted: not needed any more ("", not None: MkDocs reads
        # None as "not read yet" and would lose the page's title)
        return ""

    def unpark(self, page: Page, config: MkDocsConfig) -> None:
        """Before the page's template: give it its HTML back (converted again if gone)."""
        key = self._parked.get(page.file.src_uri)
        if key is None:
            return
        page.content = self.cache.get(BODY, key)
        if page.content is None and self._files is not None:
            page.read_source(config)
            Page.render(page, config, self._files)

    def release(self, page: Page) -> None:
        """After the page is written: let its HTML go."""
        if self._parked.pop(page.file.src_uri, None) is not None:
            page.content = ""

    @contextmanager
    def _recording(self) -> Iterator[tuple[list[str], _Counter]]:
        urls: list[str] = []
        counter = _Counter()
        loggers = [logging.getLogger("mkdocs"), logging.getLogger()]
        self._recorder.urls = urls
        for logger in loggers:
            logger.addHandler(counter)
        try:
            yield urls, counter
        finally:
            self._recorder.urls = None
            for logger in loggers:
                logger.removeHandler(counter)

    def sweep(self) -> int:
        """Drop entries this build did not use (call after a complete build)."""
        try:
            return self.cache.sweep(KINDS)
        except OSError:  # a read-only cache keeps its old entries; they only take space
            return 0


def _targets(src_uri: str, urls: list[str]) -> list[str] | None:
    """The files a page's relative links point to; None if any link is absolute."""
    targets = []
    for url in urls:
        scheme, netloc, path, _, _ = urlsplit(url)
        if scheme or netloc or not path:
            continue
        if url.startswith(("/", "\\")):
            return None
        joined = posixpath.join(posixpath.dirname(src_uri), unquote(path))
        targets.append(posixpath.normpath(joined.lstrip("/")))
    return sorted(set(targets))


def _toc_tokens(items: list[AnchorLink]) -> list[dict[str, Any]]:
    return [
        {"level": i.level, "id": i.id, "name": i.title, "children": _toc_tokens(i.children)}
        for i in items
    ]


def _entry(page: Page, targets: list[str], body: str) -> dict[str, Any]:
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    return {
        "body": body,
        "toc": _toc_tokens(list(page.toc)),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": links if page.links_to_anchors is not None else None,
        "targets": targets,
    }


def _restore(page: Page, stored: str, files: Files, cache: BuildCache) -> str | None:
    """Put a stored conversion on the page and return its body key; None if a file it links
    to is gone, or the entry is unreadable."""
    try:
        entry = json.loads(stored)
        body = cache.get(BODY, str(entry["body"]))
        if body is None or not _apply(page, entry, files):
            return None
        page.content = body
        return str(entry["body"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _apply(page: Page, entry: dict[str, Any], files: Files) -> bool:
    if any(files.get_file_from_path(t) is None for t in entry["targets"]):
        return False
    links = None
    if entry["links"] is not None:
        links = {}
        for uri, anchors in entry["links"].items():
            target = files.get_file_from_path(uri)
            if target is None:
                return False
            links[target] = anchors
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if links is not None:
        page.links_to_anchors = links
    return True
