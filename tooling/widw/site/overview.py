"""The overview "Alle casussen": one table of every case, with client-side filters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from markupsafe import Markup

from widw.content.models import Case
from widw.site.casemap import case_map
from widw.site.context import SiteContext
from widw.site.jinja import render
from widw.site.text import clean_html, front_matter


class Filter(NamedTuple):
    """One filter: URL parameter, Dutch label, vocabulary list and the case's values."""

    param: str
    label: str
    vocab: str | None
    values: Callable[[SiteContext, Case], list[str]]


FILTERS = [
    Filter("thema", "Thema", "themas", lambda _, c: list(c.themes)),
    Filter("element", "Element", "elementen", lambda _, c: list(c.elements)),
    Filter(
        "provincie",
        "Provincie",
        "provincies",
        lambda _, c: [c.place.province] if c.place.province else [],
    ),
    Filter(
        "bundel",
        "Bundel",
        None,
        lambda _, c: [str(c.bundle.number)] if c.bundle and c.bundle.number else [],
    ),
    Filter(
        "uitkomst",
        "Uitkomst",
        "uitkomsten",
        lambda _, c: [c.outcome.kind] if c.outcome.kind else [],
    ),
    Filter(
        "participatievorm",
        "Participatievorm",
        "participatievormen",
        lambda _, c: [c.participation] if c.participation else [],
    ),
    Filter("rol", "Lessen voor rol", "rollen", lambda ctx, c: ctx.roles_for_case(c.slug)),
]
"""The filters, in the order of the form and of the URL parameters."""


class Option(NamedTuple):
    """One choice in a filter, with the number of cases it keeps."""

    value: str
    label: str
    cases: int


class Row(NamedTuple):
    """One table row with its filter values and display strings."""

    case: Case
    data: dict[str, str]
    province: str
    bundle: str
    themes: str
    outcome: str


def overview_page(ctx: SiteContext) -> str:
    """casussen/index.md: the filter form (shown by JavaScript) and the full table."""
    cases = sorted(ctx.library.cases.values(), key=lambda c: c.title.lower())
    rows: list[Row] = []
    counts: dict[str, Counter[str]] = {f.param: Counter() for f in FILTERS}
    for case in cases:
        data = {}
        for f in FILTERS:
            values = f.values(ctx, case)
            counts[f.param].update(values)
            data[f.param] = " ".join(values)
        rows.append(_row(ctx, case, data))
    options = {f.param: _options(ctx, f, counts[f.param]) for f in FILTERS}
    html = render("overview.html.j2", filters=FILTERS, options=options, rows=rows)
    kaart = Markup(case_map(ctx, cases, root="../", title="Kaart van de casussen"))
    body = render("overview.md.j2", table=Markup(clean_html(html)), total=len(rows), kaart=kaart)
    meta = {
        "title": "Alle casussen",
        "search": {"exclude": True},
        "hide": ["toc"],
        "widw": {"soort": "overzicht"},
    }
    return front_matter(meta, body)


def _row(ctx: SiteContext, case: Case, data: dict[str, str]) -> Row:
    bundle = ""
    if case.collection == "verwant":
        bundle = "verwant"
    elif case.bundle and case.bundle.number:
        bundle = str(case.bundle.number)
        if case.bundle.certainty == "afgeleid":
            bundle += " (afgeleid)"
    return Row(
        case=case,
        data=data,
        province=ctx.label("provincies", case.place.province) if case.place.province else "",
        bundle=bundle,
        themes=", ".join(ctx.label("themas", t) for t in case.themes),
        outcome=ctx.label("uitkomsten", case.outcome.kind) if case.outcome.kind else "",
    )


def _options(ctx: SiteContext, f: Filter, counts: Counter[str]) -> list[Option]:
    if f.vocab is None:
        return [Option(v, f"Bundel {v}", counts[v]) for v in sorted(counts)]
    terms = ctx.library.vocabulary.terms(f.vocab)
    return [Option(k, t.label, counts[k]) for k, t in terms.items() if counts[k]]
