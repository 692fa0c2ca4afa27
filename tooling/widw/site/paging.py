"""Case lists of bounded size: cards in pages of PAGE_SIZE, described cases first.

The overview and every facet page list their cases through `paged_lists`: each page holds
at most PAGE_SIZE cards, so no page's HTML grows with the library. Described cases come
first; cases that are not yet described follow in their own labelled part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from markupsafe import Markup

from widw.content import routes
from widw.content.models import Case
from widw.site.case import place_text
from widw.site.context import SiteContext
from widw.site.jinja import render
from widw.site.text import clean_html

PAGE_SIZE = 50
"""Cards per page: about 20 KB of HTML, whatever the size of the library."""

NEAR = 2
"""Page links shown on either side of the current page (plus the first and the last)."""


class Card(NamedTuple):
    """What a reader sees of one case in a list."""

    href: str
    title: str
    place: str
    themes: str
    described: bool
    bundle: str


class PageLink(NamedTuple):
    """One entry of the page navigation; `href` is None for a gap (…)."""

    number: int
    href: str | None
    current: bool


def ordered(cases: Sequence[Case]) -> list[Case]:
    """Described cases first, then the others, each by title."""
    return sorted(cases, key=lambda c: (c.status == "stub", c.title.lower()))


def pages_of(cases: Sequence[Case]) -> list[list[Case]]:
    """The cases split into pages (one empty page when there are none)."""
    chunks = [list(cases[i : i + PAGE_SIZE]) for i in range(0, len(cases), PAGE_SIZE)]
    return chunks or [[]]


def card(ctx: SiteContext, case: Case, root: str) -> Card:
    """The card of one case; `root` leads from the list page's URL to the site root."""
    bundle = ""
    if case.collection == "verwant":
        bundle = "verwante casus"
    elif case.bundle and case.bundle.number:
        bundle = f"bundel {case.bundle.number}"
        if case.bundle.certainty == "afgeleid":
            bundle += " (afgeleid)"
    province = "".join(ctx.term_labels(case, "plaats.provincie"))
    place = place_text(case)
    if province:
        place = f"{place} · {province}" if place != "onbekend" else province
    return Card(
        href=root + routes.url("case", case.slug),
        title=case.title,
        place=place,
        themes=", ".join(ctx.term_labels(case, "themas")),
        described=case.status != "stub",
        bundle=bundle,
    )


def card_list(ctx: SiteContext, cases: Sequence[Case], root: str, *, level: int = 2) -> Markup:
    """One page of cards as HTML: the described part, then the 'nog niet beschreven' part."""
    cards = [card(ctx, c, root) for c in cases]
    html = render(
        "cards.html.j2",
        described=[c for c in cards if c.described],
        waiting=[c for c in cards if not c.described],
        level=level,
    )
    return Markup(clean_html(html))


def page_links(number: int, total: int, href: Callable[[int], str]) -> list[PageLink]:
    """First, last and nearby pages, with None-href gaps between them."""
    wanted = {1, total, *range(number - NEAR, number + NEAR + 1)}
    links: list[PageLink] = []
    previous = 0
    for n in sorted(w for w in wanted if 1 <= w <= total):
        if n > previous + 1:
            links.append(PageLink(0, None, False))
        links.append(PageLink(n, href(n), n == number))
        previous = n
    return links


def page_description(description: str, number: int, total: int) -> str:
    """A paginated list's description, with the page named after the first page."""
    if number == 1:
        return description
    return f"{description} Pagina {number} van {total}."


def pagination(number: int, total: int, href: Callable[[int], str], label: str) -> Markup:
    """The page navigation below a list (empty when everything fits on one page)."""
    if total <= 1:
        return Markup("")
    html = render(
        "pagination.html.j2",
        number=number,
        total=total,
        links=page_links(number, total, href),
        previous=href(number - 1) if number > 1 else None,
        next=href(number + 1) if number < total else None,
        label=label,
    )
    return Markup(clean_html(html))
