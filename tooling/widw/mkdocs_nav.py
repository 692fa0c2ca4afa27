"""Material's navigation sidebar rendered once per folder for the pages outside it.

The theme renders the whole site navigation (`partials/nav.html`) into every page; with
thousands of case pages that is a large part of a build. For a page that is not itself in
the navigation, nothing in that sidebar depends on the page except the relative links
(MkDocs' `url` filter makes every address relative to the page's folder): so every page
outside the navigation in the same folder gets exactly the same sidebar, and it is rendered
once per folder and build. Pages in the navigation (their own entry is marked active), and
pages with navigation entries below their own address, are rendered as before.

`NavOnce` is installed by the widw MkDocs plugin (`on_nav`, `on_env`): it puts a small
template in front of the theme's `partials/nav.html` that wraps the theme's own file (or an
override of it) in a Jinja call block. A build without the plugin (Zensical, plain MkDocs)
uses the theme's file as it is.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from jinja2 import BaseLoader, Environment
from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

NAV = "partials/nav.html"
THEME = "widw-thema/"
"""Prefix under which the theme's own `partials/nav.html` stays reachable."""

WRAPPER = (
    "{%- call widw_nav_once(widw_nav_key(page)) -%}"
    f'{{% include "{THEME}{NAV}" %}}'
    "{%- endcall -%}"
)


class _Loader(BaseLoader):
    """The theme's loader, with the wrapper in front of its navigation partial."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template == NAV:
            return WRAPPER, None, lambda: True
        if template.startswith(THEME):
            return self.inner.get_source(environment, template.removeprefix(THEME))
        return self.inner.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


class NavOnce:
    """The navigation sidebar of one build, rendered once per folder of pages outside it."""

    def __init__(self) -> None:
        self._rendered: dict[str, Markup] = {}
        self._in_nav: set[int] = set()
        self._above_entries: set[str] = set()

    def on_nav(self, nav: Navigation) -> None:
        """Note which pages are in the navigation and which addresses lie above an entry."""
        self._rendered.clear()
        self._in_nav = {id(page) for page in nav.pages}
        self._above_entries = set()
        for page in nav.pages:
            parts = page.url.split("/")
            for end in range(len(parts)):
                self._above_entries.add("/".join(parts[:end]) + "/")

    def on_env(self, env: Environment) -> None:
        """Put the wrapper in front of the theme's navigation partial."""
        if env.loader is None:
            return
        if not isinstance(env.loader, _Loader):
            env.loader = _Loader(env.loader)
        env.globals["widw_nav_key"] = self.key
        env.globals["widw_nav_once"] = self.once

    def key(self, page: Any) -> str | None:
        """The folder whose pages share this page's sidebar, or None to render it anew."""
        if not isinstance(page, Page) or id(page) in self._in_nav:
            return None
        url = page.url
        if not url or not url.endswith("/") or url in self._above_entries:
            return None
        return posixpath.dirname(url.rstrip("/")) + "/"

    def once(self, key: str | None, caller: Callable[[], str]) -> Markup:
        """The sidebar for `key`, rendered by `caller` the first time only."""
        if key is None:
            return Markup(caller())
        if key not in self._rendered:
            self._rendered[key] = Markup(caller())
        return self._rendered[key]
