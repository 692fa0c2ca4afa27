"""Home, lesson, episode and collection pages."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from markupsafe import Markup

from widw.content import routes
from widw.content.dates import dutch_date
from widw.content.kinds import KINDS
from widw.content.models import Contributor, Episode, Lesson
from widw.site.case import Item, Row, source_view
from widw.site.casemap import case_map
from widw.site.charts import collection_charts
from widw.site.context import ROLE_INVITES, SiteContext, field_label
from widw.site.findable import findable
from widw.site.index_pages import episode_index_pages, lesson_index_pages
from widw.site.jinja import render
from widw.site.listings import case_line
from widw.site.search_page import search_form
from widw.site.selfscan import scan_tags
from widw.site.share import description_of
from widw.site.text import clean_html, front_matter, safe_body

NEWEST = 6
"""How many recently checked cases the home page shows."""

MAP_TITLE = "Kaart van de initiatieven"

COLLECTION_LIST = 60
"""Most cases each list of the collection page names; the overview has all of them."""


def home_page(ctx: SiteContext) -> str:
    """index.md: what the project is, a way in per role, the newest cases, a search box."""
    roles = [
        (term, ROLE_INVITES.get(term, f"Ik ben: {entry.label.lower()}"), entry.omschrijving)
        for term, entry in ctx.library.vocabulary.terms("rollen").items()
    ]
    newest = sorted(ctx.described(), key=lambda c: (c.last_verified, c.title), reverse=True)
    search = search_form("")
    body = render(
        "home.md.j2",
        roles=roles,
        newest=newest[:NEWEST],
        line=lambda c: case_line(ctx, c),
        search=search,
        counts=_counts(ctx),
        kaart=Markup(case_map(ctx, list(ctx.library.cases.values()), root="", title=MAP_TITLE)),
    )
    meta = {"title": "Start", "hide": ["toc"], "widw": {"soort": "home"}}
    return front_matter(meta, body)


def _counts(ctx: SiteContext) -> dict[str, int]:
    cases = ctx.library.cases.values()
    return {
        "casussen": len(ctx.library.cases),
        "beschreven": sum(c.status == "beschreven" for c in cases),
        "lessen": len(ctx.library.lessons),
    }


def lesson_pages(ctx: SiteContext) -> dict[str, str]:
    """The lessons' index pages and one page per lesson."""
    pages = lesson_index_pages(ctx)
    for lesson in ctx.library.lessons.values():
        pages[routes.page("lesson", lesson.id)] = lesson_page(ctx, lesson)
    return pages


def lesson_page(ctx: SiteContext, lesson: Lesson) -> str:
    """One lesson's page: its text, roles, cases, sources and self-scan tags."""
    body = render(
        "lesson.md.j2",
        lesson=lesson,
        roles=[(r, ctx.label("rollen", r)) for r in lesson.roles],
        body=safe_body(lesson.body),
        cases=ctx.library.cases_for_lesson(lesson.id),
        scan=scan_tags(ctx, lesson),
        inferred=[(field_label(Lesson, i.field), i.explanation) for i in lesson.inferred],
        line=lambda c: case_line(ctx, c),
        sources=[source_view(ctx, s) for s in lesson.sources],
        checked=dutch_date(lesson.last_verified.isoformat()),
    )
    meta = {
        "title": lesson.title,
        "description": description_of(lesson.body, first_sentence=True) or lesson.title,
        "widw": {
            "soort": KINDS["lesson"].published_word,
            "id": lesson.id,
            "bron": ctx.source_path("lesson", lesson.id),
        },
    }
    roles = [ctx.label("rollen", r) for r in lesson.roles]
    found = findable(
        body,
        kind=KINDS["lesson"].search_word,
        filters={"rol": roles},
        meta={"voor": "voor " + ", ".join(r.lower() for r in roles)},
    )
    return front_matter(meta, found)


def episode_pages(ctx: SiteContext) -> dict[str, str]:
    """The episodes' index page and one page per podcast episode, film or meeting."""
    lib = ctx.library
    episodes = sorted(lib.episodes.values(), key=lambda e: (e.date or "", e.title))
    pages = episode_index_pages(ctx, episodes)
    for episode in episodes:
        pages[routes.page("episode", episode.slug)] = _episode_page(ctx, episode)
    return pages


def _episode_page(ctx: SiteContext, episode: Episode) -> str:
    cases = ctx.library.cases
    discussed = [(cases[d.slug], d.timestamp) for d in episode.cases if d.slug in cases]
    body = render(
        "episode.md.j2",
        episode=episode,
        rows=episode_rows(ctx, episode),
        body=safe_body(episode.body),
        discussed=discussed,
        sources=[source_view(ctx, s) for s in episode.sources],
        checked=dutch_date(episode.last_verified.isoformat()),
    )
    kind = ctx.term_labels(episode, "soort")[0]
    meta = {
        "title": episode.title,
        "description": description_of(episode.body, first_sentence=True)
        or f"{kind}: {episode.title}",
        "widw": {
            "soort": KINDS["episode"].published_word,
            "slug": episode.slug,
            "bron": ctx.source_path("episode", episode.slug),
        },
    }
    found = findable(body, kind=KINDS["episode"].search_word, meta={"medium": kind})
    return front_matter(meta, found)


def episode_rows(ctx: SiteContext, episode: Episode) -> list[Row]:
    """The fact card of an episode: one flat list, people by role, each role once."""
    rows = [Row("Soort", [Item(label) for label in ctx.term_labels(episode, "soort")])]
    if episode.series:
        number = f", aflevering {episode.number}" if episode.number else ""
        rows.append(Row("Serie", [Item(f"{episode.series}{number}")]))
    date = dutch_date(episode.date) if episode.date else None
    rows.append(Row("Datum", [Item(date)] if date else []))
    if episode.makers:
        rows.append(Row("Makers", [Item(t) for t in people(episode.makers)]))
    if episode.guests:
        rows.append(Row("Gasten", [Item(t) for t in people(episode.guests)]))
    if episode.url:
        host = urlsplit(episode.url).hostname or episode.url
        what = {"podcast": "aflevering", "film": "film"}.get(episode.kind, "pagina")
        text = f"naar de {what} ({host})"
        rows.append(Row("Beluisteren of bekijken", [Item(text, episode.url)]))
    return rows


def people(contributors: list[Contributor]) -> list[str]:
    """'presentator (Movisie)' once per role and organisation, with how many if more than one."""
    counts = Counter((p.role, p.organisation) for p in contributors)
    texts = []
    for (role, organisation), n in counts.items():
        parts = [organisation] if organisation else []
        if n > 1:
            parts.append(f"{n} personen")
        texts.append(f"{role} ({', '.join(parts)})" if parts else role)
    return texts


def collection_page(ctx: SiteContext) -> str:
    """collectie.md: the 29 cases, how many are described, which are stubs, per bundle."""
    cases = list(ctx.library.cases.values())
    project = [c for c in cases if c.collection == "wij-in-de-wijk"]
    per_bundle = []
    for number in (1, 2, 3, 4, None):
        group = [c for c in project if (c.bundle.number if c.bundle else None) == number]
        if number is None and not group:
            continue
        described = sum(c.status == "beschreven" for c in group)
        per_bundle.append((number, described, len(group) - described))
    table = clean_html(render("collection_table.html.j2", rows=per_bundle))
    stubs = sorted((c for c in project if c.status == "stub"), key=lambda c: c.title.lower())
    related = sorted((c for c in cases if c.collection == "verwant"), key=lambda c: c.title)
    body = render(
        "collection.md.j2",
        total=len(project),
        described=sum(c.status == "beschreven" for c in project),
        stubs=stubs[:COLLECTION_LIST],
        more_stubs=max(len(stubs) - COLLECTION_LIST, 0),
        related=related[:COLLECTION_LIST],
        more_related=max(len(related) - COLLECTION_LIST, 0),
        table=Markup(table),
        line=lambda c: case_line(ctx, c),
        kaart=Markup(case_map(ctx, cases, root="../", title=MAP_TITLE)),
        grafieken=Markup(collection_charts(ctx)),
    )
    return front_matter({"title": "De collectie", "widw": {"soort": "collectie"}}, body)
