"""The case page: summary card, body, lessons per role, sources, related, citation."""

from __future__ import annotations

from typing import Any, NamedTuple

from markupsafe import Markup

from widw.content.models import Case
from widw.site.context import (
    FIELD_LABELS,
    SiteContext,
    inferred_fields,
    is_inferred,
    municipality_slug,
)
from widw.site.jinja import render
from widw.content.dates import dutch_date
from widw.site.findable import STUB_WEIGHT, findable
from widw.site.share import description_of
from widw.site.text import clean_html, front_matter, safe_body


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
    src_uri = f"casussen/{case.slug}.md"
    url = ctx.page_url(src_uri)
    meta: dict[str, Any] = {
        "title": case.title,
        "description": description_of(case.summary),
        "tags": [ctx.label("themas", t) for t in case.themes],
        "widw": {
            "soort": "casus",
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
        inferred=[(FIELD_LABELS.get(i.field, i.field), i.explanation) for i in case.inferred],
        bundle_note=case.bundle.explanation if case.bundle else None,
        body=safe_body(case.body),
        lessons=_lessons_by_role(ctx, case),
        sources=[source_view(ctx, s) for s in case.sources],
        related=_related(ctx, case),
        episodes=[
            (e, next((d.timestamp for d in e.cases if d.slug == case.slug), None))
            for e in lib.episodes_for_case(case.slug)
        ],
        # Trusted HTML from widw.cite, sanitised again here: never escaped, never raw.
        citation=Markup(clean_html(citation)),
        kind_label=lambda t: ctx.label("actorsoorten", t),
        checked=dutch_date(case.last_verified.isoformat()),
    )
    return front_matter(meta, findable(body, **search_facts(ctx, case)))


def search_facts(ctx: SiteContext, case: Case) -> dict[str, Any]:
    """The Pagefind filters, metadata, sort key and weight of a case page."""
    described = case.status != "stub"
    bundle = f"Bundel {case.bundle.number}" if case.bundle and case.bundle.number else ""
    return {
        "kind": "casus",
        "filters": {
            "thema": [ctx.label("themas", t) for t in case.themes],
            "element": [ctx.label("elementen", t) for t in case.elements],
            "provincie": [ctx.label("provincies", case.place.province)]
            if case.place.province
            else [],
            "gemeente": [case.place.municipality or ""],
            "bundel": [bundle],
            "rol": [ctx.label("rollen", r) for r in ctx.roles_for_case(case.slug)],
            "uitkomst": [ctx.label("uitkomsten", case.outcome.kind)] if case.outcome.kind else [],
            "participatievorm": [ctx.label("participatievormen", case.participation)]
            if case.participation
            else [],
            "initiatief": [ctx.label("soorten", k) for k in case.kinds],
        },
        "meta": {
            "plaats": place_text(case),
            "bundel": bundle,
            "themas": ", ".join(ctx.label("themas", t) for t in case.themes),
            "status": "beschreven" if described else "nog niet beschreven",
        },
        "words": [
            case.place.municipality or "",
            case.place.district or "",
            ctx.label("provincies", case.place.province) if case.place.province else "",
            *(ctx.label("themas", t) for t in case.themes),
            *(ctx.label("soorten", k) for k in case.kinds),
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
        href = f"../gemeenten/{municipality_slug(place.municipality)}.md"
        where.append(Item(place.municipality, href, flag("plaats.gemeente")))
    if place.district:
        where.append(Item(place.district, None, flag("plaats.wijk")))
    if place.province:
        label = ctx.label("provincies", place.province)
        href = f"../provincies/{place.province}.md"
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
        rows.append(Row("Bundel", [Item(f"Bundel {n}", f"../bundels/{n}.md", flag("bundel"))]))
    else:
        rows.append(Row("Bundel", []))
    rows.append(_terms(ctx, "Soort initiatief", "soorten", case.kinds, None, flag("soort")))
    part = [case.participation] if case.participation else []
    rows.append(_terms(ctx, "Participatievorm", "participatievormen", part, None,
                       flag("participatievorm")))  # fmt: skip
    rows.append(_terms(ctx, "Elementen", "elementen", case.elements, "elementen",
                       flag("elementen")))  # fmt: skip
    rows.append(_terms(ctx, "Thema's", "themas", case.themes, "themas", flag("themas")))
    money = [
        Item(_funding_text(ctx, f.kind, f.description, f.amount_eur), None, flag("financiering"))
        for f in case.funding
    ]
    rows.append(Row("Financiering", money))
    outcome: list[Item] = []
    if case.outcome.kind or case.outcome.description:
        text = ctx.label("uitkomsten", case.outcome.kind) if case.outcome.kind else ""
        if case.outcome.description:
            text = f"{text}: {case.outcome.description}" if text else case.outcome.description
        outcome.append(Item(text, None, flag("uitkomst")))
    rows.append(Row("Uitkomst", outcome))
    return rows


def _terms(
    ctx: SiteContext, label: str, vocab: str, terms: list[str], folder: str | None, inferred: bool
) -> Row:
    items = [
        Item(ctx.label(vocab, t), f"../{folder}/{t}.md" if folder else None, inferred)
        for t in terms
    ]
    return Row(label, items)


def _funding_text(ctx: SiteContext, kind: str, description: str | None, amount: int | None) -> str:
    text = ctx.label("financieringssoorten", kind)
    if amount is not None:
        text += f" (€ {amount:,})".replace(",", ".")
    if description:
        text += f": {description}"
    return text


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
        "kind": ctx.label("bronsoorten", source.kind),
        "supports": [ctx.label("feitengroepen", t).lower() for t in source.supports],
    }


def _lessons_by_role(ctx: SiteContext, case: Case) -> list[tuple[str, list[Any]]]:
    lessons = ctx.library.lessons_for_case(case.slug)
    groups = []
    for role, term in ctx.library.vocabulary.terms("rollen").items():
        matching = [lesson for lesson in lessons if role in lesson.roles]
        if matching:
            groups.append((term.label, matching))
    return groups


def _related(ctx: SiteContext, case: Case) -> list[Case]:
    cases = ctx.library.cases
    slugs = ctx.related.get(case.slug, [])
    return [cases[s] for s in slugs if s in cases and s != case.slug and cases[s].status != "stub"]
