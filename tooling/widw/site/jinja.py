"""The Jinja2 environment for page templates: autoescaping on, Markdown-safe filters."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from widw.content import routes
from widw.content.dates import dutch_date
from widw.site.text import md_text


def md_url(url: str) -> str:
    """A URL that is safe inside a Markdown link destination."""
    for char, code in (("(", "%28"), (")", "%29"), (" ", "%20"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(char, code)
    return url


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One shared environment; templates are compiled once per process."""
    env = Environment(
        loader=PackageLoader("widw.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_text
    env.filters["md_url"] = md_url
    env.filters["datum"] = dutch_date
    env.globals["routes"] = routes  # every URL: routes.page("case", slug), routes.url(...)
    return env


def template_fingerprint() -> str:
    """A hash of every page template as the environment loads it: a changed template changes it."""
    env = environment()
    digest = hashlib.sha256()
    loader = env.loader
    if loader is None:
        return ""
    for name in sorted(loader.list_templates()):
        source, _, _ = loader.get_source(env, name)
        digest.update(f"{name}\0{len(source)}\0{source}".encode())
    return digest.hexdigest()


def render(template: str, **context: Any) -> str:
    """Render one template from `widw/site/templates/`."""
    return environment().get_template(template).render(**context)
