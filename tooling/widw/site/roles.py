"""Role pages: what each lesson for a role says, with its evidence cases or its source."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from widw.content import routes
from widw.content.models import Case, Lesson
from widw.content.own_text import own_text
from widw.site.context import ROLE_INVITES, SiteContext
from widw.site.findable import findable
from widw.site.jinja import render
from widw.site.paging import page_description, pagination
from widw.site.selfscan import ROLES as SCAN_ROLES
from widw.site.share import description_of
from widw.site.text import front_matter, safe_body

_SAME_FOLDER_LINK = re.compile(r"\]\((?![a-z]+:|#|/|\.\./)([^)\s]+)\)")
"""A Markdown link relative to the lessons' folder (another lesson): the role page re-roots it."""


ROLE_PAGE_SIZE = 25
"""Lessons per page of a role: the page stays small however many lessons there are."""
EVIDENCE = 6
"""Cases named under a lesson on a role page; the lesson's own page lists them all."""


class RoleLesson(NamedTuple):
    """One lesson on a role page: its short text, evidence cases and source."""

    lesson: Lesson
    text: str
    cases: list[Case]
    origin: str
    other_roles: list[str]
    more: int = 0
    """How many more evidence cases the lesson's own page names."""


def lesson_summary(body: str, up: str = "") -> str:
    """The lesson's short text with its links made to work from a role page (or a page below)."""
    lessons = routes.folder("lesson")
    return _SAME_FOLDER_LINK.sub(rf"]({up}../{lessons}/\1)", _own_markdown(body))


def _own_markdown(body: str) -> str:
    """The lesson's own text as Markdown (`widw.content.own_text`), or ''."""
    own = own_text(body)
    return own.markdown if own is not None else ""


def origin(lesson: Lesson) -> str:
    """'Title (Publisher, date)' of the lesson's first source."""
    source = lesson.sources[0]
    details = [d for d in (source.publisher, source.date) if d]
    return f"{source.title} ({', '.join(details)})" if details else source.title


def role_pages(ctx: SiteContext) -> dict[str, str]:
    """The roles' index page and one page per role with every lesson's text and evidence."""
    lib = ctx.library
    pages: dict[str, str] = {}
    roles = lib.vocabulary.terms("rollen")
    overview = render(
        "roles.md.j2",
        roles=[(t, e, len(lib.lessons_for_role(t))) for t, e in roles.items()],
        invites=ROLE_INVITES,
    )
    pages[routes.page("role")] = front_matter({"title": "Lessen per rol"}, overview)
    for term, entry in roles.items():
        items = [
            RoleLesson(
                lesson,
                lesson.body,
                lib.cases_for_lesson(lesson.id),
                origin(lesson),
                [ctx.label("rollen", r).lower() for r in lesson.roles if r != term],
            )
            for lesson in lib.lessons_for_role(term)
        ]
        with_cases = sorted(
            (i for i in items if i.cases), key=lambda i: (-len(i.cases), i.lesson.title)
        )
        without = sorted((i for i in items if not i.cases), key=lambda i: i.lesson.title)
        ordered = [*with_cases, *without]
        chunks = [
            ordered[i : i + ROLE_PAGE_SIZE] for i in range(0, len(ordered), ROLE_PAGE_SIZE)
        ] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            pages.update(_role_page(term, entry, chunk, number, len(chunks)))
    return pages


def _role_page(
    term: str, entry: Any, chunk: list[RoleLesson], number: int, total: int
) -> dict[str, str]:
    """One page of a role's lessons: `routes.page("role", term, number)`."""
    up = "" if number == 1 else "../"
    first = ("../../" if number == 1 else "../../../") + routes.url("role", term)

    def href(n: int) -> str:
        return first if n == 1 else f"{first}{n}/"

    shown = [
        item._replace(
            text=safe_body(lesson_summary(item.text, up)),
            cases=item.cases[:EVIDENCE],
            more=max(len(item.cases) - EVIDENCE, 0),
        )
        for item in chunk
    ]
    title = f"Lessen voor {entry.label.lower()}"
    body = render(
        "role.md.j2",
        role=entry,
        with_cases=[i for i in shown if i.cases],
        without=[i for i in shown if not i.cases],
        selfscan=term in SCAN_ROLES and number == 1,
        up=up,
        pagination=pagination(number, total, href, f"Pagina's van {title.lower()}"),
    )
    meta = {
        "title": title if number == 1 else f"{title}, pagina {number}",
        "description": page_description(
            description_of(entry.omschrijving)
            or f"Lessen uit Wij in de Wijk voor {entry.label.lower()}.",
            number,
            total,
        ),
        "widw": {"soort": "rol"},
    }
    found = findable(body, kind="rol", filters={"rol": [entry.label]})
    uri = routes.page("role", term, number)
    return {uri: front_matter(meta, found)}
