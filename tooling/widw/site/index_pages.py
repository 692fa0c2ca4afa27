"""Index pages of bounded size: "Alle lessen" and "Podcasts, films en bijeenkomsten".

Each index lists PAGE_SIZE entries a page: page 1 is the section's index, page N its
further page (`widw.content.routes.page`), so no index page grows with the library. The
page links work without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from widw.content import routes
from widw.content.fieldmeta import vocabulary_of
from widw.content.models import Episode, Lesson
from widw.site.context import SiteContext
from widw.site.jinja import render
from widw.site.paging import PAGE_SIZE, page_description, pagination
from widw.site.text import front_matter


def paged_index(
    section: routes.Section,
    entries: Sequence[Any],
    page: Callable[[list[Any], int, int, str], tuple[dict[str, Any], str]],
    nav_label: str,
) -> dict[str, str]:
    """The section's index page and its further pages (`routes.page`), PAGE_SIZE entries each.

    `page(chunk, number, total, up)` gives a page's front matter and Markdown body without
    the page links; `up` leads from the page's source file to the section's folder ("" or
    "../").
    """
    chunks = [list(entries[i : i + PAGE_SIZE]) for i in range(0, len(entries), PAGE_SIZE)]
    chunks = chunks or [[]]
    pages: dict[str, str] = {}
    for number, chunk in enumerate(chunks, start=1):
        root = "../" if number == 1 else "../../../"

        def href(n: int, root: str = root) -> str:
            return root + routes.url(section, None, n)

        meta, body = page(chunk, number, len(chunks), "" if number == 1 else "../")
        links = pagination(number, len(chunks), href, nav_label)
        pages[routes.page(section, None, number)] = front_matter(meta, f"{body}\n\n{links}\n")
    return pages


def _title(title: str, number: int) -> str:
    return title if number == 1 else f"{title}, pagina {number}"


def lesson_index_pages(ctx: SiteContext) -> dict[str, str]:
    """ "Alle lessen": every lesson by title with its roles; the role pages group them."""
    lib = ctx.library
    lessons = sorted(lib.lessons.values(), key=lambda les: (les.title.lower(), les.id))
    roles = [
        (t, e.label, len(lib.lessons_for_role(t)))
        for t, e in lib.vocabulary.terms("rollen").items()
    ]
    description = (
        f"Alle {len(lessons)} lessen van de kennisbank op titel, met de rollen waarvoor ze gelden."
    )

    def page(chunk: list[Lesson], number: int, total: int, up: str) -> tuple[dict[str, Any], str]:
        body = render(
            "lessons.md.j2",
            lessons=[(les, _for_roles(ctx, les)) for les in chunk],
            roles=roles,
            total=len(lessons),
            first=number == 1,
            up=up,
        )
        meta = {
            "title": _title("Alle lessen", number),
            "description": page_description(description, number, total),
        }
        return meta, body

    return paged_index("lesson", lessons, page, "Pagina's met lessen")


def _for_roles(ctx: SiteContext, lesson: Lesson) -> str:
    """': voor ambtenaren, bestuurders en politici' after a lesson's link (or nothing)."""
    roles = [ctx.label("rollen", r).lower() for r in lesson.roles]
    return f": voor {', '.join(roles)}" if roles else ""


def episode_index_pages(ctx: SiteContext, episodes: Sequence[Episode]) -> dict[str, str]:
    """ "Podcasts, films en bijeenkomsten": every episode in date order, with its kind."""
    title = "Podcasts, films en bijeenkomsten"
    description = (
        "De podcasts, korte films en bijeenkomsten van Wij in de Wijk, met de casussen die "
        "erin besproken worden."
    )

    def page(chunk: list[Episode], number: int, total: int, up: str) -> tuple[dict[str, Any], str]:
        body = render(
            "episodes.md.j2",
            episodes=chunk,
            kind=lambda term: ctx.label(vocabulary_of(Episode, "soort"), term),
            up=up,
            first=number == 1,
        )
        meta = {
            "title": _title(title, number),
            "description": page_description(description, number, total),
        }
        return meta, body

    return paged_index("episode", episodes, page, "Pagina's met afleveringen")
