"""Home, role, lesson, episode and collection pages."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from widw.content.models import Episode, Lesson
from widw.site.case import source_view
from widw.site.context import ROLE_INVITES, SiteContext
from widw.site.jinja import render
from widw.site.listings import case_line
from widw.site.paging import pagination
from widw.site.search_page import search_form
from widw.content.dates import dutch_date
from widw.site.findable import findable
from widw.site.share import description_of
from widw.site.text import clean_html, front_matter, safe_body

NEWEST = 6
"""How many recently checked cases the home page shows."""
ROLE_PAGE_SIZE = 25
"""Lessons per page of a role: the page stays small however many lessons there are."""
EVIDENCE = 6
"""Cases shown under a lesson on a role page; the lesson's own page lists them all."""


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


def role_pages(ctx: SiteContext) -> dict[str, str]:
    """rollen/index.md and one page per role with every lesson and its evidence cases."""
    lib = ctx.library
    pages: dict[str, str] = {}
    roles = lib.vocabulary.terms("rollen")
    overview = render(
        "roles.md.j2",
        roles=[(t, e, len(lib.lessons_for_role(t))) for t, e in roles.items()],
        invites=ROLE_INVITES,
    )
    pages["rollen/index.md"] = front_matter({"title": "Lessen per rol"}, overview)
    for term, entry in roles.items():
        lessons = [(les, lib.cases_for_lesson(les.id)) for les in lib.lessons_for_role(term)]
        chunks = [lessons[i : i + ROLE_PAGE_SIZE] for i in range(0, len(lessons), ROLE_PAGE_SIZE)]
        for number, chunk in enumerate(chunks or [[]], start=1):
            pages.update(_role_page(entry, term, chunk, number, max(len(chunks), 1)))
    return pages


def _role_page(
    entry: Any, term: str, lessons: list[tuple[Lesson, list[Any]]], number: int, total: int
) -> dict[str, str]:
    """One page of a role's lessons, each with at most EVIDENCE of its cases."""
    root = "../../" if number == 1 else "../../../"
    first = f"{root}rollen/{term}/"

    def href(n: int) -> str:
        return first if n == 1 else f"{first}{n}/"

    title = f"Lessen voor {entry.label.lower()}"
    body = render(
        "role.md.j2",
        role=entry,
        lessons=[(les, cases[:EVIDENCE], len(cases) - EVIDENCE) for les, cases in lessons],
        up="" if number == 1 else "../",
        pagination=pagination(number, total, href, f"Pagina's van {title.lower()}"),
    )
    meta = {
        "title": title if number == 1 else f"{title}, pagina {number}",
        "description": description_of(entry.omschrijving)
        or f"Lessen uit Wij in de Wijk voor {entry.label.lower()}.",
        "widw": {"soort": "rol"},
    }
    found = findable(body, kind="rol", filters={"rol": [entry.label]})
    uri = f"rollen/{term}.md" if number == 1 else f"rollen/{term}/{number}.md"
    return {uri: front_matter(meta, found)}


def lesson_pages(ctx: SiteContext) -> dict[str, str]:
    """lessen/index.md and one page per lesson."""
    lib = ctx.library
    pages: dict[str, str] = {}
    roles = lib.vocabulary.terms("rollen")
    groups = [(e.label, lib.lessons_for_role(t)) for t, e in roles.items()]
    pages["lessen/index.md"] = front_matter(
        {"title": "Alle lessen"}, render("lessons.md.j2", groups=groups)
    )
    for lesson in lib.lessons.values():
        pages[f"lessen/{lesson.id}.md"] = _lesson_page(ctx, lesson)
    return pages


def _lesson_page(ctx: SiteContext, lesson: Lesson) -> str:
    body = render(
        "lesson.md.j2",
        lesson=lesson,
        roles=[(r, ctx.label("rollen", r)) for r in lesson.roles],
        body=safe_body(lesson.body),
        cases=ctx.library.cases_for_lesson(lesson.id),
        line=lambda c: case_line(ctx, c),
        sources=[source_view(ctx, s) for s in lesson.sources],
        checked=dutch_date(lesson.last_verified.isoformat()),
    )
    meta = {
        "title": lesson.title,
        "description": description_of(lesson.body, first_sentence=True) or lesson.title,
        "widw": {"soort": "les", "id": lesson.id, "bron": ctx.source_path("lesson", lesson.id)},
    }
    roles = [ctx.label("rollen", r) for r in lesson.roles]
    found = findable(
        body,
        kind="les",
        filters={"rol": roles},
        meta={"voor": "voor " + ", ".join(r.lower() for r in roles)},
    )
    return front_matter(meta, found)


def episode_pages(ctx: SiteContext) -> dict[str, str]:
    """media/index.md and one page per podcast episode, film or meeting."""
    lib = ctx.library
    episodes = sorted(lib.episodes.values(), key=lambda e: (e.date or "", e.title))
    pages = {
        "media/index.md": front_matter(
            {"title": "Podcasts, films en bijeenkomsten"},
            render("episodes.md.j2", episodes=episodes, kind=_kind(ctx)),
        )
    }
    for episode in episodes:
        pages[f"media/{episode.slug}.md"] = _episode_page(ctx, episode)
    return pages


def _kind(ctx: SiteContext) -> Any:
    return lambda term: ctx.label("mediasoorten", term)


def _episode_page(ctx: SiteContext, episode: Episode) -> str:
    cases = ctx.library.cases
    discussed = [(cases[d.slug], d.timestamp) for d in episode.cases if d.slug in cases]
    body = render(
        "episode.md.j2",
        episode=episode,
        kind=ctx.label("mediasoorten", episode.kind),
        date=dutch_date(episode.date) if episode.date else None,
        body=safe_body(episode.body),
        discussed=discussed,
        sources=[source_view(ctx, s) for s in episode.sources],
        checked=dutch_date(episode.last_verified.isoformat()),
    )
    kind = ctx.label("mediasoorten", episode.kind)
    meta = {
        "title": episode.title,
        "description": description_of(episode.body, first_sentence=True)
        or f"{kind}: {episode.title}",
        "widw": {
            "soort": "media",
            "slug": episode.slug,
            "bron": ctx.source_path("episode", episode.slug),
        },
    }
    found = findable(body, kind="aflevering", meta={"medium": kind})
    return front_matter(meta, found)


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
    body = render(
        "collection.md.j2",
        total=len(project),
        described=sum(c.status == "beschreven" for c in project),
        stubs=sorted((c for c in project if c.status == "stub"), key=lambda c: c.title.lower()),
        related=sorted((c for c in cases if c.collection == "verwant"), key=lambda c: c.title),
        table=Markup(table),
        line=lambda c: case_line(ctx, c),
    )
    return front_matter({"title": "De collectie", "widw": {"soort": "collectie"}}, body)
