"""The overview "Alle casussen": pages of case cards, with filters over every case."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import Any, NamedTuple

from markupsafe import Markup

from widw.content import routes
from widw.content.fieldmeta import field_terms, vocabulary_of
from widw.content.models import Case, Lesson
from widw.site.casemap import case_map
from widw.site.context import SiteContext
from widw.site.jinja import render
from widw.site.paging import card_list, ordered, page_description, pages_of, pagination
from widw.site.text import clean_html, front_matter


class Filter(NamedTuple):
    """One filter: URL parameter, Dutch label, vocabulary list and the case's values."""

    param: str
    label: str
    vocab: str | None
    values: Callable[[SiteContext, Case], list[str]]


def _field(path: str) -> tuple[str, Callable[[SiteContext, Case], list[str]]]:
    """A case field's vocabulary list and its terms (from the field metadata)."""
    return vocabulary_of(Case, path), lambda _, c: field_terms(c, path)[1]


FILTERS = [
    Filter("thema", "Thema", *_field("themas")),
    Filter("element", "Element", *_field("elementen")),
    Filter("provincie", "Provincie", *_field("plaats.provincie")),
    Filter(
        "bundel",
        "Bundel",
        None,
        lambda _, c: [str(c.bundle.number)] if c.bundle and c.bundle.number else [],
    ),
    Filter("uitkomst", "Uitkomst", *_field("uitkomst.soort")),
    Filter("participatievorm", "Participatievorm", *_field("participatievorm")),
    Filter(
        "rol",
        "Lessen voor rol",
        vocabulary_of(Lesson, "rollen"),
        lambda ctx, c: ctx.roles_for_case(c.slug),
    ),
]
"""The filters, in the order of the form and of the URL parameters."""


class Option(NamedTuple):
    """One choice in a filter, with the number of cases it keeps."""

    value: str
    label: str
    cases: int


class Overview(NamedTuple):
    """What every page of the overview shows: the cases in order, filters and counts."""

    cases: list[Case]
    options: dict[str, list[Option]]
    chunks: list[list[Case]]
    described: int


def overview(ctx: SiteContext) -> Overview:
    """The cases in list order, split into pages, with the filters' options and counts."""
    cases = ordered(list(ctx.library.cases.values()))
    counts: dict[str, Counter[str]] = {f.param: Counter() for f in FILTERS}
    for case in cases:
        for f in FILTERS:
            counts[f.param].update(f.values(ctx, case))
    options = {f.param: _options(ctx, f, counts[f.param]) for f in FILTERS}
    described = sum(c.status != "stub" for c in cases)
    return Overview(cases, options, pages_of(cases), described)


def overview_pages(ctx: SiteContext) -> dict[str, str]:
    """The cases' index page and its further pages: the filter form and PAGE_SIZE cards each.

    The filters work on every case through the browser index (filter.js + Pagefind); the
    pages themselves list described cases first and never grow with the library.
    """
    view = overview(ctx)
    pages: dict[str, str] = {}
    for number in range(1, len(view.chunks) + 1):
        pages.update(overview_page(ctx, view, number))
    return pages


def overview_page(ctx: SiteContext, view: Overview, number: int) -> dict[str, str]:
    """One page of the overview (the first also shows the map of every case)."""
    cases, chunks = view.cases, view.chunks
    chunk = chunks[number - 1]
    root = "../" if number == 1 else "../../../"
    form = render(
        "overview.html.j2",
        filters=FILTERS,
        options=view.options,
        labels={f.param: f.label for f in FILTERS},
        total=len(cases),
        described=view.described,
        number=number,
        pages=len(chunks),
        root=root,
    )
    kaart = ""
    if number == 1:
        kaart = Markup(case_map(ctx, cases, root="../", title="Kaart van de casussen"))
    body = render(
        "overview.md.j2",
        form=Markup(clean_html(form)),
        cards=card_list(ctx, chunk, root),
        pagination=pagination(
            number, len(chunks), functools.partial(_page_href, root), "Pagina's met casussen"
        ),
        total=len(cases),
        root=root,
        kaart=kaart,
    )
    meta: dict[str, Any] = {
        "title": "Alle casussen" if number == 1 else f"Alle casussen, pagina {number}",
        "description": page_description(
            f"Alle {len(cases)} casussen van de kennisbank, te filteren op thema, element, "
            "provincie, bundel, uitkomst en rol.",
            number,
            len(chunks),
        ),
        "hide": ["toc"],
        "widw": {"soort": "overzicht"},
    }
    return {routes.page("case", number=number): front_matter(meta, body)}


def _page_href(root: str, number: int) -> str:
    return root + routes.url("case", number=number)


def _options(ctx: SiteContext, f: Filter, counts: Counter[str]) -> list[Option]:
    if f.vocab is None:
        return [Option(v, f"Bundel {v}", counts[v]) for v in sorted(counts)]
    terms = ctx.library.vocabulary.terms(f.vocab)
    return [Option(k, t.label, counts[k]) for k, t in terms.items() if counts[k]]
