"""The case page: summary, fact card, story, sources and citation, then lessons and links."""

from __future__ import annotations

from typing import Any, NamedTuple

from markupsafe import Markup

from widw.content import routes
from widw.content.dates import dutch_date
from widw.content.fieldmeta import field_terms, vocabulary_of
from widw.content.kinds import KINDS
from widw.content.models import Actor, Case, Funding, Lesson, Source
from widw.site.context import (
    SiteContext,
    field_label,
    inferred_fields,
    is_inferred,
    municipality_slug,
)
from widw.site.findable import STUB_WEIGHT, findable
from widw.site.jinja import render
from widw.site.selfscan import scan_tags
from widw.site.share import description_of
from widw.site.text import clean_html, front_matter, join_nl, safe_body

NOT_ON_PAGE = {"plaats.coordinaten"}
"""Inferred fields the case page does not show (the map says where its points come from)."""


class Item(NamedTuple):
    """One value on the summary card: text, optional link, and whether it is inferred."""

    text: str
    href: str | None = None
    inferred: bool = False


class Row(NamedTuple):
    """One line of the summary card."""

    label: str
    items: list[Item]


def case_page(ctx: SiteContext, case: Case) -> str:
    """The Markdown page for one case (a short page if it is a stub)."""
    src_uri = routes.page("case", case.slug)
    url = ctx.page_url(src_uri)
    meta: dict[str, Any] = {
        "title": case.title,
        "description": description_of(case.summary),
        "widw": {
            "soort": KINDS["case"].published_word,
            "slug": case.slug,
            "status": case.status,
            "bron": ctx.source_path("case", case.slug),
        },
    }
    citation = ""
    if ctx.citation_for is not None:
        citation, head = ctx.citation_for(case, url)
        meta["widw_head"] = Markup(head)
    lib = ctx.library
    body = render(
        "stub.md.j2" if case.status == "stub" else "case.md.j2",
        case=case,
        rows=card_rows(ctx, case),
        inferred=[
            (field_label(Case, i.field), i.explanation)
            for i in case.inferred
            if i.field not in NOT_ON_PAGE
        ],
        bundle_note=case.bundle.explanation if case.bundle else None,
        body=safe_body(case.body),
        lessons=lessons_with_roles(ctx, case),
        money=money_notes(ctx, case),
        sources=[source_view(ctx, s) for s in case.sources],
        related=_related(ctx, case),
        episodes=[
            (e, next((d.timestamp for d in e.cases if d.slug == case.slug), None))
            for e in lib.episodes_for_case(case.slug)
        ],
        # Trusted HTML from widw.cite, sanitised again here: never escaped, never raw.
        citation=Markup(clean_html(citation)),
        kind_label=lambda t: ctx.label(vocabulary_of(Actor, "soort"), t),
        checked=dutch_date(case.last_verified.isoformat()),
        contribute_url=ctx.contribute_url,
    )
    return front_matter(meta, findable(body, **search_facts(ctx, case)))


def search_facts(ctx: SiteContext, case: Case) -> dict[str, Any]:
    """The Pagefind filters, metadata, sort key and weight of a case page."""
    described = case.status != "stub"
    bundle = f"Bundel {case.bundle.number}" if case.bundle and case.bundle.number else ""
    return {
        "kind": KINDS["case"].search_word,
        "filters": {
            "thema": ctx.term_labels(case, "themas"),
            "element": ctx.term_labels(case, "elementen"),
            "provincie": ctx.term_labels(case, "plaats.provincie"),
            "gemeente": [case.place.municipality or ""],
            "bundel": [bundle],
            "rol": [ctx.label("rollen", r) for r in ctx.roles_for_case(case.slug)],
            "uitkomst": ctx.term_labels(case, "uitkomst.soort"),
            "participatievorm": ctx.term_labels(case, "participatievorm"),
            "initiatief": ctx.term_labels(case, "soort"),
        },
        "meta": {
            "plaats": place_text(case),
            "bundel": bundle,
            "themas": ", ".join(ctx.term_labels(case, "themas")),
            "status": "beschreven" if described else "nog niet beschreven",
        },
        "words": [
            case.place.municipality or "",
            case.place.district or "",
            *ctx.term_labels(case, "plaats.provincie"),
            *ctx.term_labels(case, "themas"),
            *ctx.term_labels(case, "soort"),
        ],
        "order": f"{0 if described else 1} {case.title.lower()}",
        "weight": None if described else STUB_WEIGHT,
    }


def place_text(case: Case) -> str:
    """Gemeente and wijk of a case ('Utrecht, Noord'), or 'onbekend'."""
    parts = [p for p in (case.place.municipality, case.place.district) if p]
    return ", ".join(parts) or "onbekend"


def card_rows(ctx: SiteContext, case: Case) -> list[Row]:
    """The summary card, field by field; unknown facts say 'onbekend'."""
    marks = inferred_fields(case)

    def flag(path: str) -> bool:
        return is_inferred(marks, path)

    place = case.place
    where: list[Item] = []
    if place.municipality:
        href = "../" + routes.page("municipality", municipality_slug(place.municipality))
        where.append(Item(place.municipality, href, flag("plaats.gemeente")))
    if place.district:
        where.append(Item(place.district, None, flag("plaats.wijk")))
    if place.province:
        for label in ctx.term_labels(case, "plaats.provincie"):
            href = "../" + routes.page("province", place.province)
            where.append(Item(f"provincie {label}", href, flag("plaats.provincie")))
    rows = [Row("Plaats", where)]
    if case.period and (case.period.start or case.period.end):
        start = dutch_date(case.period.start) if case.period.start else "onbekend"
        end = dutch_date(case.period.end) if case.period.end else "heden of onbekend"
        rows.append(Row("Periode", [Item(f"{start} – {end}", None, flag("periode"))]))
    else:
        rows.append(Row("Periode", []))
    if case.collection == "verwant":
        rows.append(Row("Collectie", [Item("verwante casus, geen van de 29")]))
    elif case.bundle is not None and case.bundle.number is not None:
        n = case.bundle.number
        href = "../" + routes.page("bundle", str(n))
        rows.append(Row("Bundel", [Item(f"Bundel {n}", href, flag("bundel"))]))
    else:
        rows.append(Row("Bundel", []))
    rows.append(_terms(ctx, case, "Soort initiatief", "soort", None, flag("soort")))
    rows.append(_terms(ctx, case, "Participatievorm", "participatievorm", None,
                       flag("participatievorm")))  # fmt: skip
    rows.append(_terms(ctx, case, "Elementen", "elementen", "element", flag("elementen")))
    rows.append(_terms(ctx, case, "Thema's", "themas", "theme", flag("themas")))
    money = [
        Item(_funding_text(ctx, f.kind, f.amount_eur), None, flag("financiering"))
        for f in case.funding
    ]
    rows.append(Row("Financiering", money))
    outcome: list[Item] = []
    for label in ctx.term_labels(case, "uitkomst.soort"):
        outcome.append(Item(label, None, flag("uitkomst")))
    if not outcome and case.outcome.description:
        outcome.append(Item("zie hieronder", "#wie-wat-hielp-en-geld", flag("uitkomst")))
    rows.append(Row("Uitkomst", outcome))
    if case.areas or case.phases:
        rows.append(Row("In de zelfscan", [Item(*tag) for tag in scan_tags(ctx, case)]))
    return rows


def _terms(
    ctx: SiteContext,
    case: Case,
    label: str,
    path: str,
    section: routes.Section | None,
    inferred: bool,
) -> Row:
    """A card row with the labels of one term field, each linked to its term page."""
    list_name, terms = field_terms(case, path)
    items = [
        Item(
            ctx.label(list_name, t), "../" + routes.page(section, t) if section else None, inferred
        )
        for t in terms
    ]
    return Row(label, items)


def _funding_text(ctx: SiteContext, kind: str, amount: int | None) -> str:
    text = ctx.label(vocabulary_of(Funding, "soort"), kind)
    if amount is not None:
        text += f" (€ {amount:,})".replace(",", ".")
    return text


def money_notes(ctx: SiteContext, case: Case) -> list[tuple[str, str]]:
    """The longer texts about funding and outcome, shown under the story, not on the card."""
    notes = [
        (_funding_text(ctx, f.kind, f.amount_eur), f.description)
        for f in case.funding
        if f.description
    ]
    if case.outcome.description:
        kind = next(iter(ctx.term_labels(case, "uitkomst.soort")), "Uitkomst")
        notes.append((f"Uitkomst: {kind.lower()}", case.outcome.description))
    return notes


def source_view(ctx: SiteContext, source: Any) -> dict[str, Any]:
    """A source with display strings for the templates."""
    formatted = ctx.source_format(source) if ctx.source_format else None
    return {
        "reference": Markup(clean_html(formatted)) if formatted else None,
        "title": source.title,
        "authors": " en ".join(source.authors) if source.authors else None,
        "publisher": source.publisher,
        "date": dutch_date(source.date) if source.date else None,
        "url": source.url,
        "kind": ctx.label(vocabulary_of(Source, "soort"), source.kind),
        "supports": [t.lower() for t in ctx.term_labels(source, "onderbouwt")],
    }


def lessons_with_roles(ctx: SiteContext, case: Case) -> list[tuple[str, list[Lesson]]]:
    """Each lesson of the case once, under the roles it is for ('Voor ambtenaren en …').

    Lessons for the same roles share one label; the groups follow the vocabulary's role order.
    """
    order = list(ctx.library.vocabulary.terms("rollen"))
    groups: dict[tuple[int, ...], list[Lesson]] = {}
    for lesson in ctx.library.lessons_for_case(case.slug):
        key = tuple(sorted(order.index(r) if r in order else len(order) for r in lesson.roles))
        groups.setdefault(key, []).append(lesson)
    result = []
    for key in sorted(groups, key=lambda k: (len(k), k)):
        roles = [ctx.label("rollen", order[i]).lower() for i in key if i < len(order)]
        result.append((f"Voor {join_nl(roles)}", groups[key]))
    return result


def _related(ctx: SiteContext, case: Case) -> list[Case]:
    cases = ctx.library.cases
    slugs = ctx.related.get(case.slug, [])
    return [cases[s] for s in slugs if s in cases and s != case.slug and cases[s].status != "stub"]
