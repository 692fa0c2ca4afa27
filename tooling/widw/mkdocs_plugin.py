"""The MkDocs adapter: loads the library, injects the generated site, reports problems.

All logic lives in `widw.content` and `widw.site`; this module only translates between
them and MkDocs' events. A strict build (`mkdocs build --strict`, also with `-q`) stops with
the same lines as `widw validate` when the content has errors. Otherwise (`mkdocs serve`, a
local build) every error is logged as a WARNING, the same lines appear in a banner on every
page, and a file with an error still gets a page that lists its problems, so links to it
keep working.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import html
import json
import os
import threading
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from widw.assemble import SiteOptions, assemble_site, build_cache
from widw.buildcache import BuildCache
from widw.content.doccache import DocumentCache
from widw.content.kinds import KINDS
from widw.content.library import InvalidFile, Library, ProjectPaths, load_library
from widw.content.routes import page
from widw.content.siteurl import (
    ENV_VAR,
    configured_site_url,
    placeholder_warning,
    public_repo_url,
    publishing,
)
from widw.mkdocs_cache import PageRenderCache
from widw.mkdocs_nav import NavOnce
from widw.oserrors import unusable_path_message
from widw.site import Site
from widw.site.publish import overrides_dir
from widw.site.whitespace import trim_indentation

log = get_plugin_logger(__name__)

OVERRIDES = str(overrides_dir())
"""The site's theme overrides (main.html, partials), placed before Material's templates."""


class WidwConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options under `plugins: - widw:` in mkdocs.yml."""

    root = c.Type(str, default=".")
    """Project root (cases/, lessons/, episodes/, vocabulary.yml), relative to mkdocs.yml."""


class WidwPlugin(BasePlugin[WidwConfig]):  # type: ignore[no-untyped-call]
    """Generates the Wij in de Wijk pages from the content files."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._cache: DocumentCache | None = None
        self._build_cache: BuildCache | None = None
        self._renders: PageRenderCache | None = None
        self._command = "build"
        self._dirty = False
        self._frozen = False
        self._indexer: threading.Thread | None = None
        self._index_lock = threading.Lock()
        self._site: Site | None = None
        self._library: Library | None = None
        self._edit: dict[str, str] = {}
        self._error_pages: dict[str, str] = {}
        self._index_cache: Path | None = None
        self._nav = NavOnce()
        self._templates = CompiledTemplates()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps one plugin instance (and its caches) alive under `serve`."""
        self._command = command
        self._dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the content, then generate the site in memory."""
        paths = ProjectPaths(self._root(config))
        self._index_cache = paths.cache_dir / "pagefind"
        try:
            self._load(paths, config)
        except OSError as exc:
            raise PluginError(unusable_path_message(exc, paths.root)) from None
        for path in paths.watched():
            if path.exists() and str(path) not in config.watch:
                config.watch.append(str(path))
        return config

    def _load(self, paths: ProjectPaths, config: MkDocsConfig) -> None:
        cache_file = paths.cache_dir / "documents.json"
        if self._cache is None or self._cache.path != cache_file:
            self._cache = DocumentCache(cache_file)
        result = load_library(paths, cache=self._cache)
        # The library lives as long as the build: keep the cyclic garbage collector from
        # walking it again and again while the site is assembled and MkDocs renders
        # thousands of pages; undone in on_post_build, so nothing stays frozen after it.
        gc.freeze()
        self._frozen = True
        strict = bool(config.strict) and self._command != "serve"
        if strict and result.errors:
            # Raised, not logged: MkDocs' warning counter misses warnings under `-q`.
            lines = "\n".join(p.format() for p in result.errors)
            raise PluginError(
                f"De inhoud heeft {len(result.errors)} "
                f"{'fout' if len(result.errors) == 1 else 'fouten'}; een strikte build "
                f"stopt dan. Los op wat 'widw validate' noemt:\n{lines}"
            )
        for problem in result.problems:
            if problem.is_error:
                log.warning(problem.format())
            else:
                log.info(problem.format())
        config.extra["widw_problemen"] = [p.format() for p in result.errors]
        self._library = result.library
        self._apply_addresses(config)
        options = SiteOptions(
            site_url=config.site_url or "/",
            root=paths.root,
            repo_url=config.repo_url,
            parallel=self._command == "build",  # `serve` runs threads: no forking there
        )
        if self._build_cache is None or self._build_cache.folder != paths.cache_dir / "build":
            self._build_cache = build_cache(paths.root)
            self._renders = PageRenderCache(self._build_cache)
        previous = self._site
        self._site = assemble_site(result.library, options, self._build_cache)
        if self._dirty and previous is not None:
            mark_changed(previous, self._site)
        if self._command != "serve":
            self._cache = None  # a single build reads each file once: let the parsed copies go
        self._edit = self._edit_paths(result.library, paths, config)
        self._error_pages = error_pages(result.invalid, result.library)
        docs = Path(config.docs_dir).resolve()
        for file in result.invalid:
            relative = Path(os.path.relpath(paths.root / file.path, docs)).as_posix()
            for name in file.names:
                src_uri = page(file.kind, name)
                if src_uri in self._error_pages:
                    self._edit[src_uri] = relative
        if self._renders is not None:
            self._renders.configure(config)
        dirs = config.theme.dirs
        if OVERRIDES not in dirs:
            dirs.insert(1 if getattr(config.theme, "custom_dir", None) else 0, OVERRIDES)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the generated pages and assets as virtual files."""
        if self._site is None:
            return files
        for src_uri in self._site.pages:
            self._replace(files, src_uri)
            inclusion = (
                InclusionLevel.NOT_IN_NAV if Site.is_detail(src_uri) else InclusionLevel.UNDEFINED
            )
            file = self._generated(config, src_uri, inclusion)
            if src_uri in self._edit:
                file.edit_uri = self._edit[src_uri]
            files.append(file)
        for src_uri, text in self._error_pages.items():
            if files.get_file_from_path(src_uri) is None:
                inclusion = InclusionLevel.NOT_IN_NAV
                file = File.generated(config, src_uri, content=text, inclusion=inclusion)
                if src_uri in self._edit:
                    file.edit_uri = self._edit[src_uri]
                files.append(file)
        for src_uri in self._site.files:
            self._replace(files, src_uri)
            files.append(self._generated(config, src_uri, InclusionLevel.UNDEFINED))
        return files

    def _generated(self, config: MkDocsConfig, src_uri: str, inclusion: InclusionLevel) -> File:
        """A generated file, read from the build cache's file when there is one (streamed)."""
        assert self._site is not None
        path = self._site.stored.get(src_uri)
        if path is not None:
            return File.generated(config, src_uri, abs_src_path=str(path), inclusion=inclusion)
        pages = self._site.pages
        content = pages[src_uri] if src_uri in pages else self._site.files[src_uri]
        return File.generated(config, src_uri, content=content, inclusion=inclusion)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Note the navigation: pages outside it share one rendered sidebar per folder."""
        self._nav.on_nav(nav)
        if self._renders is not None and self._command == "build" and not self._dirty:
            # `serve` runs threads: no forking there.
            pages = [f.page for f in files.documentation_pages() if f.page is not None]
            self._renders.prefetch(pages, config, files)
        return nav

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Keep the theme's compiled templates between rebuilds (`mkdocs serve`); render
        the navigation sidebar once per folder of pages outside it."""
        env.bytecode_cache = self._templates
        self._nav.on_env(env)
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Convert the page through the render cache (unchanged pages are not converted)."""
        renders = self._renders
        if renders is not None:
            page.render = functools.partial(renders.render, page)  # type: ignore[method-assign]
        return markdown

    @event_priority(-100)  # after every other plugin's handler: it may change the HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Let the page's HTML wait in the cache until its template is rendered."""
        return self._renders.park(page, html) if self._renders is not None else html

    @event_priority(100)  # before every other plugin's handler: they see the HTML
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give the page its HTML back just before its template is rendered."""
        if self._renders is not None:
            self._renders.unpark(page, config)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Let the written page's HTML go; drop the templates' indentation (what shows on
        the page stays the same)."""
        if self._renders is not None:
            self._renders.release(page)
        return trim_indentation(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The same for pages made from a theme template alone (404.html)."""
        return (
            trim_indentation(output_content) if template_name.endswith(".html") else output_content
        )

    @staticmethod
    def _apply_addresses(config: MkDocsConfig) -> None:
        """Site address from WIDW_SITE_URL or mkdocs.yml; placeholders warned about or hidden.

        A placeholder site address is a warning in a normal build, a note in a strict test
        build (`make test`) and an error in a publishing build (WIDW_PUBLISH=1). A
        placeholder repository address is left out, so the header shows no link to it.
        """
        config.site_url = configured_site_url(config.site_url)
        warning = placeholder_warning(config.site_url or "")
        if not config.site_url and publishing():
            raise PluginError(
                f"Publiceren geweigerd: de site heeft geen adres; zet site_url in mkdocs.yml "
                f"of de omgevingsvariabele {ENV_VAR}."
            )
        if warning and publishing():
            refusal = placeholder_warning(config.site_url or "", lead="Publiceren geweigerd")
            raise PluginError(f"{refusal} (WIDW_PUBLISH staat aan.)")
        if warning:
            (log.info if config.strict else log.warning)(warning)
        if public_repo_url(config.repo_url) is None:
            config.repo_url = None
            config.repo_name = None
            config.edit_uri = None

    @staticmethod
    def _replace(files: Files, src_uri: str) -> None:
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            log.warning(
                f"{src_uri}: dit bestand staat in docs/, maar de site maakt deze pagina zelf; "
                "hernoem of verwijder het bestand in docs/."
            )
            files.remove(existing)

    def _root(self, config: MkDocsConfig) -> Path:
        base_dir = Path(config.config_file_path or ".").resolve().parent
        return (base_dir / self.config.root).resolve()

    @staticmethod
    def _edit_paths(library: Library, paths: ProjectPaths, config: MkDocsConfig) -> dict[str, str]:
        """src_uri → path of the content file, relative to docs_dir (for the edit button)."""
        docs = Path(config.docs_dir).resolve()
        edits: dict[str, str] = {}
        for (kind, name), source in library.files.items():
            relative = os.path.relpath(paths.root / source.path, docs)
            edits[page(kind, name)] = Path(relative).as_posix()
        return edits

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the browser search index (Pagefind) over the finished HTML."""
        from widw.site.browser_index import IndexingError, index_site

        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        if self._renders is not None and not self._dirty:
            self._renders.sweep()
        site_dir = Path(config.site_dir)
        if self._command == "serve":
            # Under `make serve` the page shows at once; the search index follows seconds
            # later (one run at a time: each waits for the lock, not the rebuild).
            self._indexer = threading.Thread(
                target=_index_quietly,
                args=(site_dir, self._index_lock, self._index_cache),
                daemon=True,
            )
            self._indexer.start()
            return
        try:
            index_site(site_dir, cache=self._index_cache)
        except IndexingError as exc:
            raise PluginError(str(exc)) from None

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build leaves nothing frozen either."""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """The content folders are watched through `config.watch` (set in on_config)."""
        return server


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates in memory, by name and source checksum (Jinja checks it).

    MkDocs makes a new template environment for every build; without this, each rebuild
    under `mkdocs serve` compiles Material's templates again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def mark_changed(previous: Site, site: Site) -> None:
    """Give the cache files of pages that changed since the last build a new time.

    `mkdocs serve --dirty` rebuilds a page only when its source file is newer than its
    output; a page whose text went back to an older stored version would otherwise keep
    its last output.
    """
    for src_uri, path in site.stored.items():
        if previous.stored.get(src_uri) != path:
            path.touch()


INDEX_NICENESS = 10
"""How far the search index under `make serve` yields to the next rebuild (see below)."""


def _index_quietly(site_dir: Path, lock: threading.Lock, cache: Path | None) -> None:
    from widw.site.browser_index import IndexingError, index_site

    # Pagefind uses every core for seconds; an edit made meanwhile should not wait for it.
    # On Linux the niceness is the calling thread's, and Pagefind, started from this
    # thread, inherits it; elsewhere it lowers the whole preview server a little.
    if hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, 0, INDEX_NICENESS)
    with lock:
        try:
            index_site(site_dir, cache=cache)
        except IndexingError as exc:
            log.warning(str(exc))


def error_pages(invalid: list[InvalidFile], library: Library) -> dict[str, str]:
    """A page for every file with errors, under each name it would be published at.

    Links to the entry keep working while it is being fixed; the page names the file and
    lists its problems (the banner above every page lists them too).
    """
    pages: dict[str, str] = {}
    for file in invalid:
        for name in file.names:
            if library.resolve(file.kind, name) is None:
                pages[page(file.kind, name)] = _error_page(file, name)
    return pages


def _error_page(file: InvalidFile, name: str) -> str:
    kind = KINDS[file.kind].singular
    title = html.escape(file.title or name)
    problems = "\n".join(f"    - `` {p.format()} ``" for p in file.problems)
    return (
        f"---\ntitle: {json.dumps(file.title or name, ensure_ascii=False)}\n"
        f"search:\n  exclude: true\n---\n\n# {title}\n\n"
        f'!!! danger "Deze {kind} bevat fouten"\n\n'
        f"    De pagina van deze {kind} verschijnt zodra de fouten in `{file.path}` zijn "
        f"opgelost. Dit zijn dezelfde meldingen als van `widw validate`:\n\n{problems}\n"
    )
