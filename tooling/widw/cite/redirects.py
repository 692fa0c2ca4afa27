"""Redirect pages at old URLs: every alias of a case, lesson or episode keeps working.

A renamed entry keeps its old slug in `aliassen`; the old URL gets a tiny HTML page that
sends the reader on (meta refresh, relative so it works on any host), names the new
address as canonical and shows a Dutch link for readers without automatic redirects.
"""

from __future__ import annotations

import html

from widw.cite.csl import entry_url
from widw.content import routes
from widw.content.library import Library
from widw.content.reader import Kind

TEMPLATE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Verhuisd: {title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={relative}">
<link rel="canonical" href="{canonical}">
</head>
<body>
<p>Deze pagina heeft een nieuw adres: <a href="{relative}">{title}</a>.</p>
</body>
</html>
"""


def redirect_page(kind: Kind, slug: str, title: str, *, site_url: str) -> str:
    """The HTML page served at an old URL of `slug`."""
    return TEMPLATE.format(
        title=html.escape(title),
        relative=html.escape(f"../{slug}/"),
        canonical=html.escape(entry_url(site_url, kind, slug)),
    )


def redirect_files(library: Library, *, site_url: str) -> dict[str, str]:
    """The old page address ('<url of the alias>/index.html') → redirect page, per alias."""
    entries: list[tuple[Kind, str, str, list[str]]] = []
    entries += [("case", c.slug, c.title, c.aliases) for c in library.cases.values()]
    entries += [("lesson", x.id, x.title, x.aliases) for x in library.lessons.values()]
    entries += [("episode", e.slug, e.title, e.aliases) for e in library.episodes.values()]
    out = {}
    for kind, slug, title, aliases in entries:
        for alias in aliases:
            if library.resolve(kind, alias) == alias:
                continue  # a live page wins over an alias; the validator reports the clash
            path = routes.url(kind, alias) + "index.html"
            out[path] = redirect_page(kind, slug, title, site_url=site_url)
    return dict(sorted(out.items()))
