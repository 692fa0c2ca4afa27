"""Index pages per facet: themes, elements, provinces, gemeenten and bundles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from markupsafe import Markup

from widw.content import routes
from widw.content.fieldmeta import vocabulary_of
from widw.content.models import Case
from widw.site.casemap import case_map
from widw.site.context import SiteContext, municipality_slug
from widw.site.jinja import render
from widw.site.paging import card_list, ordered, page_description, pages_of, pagination
from widw.site.text import front_matter


class Facet(NamedTuple):
    """One way to group cases, with the section (and so the folder) of its pages."""

    section: routes.Section
    title: str
    singular: str
    intro: str
    keys: Callable[[Case], Iterable[str]]

    @property
    def folder(self) -> str:
        """The URL folder of its pages."""
        return routes.folder(self.section)


class Term(NamedTuple):
    """One page of a facet: its key, label, description and cases."""

    key: str
    label: str
    description: str
    cases: list[Case]


def facets() -> list[Facet]:
    """The facets that get index pages, in navigation order."""
    return [
        Facet("theme", "Thema's", "Thema", "Waar gaan de casussen over?", lambda c: c.themes),
        Facet(
            "element",
            "Elementen van inclusieve burgermacht",
            "Element",
            "Welke van de drie elementen van inclusieve burgermacht laten de casussen zien?",
            lambda c: c.elements,
        ),
        Facet(
            "province",
            "Provincies",
            "Provincie",
            "Waar in Nederland liggen de casussen?",
            lambda c: [c.place.province] if c.place.province else [],
        ),
        Facet(
            "municipality",
            "Gemeenten",
            "Gemeente",
            "In welke gemeenten spelen de casussen?",
            lambda c: [municipality_slug(c.place.municipality)] if c.place.municipality else [],
        ),
        Facet(
            "bundle",
            "Bundels",
            "Bundel",
            "Movisie beschreef de casussen in vier bundels, van 2020 tot 2022.",
            lambda c: [str(c.bundle.number)] if c.bundle and c.bundle.number else [],
        ),
    ]


VOCAB: dict[str, str] = {
    section: vocabulary_of(Case, path)
    for section, path in (
        ("theme", "themas"),
        ("element", "elementen"),
        ("province", "plaats.provincie"),
    )
}
"""Facet section → the vocabulary list its terms come from (through the case field's metadata)."""


def facet_pages(ctx: SiteContext) -> dict[str, str]:
    """Every facet's overview page and one page per term."""
    pages: dict[str, str] = {}
    for facet in facets():
        terms = facet_terms(ctx, facet)
        pages.update(facet_index(facet, terms))
        for term in terms:
            pages.update(term_pages(ctx, facet, term))
    return pages


def facet_index(facet: Facet, terms: list[Term]) -> dict[str, str]:
    """A facet's own page: its terms with their labels, descriptions and numbers of cases."""
    meta: dict[str, Any] = {"title": facet.title, "description": facet.intro}
    return {
        routes.page(facet.section): front_matter(
            meta, render("facet.md.j2", facet=facet, terms=terms)
        )
    }


def term_pages(ctx: SiteContext, facet: Facet, term: Term) -> dict[str, str]:
    """One term's cases in pages of PAGE_SIZE: `routes.page(section, key, number)`."""
    chunks = pages_of(term.cases)
    pages: dict[str, str] = {}
    for number, chunk in enumerate(chunks, start=1):
        root = "../../" if number == 1 else "../../../"
        first = root + routes.url(facet.section, term.key)

        def href(n: int, first: str = first) -> str:
            return first if n == 1 else f"{first}{n}/"

        title = f"{facet.singular}: {term.label}"
        meta = {
            "title": title if number == 1 else f"{title}, pagina {number}",
            "description": page_description(
                term.description
                or f"De casussen van Wij in de Wijk bij {facet.singular.lower()} {term.label}.",
                number,
                len(chunks),
            ),
            "hide": ["toc"],
            "widw": {"soort": "index", "facet": facet.folder},
        }
        body = render(
            "term.md.j2",
            facet=facet,
            term=term,
            cards=card_list(ctx, chunk, root),
            pagination=pagination(number, len(chunks), href, f"Pagina's van {title}"),
            up="" if number == 1 else "../",
            kaart=province_map(ctx, term) if facet.section == "province" and number == 1 else "",
        )
        pages[routes.page(facet.section, term.key, number)] = front_matter(meta, body)
    return pages


def province_map(ctx: SiteContext, term: Term) -> Markup:
    """The map of one province's cases (see widw.site.casemap)."""
    return Markup(case_map(ctx, term.cases, root="../../", title=f"Casussen in {term.label}"))


def facet_terms(ctx: SiteContext, facet: Facet) -> list[Term]:
    """The terms of a facet with their cases, in page order."""
    grouped: dict[str, list[Case]] = defaultdict(list)
    names: dict[str, str] = {}
    for case in ctx.library.cases.values():
        for key in facet.keys(case):
            grouped[key].append(case)
            if facet.section == "municipality" and case.place.municipality:
                names.setdefault(key, case.place.municipality)
    terms: list[Term] = []
    if facet.section in VOCAB:
        for key, entry in ctx.library.vocabulary.terms(VOCAB[facet.section]).items():
            terms.append(Term(key, entry.label, entry.omschrijving, _order(grouped[key])))
    elif facet.section == "bundle":
        for number in ("1", "2", "3", "4"):
            terms.append(Term(number, f"Bundel {number}", "", _order(grouped[number])))
    else:
        for key in sorted(grouped, key=lambda k: names[k].lower()):
            terms.append(Term(key, names[key], "", _order(grouped[key])))
    return terms


def _order(cases: list[Case]) -> list[Case]:
    return ordered(cases)


def case_line(ctx: SiteContext, case: Case) -> str:
    """A short description after a case link: place and bundle."""
    parts = []
    if case.place.municipality:
        parts.append(case.place.municipality)
    if case.collection == "verwant":
        parts.append("verwante casus")
    elif case.bundle and case.bundle.number:
        afgeleid = " (afgeleid)" if case.bundle.certainty == "afgeleid" else ""
        parts.append(f"bundel {case.bundle.number}{afgeleid}")
    return ", ".join(parts)
