"""Pagefind markup in the generated pages: the indexed region, its facets and metadata.

Pagefind indexes only pages with a `data-pagefind-body` region once any page has one, so a
page is found exactly when its generator wraps its body with `findable`; listings, facet
pages and meta pages (codebook, field list, schema, editor guide) stay out of the index.
The facets and metadata sit in a hidden, unindexed block inside the region: plain HTML in
the generated Markdown, so every static builder (MkDocs, Zensical) passes them through.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from widw.content.kinds import KINDS
from widw.site.text import esc

STUB_WEIGHT = 0.3
"""Pagefind weight of a not-yet-described case's text: described cases rank above it."""

KIND_LABELS = {
    **{info.search_word: info.label for info in KINDS.values()},
    "rol": "Lessen per rol",
    "pagina": "Pagina",
}
"""Values of the `soort` filter and what a search result calls them."""


def findable(
    body: str,
    *,
    kind: str,
    filters: Mapping[str, Iterable[str]] | None = None,
    meta: Mapping[str, str] | None = None,
    order: str | None = None,
    weight: float | None = None,
    words: Iterable[str] = (),
) -> str:
    """Wrap a Markdown page body in the Pagefind region with its filters and metadata.

    `kind` becomes the `soort` filter and metadata, `filters` the other facets (display
    labels), `meta` extra result metadata (plaats, bundel, status), `order` a sort key and
    `weight` a factor on every word of the page (below 1 ranks it lower). `words` are
    indexed but not shown (place and themes, so a search for a town finds its cases).
    """
    lines = ['<div class="widw-zoekgegevens" hidden data-pagefind-ignore>']
    lines.append(_tag("filter", "soort", KIND_LABELS[kind]))
    lines.append(_tag("meta", "soort", KIND_LABELS[kind]))
    for name, values in (filters or {}).items():
        lines.extend(_tag("filter", name, value) for value in dict.fromkeys(values) if value)
    for name, value in (meta or {}).items():
        if value:
            lines.append(_tag("meta", name, value))
    if order is not None:
        lines.append(_tag("sort", "volgorde", order))
    lines.append("</div>")
    searchable = " · ".join(esc(" ".join(w.split())) for w in words if w)
    tail = f'<p class="widw-zoekwoorden" hidden>{searchable}</p>\n\n' if searchable else ""
    weighted = f' data-pagefind-weight="{weight:g}"' if weight is not None else ""
    return (
        f'<div class="widw-vindbaar" data-pagefind-body{weighted} markdown="1">\n\n'
        + "\n".join(lines)
        + f"\n\n{body.strip()}\n\n{tail}</div>\n"
    )


def _tag(role: str, name: str, value: str) -> str:
    return f'<span data-pagefind-{role}="{esc(name)}">{esc(" ".join(value.split()))}</span>'
